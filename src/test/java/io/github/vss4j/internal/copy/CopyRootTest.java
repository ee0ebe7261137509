package io.github.vss4j.internal.copy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lazy mount: once, from any number of threads; and what is left on the disk after a killed JVM. */
class CopyRootTest {
    @TempDir
    Path temp;

    @Test
    void concurrentRootCallsMountOnceAndShareTheRoot() throws Exception {
        Path content = Files.createDirectories(temp.resolve("content"));
        FolderCopyAccess access = FolderCopyAccess.linking(content);
        CopyRoot copy = access.root(CopyFileSystemTest.DEVICE, Files.createDirectories(temp.resolve("links")));
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Path>> roots = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                roots.add(pool.submit(() -> {
                    start.await();
                    return copy.root();
                }));
            }
            start.countDown();
            Path first = roots.get(0).get(10, TimeUnit.SECONDS);
            for (Future<Path> root : roots) {
                assertSame(first, root.get(10, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, access.mounts.get());
    }

    @Test
    void aFailedMountLeavesTheRootUnmountedAndSaysWhy() throws IOException {
        FolderCopyAccess access = FolderCopyAccess.linking(temp.resolve("content"));
        Path links = temp.resolve("no-such-folder");
        CopyRoot copy = access.root(CopyFileSystemTest.DEVICE, links);
        assertThrows(IOException.class, copy::root);
        assertTrue(!copy.isMounted());
        copy.unmount();
        assertEquals(List.of("mount " + CopyFileSystemTest.DEVICE), access.calls(), "nothing to unmount");
    }

    @Test
    void orphanRemovalDeletesLinksNeverWhatTheyPointAt() throws IOException {
        Path base = Files.createDirectories(temp.resolve("copy-roots"));
        Path precious = Files.createDirectories(temp.resolve("copy-content/sub"));
        Files.writeString(precious.resolve("file.txt"), "must survive");
        Path orphan = Files.createDirectories(base.resolve("p12345-1000"));
        Files.createSymbolicLink(orphan.resolve("copy-1"), precious.getParent());
        Files.createSymbolicLink(orphan.resolve("file-link"), precious.resolve("file.txt"));
        Files.createDirectories(orphan.resolve("nested/deeper"));
        Files.createSymbolicLink(orphan.resolve("nested/deeper/copy-2"), precious);

        assertEquals(1, LinkFolder.removeOrphans(base));

        assertTrue(!Files.exists(orphan, LinkOption.NOFOLLOW_LINKS), "the orphan folder is gone");
        assertEquals("must survive", Files.readString(precious.resolve("file.txt")));
        assertTrue(Files.isDirectory(precious));
    }

    @Test
    void orphanRemovalLeavesAClaimedFolder() throws IOException {
        Path base = Files.createDirectories(temp.resolve("copy-roots"));
        Path mine = io.github.vss4j.internal.loader.NativeLibrary.claimSubFolder(base, "p1-claimed");
        Files.createSymbolicLink(mine.resolve("copy-1"), temp);
        assertEquals(0, LinkFolder.removeOrphans(base));
        assertTrue(Files.isSymbolicLink(mine.resolve("copy-1")));
    }
}
