package io.github.vss4j.internal.copy;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.FileSystemException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;

/**
 * Opening one file of a copy with backup semantics: the path must name a file inside this copy, reached without
 * any link, before the backend opens it with the privilege.
 */
final class BackupOpen {
    private BackupOpen() {
    }

    /**
     * @param file a path of the copy's file system ({@code root().resolve(...)}), relative to its root, or a
     *             default-file-system path under its mount point
     */
    static SeekableByteChannel open(CopyFileSystem fs, Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        CopyPath inCopy = inCopy(fs, file);
        CopyPath normal = fs.guard().parentsChecked((CopyPath) inCopy.toAbsolutePath());
        if (normal.isRoot()) {
            throw new FileSystemException(file.toString(), null, "it is the copy's root directory, not a file");
        }
        BasicFileAttributes it = fs.provider().defaultProvider().readAttributes(normal.real(),
                BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        LinkGuard.refuseLink(normal, it);
        return fs.access().openForBackup(normal.real());
    }

    private static CopyPath inCopy(CopyFileSystem fs, Path file) throws FileSystemException {
        if (file instanceof CopyPath copyPath) {
            if (copyPath.getFileSystem() != fs) {
                throw new FileSystemException(file.toString(), null, "it is a path of another shadow copy ("
                        + copyPath.getFileSystem().deviceObject() + "), not of " + fs.deviceObject());
            }
            return copyPath;
        }
        if (file.getFileSystem() == fs.mountRoot().getFileSystem()) {
            Path absolute = file.toAbsolutePath().normalize();
            if (absolute.startsWith(fs.mountRoot())) {
                return new CopyPath(fs, fs.mountRoot().relativize(absolute), true);
            }
            if (!file.isAbsolute()) {
                return new CopyPath(fs, file, false);
            }
        }
        throw new FileSystemException(file.toString(), null, "it is not a path of the shadow copy "
                + fs.deviceObject() + " (mounted at " + fs.mountRoot() + "): backup reading opens the copy's files"
                + " only, never the live volume's or another copy's");
    }
}
