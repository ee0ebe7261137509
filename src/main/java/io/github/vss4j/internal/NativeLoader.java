package io.github.vss4j.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The algorithm behind {@link NativeLibrary#load()}. What it takes from the JVM (properties, the platform, the bundled
 * resources, {@code System.load}) goes through four methods that tests override; the version and the owner to
 * expect are given.
 *
 * <p>Bundled library: read the {@code .sha256} of {@code natives/<platform>/<file>} from the jar; the file goes to
 * {@code <base>/<version>-<digest prefix>/<file>}, where base and the version directory are owner-only; without
 * {@value NativeLibrary#EXTRACT_DIR_PROPERTY}, a base that is refused (on POSIX another user can create
 * {@code /tmp/vss4j-<user>} first) gives way to the next of {@link #baseDirectories()}, and a failure names each
 * place with its reason. An intact
 * file already there (owner-only, with the recorded digest) is reused: checking it is the check before
 * {@code System.load}, and the jar's copy is not read. Otherwise the jar's bytes are checked against the digest
 * (nothing is created if they do not match), go to an owner-only temp file in the same directory, are verified,
 * and are moved atomically into place by {@link Extractor} (a corrupt file is replaced; one that cannot be
 * replaced, e.g. in use on Windows, leads to a uniquely named private copy and a warning); the exact file passed to
 * {@code System.load} is verified once more, after it is in place.
 *
 * <p>Most loads on Linux never come here: {@link NativeLibrary#findIntact}, the warm load, finds the earlier
 * extraction intact first, with fewer classes and without opening the jar, and steps aside for this class whenever
 * anything is not exactly as this class leaves it. A reuse here (on Windows, or where the warm path stepped aside)
 * still avoids what costs a fresh JVM noticeable set-up time: SLF4J (nothing
 * to log), the JCA providers ({@link Sha256}), lambdas, regular expressions and streams (each bootstraps machinery
 * on first use; string concatenation is compiled to {@code StringBuilder} for the same reason, see the pom), and
 * it loads few of vss4j's own classes (each costs load time in such a JVM): one load is one instance of
 * this class, which keeps what it tried in its fields, and a reuse does not touch {@link Outcome}.
 */
class NativeLoader {
    private static final int DIGEST_HEX = 64;
    private static final String EXTRACT_REMEDY = "set -D" + NativeLibrary.EXTRACT_DIR_PROPERTY
            + " to a directory of your own (on a file system that allows executables)";

    /** How the library came to be loaded. */
    enum Outcome {
        /** From the file named by {@value NativeLibrary#LIBRARY_PATH_PROPERTY}. */
        PREINSTALLED,
        /** Written now, as the version-named file. */
        EXTRACTED,
        /** An intact version-named file was there already. */
        REUSED,
        /** A corrupt version-named file was replaced. */
        REPLACED,
        /** A corrupt version-named file could not be replaced; a uniquely named copy was loaded instead. */
        FALLBACK
    }

    private final String version;
    private final OwnerOnlyFiles files;

    // What this load tried, for its outcome and for the message if it fails: a NativeLoader makes one load.
    private NativePlatform target;
    private String resource;
    private Path file;
    private String expected;
    private String actual;
    private boolean linking;
    /** Null until the load ends, and after a reuse: see {@link #outcome()}. */
    private Outcome outcome;
    private Path loaded;
    private boolean used;

    /**
     * @param version the library version, part of the extraction directory's name
     * @param self the owner to expect for our directories and files, or null to learn it from a file we create
     */
    NativeLoader(String version, UserPrincipal self) {
        this.version = version;
        this.files = new OwnerOnlyFiles(self);
    }

    // The JVM, as the loader sees it. Methods rather than injected functions: for this JVM they need no class of
    // their own (each costs a fresh JVM a fraction of a millisecond to load), and tests override them.

    /** A system property: {@code vss4j.*}, {@code java.io.tmpdir}, {@code user.name}, {@code os.name}, ... */
    String property(String key) {
        return System.getProperty(key);
    }

    /** The platform to load for; throws {@link UnsatisfiedLinkError} when it is unknown. */
    NativePlatform platform() {
        return NativePlatform.detect(property(NativeLibrary.PLATFORM_PROPERTY));
    }

    /** An environment variable: {@code XDG_RUNTIME_DIR}, {@code XDG_CACHE_HOME}. */
    String environment(String name) {
        return System.getenv(name);
    }

    /** A resource bundled with vss4j, by name (no leading slash); null when absent. */
    BundledResource resource(String name) {
        return BundledResource.find(name);
    }

    /** {@code System.load} from vss4j's own class, so the library belongs to vss4j's class loader. */
    void link(Path file) {
        System.load(file.toString());
    }

    /**
     * Loads the library and returns the file loaded; throws {@link UnsatisfiedLinkError} that says what was tried
     * and why it failed. Once per instance.
     */
    Path load() {
        if (used) {
            throw new IllegalStateException("a NativeLoader makes one load; this one has made it already");
        }
        used = true;
        String explicit = property(NativeLibrary.LIBRARY_PATH_PROPERTY);
        if (explicit != null) {
            loaded = PreinstalledLibrary.load(this, explicit);
            outcome = Outcome.PREINSTALLED;
        } else {
            loaded = loadBundled();
        }
        return loaded;
    }

    /**
     * How the library came to be loaded, once {@link #load()} has returned. A reuse, the usual outcome, is not
     * recorded but implied: a warm load then never loads this enum, one class less for a fresh JVM to load (about
     * half a millisecond each; see the class comment).
     */
    Outcome outcome() {
        if (loaded == null) {
            throw new IllegalStateException("nothing loaded yet");
        }
        return outcome == null ? Outcome.REUSED : outcome;
    }

    private Path loadBundled() {
        target = platform();
        resource = target.resource();
        BundledResource digest = resource(target.digestResource());
        if (digest == null) {
            bundled();  // no library either: that is what to say
            throw fail("the jar has no SHA-256 for it (resource " + target.digestResource() + " is missing),"
                    + " so it cannot be verified", "use a jar produced by the vss4j build, which records the digest");
        }
        try {
            expected = parseDigest(digest.read());
        } catch (IOException e) {
            throw fail("cannot read the bundled resources", "check that the jar is complete and readable", e);
        }
        byte[] library = null;
        Path[] bases;
        try {
            bases = baseDirectories();
        } catch (IOException e) {
            throw fail("cannot extract it to an owner-only directory: " + e.getMessage(), EXTRACT_REMEDY, e);
        }
        IOException[] refused = new IOException[bases.length];
        Path dir = null;
        // An intact extraction in any of the places is reused (the warm load looks in the same order).
        for (int i = 0; i < bases.length && dir == null; i++) {
            Path candidate = bases[i].resolve(NativeLibrary.directoryName(version, expected));
            file = candidate.resolve(target.fileName());
            try {
                if (reusable(bases[i], candidate)) {
                    dir = candidate;
                }
            } catch (IOException e) {
                refused[i] = e;
            }
        }
        if (dir == null) {
            library = readBundled(bundled());  // checked before anything is created
            for (int i = 0; i < bases.length && dir == null; i++) {
                if (refused[i] == null) {
                    Path candidate = bases[i].resolve(NativeLibrary.directoryName(version, expected));
                    file = candidate.resolve(target.fileName());
                    try {
                        extractInto(library, bases[i], candidate);
                        dir = candidate;
                    } catch (IOException e) {
                        refused[i] = e;
                    }
                }
            }
            if (dir == null) {
                throw fail("cannot extract it to an owner-only directory: " + whyRefused(bases, refused),
                        EXTRACT_REMEDY, refused);
            }
        }
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
            loadPrivateCopy(library != null ? library : readBundled(bundled()), dir, e);
        }
        // (outcome null: a reuse, logged by nobody; the enum is not touched then, see outcome())
        if (outcome != null && (outcome == Outcome.EXTRACTED || outcome == Outcome.REPLACED)) {
            log().info("vss4j: extracted the native library for {} to {} (SHA-256 {})", target.folder(), file, expected);
        }
        forgetPrivateCopy();
        return file;
    }

    private void extractInto(byte[] library, Path base, Path dir) throws IOException {
        files.secureDirectory(base);
        files.secureDirectory(dir);
        Extractor extractor = new Extractor(files);
        file = extractor.place(library, expected, dir, file);
        outcome = extractor.outcome();
        verifyInPlace(dir);
    }

    /** Why each place was refused: the reason alone for one place, else each place with its reason. */
    private static String whyRefused(Path[] bases, IOException[] refused) {
        if (bases.length == 1) {
            return describe(refused[0]);
        }
        StringBuilder why = new StringBuilder("tried ").append(bases.length).append(" places, each refused: ");
        for (int i = 0; i < bases.length; i++) {
            String reason = describe(refused[i]);
            why.append(i == 0 ? "" : "; ").append(i + 1).append(") ");
            if (!reason.contains(bases[i].toString())) {
                why.append(bases[i]).append(": ");
            }
            why.append(reason);
        }
        return why.toString();
    }

    /** What went wrong, in words: NIO's exceptions for a path often carry nothing but the path as message. */
    private static String describe(IOException e) {
        String message = String.valueOf(e.getMessage());
        if (e instanceof FileSystemException && ((FileSystemException) e).getReason() == null) {
            if (e instanceof FileAlreadyExistsException) {
                return message + " exists and is not a directory";
            }
            if (e instanceof AccessDeniedException) {
                return message + ": access denied";
            }
            if (e instanceof NoSuchFileException) {
                return message + " does not exist";
            }
        }
        return message;
    }

    /**
     * Whether an earlier load left the version-named file intact (owner-only, in owner-only directories, with the
     * recorded digest), once the directories are secured (made owner-only if they are ours but looser; refused,
     * with the reason, if they are not ours). Its digest, checked here, is the check before {@code System.load};
     * the jar's copy is then neither read nor hashed. If not, {@link Extractor#place} says what is wrong with the
     * file and replaces it. Nothing is logged: a load with nothing to report does not start SLF4J.
     */
    private boolean reusable(Path base, Path dir) throws IOException {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        files.secureDirectory(base);
        files.secureDirectory(dir);
        if (files.whyNotOwnerOnly(file, dir) != null) {
            return false;
        }
        String digest = Sha256.hex(file);
        if (!digest.equals(expected)) {
            return false;
        }
        actual = digest;
        return true;
    }

    /**
     * The jar's library resource, looked up only when its bytes are needed (a reuse reads the file it checked, not
     * the jar's copy); throws if the jar has none for this platform.
     */
    private BundledResource bundled() {
        BundledResource bundled = resource(target.resource());
        if (bundled == null) {
            throw fail("this jar has no native library for platform " + target.folder() + " (resource "
                    + target.resource() + " is missing)", "use a vss4j jar built with the natives for "
                    + target.folder() + ", or set -D" + NativeLibrary.LIBRARY_PATH_PROPERTY + " to a library built for it");
        }
        resource = bundled.location();
        return bundled;
    }

    /** The library's bytes from the jar, refused unless they have the digest recorded at build time. */
    private byte[] readBundled(BundledResource bundled) {
        byte[] library;
        try {
            library = bundled.read();
        } catch (IOException e) {
            throw fail("cannot read the bundled resources", "check that the jar is complete and readable", e);
        }
        actual = Sha256.hex(library);
        if (!expected.equals(actual)) {
            throw fail("the bundled library does not match the SHA-256 recorded at build time: the jar is"
                    + " corrupt or has been tampered with", "replace the jar with an intact copy of the release");
        }
        return library;
    }

    private void loadPrivateCopy(byte[] library, Path dir, UnsatisfiedLinkError inUse) {
        Path shared = file;
        try {
            file = new Extractor(files).privateCopy(library, expected, dir, shared);
            outcome = Outcome.FALLBACK;
            verifyInPlace(dir);
        } catch (IOException e) {
            UnsatisfiedLinkError error = fail("another class loader has loaded " + shared
                    + " and a private copy cannot be made: " + e.getMessage(), "load vss4j from one class loader only", e);
            error.addSuppressed(inUse);
            throw error;
        }
        log().warn("vss4j: {} is loaded by another class loader; loading a private copy {}", shared, file);
        try {
            link(file);
        } catch (UnsatisfiedLinkError e) {
            UnsatisfiedLinkError error = fail("System.load refused the private copy: " + e.getMessage(),
                    "load vss4j from one class loader only", e);
            error.addSuppressed(inUse);
            throw error;
        }
    }

    /** A private copy is needed only while loaded: where the OS allows it (not Windows), it is deleted now. */
    private void forgetPrivateCopy() {
        if (outcome != null && outcome == Outcome.FALLBACK && files.isPosix()) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                log().debug("vss4j: could not delete the private copy {}: {}", file, e.toString());
            }
        }
    }

    /** Checks the exact file about to be passed to System.load, {@link #file}, after it is in place. */
    private void verifyInPlace(Path dir) throws IOException {
        String notOwnerOnly = files.whyNotOwnerOnly(file, dir);
        if (notOwnerOnly != null) {
            throw new IOException(file + " is " + notOwnerOnly + " after it was put in place");
        }
        actual = Sha256.hex(file);
        if (!actual.equals(expected)) {
            throw new IOException(file + " changed after it was put in place (SHA-256 " + actual + ")");
        }
    }

    /**
     * Where to extract, in the order tried: {@value NativeLibrary#EXTRACT_DIR_PROPERTY} alone if set; else the
     * per-user directory under the temp directory (for an elevated Windows process one of its own, see
     * {@link Elevation}), then on POSIX systems {@link NativeLibrary#fallbackDirectories}.
     */
    private Path[] baseDirectories() throws IOException {
        String configured = property(NativeLibrary.EXTRACT_DIR_PROPERTY);
        String tmp = property("java.io.tmpdir");
        if (configured != null && !configured.isBlank()) {
            return new Path[] {NativeLibrary.baseDirectory(configured, tmp, property("user.name"))};
        }
        if (!files.isPosix()) {
            return new Path[] {NativeLibrary.baseDirectory(null, tmp, property("user.name"), elevated(tmp))};
        }
        Path[] fallbacks = NativeLibrary.fallbackDirectories(environment(NativeLibrary.RUNTIME_DIR_VARIABLE),
                environment(NativeLibrary.CACHE_HOME_VARIABLE), property("user.home"));
        Path[] all = new Path[fallbacks.length + 1];
        all[0] = NativeLibrary.baseDirectory(null, tmp, property("user.name"));
        System.arraycopy(fallbacks, 0, all, 1, fallbacks.length);
        return all;
    }

    /** Whether files this process creates in {@code tmp} belong to a group: see {@link Elevation}. */
    private boolean elevated(String tmp) {
        try {
            return Elevation.ownsAsGroup(files.self(Path.of(tmp)));
        } catch (IOException | RuntimeException e) {
            return false;  // the directory checks ask again, where they can, and say what is wrong
        }
    }

    /**
     * The first word of a {@code .sha256} file ({@code sha256sum}'s format, or Ant's bare digest), which must be
     * 64 hex digits; returned in lower case. Parsed from the bytes by hand, like the rest of the loader's usual
     * path: a regular expression, a stream or even a Charset would cost a fresh JVM set-up time.
     */
    static String parseDigest(byte[] file) throws IOException {
        int start = 0;
        while (start < file.length && (file[start] & 0xff) <= ' ') {
            start++;  // as String.trim()
        }
        int end = start;
        while (end < file.length && !isSpace(file[end])) {
            end++;
        }
        StringBuilder digest = new StringBuilder(DIGEST_HEX);
        for (int i = start; i < end && digest.length() <= DIGEST_HEX; i++) {
            int digit = Character.digit(file[i] & 0xff, 16);
            if (digit < 0) {
                break;
            }
            digest.append(Character.forDigit(digit, 16));
        }
        if (end - start != DIGEST_HEX || digest.length() != DIGEST_HEX) {
            String text = new String(file, StandardCharsets.US_ASCII).trim();
            throw new IOException("the recorded SHA-256 is not 64 hex digits: \"" + abbreviate(text) + "\"");
        }
        return digest.toString();
    }

    /** What {@code \\s} matches in a regular expression: space, tab, line feed, vertical tab, form feed, return. */
    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\n' || b == 0x0b || b == '\f' || b == '\r';
    }

    /** The SHA-256 of {@code bytes} in lower-case hex. */
    static String sha256(byte[] bytes) {
        return Sha256.hex(bytes);
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 80) + "...";
    }

    /** Looked up when there is something to say: a warm load logs nothing and so does not start SLF4J. */
    private static Logger log() {
        return LoggerFactory.getLogger(NativeLoader.class);
    }

    static UnsatisfiedLinkError failure(String message, List<Throwable> causes) {
        UnsatisfiedLinkError error = new UnsatisfiedLinkError(message);
        if (!causes.isEmpty()) {
            error.initCause(causes.get(0));
            causes.subList(1, causes.size()).forEach(error::addSuppressed);
        }
        return error;
    }

    /** The error for this load: what was tried (platform, resource, file, digests), why it failed, what to do. */
    private UnsatisfiedLinkError fail(String reason, String remedy, Throwable... causes) {
        StringBuilder m = new StringBuilder("vss4j: cannot load the native library for platform ")
                .append(target.folder()).append(" (os.name=").append(property("os.name"))
                .append(", os.arch=").append(property("os.arch")).append("): ").append(reason).append('.')
                .append(" Tried resource ").append(resource);
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
                .append("; java.library.path is not searched. What you can do: ").append(remedy)
                .append("; or set -D").append(NativeLibrary.LIBRARY_PATH_PROPERTY)
                .append("=/path/to/").append(target.fileName()).append(" to load a pre-installed library.");
        return failure(m.toString(), new ArrayList<>(List.of(causes)));
    }
}
