/**
 * The loader: finds the shim bundled for this platform, checks it, extracts it and loads it, the same way on every
 * OS. Its one public class, {@link io.github.vss4j.internal.loader.NativeLibrary}, is what the rest of vss4j calls;
 * the package is not exported.
 *
 * <p>The properties it keeps, each tested:
 * <ul>
 *   <li>The library is checked against the SHA-256 recorded at build time ({@code natives/<platform>/<file>.sha256})
 *       before {@code System.load}: the jar's bytes before anything is written, the exact file loaded after it is
 *       in place, and a reused file on every load. The digest is read from the same jar as the library: it guards
 *       the extracted copy (against other processes, cleaners, full disks) and the jar against corruption, not
 *       against whoever can rewrite the jar, who could rewrite any digest in it too; that is signing's job.</li>
 *   <li>The file is extracted to {@code <base>/<version>-<digest prefix>/}, base and folder owner-only
 *       ({@code OwnerOnly}, the rule's one statement); a directory another user owns
 *       or can write, a link, or a parent others can write (unless sticky) is refused, never used. Elevated Windows
 *       runs use a base of their own and never take over the other kind's ({@code OwnerOnly}). Without
 *       {@code vss4j.extract.dir}, POSIX falls back to {@code $XDG_RUNTIME_DIR/vss4j}, then the cache directory.</li>
 *   <li>{@code System.load} is called from this package's class and {@code java.library.path} is never searched.</li>
 *   <li>A failure is an {@link java.lang.UnsatisfiedLinkError} that names what was tried and keeps every cause.</li>
 *   <li>Folders of other vss4j builds in the same base are removed once no process uses them: each loading process
 *       holds a shared lock on {@code <folder>.in-use} until it exits, and a folder whose exclusive lock can be
 *       taken is unused ({@code FolderLocks}). Other users' and the other elevation kind's bases are never read.</li>
 * </ul>
 */
package io.github.vss4j.internal.loader;
