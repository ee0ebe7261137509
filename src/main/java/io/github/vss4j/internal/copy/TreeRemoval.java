package io.github.vss4j.internal.copy;

import io.github.vss4j.internal.loader.NativeLibrary;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.DosFileAttributeView;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes what vss4j left in its private folders (links to copies, simulated copies), never following a link: a
 * link, junction or other reparse point is deleted itself, so nothing behind it is lost. Not
 * {@code Files.walkFileTree}: on Windows it takes a junction for a directory and would descend into it. Read-only
 * content (a simulated copy) is made deletable on the way: a POSIX directory writable by its owner, a Windows
 * read-only file writable.
 */
public final class TreeRemoval {
    private static final Logger LOG = LoggerFactory.getLogger(TreeRemoval.class);

    private TreeRemoval() {
    }

    public static void remove(Path folder) throws IOException {
        BasicFileAttributes it;
        try {
            it = Files.readAttributes(folder, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException gone) {
            return;
        }
        if (it.isDirectory() && !LinkGuard.isLink(it)) {
            makeOwnerWritable(folder);
            try (DirectoryStream<Path> children = Files.newDirectoryStream(folder)) {
                for (Path child : children) {
                    remove(child);
                }
            }
        } else if (it.isRegularFile()) {
            clearReadOnly(folder);
        }
        Files.deleteIfExists(folder);
    }

    /**
     * Removes the sub-folders of {@code base} that no live process claims (left by a killed JVM); one that cannot be
     * removed is logged and left for the next start.
     *
     * @param what what such a folder holds, for the log, e.g. {@code "the shadow copy links"}
     * @return how many were removed
     */
    public static int removeOrphans(Path base, String what) throws IOException {
        int removed = 0;
        for (Path orphan : NativeLibrary.unusedSubFolders(base)) {
            try {
                remove(orphan);
                removed++;
                LOG.info("Removed {}, {} of a vss4j process that ended without removing them.", orphan, what);
            } catch (IOException failed) {
                LOG.warn("Could not remove {}, {} of an ended vss4j process; it is tried again at the next start: {}",
                        orphan, what, failed.toString());
            }
        }
        return removed;
    }

    private static void makeOwnerWritable(Path dir) throws IOException {
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

    // Windows refuses to delete a read-only file, where POSIX asks only for the directory's write permission.
    private static void clearReadOnly(Path file) throws IOException {
        if (Files.getFileAttributeView(file, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS) != null) {
            return;
        }
        DosFileAttributeView dos = Files.getFileAttributeView(file, DosFileAttributeView.class,
                LinkOption.NOFOLLOW_LINKS);
        if (dos != null && dos.readAttributes().isReadOnly()) {
            dos.setReadOnly(false);
        }
    }
}
