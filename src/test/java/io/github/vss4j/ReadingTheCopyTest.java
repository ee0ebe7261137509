package io.github.vss4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.vss4j.simulator.SimulatedVolume;
import io.github.vss4j.simulator.Simulation;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.ReadOnlyFileSystemException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A product's whole pipeline on the simulator, through the public API only: copy a backed volume, walk and read the
 * copy through {@code ShadowCopy.root()} and {@code Vss.mount}, release, and nothing is left.
 */
class ReadingTheCopyTest extends SimulatedVssTest {
    @TempDir
    Path disk;

    private Vss backed() throws IOException {
        Files.createDirectories(disk.resolve("Users/ada"));
        Files.writeString(disk.resolve("Users/ada/notes.txt"), "before the copy");
        Files.writeString(disk.resolve("pagefile.sys"), "x".repeat(10_000));
        return vss(Simulation.builder().volume(SimulatedVolume.of(C).backedBy(disk)).volume(D).build());
    }

    private static Map<String, String> contents(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(file).toString().replace('\\', '/'), Files.readString(file));
            }
        }
        return files;
    }

    @Test
    void theOneCallSetsCopyIsReadAsItWasAndIsGoneAfterClose() throws Exception {
        Vss vss = backed();
        ShadowCopy copy;
        Path mountPoint;
        try (ShadowCopySet set = vss.shadowCopy().volumes(C).create()) {
            copy = set.copies().get(0);
            Files.writeString(disk.resolve("Users/ada/notes.txt"), "changed after the copy");
            Files.writeString(disk.resolve("new.txt"), "made after the copy");
            Path root = copy.root();
            assertEquals(Map.of("Users/ada/notes.txt", "before the copy", "pagefile.sys", "x".repeat(10_000)),
                    contents(root));
            assertTrue(root.getFileSystem().isReadOnly());
            assertTrue(Files.getFileStore(root.resolve("pagefile.sys")).isReadOnly());
            assertThrows(ReadOnlyFileSystemException.class,
                    () -> Files.writeString(root.resolve("Users/ada/notes.txt"), "no"));
            try (var channel = copy.openForBackup(root.resolve("Users/ada/notes.txt"))) {
                assertEquals("before the copy".length(), channel.size());
            }
            mountPoint = copy.mountPoint();
            assertTrue(Files.isDirectory(mountPoint));
        }
        IllegalStateException released = assertThrows(IllegalStateException.class, copy::root);
        assertTrue(released.getMessage().contains("closed") || released.getMessage().contains("released"),
                released.getMessage());
        assertFalse(Files.exists(mountPoint), mountPoint + " is left after close");
        assertEquals(0, machine(vss).liveObjects());
    }

    @Test
    void aLowLevelCopyIsMountedFromItsProperties() throws Exception {
        Vss vss = backed();
        try (BackupComponents backup = components(vss)) {
            List<java.util.UUID> ids = snapshot(backup, VssContext.BACKUP, C);
            try (MountedCopy mounted = vss.mount(backup.getSnapshotProperties(ids.get(0)))) {
                assertEquals("before the copy", Files.readString(mounted.root().resolve("Users/ada/notes.txt")));
                java.nio.file.FileSystemException outside = assertThrows(java.nio.file.FileSystemException.class,
                        () -> mounted.openForBackup(mounted.root().resolve("../../etc/passwd")));
                assertTrue(outside.getMessage().contains("passwd") && outside.getMessage().contains("root"),
                        outside.getMessage());
            }
        }
        assertEquals(0, machine(vss).liveObjects());
    }

    @Test
    void aVolumeWithoutAFolderSaysSoAndTheBackupStillWorks() throws Exception {
        Vss vss = backed();
        try (ShadowCopySet set = vss.shadowCopy().volumes(D).create()) {
            IllegalStateException none = assertThrows(IllegalStateException.class, () -> set.copies().get(0).root());
            assertTrue(none.getMessage().contains("has no content"), none.getMessage());
            assertTrue(none.getMessage().contains("backedBy"), none.getMessage());
        }
        assertEquals(0, machine(vss).liveObjects());
    }

    @Test
    void withoutTheBackupPrivilegeAnUnreadableFileIsRefusedNamingIt() throws Exception {
        Files.createDirectories(disk);
        Path secret = Files.writeString(disk.resolve("secret.txt"), "for backup operators");
        secret.toFile().setReadable(false, false);
        Vss vss = vss(Simulation.builder().volume(SimulatedVolume.of(C).backedBy(disk)).backupPrivilege(false)
                .build());
        try (ShadowCopySet set = vss.shadowCopy().volumes(C).create()) {
            ShadowCopy copy = set.copies().get(0);
            AccessDeniedException denied = assertThrows(AccessDeniedException.class,
                    () -> copy.openForBackup(copy.root().resolve("secret.txt")).close());
            assertTrue(denied.getMessage().contains("secret.txt") && denied.getMessage().contains("SeBackupPrivilege"),
                    denied.getMessage());
        } finally {
            secret.toFile().setReadable(true, false);
        }
    }
}
