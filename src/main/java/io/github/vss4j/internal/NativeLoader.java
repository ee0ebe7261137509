package io.github.vss4j.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.UserPrincipal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The algorithm behind {@link NativeLibrary#load()}, with everything it depends on injectable for tests: the
 * properties, the platform, where the bundled resources come from, the version and the final {@code System.load}.
 *
 * <p>Bundled library: read {@code natives/<platform>/<file>} and its {@code .sha256} from the jar, check the
 * bytes against the digest, then place them in {@code <base>/<version>-<digest prefix>/<file>} where base is
 * owner-only: an intact file already there is reused; otherwise the bytes go to an owner-only temp file in the
 * same directory, are verified, and are moved atomically into place (a corrupt file is replaced; one that cannot
 * be replaced, e.g. in use on Windows, leads to a uniquely named private copy and a warning). The exact file
 * passed to {@code System.load} is verified once more, after it is in place.
 */
final class NativeLoader {
    private static final Logger LOG = LoggerFactory.getLogger(NativeLoader.class);
    /** Serializes extraction by the threads of this JVM; processes are kept apart by the atomic move. */
    private static final Object EXTRACTION = new Object();
    private static final int DIGEST_HEX = 64;
    private static final int DIR_DIGEST_PREFIX = 16;

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

    /** What was loaded. */
    record Loaded(Path file, Outcome outcome) {
    }

    private final Function<String, String> properties;
    private final Supplier<NativePlatform> platform;
    private final Function<String, URL> resources;
    private final String version;
    private final Consumer<Path> linker;
    private final OwnerOnlyFiles files;

    /**
     * @param properties system properties ({@code vss4j.*}, {@code java.io.tmpdir}, {@code user.name}, ...)
     * @param platform the platform to load for; throws {@link UnsatisfiedLinkError} when it is unknown
     * @param resources finds a bundled resource by name (no leading slash), null when absent
     * @param version the library version, part of the extraction directory's name
     * @param linker {@code System.load}, called from {@link NativeLibrary}
     * @param self the owner to expect for our directories and files, or null to learn it from a file we create
     */
    NativeLoader(Function<String, String> properties, Supplier<NativePlatform> platform, Function<String, URL> resources,
            String version, Consumer<Path> linker, UserPrincipal self) {
        this.properties = properties;
        this.platform = platform;
        this.resources = resources;
        this.version = safeName(version == null || version.isBlank() ? "dev" : version);
        this.linker = linker;
        this.files = new OwnerOnlyFiles(self);
    }

    /** Loads the library; throws {@link UnsatisfiedLinkError} that says what was tried and why it failed. */
    Loaded load() {
        String explicit = properties.apply(NativeLibrary.LIBRARY_PATH_PROPERTY);
        if (explicit != null) {
            return loadPreinstalled(explicit);
        }
        return loadBundled();
    }

    private Loaded loadPreinstalled(String explicit) {
        String what = "-D" + NativeLibrary.LIBRARY_PATH_PROPERTY + "=" + explicit;
        Path file;
        try {
            file = Path.of(explicit).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw failure("vss4j: " + what + " is not a valid path. Fix it, or remove the property to load the"
                    + " library bundled in the jar.", List.of(e));
        }
        if (explicit.isBlank() || !Files.isRegularFile(file)) {
            throw failure("vss4j: " + what + " names no library file: " + file + (Files.exists(file) ? " is not a regular file."
                    : " does not exist.") + " Nothing was loaded; the bundled library is not used while this property is"
                    + " set. Point it at the installed library file, or remove it to load the library bundled in the jar.",
                    List.of());
        }
        try {
            linker.accept(file);
        } catch (UnsatisfiedLinkError e) {
            throw failure("vss4j: System.load(" + file + ") failed for " + what + ": " + e.getMessage()
                    + ". Check that the file is the vss4j library built for this platform (os.name="
                    + properties.apply("os.name") + ", os.arch=" + properties.apply("os.arch") + ").", List.of(e));
        }
        LOG.info("vss4j: loaded the pre-installed native library {} ({}), not the one bundled in the jar", file, what);
        return new Loaded(file, Outcome.PREINSTALLED);
    }

    private Loaded loadBundled() {
        NativePlatform target = platform.get();
        Attempt attempt = new Attempt(target);
        URL digestUrl = resources.apply(target.digestResource());
        URL libraryUrl = resources.apply(target.resource());
        if (libraryUrl == null) {
            throw attempt.fail("this jar has no native library for platform " + target.folder() + " (resource "
                    + target.resource() + " is missing)", "use a vss4j jar built with the natives for "
                    + target.folder() + ", or set -D" + NativeLibrary.LIBRARY_PATH_PROPERTY + " to a library built for it");
        }
        attempt.resource = libraryUrl.toString();
        if (digestUrl == null) {
            throw attempt.fail("the jar has no SHA-256 for it (resource " + target.digestResource() + " is missing),"
                    + " so it cannot be verified", "use a jar produced by the vss4j build, which records the digest");
        }
        byte[] library;
        try {
            attempt.expected = parseDigest(read(digestUrl));
            library = read(libraryUrl);
        } catch (IOException e) {
            throw attempt.fail("cannot read the bundled resources", "check that the jar is complete and readable", e);
        }
        attempt.actual = sha256(library);
        if (!attempt.expected.equals(attempt.actual)) {
            throw attempt.fail("the bundled library does not match the SHA-256 recorded at build time: the jar is"
                    + " corrupt or has been tampered with", "replace the jar with an intact copy of the release");
        }
        Loaded placed;
        Path dir;
        try {
            Path base = files.secureDirectory(baseDirectory());
            dir = files.secureDirectory(base.resolve(version + "-" + attempt.expected.substring(0, DIR_DIGEST_PREFIX)));
            attempt.file = dir.resolve(target.fileName());
            synchronized (EXTRACTION) {
                placed = place(library, attempt.expected, dir, attempt.file);
            }
            verifyInPlace(placed.file(), dir, attempt);
        } catch (IOException e) {
            throw attempt.fail("cannot extract it to an owner-only directory: " + e.getMessage(),
                    "set -D" + NativeLibrary.EXTRACT_DIR_PROPERTY + " to a directory of your own (on a file system"
                    + " that allows executables)", e);
        }
        attempt.linking = true;
        try {
            linker.accept(placed.file());
        } catch (UnsatisfiedLinkError e) {
            if (!String.valueOf(e.getMessage()).contains("already loaded in another classloader")) {
                throw attempt.fail("System.load refused the verified file: " + e.getMessage(),
                        "check that the jar's natives match this JVM (a 64-bit JVM needs a 64-bit library) and that the"
                        + " extraction directory is not on a noexec file system (else set -D"
                        + NativeLibrary.EXTRACT_DIR_PROPERTY + ")", e);
            }
            // The JVM binds a library file to one class loader; vss4j loaded by a second one needs its own copy.
            placed = loadPrivateCopy(library, dir, attempt, e);
        }
        if (placed.outcome() == Outcome.REUSED) {
            LOG.debug("vss4j: reusing the verified native library {} (SHA-256 {})", placed.file(), attempt.expected);
        } else if (placed.outcome() != Outcome.FALLBACK) {
            LOG.info("vss4j: extracted the native library for {} to {} (SHA-256 {})", target.folder(), placed.file(),
                    attempt.expected);
        }
        forgetPrivateCopy(placed);
        return placed;
    }

    private Loaded loadPrivateCopy(byte[] library, Path dir, Attempt attempt, UnsatisfiedLinkError inUse) {
        Path shared = attempt.file;
        Loaded copy;
        try {
            synchronized (EXTRACTION) {
                copy = new Loaded(moveToUniqueName(writeVerified(library, attempt.expected, dir), shared), Outcome.FALLBACK);
            }
            attempt.file = copy.file();
            verifyInPlace(copy.file(), dir, attempt);
        } catch (IOException e) {
            UnsatisfiedLinkError error = attempt.fail("another class loader has loaded " + shared
                    + " and a private copy cannot be made: " + e.getMessage(), "load vss4j from one class loader only", e);
            error.addSuppressed(inUse);
            throw error;
        }
        LOG.warn("vss4j: {} is loaded by another class loader; loading a private copy {}", shared, copy.file());
        try {
            linker.accept(copy.file());
        } catch (UnsatisfiedLinkError e) {
            UnsatisfiedLinkError error = attempt.fail("System.load refused the private copy: " + e.getMessage(),
                    "load vss4j from one class loader only", e);
            error.addSuppressed(inUse);
            throw error;
        }
        return copy;
    }

    /** A private copy is needed only while loaded: where the OS allows it (not Windows), it is deleted now. */
    private void forgetPrivateCopy(Loaded loaded) {
        if (loaded.outcome() == Outcome.FALLBACK && files.isPosix()) {
            try {
                Files.deleteIfExists(loaded.file());
            } catch (IOException e) {
                LOG.debug("vss4j: could not delete the private copy {}: {}", loaded.file(), e.toString());
            }
        }
    }

    /** Checks the exact file about to be passed to System.load, after it is in place. */
    private void verifyInPlace(Path file, Path dir, Attempt attempt) throws IOException {
        attempt.file = file;
        String notOwnerOnly = files.whyNotOwnerOnly(file, dir);
        if (notOwnerOnly != null) {
            throw new IOException(file + " is " + notOwnerOnly + " after it was put in place");
        }
        attempt.actual = sha256(Files.readAllBytes(file));
        if (!attempt.actual.equals(attempt.expected)) {
            throw new IOException(file + " changed after it was put in place (SHA-256 " + attempt.actual + ")");
        }
    }

    /** Puts an intact copy of {@code library} at {@code target}, or next to it when that is impossible. */
    private Loaded place(byte[] library, String expected, Path dir, Path target) throws IOException {
        boolean replacing = false;
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            String problem = problem(target, expected, dir);
            if (problem == null) {
                return new Loaded(target, Outcome.REUSED);
            }
            LOG.warn("vss4j: {} is not intact ({}); replacing it", target, problem);
            replacing = true;
        }
        Path temp = writeVerified(library, expected, dir);
        try {
            if (!replacing) {
                // A hard link creates the name only if it is free, so of several processes exactly one extracts.
                try {
                    Files.createLink(target, temp);
                    return new Loaded(target, Outcome.EXTRACTED);
                } catch (FileAlreadyExistsException raced) {
                    if (problem(target, expected, dir) == null) {
                        return new Loaded(target, Outcome.REUSED);
                    }
                    replacing = true;
                } catch (UnsupportedOperationException | IOException noHardLinks) {
                    LOG.debug("vss4j: no hard link in {} ({}); moving the file into place", dir, noHardLinks.toString());
                }
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
                return new Loaded(target, replacing ? Outcome.REPLACED : Outcome.EXTRACTED);
            } catch (IOException moveFailed) {
                // Another process may have put an intact copy there meanwhile (on Windows, now in use).
                if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && problem(target, expected, dir) == null) {
                    return new Loaded(target, Outcome.REUSED);
                }
                Path unique = moveToUniqueName(temp, target);
                LOG.warn("vss4j: could not replace {} ({}); loading a private copy {} instead", target, moveFailed,
                        unique);
                return new Loaded(unique, Outcome.FALLBACK);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** An owner-only temp file in {@code dir} holding {@code library}, read back and verified, then sealed. */
    private Path writeVerified(byte[] library, String expected, Path dir) throws IOException {
        Path temp = files.createTempFile(dir, ".vss4j-", ".tmp");
        boolean done = false;
        try {
            Files.write(temp, library);
            String written = sha256(Files.readAllBytes(temp));
            if (!written.equals(expected)) {
                throw new IOException("the copy written to " + temp + " has SHA-256 " + written + ", not " + expected);
            }
            files.seal(temp);
            done = true;
            return temp;
        } finally {
            if (!done) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /** Renames {@code temp} to a unique name like {@code target}'s: {@code libvss4j-<uuid>.so}. */
    private static Path moveToUniqueName(Path temp, Path target) throws IOException {
        String name = target.getFileName().toString();
        int dot = name.lastIndexOf('.');
        Path unique = target.resolveSibling(name.substring(0, dot) + "-" + UUID.randomUUID() + name.substring(dot));
        Files.move(temp, unique, StandardCopyOption.ATOMIC_MOVE);
        return unique;
    }

    /** Null if {@code file} is owner-only and has the expected digest; otherwise what is wrong with it. */
    private String problem(Path file, String expected, Path dir) throws IOException {
        String notOwnerOnly = files.whyNotOwnerOnly(file, dir);
        if (notOwnerOnly != null) {
            return notOwnerOnly;
        }
        String actual = sha256(Files.readAllBytes(file));
        if (!actual.equals(expected)) {
            return "its SHA-256 is " + actual + ", expected " + expected;
        }
        return null;
    }

    private Path baseDirectory() throws IOException {
        String configured = properties.apply(NativeLibrary.EXTRACT_DIR_PROPERTY);
        try {
            if (configured != null && !configured.isBlank()) {
                return Path.of(configured).toAbsolutePath().normalize();
            }
            String tmp = properties.apply("java.io.tmpdir");
            return Path.of(tmp).toAbsolutePath().normalize().resolve("vss4j-" + safeName(properties.apply("user.name")));
        } catch (InvalidPathException e) {
            throw new IOException("invalid extraction directory: " + e.getMessage(), e);
        }
    }

    private static byte[] read(URL url) throws IOException {
        try (InputStream in = url.openStream()) {
            return in.readAllBytes();
        }
    }

    static String parseDigest(byte[] file) throws IOException {
        String text = new String(file, StandardCharsets.US_ASCII).trim();
        String first = text.split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
        if (first.length() != DIGEST_HEX || !first.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new IOException("the recorded SHA-256 is not 64 hex digits: \"" + abbreviate(text) + "\"");
        }
        return first;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 80) + "...";
    }

    static String safeName(String s) {
        String name = s == null ? "" : s.replaceAll("[^A-Za-z0-9._-]", "_");
        return name.isEmpty() || name.chars().allMatch(c -> c == '.') ? "unknown" : name;
    }

    private static UnsatisfiedLinkError failure(String message, List<Throwable> causes) {
        UnsatisfiedLinkError error = new UnsatisfiedLinkError(message);
        if (!causes.isEmpty()) {
            error.initCause(causes.get(0));
            causes.subList(1, causes.size()).forEach(error::addSuppressed);
        }
        return error;
    }

    /** What one attempt to load the bundled library tried, for the error message. */
    private final class Attempt {
        final NativePlatform platform;
        String resource;
        Path file;
        String expected;
        String actual;
        boolean linking;

        Attempt(NativePlatform platform) {
            this.platform = platform;
            this.resource = platform.resource();
        }

        UnsatisfiedLinkError fail(String reason, String remedy, Throwable... causes) {
            StringBuilder m = new StringBuilder("vss4j: cannot load the native library for platform ")
                    .append(platform.folder()).append(" (os.name=").append(properties.apply("os.name"))
                    .append(", os.arch=").append(properties.apply("os.arch")).append("): ").append(reason).append('.')
                    .append(" Tried resource ").append(resource);
            if (file != null) {
                m.append(", file ").append(file);
            }
            if (expected != null) {
                m.append(", expected SHA-256 ").append(expected).append(" (").append(platform.digestResource()).append(')');
            }
            if (actual != null) {
                m.append(", actual SHA-256 ").append(actual);
            }
            m.append(linking ? ". System.load was called and failed" : ". Nothing was loaded")
                    .append("; java.library.path is not searched. What you can do: ").append(remedy)
                    .append("; or set -D").append(NativeLibrary.LIBRARY_PATH_PROPERTY)
                    .append("=/path/to/").append(platform.fileName()).append(" to load a pre-installed library.");
            List<Throwable> list = new ArrayList<>(List.of(causes));
            return failure(m.toString(), list);
        }
    }
}
