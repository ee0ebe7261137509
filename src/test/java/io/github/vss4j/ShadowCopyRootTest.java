package io.github.vss4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.vss4j.internal.copy.FolderCopyAccess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ShadowCopy.root() and Vss.mount through the public API, on the simulator with a test CopyAccess (a folder behind
 * a link): mounted lazily, unmounted when the set closes and before the copies are released.
 */
class ShadowCopyRootTest extends ShadowCopyTestBase {
    @TempDir
    Path content;
    FolderCopyAccess access;

    @BeforeEach
    void folder() throws IOException {
        Files.createDirectories(content.resolve("Users/alice"));
        Files.writeString(content.resolve("Users/alice/notes.txt"), "point in time");
        access = FolderCopyAccess.linking(content);
    }

    @Test
    void aCopysRootReadsItsFilesUntilTheSetCloses() throws Exception {
        Vss vss = vss(C, D).withCopyAccess(access);
        List<String> callsAtRelease = new ArrayList<>();
        RecordingListener listener = new RecordingListener().on(e -> e instanceof ProgressEvent.SetReleased,
                e -> callsAtRelease.addAll(access.calls()));
        ShadowCopySet set = vss.shadowCopy().volumes(C, D).listener(listener).create();
        ShadowCopy c = set.copy(C).orElseThrow();
        Path root = c.root();
        assertSame(root, c.root(), "mounted once");
        assertEquals("point in time", Files.readString(root.resolve("Users").resolve("alice").resolve("notes.txt")));
        try (Stream<Path> all = Files.walk(root)) {
            assertEquals(4, all.count());
        }
        assertTrue(root.toString().startsWith(c.deviceObject()), root.toString());
        Path mountPoint = c.mountPoint();
        assertTrue(Files.isSymbolicLink(mountPoint), "the test access mounts with a link: " + mountPoint);

        set.close();

        assertEquals(List.of("mount " + c.deviceObject(), "unmount"), callsAtRelease,
                "unmounted before the copies were released; D:'s copy, never read, never mounted");
        assertFalse(Files.exists(mountPoint, LinkOption.NOFOLLOW_LINKS), "no link left");
        IllegalStateException closed = assertThrows(IllegalStateException.class, c::root);
        assertTrue(closed.getMessage().contains("closed") && closed.getMessage().contains(c.deviceObject()),
                closed.getMessage());
        assertThrows(IllegalStateException.class, () -> set.copy(D).orElseThrow().root());
        assertNoCopies(vss);
    }

    @Test
    void aCopyDescribedByHandHasNoRootButEqualsTheMadeOne() throws Exception {
        Vss vss = vss(C).withCopyAccess(access);
        try (ShadowCopySet set = vss.shadowCopy().volumes(C).create()) {
            ShadowCopy made = set.copies().get(0);
            ShadowCopy byHand = new ShadowCopy(made.volume(), made.deviceObject(), made.snapshotId(),
                    made.snapshotSetId(), made.providerId(), made.attributes(), made.creationTime(), made.properties());
            assertEquals(made, byHand);
            assertEquals(made.hashCode(), byHand.hashCode());
            assertEquals(made.toString(), byHand.toString());
            IllegalStateException refused = assertThrows(IllegalStateException.class, byHand::root);
            assertTrue(refused.getMessage().contains("Vss.mount"), refused.getMessage());
            assertThrows(NullPointerException.class, () -> made.openForBackup(null));
        }
    }

    @Test
    void mountReadsACopyOfTheLowLevelApiUntilClosed() throws Exception {
        Vss vss = vss(C).withCopyAccess(access);
        try (ShadowCopySet set = vss.shadowCopy().volumes(C).create()) {
            SnapshotProperties properties = set.copies().get(0).properties();
            MountedCopy mounted = vss.mount(properties);
            assertEquals("point in time", Files.readString(mounted.root().resolve("Users/alice/notes.txt")));
            Path mountPoint = mounted.mountPoint();
            mounted.close();
            mounted.close();
            assertFalse(Files.exists(mountPoint, LinkOption.NOFOLLOW_LINKS));
            assertThrows(IllegalStateException.class, mounted::root);
            assertEquals("point in time", Files.readString(content.resolve("Users/alice/notes.txt")),
                    "unmounting leaves the content");
        }
    }

    @Test
    void mountRefusesNullAndACopyWithoutDeviceObject() throws Exception {
        Vss vss = vss(C).withCopyAccess(access);
        assertThrows(NullPointerException.class, () -> vss.mount(null));
        try (ShadowCopySet set = vss.shadowCopy().volumes(C).create()) {
            SnapshotProperties p = set.copies().get(0).properties();
            SnapshotProperties none = new SnapshotProperties(p.snapshotId(), p.snapshotSetId(), p.snapshotsCount(),
                    "", p.originalVolumeName(), p.originatingMachine(), p.serviceMachine(), p.exposedName(),
                    p.exposedPath(), p.providerId(), p.attributeBits(), p.creationTime(), p.status());
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> vss.mount(none));
            assertTrue(refused.getMessage().contains(p.snapshotId().toString())
                    && refused.getMessage().contains("device object"), refused.getMessage());
        }
        assertTrue(access.calls().isEmpty(), "nothing was mounted: " + access.calls());
    }
}
