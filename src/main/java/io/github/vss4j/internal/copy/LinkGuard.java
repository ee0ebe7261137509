package io.github.vss4j.internal.copy;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps every operation of a copy's file system from going through a link or reparse point inside the copy, so
 * that a junction such as {@code Documents and Settings -> C:\Users} never leads onto the live volume.
 *
 * <p>A directory found to be a real directory is remembered for the copy's lifetime: a shadow copy is read-only
 * and point-in-time, so the verdict cannot change, and an open deep in a tree then costs one lookup instead of one
 * status call per ancestor.
 */
final class LinkGuard {
    static final String RULE = "vss4j never follows a link or reparse point inside a shadow copy, so that none leads"
            + " out of the copy (onto the live volume); read its target with Files.readSymbolicLink";

    private final CopyFileSystem fs;
    private final Set<Path> realDirectories = ConcurrentHashMap.newKeySet();

    LinkGuard(CopyFileSystem fs) {
        this.fs = fs;
    }

    /** Whether {@code it} is a link, a junction or another reparse point (the JDK reports the latter as "other"). */
    static boolean isLink(BasicFileAttributes it) {
        return it.isSymbolicLink() || it.isOther();
    }

    /**
     * {@code path} normalized, refused if {@code ..} leaves the copy's root, and checked that no directory above it
     * is a link. The result's {@link CopyPath#real()} is safe to hand to the default provider with
     * {@link LinkOption#NOFOLLOW_LINKS} for the path's own last name.
     */
    CopyPath parentsChecked(CopyPath path) throws IOException {
        fs.requireOpen();
        if (path.isListed()) {
            return path;
        }
        CopyPath normal = (CopyPath) path.normalize();
        Path rel = normal.rel();
        if (leavesTheRoot(rel.toString())) {
            throw new FileSystemException(path.toString(), null, "the path leaves the shadow copy's root through"
                    + " \"..\"; a path of the copy stays below its root");
        }
        Path parent = rel.getParent();
        if (parent != null && !realDirectories.contains(parent)) {
            checkDirectories(normal, parent);
        }
        return normal;
    }

    // A normalized path keeps ".." only at its start.
    private static boolean leavesTheRoot(String normalized) {
        return normalized.startsWith("..") && (normalized.length() == 2 || normalized.charAt(2) == '/'
                || normalized.charAt(2) == '\\');
    }

    /** {@link #parentsChecked}, and the path itself must be a real directory (not a link to one). */
    CopyPath directoryChecked(CopyPath path) throws IOException {
        CopyPath normal = parentsChecked(path);
        Path rel = normal.rel();
        if (!normal.isRoot() && !realDirectories.contains(rel)) {
            BasicFileAttributes it = attributes(normal, normal.real(), rel);
            refuseLink(normal, it);
            realDirectories.add(rel);
        }
        return normal;
    }

    /** Remembers a verdict that a listing or status call found anyway. */
    void noteAttributes(CopyPath normal, BasicFileAttributes it) {
        if (it.isDirectory() && !isLink(it)) {
            realDirectories.add(normal.rel());
        }
    }

    /** Throws if {@code it}, the attributes of {@code path} itself, are a link's. */
    static void refuseLink(CopyPath path, BasicFileAttributes it) throws FileSystemException {
        if (it.isSymbolicLink() || it.isOther() && it.isDirectory()) {
            throw new FileSystemException(path.toString(), null, "it is a link or reparse point; " + RULE);
        }
        if (it.isOther()) {
            throw new FileSystemException(path.toString(), null, "it is neither a file nor a directory (a reparse"
                    + " point, device or pipe), which vss4j does not open in a shadow copy");
        }
    }

    private void checkDirectories(CopyPath path, Path parent) throws IOException {
        int names = parent.getNameCount();
        for (int i = 1; i <= names; i++) {
            Path above = parent.subpath(0, i);
            if (realDirectories.contains(above)) {
                continue;
            }
            BasicFileAttributes it = attributes(path, fs.mountRoot().resolve(above), above);
            if (isLink(it)) {
                throw new FileSystemException(path.toString(), null, "the path goes through "
                        + new CopyPath(fs, above, true) + ", a link or reparse point; " + RULE);
            }
            if (!it.isDirectory()) {
                return;  // the default provider reports a file used as a directory as it always does
            }
            realDirectories.add(above);
        }
    }

    private BasicFileAttributes attributes(CopyPath path, Path real, Path rel) throws IOException {
        try {
            return fs.provider().defaultProvider().readAttributes(real, BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException missing) {
            throw new NoSuchFileException(path.toString(), null, "no such file or directory in the shadow copy"
                    + (rel.equals(path.rel()) ? "" : " (" + new CopyPath(fs, rel, true) + " is missing)"));
        }
    }
}
