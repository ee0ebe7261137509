package io.github.vss4j.internal.loader;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which folders of a base (version folders, or a private folder's sub-folders) are in use, told by locks that
 * vanish with their process, crash included: a shared lock on {@code <folder>.in-use} while a process uses the
 * folder. All work in a base is done under an exclusive lock on {@code <base>/.lock}, so a folder is never removed
 * between its creation and its mark and no two processes extract the same file at once.
 */
final class FolderLocks {
    static final String IN_USE = ".in-use";
    /** A string literal is one object in the whole JVM, so every class loader's copy of vss4j waits on the same one. */
    static final String JVM_WIDE = "io.github.vss4j.internal.loader.FolderLocks";
    /** This class loader's marks, by in-use file: never a second channel on one of those (see {@link #KEPT}). */
    private static final Map<Path, FileChannel> MARKS = new HashMap<>();
    /** Channels kept open: on POSIX closing any channel of a file drops every lock this process holds on it. */
    private static final List<FileChannel> KEPT = new ArrayList<>();

    private FolderLocks() {
    }

    /** {@code base}'s lock, taken until closed; callers hold {@link #JVM_WIDE}'s monitor meanwhile. */
    static FileChannel lockBase(Path base) throws IOException {
        return lock(base.resolve(".lock"), false, true).channel();
    }

    /** Marks {@code folder} in use (under {@link #lockBase}); false if this JVM has marked it already. */
    static boolean markInUse(Path folder) throws IOException {
        synchronized (MARKS) {
            FileLock lock = MARKS.containsKey(inUseFile(folder)) ? null : lock(inUseFile(folder), true, true);
            return lock != null && MARKS.put(inUseFile(folder), lock.channel()) == null;
        }
    }

    /** Ends this JVM's mark on {@code folder}, if any. */
    static void unmark(Path folder) throws IOException {
        synchronized (MARKS) {
            FileChannel channel = folder == null ? null : MARKS.remove(inUseFile(folder));
            if (channel != null) {
                channel.close();
            }
        }
    }

    /** {@link NativeLibrary#claimSubFolder}: made and marked under {@code folder}'s lock, so never listed unused. */
    @SuppressWarnings("try")
    static Path claim(OwnerOnly files, Path folder, String child) throws IOException {
        synchronized (JVM_WIDE) {
            try (FileChannel locked = lockBase(folder)) {
                Path claimed = files.secureDirectory(folder.resolve(child));
                markInUse(claimed);
                return claimed;
            }
        }
    }

    /**
     * {@link NativeLibrary#unusedSubFolders}: the real directories in {@code folder} that no process marks (a
     * Windows junction is a directory to the JDK, and "other": never listed); deletes the free in-use files of
     * folders deleted since.
     */
    @SuppressWarnings("try")
    static List<Path> unused(Path folder) throws IOException {
        synchronized (JVM_WIDE) {
            try (FileChannel locked = lockBase(folder)) {
                return unusedUnderLock(folder);
            }
        }
    }

    private static List<Path> unusedUnderLock(Path folder) throws IOException {
        List<Path> unused = new ArrayList<>();
        for (Path child : list(folder)) {
            String name = child.getFileName().toString();
            BasicFileAttributes it;
            try {
                it = Files.readAttributes(child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (NoSuchFileException gone) {
                continue;  // another process's owner probe, deleted meanwhile
            }
            boolean orphan = name.endsWith(IN_USE) && !Files.exists(child.resolveSibling(
                    name.substring(0, name.length() - IN_USE.length())), LinkOption.NOFOLLOW_LINKS);
            if (orphan && isFree(child)) {
                Files.delete(child);
            } else if (!orphan && it.isDirectory() && !it.isOther() && isFree(inUseFile(child))) {
                unused.add(child);
            }
        }
        return unused;
    }

    /**
     * Removes and returns the version folders of {@code base} but {@code keep} that no process uses, that
     * {@code keep}'s owner owns and that hold only files, as a load leaves them; under {@link #lockBase}.
     */
    static List<Path> removeUnused(Path base, Path keep) throws IOException {
        List<Path> removed = new ArrayList<>();
        Object me = Files.getOwner(keep, LinkOption.NOFOLLOW_LINKS);
        for (Path folder : unusedUnderLock(base)) {
            try {
                if (folder.equals(keep) || !NativePlatform.isVersionFolder(folder.getFileName().toString())
                        || !me.equals(Files.getOwner(folder, LinkOption.NOFOLLOW_LINKS))) {
                    continue;
                }
                List<Path> files = list(folder);
                boolean onlyFiles = true;
                for (Path file : files) {
                    onlyFiles &= !Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS);
                }
                if (!onlyFiles) {
                    continue;  // not as a load leaves it: not ours to remove
                }
                for (Path file : files) {
                    Files.delete(file);
                }
                Files.delete(folder);
                Files.deleteIfExists(inUseFile(folder));
                removed.add(folder);
            } catch (IOException e) {
                NativeLoader.Log.LOG.debug("vss4j: left {} as it is: {}", folder, e.toString());
            }
        }
        return removed;
    }

    private static List<Path> list(Path folder) throws IOException {
        List<Path> all = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder)) {
            for (Path child : stream) {
                all.add(child);
            }
        }
        return all;
    }

    /** Whether no process marks {@code inUse}: missing (marks are made under the base lock) or lockable at once. */
    private static boolean isFree(Path inUse) throws IOException {
        if (!Files.exists(inUse, LinkOption.NOFOLLOW_LINKS)) {
            return true;
        }
        FileLock lock;
        synchronized (MARKS) {
            lock = MARKS.containsKey(inUse) ? null : lock(inUse, false, false);
        }
        if (lock != null) {
            lock.channel().close();
        }
        return lock != null;
    }

    /** {@code file} locked whole; null if not free or another class loader of this JVM holds it (then {@link #KEPT}). */
    private static FileLock lock(Path file, boolean shared, boolean wait) throws IOException {
        FileChannel channel = FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS), OwnerOnly.created(OwnerOnly.WRITABLE_FILE));
        try {
            FileLock lock = wait ? channel.lock(0, Long.MAX_VALUE, shared) : channel.tryLock(0, Long.MAX_VALUE, shared);
            if (lock == null) {
                channel.close();
            }
            return lock;
        } catch (OverlappingFileLockException anotherClassLoader) {
            KEPT.add(channel);
            return null;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private static Path inUseFile(Path folder) {
        return folder.resolveSibling(folder.getFileName().toString().concat(IN_USE));
    }
}
