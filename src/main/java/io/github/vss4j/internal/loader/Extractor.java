package io.github.vss4j.internal.loader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/**
 * Writes the jar's verified bytes into their owner-only folder: each copy goes to an owner-only temp file, is
 * sealed, and only then given its name; the loader checks the named file before it loads it. Callers hold the base
 * directory's lock ({@link FolderLocks}), so no other vss4j process writes the same name meanwhile.
 */
final class Extractor {
    private Extractor() {
    }

    /**
     * Puts {@code library} at {@code target}, replacing what is there; if that cannot be replaced (a DLL in use on
     * Windows), under a unique name beside it. Returns where it is.
     */
    static Path place(OwnerOnly files, byte[] library, Path target) throws IOException {
        Path temp = write(files, library, target.getParent());
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

    /** A copy of {@code library} under a unique name like {@code shared}'s, for one class loader alone. */
    static Path privateCopy(OwnerOnly files, byte[] library, Path shared) throws IOException {
        return moveToUniqueName(write(files, library, shared.getParent()), shared);
    }

    private static Path write(OwnerOnly files, byte[] library, Path dir) throws IOException {
        // Owner-only as created: rw------- on POSIX; on Windows the folder's owner-only ACL, inherited.
        Path temp = Files.createTempFile(dir, ".vss4j-", ".tmp");
        try {
            Files.write(temp, library);
            files.seal(temp);
            return temp;
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
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
