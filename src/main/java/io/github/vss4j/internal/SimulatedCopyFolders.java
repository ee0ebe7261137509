package io.github.vss4j.internal;

import io.github.vss4j.internal.loader.NativeLibrary;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.DosFileAttributeView;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.LoggerFactory;

/**
 * Where simulated machines keep their copies' files: {@code <private folder>/simulated-copies/process-<pid>/
 * machine-<n>/HarddiskVolumeShadowCopy<N>}, owner-only. The process folder is claimed for this process's lifetime;
 * each new machine with files removes the folders of processes that ended without removing theirs (a killed JVM),
 * never following a link.
 */
final class SimulatedCopyFolders {
    private static final String BASE = "simulated-copies";
    private static final AtomicLong MACHINES = new AtomicLong();
    private static Path claimed;

    private SimulatedCopyFolders() {
    }

    /** A new, empty folder for one machine's copies; the native machine removes it when it ends. */
    static Path newMachineFolder() throws IOException {
        return Files.createDirectory(processFolder().resolve("machine-" + MACHINES.incrementAndGet()));
    }

    private static synchronized Path processFolder() throws IOException {
        Path base = NativeLibrary.privateFolder(BASE);
        for (Path orphan : NativeLibrary.unusedSubFolders(base)) {
            removeTree(orphan);
        }
        if (claimed == null) {
            Path folder = NativeLibrary.claimSubFolder(base, "process-" + ProcessHandle.current().pid());
            // Machines still reachable at exit never end (no cleaner runs then): their copies go with the process.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> removeAtExit(folder), "vss4j-simulated-copies"));
            claimed = folder;
        }
        return claimed;
    }

    private static void removeAtExit(Path folder) {
        try {
            removeTree(folder);
        } catch (IOException | RuntimeException e) {
            // The next machine with files of this user removes it as an ended process's folder.
            LoggerFactory.getLogger(SimulatedCopyFolders.class).debug(
                    "vss4j: the simulated copies in {} are left for the next start to remove: {}", folder, e.toString());
        }
    }

    /**
     * Removes {@code root} and everything below it; a link is removed, never what it points to. The copies are
     * read-only, so each directory is made writable for its owner before its entries go.
     */
    static void removeTree(Path root) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                makeWritable(dir);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (attrs.isRegularFile()) {
                    clearReadOnly(file);
                }
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException failure) throws IOException {
                if (failure instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw failure;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                if (failure != null) {
                    throw failure;
                }
                Files.deleteIfExists(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    // Windows refuses to delete a read-only file, where POSIX asks only for the directory's write permission.
    private static void clearReadOnly(Path file) throws IOException {
        DosFileAttributeView dos = Files.getFileAttributeView(file, DosFileAttributeView.class,
                LinkOption.NOFOLLOW_LINKS);
        if (dos != null && Files.getFileAttributeView(file, PosixFileAttributeView.class) == null
                && dos.readAttributes().isReadOnly()) {
            dos.setReadOnly(false);
        }
    }

    // walkFileTree visits a link as a file (it follows none), so `dir` is a real directory here.
    private static void makeWritable(Path dir) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(dir, PosixFileAttributeView.class,
                LinkOption.NOFOLLOW_LINKS);
        if (view != null) {
            Set<PosixFilePermission> mode = EnumSet.noneOf(PosixFilePermission.class);
            mode.addAll(view.readAttributes().permissions());
            if (mode.addAll(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                    PosixFilePermission.OWNER_EXECUTE))) {
                view.setPermissions(mode);
            }
        }
    }
}
