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
import java.nio.file.attribute.UserPrincipal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One load, the same on every OS: what it takes from the JVM (properties, environment, the platform, the bundled
 * resources, {@code System.load}) goes through five methods that tests override. The steps are in the package
 * comment; this class keeps what it tried in its fields, for the outcome and for the message if it fails.
 *
 * <p>A fresh JVM pays for the first use of each facility, so the warm path (an intact file reused, here and in the
 * classes it calls) starts no logger, regular expression, lambda or random number generator, and joins strings with
 * {@link String#concat}: each new shape of {@code +} spins method handles the first time it runs.
 */
class NativeLoader {
    private static final String EXTRACT_REMEDY = "set -D" + NativeLibrary.EXTRACT_DIR_PROPERTY
            + " to a directory of your own (on a file system that allows executables)";

    /** How the library came to be loaded; FALLBACK: a uniquely named copy (see {@link Extractor}). */
    enum Outcome { PREINSTALLED, EXTRACTED, REUSED, REPLACED, FALLBACK }

    /** SLF4J, started (a service lookup and a score of classes) only once there is something to log. */
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
    private Outcome outcome;
    /** The folder this load marked in use ({@link FolderLocks}); null if none, or if it was marked already. */
    private Path marked;
    private Path loaded;
    private boolean used;

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

    /**
     * Ends this load's mark that its folder is in use. The library's own loader is kept, and its mark held, until
     * the JVM exits; tests end theirs, whose folders go with each test.
     */
    void release() throws IOException {
        if (marked != null) {
            FolderLocks.unmark(marked);
            marked = null;
        }
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
        String what = "-D" + NativeLibrary.LIBRARY_PATH_PROPERTY + "=" + explicit;
        Path installed;
        try {
            installed = Path.of(explicit).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw failure("vss4j: " + what + " is not a valid path. Fix it, or remove the property to load the"
                    + " library bundled in the jar.", e);
        }
        if (explicit.isBlank() || !Files.isRegularFile(installed)) {
            throw failure("vss4j: " + what + " names no library file: " + installed
                    + (Files.exists(installed) ? " is not a regular file." : " does not exist.")
                    + " Nothing was loaded; the bundled library is not used while this property is set. Point it at the"
                    + " installed library file, or remove it to load the library bundled in the jar.");
        }
        try {
            link(installed);
        } catch (UnsatisfiedLinkError e) {
            throw failure("vss4j: System.load(" + installed + ") failed for " + what + ": " + e.getMessage()
                    + ". Check that the file is the vss4j library built for this platform (os.name="
                    + property("os.name") + ", os.arch=" + property("os.arch") + ").", e);
        }
        Log.LOG.info("vss4j: loaded the pre-installed native library {} ({}), not the one bundled in the jar", installed, what);
        outcome = Outcome.PREINSTALLED;
        return installed;
    }

    private Path loadBundled() {
        target = platform();
        resource = target.resource();
        List<Path> bases;
        try {
            BundledResource digest = resource(target.digestResource());
            if (digest == null) {
                bundled();  // no library either: that is what to say
                throw fail("the jar has no SHA-256 for it (resource " + target.digestResource() + " is missing),"
                        + " so it cannot be verified", "use a jar produced by the vss4j build, which records the digest");
            }
            expected = parseDigest(digest.read());
            bases = baseDirectories();
        } catch (IOException e) {
            throw fail("cannot read the bundled resources or name the extraction directory: " + e.getMessage(),
                    "check that the jar is complete and readable, or " + EXTRACT_REMEDY, e);
        }
        List<IOException> refused = new ArrayList<>();
        for (Path base : bases) {
            Path folder = base.resolve(Places.directoryName(version, expected));
            file = folder.resolve(target.fileName());
            try {
                placeIn(base, folder);
                return link();
            } catch (IOException e) {
                refused.add(e);
                try {
                    release();  // this folder is not used after all
                } catch (IOException notClosed) {
                    e.addSuppressed(notClosed);
                }
            }
        }
        throw fail("cannot extract it to an owner-only directory: " + whyRefused(bases, refused), EXTRACT_REMEDY,
                refused.toArray(new Throwable[0]));
    }

    /**
     * Reuses the intact file in {@code folder} or extracts it there, marks the folder in use and removes the base's
     * unused folders of other versions, all while this process alone works in {@code base}. The jar's bytes are
     * checked before anything is created, and a reuse does not read them at all.
     */
    private void placeIn(Path base, Path folder) throws IOException {
        if (library == null && !Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            library = readBundled();
        }
        files.secureDirectory(base);
        synchronized (FolderLocks.JVM_WIDE) {
            FileChannel locked = FolderLocks.lockBase(base);
            try {
                files.secureDirectory(folder);
                marked = FolderLocks.markInUse(folder) ? folder : null;
                String problem = Files.exists(file, LinkOption.NOFOLLOW_LINKS) ? problem(file, folder) : "missing";
                if (problem == null) {
                    outcome = Outcome.REUSED;
                } else {
                    extract(problem, folder);
                }
                for (Path old : FolderLocks.removeUnused(base, folder)) {
                    Log.LOG.info("vss4j: removed {}, the extraction folder of another vss4j build that no process"
                            + " uses", old);
                }
            } finally {
                locked.close();
            }
        }
    }

    private void extract(String problem, Path folder) throws IOException {
        if (!problem.equals("missing")) {
            Log.LOG.warn("vss4j: {} is not intact ({}); replacing it", file, problem);
        }
        library = library != null ? library : readBundled();
        Path target = file;
        file = Extractor.place(files, library, target);
        outcome = !file.equals(target) ? Outcome.FALLBACK : problem.equals("missing") ? Outcome.EXTRACTED : Outcome.REPLACED;
        verifyInPlace(folder);
    }

    private Path link() {
        linking = true;
        try {
            link(file);
        } catch (UnsatisfiedLinkError e) {
            if (!String.valueOf(e.getMessage()).contains("already loaded in another classloader")) {
                throw fail("System.load refused the verified file: " + e.getMessage(),
                        "check that the jar's natives match this JVM (a 64-bit JVM needs a 64-bit library) and that the"
                        + " extraction directory is not on a noexec file system (else set -D"
                        + NativeLibrary.EXTRACT_DIR_PROPERTY + ")", e);
            }
            // The JVM binds a library file to one class loader; vss4j loaded by a second one needs its own copy.
            loadPrivateCopy(e);
        }
        if (outcome == Outcome.EXTRACTED || outcome == Outcome.REPLACED) {
            Log.LOG.info("vss4j: extracted the native library for {} to {} (SHA-256 {})", target.folder(), file, expected);
        }
        if (outcome == Outcome.FALLBACK && files.isPosix()) {
            try {
                Files.deleteIfExists(file);  // POSIX lets a loaded copy go; Windows keeps it until it is unloaded
            } catch (IOException e) {
                Log.LOG.debug("vss4j: could not delete the private copy {}: {}", file, e.toString());
            }
        }
        return file;
    }

    private void loadPrivateCopy(UnsatisfiedLinkError inUse) {
        Path shared = file;
        try {
            library = library != null ? library : readBundled();
            file = Extractor.privateCopy(files, library, shared);
            outcome = Outcome.FALLBACK;
            verifyInPlace(shared.getParent());
            Log.LOG.warn("vss4j: {} is loaded by another class loader; loading a private copy {}", shared, file);
            link(file);
        } catch (IOException | UnsatisfiedLinkError e) {
            UnsatisfiedLinkError error = fail("another class loader has loaded " + shared + " and a private copy"
                    + " cannot be loaded: " + e.getMessage(), "load vss4j from one class loader only", e);
            error.addSuppressed(inUse);
            throw error;
        }
    }

    /** Checks the exact file about to be passed to System.load, {@link #file}, after it is in place. */
    private void verifyInPlace(Path folder) throws IOException {
        String notIntact = problem(file, folder);
        if (notIntact != null) {
            throw new IOException(file + " is not intact after it was put in place: " + notIntact);
        }
    }

    /**
     * Null if {@code candidate} is owner-only and has the recorded digest; otherwise what is wrong with it. Where
     * the jar's bytes have been read (and checked against the digest), a file equal to them has it too: comparing
     * costs a fresh JVM far less than hashing again.
     */
    private String problem(Path candidate, Path folder) throws IOException {
        String notOwnerOnly = files.whyNotOwnerOnly(candidate, folder);
        if (notOwnerOnly != null) {
            return notOwnerOnly;
        }
        byte[] found = Files.readAllBytes(candidate);
        if (library != null && Arrays.equals(found, library)) {
            return null;
        }
        actual = sha256(found);
        return actual.equals(expected) ? null : "its SHA-256 is " + actual + ", expected " + expected;
    }

    /** The jar's library, refused unless it has the digest recorded at build time. */
    private byte[] readBundled() {
        byte[] bytes = bundled().read();
        actual = sha256(bytes);
        if (!expected.equals(actual)) {
            throw fail("the bundled library does not match the SHA-256 recorded at build time: the jar is"
                    + " corrupt or has been tampered with", "replace the jar with an intact copy of the release");
        }
        return bytes;
    }

    /** The jar's library resource; throws if the jar has none for this platform. */
    private BundledResource bundled() {
        BundledResource bundled;
        try {
            bundled = resource(target.resource());
        } catch (IOException e) {
            throw fail("cannot read the bundled resources", "check that the jar is complete and readable", e);
        }
        if (bundled == null) {
            throw fail("this jar has no native library for platform " + target.folder() + " (resource "
                    + target.resource() + " is missing)", "use a vss4j jar built with the natives for "
                    + target.folder() + ", or set -D" + NativeLibrary.LIBRARY_PATH_PROPERTY + " to a library built for it");
        }
        resource = bundled.location();
        return bundled;
    }

    /**
     * Where to extract, in the order tried: {@value NativeLibrary#EXTRACT_DIR_PROPERTY} alone if set; else the
     * per-user directory under the temp directory (for an elevated Windows process one of its own, see
     * {@link OwnerOnly}), then on POSIX systems {@link Places#fallbackDirectories}.
     */
    private List<Path> baseDirectories() throws IOException {
        String configured = property(NativeLibrary.EXTRACT_DIR_PROPERTY);
        String tmp = property("java.io.tmpdir");
        List<Path> all = new ArrayList<>();
        if (configured != null && !configured.isBlank()) {
            all.add(Places.baseDirectory(configured, tmp, null, false));
        } else if (!files.isPosix()) {
            all.add(Places.baseDirectory(null, tmp, property("user.name"), elevated(tmp)));
        } else {
            all.add(Places.baseDirectory(null, tmp, property("user.name"), false));
            all.addAll(Places.fallbackDirectories(environment(Places.RUNTIME_DIR_VARIABLE),
                    environment(Places.CACHE_HOME_VARIABLE), property("user.home")));
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

    /** Why each place was refused: the reason alone for one place, else each place with its reason. */
    private static String whyRefused(List<Path> bases, List<IOException> refused) {
        if (bases.size() == 1) {
            return describe(refused.get(0));
        }
        StringBuilder why = new StringBuilder("tried " + bases.size() + " places, each refused: ");
        for (int i = 0; i < bases.size(); i++) {
            String reason = describe(refused.get(i));
            why.append(i == 0 ? "" : "; ").append(i + 1).append(") ")
                    .append(reason.contains(bases.get(i).toString()) ? "" : bases.get(i) + ": ").append(reason);
        }
        return why.toString();
    }

    /** What went wrong, in words: NIO's exceptions for a path often carry nothing but the path as message. */
    private static String describe(IOException e) {
        String message = String.valueOf(e.getMessage());
        if (e instanceof FileSystemException && ((FileSystemException) e).getReason() == null) {
            if (e instanceof FileAlreadyExistsException) {
                return message + " exists and is not a directory";
            } else if (e instanceof AccessDeniedException) {
                return message + ": access denied";
            } else if (e instanceof NoSuchFileException) {
                return message + " does not exist";
            }
        }
        return message;
    }

    /** The first word of a {@code .sha256} file ({@code sha256sum}'s format, or a bare digest): 64 hex digits. */
    static String parseDigest(byte[] recorded) throws IOException {
        String text = new String(recorded, StandardCharsets.US_ASCII).trim();
        int end = 0;
        while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
            end++;
        }
        String digest = text.substring(0, end).toLowerCase(Locale.ROOT);
        if (digest.length() != 64 || !Places.isLowerHex(digest)) {
            throw new IOException("the recorded SHA-256 is not 64 hex digits: \""
                    + (text.length() <= 80 ? text : text.substring(0, 80) + "...") + "\"");
        }
        return digest;
    }

    /** The SHA-256 of {@code bytes} in lower-case hex. */
    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** An error with {@code message}, the first of {@code causes} as its cause and the others suppressed. */
    static UnsatisfiedLinkError failure(String message, Throwable... causes) {
        UnsatisfiedLinkError error = new UnsatisfiedLinkError(message);
        for (int i = 0; i < causes.length; i++) {
            if (i == 0) {
                error.initCause(causes[0]);
            } else {
                error.addSuppressed(causes[i]);
            }
        }
        return error;
    }

    /** The error for this load: what was tried (platform, resource, file, digests), why it failed, what to do. */
    private UnsatisfiedLinkError fail(String reason, String remedy, Throwable... causes) {
        StringBuilder m = new StringBuilder("vss4j: cannot load the native library for platform " + target.folder()
                + " (os.name=" + property("os.name") + ", os.arch=" + property("os.arch") + "): " + reason
                + ". Tried resource " + resource);
        if (file != null) {
            m.append(", file ").append(file);
        }
        if (expected != null) {
            m.append(", expected SHA-256 ").append(expected).append(" (").append(target.digestResource()).append(')');
        }
        if (actual != null) {
            m.append(", actual SHA-256 ").append(actual);
        }
        m.append(linking ? ". System.load was called and failed" : ". Nothing was loaded")
                .append("; java.library.path is not searched. What you can do: ").append(remedy).append("; or set -D")
                .append(NativeLibrary.LIBRARY_PATH_PROPERTY).append("=/path/to/").append(target.fileName())
                .append(" to load a pre-installed library.");
        return failure(m.toString(), causes);
    }
}
