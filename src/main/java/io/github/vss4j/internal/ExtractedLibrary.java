package io.github.vss4j.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Where the bundled library is extracted to, and the warm load: finding an earlier extraction intact, which is all
 * that most loads have to do.
 *
 * <p>The file for version {@code v} and recorded digest {@code d} is {@code <base>/<v>-<first 16 hex digits of
 * d>/<file>}, {@code <base>} being {@code vss4j.extract.dir} or {@code <java.io.tmpdir>/vss4j-<user.name>}.
 *
 * <p>{@link #findIntact} is the warm load's check, tried before {@link NativeLoader}: read-only, all or nothing. It
 * accepts the file only where {@link NativeLoader} would reuse it without a word: the directories as
 * {@link OwnerOnlyFiles#secureDirectory} leaves them (the same rules, {@link OwnerOnlyFiles#isSecureDirectory}),
 * the file owner-only, its SHA-256 the one recorded at build time. Anything else, or anything it cannot tell, and it
 * answers null: {@link NativeLoader} then takes over, repairs what it can and says what it cannot. It exists for
 * speed alone. A warm load is usually the first thing a fresh JVM does with vss4j, and such a JVM pays about half a
 * millisecond for each class it loads from a jar and milliseconds to read a jar resource; this path needs this
 * class, {@link OwnerOnlyFiles}, {@link NativePlatform}, {@link Sha256} and {@code BundledDigests}, and no resource.
 *
 * <p>The recorded digests come from {@code BundledDigests}, a class the build generates from the natives it packages
 * ({@code src/build/java/RecordNativeDigests.java}), the same bytes as the {@code .sha256} files beside them; it
 * hands them to {@link #record} when it is initialised. Where it is absent (classes compiled by an IDE), there is
 * no warm path and {@link NativeLoader} reads the {@code .sha256} resources.
 */
final class ExtractedLibrary {
    /** How much of the digest names the directory: enough to tell builds apart, short enough for Windows paths. */
    static final int DIR_DIGEST_PREFIX = 16;
    private static final String GENERATED = "io.github.vss4j.internal.BundledDigests";

    /** Resource names and their digests, in pairs, as {@code BundledDigests} records them; null until then. */
    private static String[] recorded;

    private ExtractedLibrary() {
    }

    /** Called once, by the generated {@code BundledDigests} while it is initialised: resource, digest, ... */
    static synchronized void record(String[] resourcesAndDigests) {
        if (resourcesAndDigests.length % 2 != 0) {
            throw new IllegalArgumentException("resources and digests come in pairs, got " + resourcesAndDigests.length);
        }
        recorded = resourcesAndDigests.clone();
    }

    /**
     * The SHA-256 the build recorded for {@code resource} (e.g. {@code natives/linux_64/libvss4j.so}) in
     * {@code BundledDigests}, in lower-case hex; null when there is none or no such class.
     */
    static synchronized String recordedDigest(String resource) {
        if (recorded == null) {
            try {
                Class.forName(GENERATED, true, ExtractedLibrary.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                return null;  // compiled without the build's generated class: NativeLoader reads the .sha256 resource
            }
        }
        for (int i = 0; recorded != null && i < recorded.length; i += 2) {
            if (recorded[i].equals(resource)) {
                return recorded[i + 1];
            }
        }
        return null;
    }

    /**
     * The extracted library of {@code version} if an earlier load left it intact, verified just now; else null and
     * nothing is created or changed. Only for the usual configuration: the bundled library of the detected platform
     * ({@value NativeLibrary#LIBRARY_PATH_PROPERTY} and {@value NativeLibrary#PLATFORM_PROPERTY} unset), in the
     * default or the configured extraction directory.
     */
    static Path findIntact(String version) {
        if (System.getProperty(NativeLibrary.LIBRARY_PATH_PROPERTY) != null
                || System.getProperty(NativeLibrary.PLATFORM_PROPERTY) != null) {
            return null;
        }
        String folder = NativePlatform.folderName(System.getProperty("os.name"), System.getProperty("os.arch"));
        if (folder == null) {
            return null;
        }
        NativePlatform target = NativePlatform.ofFolder(folder);
        String expected = recordedDigest(target.resource());
        if (expected == null) {
            return null;
        }
        try {
            Path base = baseDirectory(System.getProperty(NativeLibrary.EXTRACT_DIR_PROPERTY),
                    System.getProperty("java.io.tmpdir"), System.getProperty("user.name"));
            return intact(new OwnerOnlyFiles(null), base, version, target.fileName(), expected);
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * The file {@code fileName} for {@code version} and {@code expected} under {@code base} if it is there intact,
     * else null. Throws what reading the file system throws.
     */
    static Path intact(OwnerOnlyFiles files, Path base, String version, String fileName, String expected)
            throws IOException {
        Path dir = base.resolve(directoryName(version, expected));
        Path file = dir.resolve(fileName);
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return null;  // the first load of this build on this machine
        }
        if (!files.isSecureDirectory(base) || !files.isSecureDirectory(dir) || files.whyNotOwnerOnly(file, dir) != null) {
            return null;
        }
        return Sha256.hex(file).equals(expected) ? file : null;
    }

    /** {@code configured} if set, else {@code <tmp>/vss4j-<user>}; absolute and normalized. */
    static Path baseDirectory(String configured, String tmp, String user) throws IOException {
        try {
            if (configured != null && !configured.isBlank()) {
                return Path.of(configured).toAbsolutePath().normalize();
            }
            return Path.of(tmp).toAbsolutePath().normalize().resolve("vss4j-" + safeName(user));
        } catch (InvalidPathException e) {
            throw new IOException("invalid extraction directory: " + e.getMessage(), e);
        }
    }

    /** The version directory's name: {@code <version>-<first 16 hex digits of the digest>}. */
    static String directoryName(String version, String digest) {
        return safeName(version == null || version.isBlank() ? "dev" : version) + "-"
                + digest.substring(0, DIR_DIGEST_PREFIX);
    }

    /** {@code s} with every character but {@code [A-Za-z0-9._-]} replaced by {@code _}; "unknown" if nothing is left. */
    static String safeName(String s) {
        String in = s == null ? "" : s;
        StringBuilder name = new StringBuilder(in.length());
        boolean onlyDots = true;
        for (int i = 0; i < in.length(); ) {
            int c = in.codePointAt(i);
            i += Character.charCount(c);
            boolean safe = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == '-';
            name.append(safe ? (char) c : '_');
            onlyDots &= c == '.';
        }
        return onlyDots ? "unknown" : name.toString();
    }
}
