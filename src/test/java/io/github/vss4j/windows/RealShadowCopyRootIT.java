package io.github.vss4j.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.vss4j.ShadowCopy;
import io.github.vss4j.ShadowCopySet;
import io.github.vss4j.Vss;
import io.github.vss4j.VssContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * ShadowCopy.root() and openForBackup against real VSS, elevated, through the workflow (profile real-vss): a
 * BACKUP-context copy of the temp folder's volume read through root() (the old content of a file changed after the
 * copy, a file locked exclusively on the live volume, a path longer than 260 characters), a junction inside the
 * copy reported and not followed, a file whose ACL denies Administrators refused by a plain read and read with
 * backup semantics, nothing left in the links folder after close; and the time of reading a tree through root()
 * against the live volume, printed.
 */
@DisabledIfSystemProperty(named = "vss4j.expectAccessDenied", matches = "true",
        disabledReason = "a restricted token cannot create a backup components object")
class RealShadowCopyRootIT {
    private static final String ADMINISTRATORS = "*S-1-5-32-544";
    private static final int TREE_FILES = 2_000;

    @TempDir
    Path temp;
    private Path denied;

    private static String volumeOf(Path path) {
        return path.getRoot().toString();
    }

    @AfterEach
    void allowTheDeniedFileAgain() throws Exception {
        if (denied != null) {
            WindowsCommand.run("icacls", denied.toString(), "/remove:d", ADMINISTRATORS);
        }
    }

    @Test
    void theCopyIsReadThroughRootAsItWasAndNothingIsLeft() throws Exception {
        Path dir = temp.toRealPath();
        Path changed = Files.writeString(dir.resolve("changed.txt"), "before the copy");
        Path locked = Files.writeString(dir.resolve("locked.txt"), "locked on the live volume");
        Path deep = dir;
        while (deep.toString().length() < 280) {
            deep = deep.resolve("a-folder-with-a-long-name-" + deep.getNameCount());
        }
        Files.createDirectories(deep);
        Path longFile = Files.writeString(deep.resolve("long-ünïcødé-日本.txt"), "far down");
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Files.writeString(outside.resolve("live.txt"), "on the live volume");
        Path junction = dir.resolve("Documents and Settings");
        WindowsCommand.run("cmd", "/c", "mklink", "/J", junction.toString(), outside.toString());
        denied = Files.writeString(dir.resolve("denied.txt"), "only with backup semantics");
        WindowsCommand.run("icacls", denied.toString(), "/deny", ADMINISTRATORS + ":(R)");
        assertThrows(AccessDeniedException.class, () -> Files.readString(denied), "the ACL shuts us out");

        Path base = Path.of(volumeOf(dir));
        Vss vss = Vss.system();
        Path mountPoint;
        // An exclusive lock of the whole file (LockFileEx): every other handle's ReadFile on the live volume fails.
        try (FileChannel holder = FileChannel.open(locked, StandardOpenOption.READ, StandardOpenOption.WRITE);
                FileLock lock = holder.lock()) {
            assertTrue(lock.isValid() && !lock.isShared());
            assertThrows(IOException.class, () -> Files.readString(locked), "locked on the live volume");
            try (ShadowCopySet set = vss.shadowCopy().volumes(volumeOf(dir)).context(VssContext.BACKUP).create()) {
                Files.writeString(changed, "changed after the copy");
                ShadowCopy copy = set.copies().get(0);
                Path root = copy.root();
                mountPoint = copy.mountPoint();
                System.out.println("root " + root + " mounted at " + mountPoint);
                assertEquals("before the copy", Files.readString(root.resolve(base.relativize(changed).toString())));
                assertEquals("locked on the live volume",
                        Files.readString(root.resolve(base.relativize(locked).toString())));
                Path longInCopy = root.resolve(base.relativize(longFile).toString());
                assertTrue(longInCopy.toString().length() > 260, longInCopy.toString());
                assertEquals("far down", Files.readString(longInCopy));

                Path junctionInCopy = root.resolve(base.relativize(junction).toString());
                assertTrue(Files.isSymbolicLink(junctionInCopy), "a junction is reported as a link");
                assertFalse(Files.isDirectory(junctionInCopy), "and not followed to a folder");
                FileSystemException through = assertThrows(FileSystemException.class,
                        () -> Files.readString(junctionInCopy.resolve("live.txt")));
                System.out.println("through the junction: " + through.getMessage());
                try (Stream<Path> all = Files.walk(root.resolve(base.relativize(dir).toString()))) {
                    List<String> names = all.map(p -> p.getFileName().toString()).collect(Collectors.toList());
                    assertTrue(names.contains("Documents and Settings"), names::toString);
                    assertFalse(names.contains("live.txt"), "the walk did not go through the junction");
                }

                Path deniedInCopy = root.resolve(base.relativize(denied).toString());
                AccessDeniedException plain = assertThrows(AccessDeniedException.class,
                        () -> Files.readString(deniedInCopy));
                System.out.println("a plain read of the denied file: " + plain.getMessage());
                try (InputStream in = Channels.newInputStream(copy.openForBackup(deniedInCopy))) {
                    assertEquals("only with backup semantics", new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
                assertThrows(FileSystemException.class, () -> copy.openForBackup(junctionInCopy.resolve("live.txt")));
                assertThrows(FileSystemException.class, () -> copy.openForBackup(outside.resolve("live.txt")));
            }
        }
        assertFalse(Files.exists(mountPoint, LinkOption.NOFOLLOW_LINKS), "the link is gone after close");
        try (Stream<Path> left = Files.list(mountPoint.getParent())) {
            assertEquals(List.of(), left.collect(Collectors.toList()), "nothing left in the links folder");
        }
    }

    @Test
    void readingATreeThroughRootIsTimedAgainstTheLiveVolume() throws Exception {
        Path tree = Files.createDirectories(temp.toRealPath().resolve("tree"));
        byte[] content = new byte[4096];
        for (int i = 0; i < TREE_FILES; i++) {
            Path folder = Files.createDirectories(tree.resolve("d" + (i % 50)));
            Files.write(folder.resolve("f" + i + ".bin"), content);
        }
        Path base = Path.of(volumeOf(tree));
        try (ShadowCopySet set = Vss.system().shadowCopy().volumes(volumeOf(tree)).context(VssContext.BACKUP)
                .create()) {
            Path inCopy = set.copies().get(0).root().resolve(base.relativize(tree).toString());
            long live = Long.MAX_VALUE;
            long copy = Long.MAX_VALUE;
            for (int round = 0; round < 3; round++) {
                long start = System.nanoTime();
                assertEquals((long) TREE_FILES * content.length, readAll(tree));
                live = Math.min(live, System.nanoTime() - start);
                start = System.nanoTime();
                assertEquals((long) TREE_FILES * content.length, readAll(inCopy));
                copy = Math.min(copy, System.nanoTime() - start);
            }
            System.out.printf("reading %d files: live volume %.1f ms, through root() %.1f ms, ratio %.2fx"
                    + " (goal 1.1x or better)%n", TREE_FILES, live / 1e6, copy / 1e6, (double) copy / live);
        }
    }

    private static long readAll(Path tree) throws IOException {
        long bytes = 0;
        try (Stream<Path> all = Files.walk(tree)) {
            for (Path file : (Iterable<Path>) all::iterator) {
                if (Files.isRegularFile(file)) {
                    bytes += Files.readAllBytes(file).length;
                }
            }
        }
        return bytes;
    }
}
