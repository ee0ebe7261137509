package io.github.vss4j.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Loads the vss4j shim once per class loader: {@link #load()} is idempotent and thread-safe.
 *
 * <p>By default the library bundled in the jar for this platform ({@code natives/<platform>/}, native-lib-loader's
 * folder names) is checked against the SHA-256 recorded at build time, extracted into an owner-only directory
 * named by version and digest (reused while it is intact) and loaded with {@code System.load} from vss4j's own
 * class ({@link NativeLoader}). {@code java.library.path} is never searched (no DLL planting). Properties:
 * <ul>
 *   <li>{@value #LIBRARY_PATH_PROPERTY}: load this pre-installed library file instead of the bundled one;</li>
 *   <li>{@value #EXTRACT_DIR_PROPERTY}: the owner-only directory to extract into, instead of
 *       {@code <java.io.tmpdir>/vss4j-<user.name>};</li>
 *   <li>{@value #PLATFORM_PROPERTY}: the platform folder to use instead of the detected one.</li>
 * </ul>
 * A failure is an {@link UnsatisfiedLinkError} whose message names the platform, the resource, the file and the
 * digests, and whose cause (and suppressed exceptions) hold what went wrong underneath.
 *
 * <p><b>The warm load</b> ({@link #findIntact}), the usual case, is done here before {@link NativeLoader} is even
 * loaded: a warm load is usually the first thing a fresh JVM does with vss4j, and such a JVM pays about half a
 * millisecond for each class it loads from a jar and milliseconds to read a jar resource or start a JDK subsystem.
 * On POSIX systems with {@code /proc/self} (Linux), it checks the earlier extraction read-only, with the rules of
 * {@link OwnerOnlyFiles} applied to raw modes and user ids ({@link #isOwnerOnlyDirectory(int)} and its kin; a test
 * holds the two to the same verdict for every mode), against the digest compiled into {@code BundledDigests}, a
 * class the build generates from the same bytes as the {@code .sha256} files ({@code src/build/java}). It needs this
 * class, {@link NativePlatform}, {@code BundledDigests} and {@link Sha256}, and no resource. Anything it does not
 * find exactly as {@link NativeLoader} leaves it, or cannot tell, and it steps aside: {@link NativeLoader} then
 * repairs what it can and says what it cannot. Elsewhere (Windows: ACLs) {@link NativeLoader} does the reuse.
 */
public final class NativeLibrary {
    /** An explicit, pre-installed library file to load instead of the bundled one. */
    public static final String LIBRARY_PATH_PROPERTY = "vss4j.library.path";
    /** The directory to extract the bundled library into (for example when the temp directory is noexec). */
    public static final String EXTRACT_DIR_PROPERTY = "vss4j.extract.dir";
    /** A platform folder name (e.g. {@code linux_64}) to use instead of the detected one. */
    public static final String PLATFORM_PROPERTY = "vss4j.platform";
    /** The environment variables behind {@link #fallbackDirectories}. */
    static final String RUNTIME_DIR_VARIABLE = "XDG_RUNTIME_DIR";
    static final String CACHE_HOME_VARIABLE = "XDG_CACHE_HOME";

    /** How much of the digest names the directory: enough to tell builds apart, short enough for Windows paths. */
    static final int DIR_DIGEST_PREFIX = 16;
    private static final String GENERATED_DIGESTS = "io.github.vss4j.internal.BundledDigests";
    private static final int FILE_TYPE = 0170000;
    private static final int DIRECTORY = 0040000;
    private static final int REGULAR_FILE = 0100000;
    private static final int STICKY = 01000;
    private static final String MODE_AND_UID = "unix:mode,uid";

    private static final Object LOCK = new Object();
    private static volatile Path loaded;
    /** Resource names and their digests, in pairs, as {@code BundledDigests} records them; null until then. */
    private static String[] recorded;

    private NativeLibrary() {
    }

    /** Loads the shim unless it is loaded already; throws {@link UnsatisfiedLinkError} saying why not. */
    public static void load() {
        if (loaded != null) {
            return;
        }
        synchronized (LOCK) {
            if (loaded != null) {
                return;
            }
            String version = version();
            Path intact = findIntact(version);
            if (intact != null) {
                try {
                    System.load(intact.toString());
                    loaded = intact;
                    return;
                } catch (UnsatisfiedLinkError e) {
                    // NativeLoader checks again and says why, or loads a private copy (another class loader has it)
                }
            }
            loaded = new NativeLoader(version, null).load();
        }
    }

    /**
     * Throws {@link UnsupportedOperationException} in a 32-bit JVM on Windows, saying what to run instead; for
     * {@code Vss} to call before anything is loaded (see {@link NativePlatform#checkRequester()}).
     */
    public static void checkRequester() {
        NativePlatform.checkRequester();
    }

    /** The file the shim was loaded from, once {@link #load()} has succeeded. */
    public static Optional<Path> loadedFile() {
        return Optional.ofNullable(loaded);
    }

    // ---- the warm load -------------------------------------------------------------------------------------------

    /**
     * The extracted library of {@code version} if an earlier load left it intact, verified just now; else null and
     * nothing is created or changed. Only for the usual configuration: the bundled library of the detected platform
     * ({@value #LIBRARY_PATH_PROPERTY} and {@value #PLATFORM_PROPERTY} unset), on a POSIX system with
     * {@code /proc/self}.
     */
    static Path findIntact(String version) {
        if (System.getProperty(LIBRARY_PATH_PROPERTY) != null || System.getProperty(PLATFORM_PROPERTY) != null) {
            return null;
        }
        String folder = NativePlatform.folderName(System.getProperty("os.name"), System.getProperty("os.arch"));
        if (folder == null || folder.startsWith("windows_")) {
            return null;
        }
        NativePlatform target = NativePlatform.ofFolder(folder);
        String expected = recordedDigest(target.resource());
        if (expected == null) {
            return null;
        }
        try {
            String configured = System.getProperty(EXTRACT_DIR_PROPERTY);
            Path self = Path.of("/proc/self");
            Path found = intact(baseDirectory(configured, System.getProperty("java.io.tmpdir"),
                    System.getProperty("user.name")), version, target.fileName(), expected, self);
            if (found != null || (configured != null && !configured.isBlank())) {
                return found;
            }
            // Only when the usual place has nothing: reading the environment costs a fresh JVM a few classes.
            return firstIntact(fallbackDirectories(System.getenv(RUNTIME_DIR_VARIABLE),
                    System.getenv(CACHE_HOME_VARIABLE), System.getProperty("user.home")), version, target.fileName(),
                    expected, self);
        } catch (IOException | RuntimeException e) {
            return null;  // e.g. no "unix" attribute view, no /proc: NativeLoader's way
        }
    }

    /** {@link #intact} of the first of {@code bases} that has it, in order; else null. */
    static Path firstIntact(Path[] bases, String version, String fileName, String expected, Path self)
            throws IOException {
        for (Path base : bases) {
            Path found = intact(base, version, fileName, expected, self);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /**
     * The file {@code fileName} for {@code version} and {@code expected} under {@code base}, if it is there as
     * {@link NativeLoader} leaves it: {@code base}'s parent safe, {@code base} and the version directory owner-only
     * directories of the user who owns {@code self} (a process's {@code /proc/self} is owned by its effective user,
     * who owns the files it creates), the file owner-only and of the recorded digest. Else null.
     */
    static Path intact(Path base, String version, String fileName, String expected, Path self) throws IOException {
        Path dir = base.resolve(directoryName(version, expected));
        Path file = dir.resolve(fileName);
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return null;  // the first load of this build on this machine
        }
        Path parent = base.getParent();
        Object me = Files.getAttribute(self, "unix:uid");
        if ((parent != null && !isSafeParent((Integer) Files.readAttributes(parent, MODE_AND_UID).get("mode")))
                || !isOwnerOnlyDirectory(modeIfOwnedBy(base, me)) || !isOwnerOnlyDirectory(modeIfOwnedBy(dir, me))
                || !isOwnerOnlyFile(modeIfOwnedBy(file, me))) {
            return null;
        }
        return Sha256.hex(file).equals(expected) ? file : null;
    }

    /** The mode of {@code path} itself (not a link's target) if {@code uid} owns it; else 0, which passes no rule. */
    private static int modeIfOwnedBy(Path path, Object uid) throws IOException {
        Map<String, Object> attributes = Files.readAttributes(path, MODE_AND_UID, LinkOption.NOFOLLOW_LINKS);
        return uid.equals(attributes.get("uid")) ? (Integer) attributes.get("mode") : 0;
    }

    /** {@link OwnerOnlyFiles}' rule for our directories: a real directory, permissions exactly {@code rwx------}. */
    static boolean isOwnerOnlyDirectory(int mode) {
        return (mode & FILE_TYPE) == DIRECTORY && (mode & 0777) == 0700;
    }

    /** {@link OwnerOnlyFiles}' rule for the library: a regular file, permissions within rw------- or r-x------. */
    static boolean isOwnerOnlyFile(int mode) {
        int permissions = mode & 0777;
        return (mode & FILE_TYPE) == REGULAR_FILE && ((permissions & ~0600) == 0 || (permissions & ~0500) == 0);
    }

    /** {@link OwnerOnlyFiles}' rule for the base directory's parent: not writable by group or others, or sticky. */
    static boolean isSafeParent(int mode) {
        return (mode & 0022) == 0 || (mode & STICKY) != 0;
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
     * {@code BundledDigests}, in lower-case hex; null when there is none or no such class (classes compiled by an
     * IDE: then {@link NativeLoader} reads the {@code .sha256} resource).
     */
    static synchronized String recordedDigest(String resource) {
        if (recorded == null) {
            try {
                Class.forName(GENERATED_DIGESTS, true, NativeLibrary.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                return null;
            }
        }
        for (int i = 0; recorded != null && i < recorded.length; i += 2) {
            if (recorded[i].equals(resource)) {
                return recorded[i + 1];
            }
        }
        return null;
    }

    // ---- where the library is extracted to ---------------------------------------------------------------------

    /** {@code configured} if set, else {@code <tmp>/vss4j-<user>}; absolute and normalized. */
    static Path baseDirectory(String configured, String tmp, String user) throws IOException {
        return baseDirectory(configured, tmp, user, false);
    }

    /**
     * {@code configured} if set, else {@code <tmp>/vss4j-<user>}, or for an elevated Windows process (see
     * {@link Elevation}) {@code <tmp>/vss4j-<user>-elevated}; absolute and normalized.
     */
    static Path baseDirectory(String configured, String tmp, String user, boolean elevated) throws IOException {
        try {
            if (configured != null && !configured.isBlank()) {
                return Path.of(configured).toAbsolutePath().normalize();
            }
            return Path.of(tmp).toAbsolutePath().normalize().resolve(Elevation.baseName(user, elevated));
        } catch (InvalidPathException e) {
            throw new IOException("invalid extraction directory: " + e.getMessage(), e);
        }
    }

    /**
     * Where a POSIX user's library goes when {@code <tmp>/vss4j-<user>} is refused (another local user can create
     * that first): directories only this user can have created, {@code $XDG_RUNTIME_DIR/vss4j}, then
     * {@code $XDG_CACHE_HOME/vss4j} or else {@code <home>/.cache/vss4j}. Unset, relative (the XDG specification
     * says to ignore those) or invalid values are left out.
     */
    static Path[] fallbackDirectories(String runtimeDir, String cacheHome, String home) {
        Path runtime = absoluteOrNull(runtimeDir, null);
        Path cache = absoluteOrNull(cacheHome, null);
        if (cache == null) {
            cache = absoluteOrNull(home, ".cache");
        }
        Path[] all = {runtime == null ? null : runtime.resolve("vss4j"), cache == null ? null : cache.resolve("vss4j")};
        int count = 0;
        for (Path p : all) {
            if (p != null) {
                all[count++] = p;
            }
        }
        Path[] found = new Path[count];
        System.arraycopy(all, 0, found, 0, count);
        return found;
    }

    private static Path absoluteOrNull(String value, String child) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            Path p = Path.of(value);
            if (!p.isAbsolute()) {
                return null;
            }
            return (child == null ? p : p.resolve(child)).normalize();
        } catch (InvalidPathException e) {
            return null;
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

    /** The jar's version: its manifest, else Maven's pom.properties, else "dev" (classes not in a jar). */
    static String version() {
        String version = NativeLibrary.class.getPackage().getImplementationVersion();
        if (version != null) {
            return version;
        }
        try (InputStream in = NativeLibrary.class.getResourceAsStream("/META-INF/maven/io.github.vss4j/vss4j/pom.properties")) {
            if (in != null) {
                Properties pom = new Properties();
                pom.load(in);
                return pom.getProperty("version", "dev");
            }
        } catch (IOException e) {
            // the version only names the extraction directory; the digest beside it is what matters
        }
        return "dev";
    }
}
