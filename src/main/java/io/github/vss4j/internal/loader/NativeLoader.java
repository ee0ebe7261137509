package io.github.vss4j.internal.loader;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.UserPrincipal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One load (its steps: the package comment); tests override the five methods through which it asks the JVM. A warm
 * load starts no logger, regular expression, lambda or SecureRandom and joins strings with concat: a fresh JVM pays
 * for the first use of each.
 */
class NativeLoader {
    private static final String EXTRACT_REMEDY = "set -D" + NativeLibrary.EXTRACT_DIR_PROPERTY
            + " to a directory of your own (on a file system that allows executables)";

    /** How the library came to be loaded; FALLBACK: a uniquely named copy beside the shared file. */
    enum Outcome { PREINSTALLED, EXTRACTED, REUSED, REPLACED, FALLBACK }

    /** SLF4J, started only once there is something to log. */
    static final class Log {
        static final Logger LOG = LoggerFactory.getLogger(NativeLoader.class);
    }

    private final String version;
    private final OwnerOnly files;
    private NativePlatform target;
    private String resource;
    private Path file;
    private String expected;
    private String actual;
    private byte[] library;
    private boolean linking;
    private boolean used;
    private Outcome outcome;
    private Path loaded;
    /** The folder this load marked in use ({@link FolderLocks}); null if none, or if it was marked already. */
    private Path marked;

    /** {@code self}: the owner to expect for our files, or null to learn it from a file we create. */
    NativeLoader(String version, UserPrincipal self) {
        this.version = version;
        this.files = new OwnerOnly(self);
    }

    String property(String key) {
        return System.getProperty(key);
    }

    NativePlatform platform() {
        return NativePlatform.detect(property(NativeLibrary.PLATFORM_PROPERTY));
    }

    String environment(String name) {
        return System.getenv(name);
    }

    BundledResource resource(String name) throws IOException {
        return BundledResource.find(name);
    }

    /** {@code System.load} from vss4j's own class, so the library belongs to vss4j's class loader. */
    void link(Path library) {
        System.load(library.toString());
    }

    /** Ends this load's mark on its folder; the library's own loader keeps it until the JVM exits, tests end it. */
    void release() throws IOException {
        FolderLocks.unmark(marked);
        marked = null;
    }

    /** Loads the library and returns the file loaded, or throws {@link UnsatisfiedLinkError}. Once per instance. */
    Path load() {
        if (used) {
            throw new IllegalStateException("a NativeLoader makes one load; this one has made it already");
        }
        used = true;
        String explicit = property(NativeLibrary.LIBRARY_PATH_PROPERTY);
        loaded = explicit != null ? loadPreinstalled(explicit) : loadBundled();
        return loaded;
    }

    Outcome outcome() {
        if (loaded == null) {
            throw new IllegalStateException("nothing loaded yet");
        }
        return outcome;
    }

    /** The file the user installed: nothing is extracted, the bundled library is no fallback, no digest to check. */
    private Path loadPreinstalled(String explicit) {
        String what = "vss4j: -D" + NativeLibrary.LIBRARY_PATH_PROPERTY + "=" + explicit;
        String remedy = " or remove it to load the library bundled in the jar.";
        Path installed = null;
        try {
            installed = Path.of(explicit).toAbsolutePath().normalize();
            if (!explicit.isBlank() && Files.isRegularFile(installed)) {
                link(installed);
                outcome = Outcome.PREINSTALLED;
                Log.LOG.info("vss4j: loaded the pre-installed native library {} ({}), not the bundled one", installed, what);
                return installed;
            }
        } catch (InvalidPathException | UnsatisfiedLinkError e) {
            throw withCauses(new UnsatisfiedLinkError(what + (installed == null ? " is not a valid path: "
                    : ": System.load failed: ") + e.getMessage() + ". Point it at the vss4j library built for this"
                    + " platform (os.name=" + property("os.name") + ", os.arch=" + property("os.arch") + "),"
                    + remedy), List.of(e));
        }
        throw new UnsatisfiedLinkError(what + " names no library file: " + installed + (Files.exists(installed)
                ? " is not a regular file." : " does not exist.") + " Nothing was loaded; the bundled library is not"
                + " used while this property is set. Point it at the installed library file," + remedy);
    }

    private Path loadBundled() {
        target = platform();
        resource = target.resource();
        try {
            BundledResource digest = resource(target.digestResource());
            if (digest == null) {
                throw resource(resource) == null ? noLibrary() : fail("the jar has no SHA-256 for it (resource "
                        + target.digestResource() + " is missing), so it cannot be verified",
                        "use a jar produced by the vss4j build, which records the digest");
            }
            expected = parseDigest(digest.read());
        } catch (IOException e) {
            throw fail("cannot read the bundled resources: " + e.getMessage(), "check that the jar is complete and"
                    + " readable", e);
        }
        List<IOException> refused = new ArrayList<>();
        try {
            inFirstBase(null, refused);
        } catch (IOException e) {
            throw fail("cannot extract it to an owner-only directory: " + e.getMessage(), EXTRACT_REMEDY,
                    refused.isEmpty() ? new Throwable[] {e} : refused.toArray(new Throwable[0]));
        }
        return link();
    }

    /** {@link NativeLibrary#privateFolder}: made in the first base that a load would not refuse either. */
    Path privateFolder(String name) throws IOException {
        List<IOException> refused = new ArrayList<>();
        try {
            return inFirstBase(checkedName(name), refused);
        } catch (IOException e) {
            throw withCauses(new IOException("vss4j: cannot make the owner-only folder \"" + name + "\": "
                    + e.getMessage() + "; " + EXTRACT_REMEDY), refused.isEmpty() ? List.of(e) : refused);
        }
    }

    /**
     * In the first base directory not refused: {@code <base>/<name>} made owner-only, or for a null {@code name}
     * the library placed; else an {@link IOException} saying why each was refused, the refusals in {@code refused}.
     */
    private Path inFirstBase(String name, List<IOException> refused) throws IOException {
        List<Path> bases = baseDirectories();
        for (Path base : bases) {
            try {
                return name == null ? placeIn(base) : files.secureDirectory(files.secureDirectory(base).resolve(name));
            } catch (IOException e) {
                refused.add(e);
                try {
                    release();  // this folder is not used after all
                } catch (IOException notClosed) {
                    e.addSuppressed(notClosed);
                }
            }
        }
        StringBuilder why = new StringBuilder(bases.size() == 1 ? "" : "tried " + bases.size() + " places, each refused: ");
        for (int i = 0; i < bases.size(); i++) {
            IOException e = refused.get(i);  // NIO's exceptions for a path often carry nothing but the path as message
            String reason = !(e instanceof FileSystemException f && f.getReason() == null) ? e.getMessage()
                    : e.getMessage() + (e instanceof FileAlreadyExistsException ? " exists and is not a directory"
                    : e instanceof AccessDeniedException ? ": access denied"
                    : e instanceof NoSuchFileException ? " does not exist" : "");
            why.append(bases.size() == 1 ? "" : (i == 0 ? "" : "; ") + (i + 1) + ") "
                    + (reason.contains(bases.get(i).toString()) ? "" : bases.get(i) + ": ")).append(reason);
        }
        throw new IOException(why.toString());
    }

    /** {@value NativeLibrary#EXTRACT_DIR_PROPERTY} alone if set; else the per-user base, then POSIX fallbacks. */
    private List<Path> baseDirectories() throws IOException {
        String configured = property(NativeLibrary.EXTRACT_DIR_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return List.of(NativePlatform.absolute(configured));
        }
        String tmp = property("java.io.tmpdir");
        List<Path> all = new ArrayList<>(List.of(NativePlatform.baseDirectory(tmp, property("user.name"),
                !OwnerOnly.POSIX && elevated(tmp))));
        if (OwnerOnly.POSIX) {
            all.addAll(NativePlatform.fallbackDirectories(environment(NativePlatform.RUNTIME_DIR_VARIABLE),
                    environment(NativePlatform.CACHE_HOME_VARIABLE), property("user.home")));
        }
        return all;
    }

    /** Whether files this process creates in {@code tmp} belong to a group: see {@link OwnerOnly}. */
    private boolean elevated(String tmp) {
        try {
            return OwnerOnly.ownsAsGroup(files.self(Path.of(tmp)));
        } catch (IOException | RuntimeException e) {
            return false;  // the directory checks ask again, where they can, and say what is wrong
        }
    }

    /**
     * Reuses the intact file in {@code base}'s version folder or extracts it there, marks the folder in use and
     * removes the base's unused folders of other builds, while this process alone works in {@code base}. The jar's
     * bytes are checked before anything is created; a reuse does not read them.
     */
    @SuppressWarnings("try")
    private Path placeIn(Path base) throws IOException {
        Path folder = base.resolve(NativePlatform.directoryName(version, expected));
        file = folder.resolve(target.fileName());
        if (library == null && !Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            library = readBundled();
        }
        files.secureDirectory(base);
        synchronized (FolderLocks.JVM_WIDE) {
            try (FileChannel locked = FolderLocks.lockBase(base)) {
                files.secureDirectory(folder);
                marked = FolderLocks.markInUse(folder) ? folder : null;
                String problem = Files.exists(file, LinkOption.NOFOLLOW_LINKS) ? problem(file) : "missing";
                if (problem != null && !problem.equals("missing")) {
                    Log.LOG.warn("vss4j: {} is not intact ({}); replacing it", file, problem);
                }
                Path shared = file;
                file = problem == null ? file : writeCopy(shared, true);
                outcome = problem == null ? Outcome.REUSED : !file.equals(shared) ? Outcome.FALLBACK
                        : problem.equals("missing") ? Outcome.EXTRACTED : Outcome.REPLACED;
                for (Path old : FolderLocks.removeUnused(base, folder)) {
                    Log.LOG.info("vss4j: removed {}, the folder of another vss4j build that no process uses", old);
                }
            }
        }
        return file;
    }

    private Path link() {
        linking = true;
        try {
            link(file);
        } catch (UnsatisfiedLinkError e) {
            if (!String.valueOf(e.getMessage()).contains("already loaded in another classloader")) {
                throw fail("System.load refused the verified file: " + e.getMessage(), "check that the jar's natives"
                        + " match this JVM (a 64-bit JVM needs a 64-bit library) and that the extraction directory is"
                        + " not on a noexec file system (else set -D" + NativeLibrary.EXTRACT_DIR_PROPERTY + ")", e);
            }
            // The JVM binds a library file to one class loader; vss4j loaded by a second one needs its own copy.
            Path shared = file;
            try {
                file = writeCopy(shared, false);
                outcome = Outcome.FALLBACK;
                Log.LOG.warn("vss4j: {} is loaded by another class loader; loading a private copy {}", shared, file);
                link(file);
            } catch (IOException | UnsatisfiedLinkError privateCopy) {
                throw fail("another class loader has loaded " + shared + " and a private copy cannot be loaded: "
                        + privateCopy.getMessage(), "load vss4j from one class loader only", privateCopy, e);
            }
        }
        if (outcome == Outcome.EXTRACTED || outcome == Outcome.REPLACED) {
            Log.LOG.info("vss4j: extracted the native library for {} to {} (SHA-256 {})", target.folder(), file, expected);
        }
        try {
            if (outcome == Outcome.FALLBACK && OwnerOnly.POSIX) {
                Files.deleteIfExists(file);  // POSIX lets a loaded copy go; Windows keeps it until it is unloaded
            }
        } catch (IOException e) {
            Log.LOG.debug("vss4j: could not delete the private copy {}: {}", file, e.toString());
        }
        return file;
    }

    /**
     * Writes the checked bytes to an owner-only temp file beside {@code shared}, seals it, and names it
     * {@code shared} if {@code replace} and the OS lets it (not a DLL in use), else a unique name like it; then
     * checks the file in place, as it will be loaded. Callers hold the base's lock: no other process writes here.
     */
    private Path writeCopy(Path shared, boolean replace) throws IOException {
        library = library != null ? library : readBundled();
        Path temp = Files.createTempFile(shared.getParent(), ".vss4j-", ".tmp");  // rw-------, or the folder's ACL
        try {
            Files.write(temp, library);
            if (OwnerOnly.POSIX) {
                Files.setPosixFilePermissions(temp, OwnerOnly.SEALED_FILE);
            }
            Path placed = null;
            try {
                placed = replace ? Files.move(temp, shared, StandardCopyOption.ATOMIC_MOVE) : null;
            } catch (IOException notReplaced) {
                Log.LOG.warn("vss4j: could not replace {} ({}); loading a private copy", shared, notReplaced.toString());
            }
            if (placed == null) {
                String name = shared.getFileName().toString();
                int dot = name.lastIndexOf('.');
                placed = Files.move(temp, shared.resolveSibling(name.substring(0, dot) + "-" + UUID.randomUUID()
                        + name.substring(dot)), StandardCopyOption.ATOMIC_MOVE);
            }
            String notIntact = problem(placed);
            if (notIntact != null) {
                throw new IOException(placed + " is not intact after it was put in place: " + notIntact);
            }
            return placed;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Null if {@code candidate} is owner-only and has the recorded digest; otherwise what is wrong with it. A file
     * equal to the jar's bytes, once those are read and checked, has it too: comparing costs less than hashing.
     */
    private String problem(Path candidate) throws IOException {
        String notOwnerOnly = files.whyNotOwnerOnly(candidate);
        byte[] found = notOwnerOnly == null ? Files.readAllBytes(candidate) : null;
        if (found == null || library != null && Arrays.equals(found, library)) {
            return notOwnerOnly;
        }
        actual = sha256(found);
        return actual.equals(expected) ? null : "its SHA-256 is " + actual + ", expected " + expected;
    }

    /** {@code name} if it is a folder name {@link NativeLibrary#privateFolder} accepts; else why not. */
    static String checkedName(String name) {
        if (name == null || name.length() > 64 || name.startsWith(".") || !NativePlatform.safeName(name).equals(name)
                || NativePlatform.isVersionFolder(name) || name.endsWith(FolderLocks.IN_USE)) {
            throw new IllegalArgumentException("vss4j: \"" + (name == null || name.length() <= 80 ? name
                    : name.substring(0, 80) + "...") + "\" is not a private folder name: it must be 1 to 64 of"
                    + " [A-Za-z0-9._-], not start with a dot, not end with " + FolderLocks.IN_USE
                    + " and not look like a library folder (<version>-<16 hex digits>)");
        }
        return name;
    }

    /** The jar's library, refused unless it has the digest recorded at build time. */
    private byte[] readBundled() {
        BundledResource bundled;
        try {
            bundled = resource(target.resource());
        } catch (IOException e) {
            throw fail("cannot read the bundled resources", "check that the jar is complete and readable", e);
        }
        if (bundled == null) {
            throw noLibrary();
        }
        resource = bundled.location();
        byte[] bytes = bundled.bytes();
        actual = sha256(bytes);
        if (!expected.equals(actual)) {
            throw fail("the bundled library does not match the SHA-256 recorded at build time: the jar is corrupt or"
                    + " has been tampered with", "replace the jar with an intact copy of the release");
        }
        return bytes;
    }

    private UnsatisfiedLinkError noLibrary() {
        return fail("this jar has no native library for platform " + target.folder() + " (resource " + target.resource()
                + " is missing)", "use a vss4j jar built with the natives for " + target.folder() + ", or set -D"
                + NativeLibrary.LIBRARY_PATH_PROPERTY + " to a library built for it");
    }

    /** The first word of a {@code .sha256} file ({@code sha256sum}'s format, or a bare digest): 64 hex digits. */
    static String parseDigest(byte[] recorded) throws IOException {
        String text = new String(recorded, StandardCharsets.US_ASCII).trim();
        // a first word of 64 characters ends at the 65th; a digest that passes holds no whitespace
        String digest = text.substring(0, text.length() > 64 && Character.isWhitespace(text.charAt(64)) ? 64
                : text.length()).toLowerCase(Locale.ROOT);
        if (digest.length() != 64 || !NativePlatform.isLowerHex(digest)) {
            throw new IOException("the recorded SHA-256 is not 64 hex digits: \""
                    + (text.length() <= 80 ? text : text.substring(0, 80) + "...") + "\"");
        }
        return digest;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** {@code error} with the first of {@code causes} as its cause and the others suppressed. */
    static <T extends Throwable> T withCauses(T error, List<? extends Throwable> causes) {
        error.initCause(causes.isEmpty() ? null : causes.get(0));
        causes.stream().skip(1).forEach(error::addSuppressed);
        return error;
    }

    /** The error for this load: what was tried (platform, resource, file, digests), why it failed, what to do. */
    private UnsatisfiedLinkError fail(String reason, String remedy, Throwable... causes) {
        return withCauses(new UnsatisfiedLinkError("vss4j: cannot load the native library for platform "
                + target.folder() + " (os.name=" + property("os.name") + ", os.arch=" + property("os.arch") + "): "
                + reason + ". Tried resource " + resource + (file != null ? ", file " + file : "")
                + (expected != null ? ", expected SHA-256 " + expected + " (" + target.digestResource() + ")" : "")
                + (actual != null ? ", actual SHA-256 " + actual : "")
                + (linking ? ". System.load was called and failed" : ". Nothing was loaded")
                + "; java.library.path is not searched. What you can do: " + remedy + "; or set -D"
                + NativeLibrary.LIBRARY_PATH_PROPERTY + "=/path/to/" + target.fileName()
                + " to load a pre-installed library."), List.of(causes));
    }
}
