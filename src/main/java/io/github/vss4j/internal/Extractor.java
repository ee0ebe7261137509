package io.github.vss4j.internal;

import io.github.vss4j.internal.NativeLoader.Outcome;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the bundled library into its owner-only directory for {@link NativeLoader}: as the version-named file,
 * which other processes may be writing or loading at the same moment, or as a uniquely named private copy. Every
 * copy is written to an owner-only temp file, read back and verified, sealed, and only then given its name.
 *
 * <p>Kept apart from the loader's decisions (what to load, whether a file can be reused, what to say when it
 * fails): a warm load, the usual case, runs none of this.
 */
final class Extractor {
    /** Serializes extraction by the threads of this JVM; processes are kept apart by the atomic move. */
    private static final Object EXTRACTION = new Object();

    private final OwnerOnlyFiles files;
    private Outcome outcome;

    Extractor(OwnerOnlyFiles files) {
        this.files = files;
    }

    /**
     * Puts an intact copy of {@code library} at {@code target}, or next to it when that is impossible; returns
     * where it is, and {@link #outcome()} says which.
     */
    Path place(byte[] library, String expected, Path dir, Path target) throws IOException {
        synchronized (EXTRACTION) {
            return placeLocked(library, expected, dir, target);
        }
    }

    /** What the last {@link #place} did: {@code EXTRACTED}, {@code REUSED}, {@code REPLACED} or {@code FALLBACK}. */
    Outcome outcome() {
        return outcome;
    }

    /** A verified copy of {@code library} under a unique name like {@code shared}'s, for this class loader alone. */
    Path privateCopy(byte[] library, String expected, Path dir, Path shared) throws IOException {
        synchronized (EXTRACTION) {
            return moveToUniqueName(writeVerified(library, expected, dir), shared);
        }
    }

    private Path placeLocked(byte[] library, String expected, Path dir, Path target) throws IOException {
        boolean replacing = false;
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            String problem = problem(target, expected, dir);
            if (problem == null) {
                return placed(target, Outcome.REUSED);
            }
            log().warn("vss4j: {} is not intact ({}); replacing it", target, problem);
            replacing = true;
        }
        Path temp = writeVerified(library, expected, dir);
        try {
            if (!replacing) {
                // A hard link creates the name only if it is free, so of several processes exactly one extracts.
                try {
                    Files.createLink(target, temp);
                    return placed(target, Outcome.EXTRACTED);
                } catch (FileAlreadyExistsException raced) {
                    if (problem(target, expected, dir) == null) {
                        return placed(target, Outcome.REUSED);
                    }
                    replacing = true;
                } catch (UnsupportedOperationException | IOException noHardLinks) {
                    log().debug("vss4j: no hard link in {} ({}); moving the file into place", dir, noHardLinks.toString());
                }
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
                return placed(target, replacing ? Outcome.REPLACED : Outcome.EXTRACTED);
            } catch (IOException moveFailed) {
                // Another process may have put an intact copy there meanwhile (on Windows, now in use).
                if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && problem(target, expected, dir) == null) {
                    return placed(target, Outcome.REUSED);
                }
                Path unique = moveToUniqueName(temp, target);
                log().warn("vss4j: could not replace {} ({}); loading a private copy {} instead", target, moveFailed,
                        unique);
                return placed(unique, Outcome.FALLBACK);
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
            String written = Sha256.hex(temp);
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
        String actual = Sha256.hex(file);
        if (!actual.equals(expected)) {
            return "its SHA-256 is " + actual + ", expected " + expected;
        }
        return null;
    }

    private Path placed(Path file, Outcome what) {
        outcome = what;
        return file;
    }

    private static Logger log() {
        return LoggerFactory.getLogger(NativeLoader.class);  // the loader's name: one logger for one story
    }
}
