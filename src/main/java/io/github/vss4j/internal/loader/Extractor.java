package io.github.vss4j.internal.loader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/**
 * Writes the bundled library into its owner-only folder: every copy goes to an owner-only temp file, is read back
 * and verified, sealed, and only then given its name. Callers hold the base directory's lock
 * ({@link FolderLocks}), so no other vss4j process writes the same name meanwhile.
 */
final class Extractor {
    private final OwnerOnly files;

    Extractor(OwnerOnly files) {
        this.files = files;
    }

    /**
     * Puts a verified copy of {@code library} at {@code target}, replacing what is there; if that cannot be
     * replaced (a DLL in use on Windows), under a unique name beside it. Returns where it is.
     */
    Path place(byte[] library, String expected, Path target) throws IOException {
        Path temp = writeVerified(library, expected, target.getParent());
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException notReplaced) {
            Path unique = moveToUniqueName(temp, target);
            NativeLoader.Log.LOG.warn("vss4j: could not replace {} ({}); loading a private copy {} instead", target,
                    notReplaced, unique);
            return unique;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** A verified copy of {@code library} under a unique name like {@code shared}'s, for one class loader alone. */
    Path privateCopy(byte[] library, String expected, Path shared) throws IOException {
        return moveToUniqueName(writeVerified(library, expected, shared.getParent()), shared);
    }

    private Path writeVerified(byte[] library, String expected, Path dir) throws IOException {
        // Owner-only as created: rw------- on POSIX; on Windows the folder's owner-only ACL, inherited.
        Path temp = Files.createTempFile(dir, ".vss4j-", ".tmp");
        boolean done = false;
        try {
            Files.write(temp, library);
            String written = NativeLoader.sha256(Files.readAllBytes(temp));
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
}
