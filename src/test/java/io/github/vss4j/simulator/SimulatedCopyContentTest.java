package io.github.vss4j.simulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.vss4j.BackupComponents;
import io.github.vss4j.SimulatedVssTest;
import io.github.vss4j.Vss;
import io.github.vss4j.VssContext;
import io.github.vss4j.internal.SimulatedMachineImpl;
import io.github.vss4j.internal.copy.SimulatedCopyAccess;
import io.github.vss4j.internal.loader.NativeLibrary;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * A volume backed by a folder, through the public API: the folder SimulatedCopyAccess mounts holds the tree as it
 * was at DoSnapshotSet, read-only, until the copy is freed; backup semantics follow the simulated privilege.
 */
class SimulatedCopyContentTest extends SimulatedVssTest {
    // The simulator models an ACL that denies the account with POSIX modes and reparse points with symbolic links;
    // on Windows the real-VSS tests of the workflow read real ACLs and junctions.
    private static final String POSIX = "POSIX modes and symbolic links model ACLs and reparse points";
    private static final Set<PosixFilePermission> WRITE = Set.of(PosixFilePermission.OWNER_WRITE,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE);

    @TempDir
    Path temp;
    Path disk;

    @BeforeEach
    void aDisk() throws IOException {
        disk = Files.createDirectories(temp.resolve("disk"));
        Files.createDirectories(disk.resolve("Users/ada"));
        Files.writeString(disk.resolve("Users/ada/notes.txt"), "written before the copy");
        Files.writeString(disk.resolve("boot.ini"), "timeout=30");
    }

    private Vss backed(boolean backupPrivilege) {
        return vss(Simulation.builder().volume(SimulatedVolume.of(C).backedBy(disk)).volume(D)
                .backupPrivilege(backupPrivilege).build());
    }

    private static SimulatedCopyAccess access(Vss vss) {
        return new SimulatedCopyAccess(((SimulatedMachineImpl) machine(vss)).backend());
    }

    private static String device(BackupComponents backup, UUID id) throws Exception {
        return backup.getSnapshotProperties(id).snapshotDeviceObject();
    }

    private static String read(SeekableByteChannel channel) throws IOException {
        try (InputStream in = Channels.newInputStream(channel)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theMountedFolderHoldsThePointInTimeTreeReadOnly() throws Exception {
        Vss vss = backed(true);
        BackupComponents backup = components(vss);
        List<UUID> ids = snapshot(backup, VssContext.BACKUP, C);
        Files.writeString(disk.resolve("Users/ada/notes.txt"), "written after the copy, and longer");
        Files.writeString(disk.resolve("later.txt"), "later");

        Path root = access(vss).mount(device(backup, ids.get(0)), temp.resolve("unused-link"));
        assertFalse(Files.exists(temp.resolve("unused-link"), LinkOption.NOFOLLOW_LINKS), "nothing made at the link");
        assertEquals("written before the copy", Files.readString(root.resolve("Users/ada/notes.txt")));
        assertEquals("timeout=30", Files.readString(root.resolve("boot.ini")));
        assertFalse(Files.exists(root.resolve("later.txt")));
        try (SeekableByteChannel channel = access(vss).openForBackup(root.resolve("boot.ini"))) {
            assertThrows(NonWritableChannelException.class, () -> channel.write(ByteBuffer.wrap(new byte[] {1})));
            assertEquals(10, channel.size());
            assertEquals("timeout=30", read(channel));
        }
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = POSIX)
    void everyFileAndDirectoryOfTheCopyIsReadOnly() throws Exception {
        Vss vss = backed(true);
        BackupComponents backup = components(vss);
        Path root = access(vss).mount(device(backup, snapshot(backup, VssContext.BACKUP, C).get(0)),
                temp.resolve("link"));
        int seen = 0;
        try (Stream<Path> all = Files.walk(root)) {
            for (Path path : all.toList()) {
                Set<PosixFilePermission> mode = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
                assertTrue(mode.stream().noneMatch(WRITE::contains), path + " is writable: " + mode);
                seen++;
            }
        }
        assertEquals(5, seen, "the root, boot.ini, Users, Users/ada, Users/ada/notes.txt");
    }

    @Test
    void anAutoReleaseCopysFolderIsGoneWhenItsObjectIsClosed() throws Exception {
        Vss vss = backed(true);
        Path root;
        String device;
        try (BackupComponents backup = vss.createBackupComponents()) {
            List<UUID> ids = snapshot(backup, VssContext.BACKUP, C);
            device = device(backup, ids.get(0));
            root = access(vss).mount(device, temp.resolve("link"));
            assertTrue(Files.isDirectory(root));
        }
        assertFalse(Files.exists(root, LinkOption.NOFOLLOW_LINKS));
        IllegalStateException released = assertThrows(IllegalStateException.class,
                () -> access(vss).mount(device, temp.resolve("link")));
        assertTrue(released.getMessage().contains(device), released.getMessage());
    }

    @Test
    void aPersistentCopysFolderStaysUntilDeleteSnapshots() throws Exception {
        Vss vss = backed(true);
        UUID id;
        String device;
        try (BackupComponents backup = vss.createBackupComponents()) {
            id = snapshot(backup, VssContext.CLIENT_ACCESSIBLE, C).get(0);
            device = device(backup, id);
        }
        Path root = access(vss).mount(device, temp.resolve("link"));
        assertEquals("timeout=30", Files.readString(root.resolve("boot.ini")), "kept after its object closed");

        BackupComponents admin = components(vss);
        admin.initializeForBackup();
        admin.setContext(VssContext.CLIENT_ACCESSIBLE);
        assertEquals(1, admin.deleteSnapshot(id, true));
        assertFalse(Files.exists(root, LinkOption.NOFOLLOW_LINKS));
        assertThrows(IllegalStateException.class, () -> access(vss).mount(device, temp.resolve("link")));
    }

    @Test
    void aVolumeWithoutAFolderSaysHowToGiveItOne() throws Exception {
        Vss vss = backed(true);
        BackupComponents backup = components(vss);
        List<UUID> ids = snapshot(backup, VssContext.BACKUP, C, D);
        IllegalStateException none = assertThrows(IllegalStateException.class,
                () -> access(vss).mount(device(backup, ids.get(1)), temp.resolve("link")));
        assertEquals("the simulated volume D:\\ has no content: back it with SimulatedVolume.backedBy(folder)",
                none.getMessage());
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = POSIX)
    void aFileTheAccountMayNotReadOpensOnlyWithTheBackupPrivilege() throws Exception {
        Path secret = Files.writeString(disk.resolve("Users/ada/secret.txt"), "payroll");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("---------"));

        Vss privileged = backed(true);
        BackupComponents backup = components(privileged);
        Path root = access(privileged).mount(device(backup, snapshot(backup, VssContext.BACKUP, C).get(0)),
                temp.resolve("link"));
        Path copied = root.resolve("Users/ada/secret.txt");
        try (SeekableByteChannel channel = access(privileged).openForBackup(copied)) {
            assertEquals("payroll", read(channel));
        }
        assertEquals(Set.of(), Files.getPosixFilePermissions(copied), "the mode that denies the account is put back");

        Vss unprivileged = backed(false);
        BackupComponents other = components(unprivileged);
        Path otherRoot = access(unprivileged).mount(device(other, snapshot(other, VssContext.BACKUP, C).get(0)),
                temp.resolve("link"));
        Path denied = otherRoot.resolve("Users/ada/secret.txt");
        AccessDeniedException refused = assertThrows(AccessDeniedException.class,
                () -> access(unprivileged).openForBackup(denied));
        assertEquals(denied.toString(), refused.getFile());
        assertTrue(refused.getMessage().contains("SeBackupPrivilege"), refused.getMessage());
        try (SeekableByteChannel readable = access(unprivileged).openForBackup(otherRoot.resolve("boot.ini"))) {
            assertEquals("timeout=30", read(readable), "a file the account may read opens without the privilege");
        }
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = POSIX)
    void aLinkAtTheLastNameIsNotReadThrough() throws Exception {
        Files.createSymbolicLink(disk.resolve("Documents and Settings"), Path.of("/etc/hostname"));
        Vss vss = backed(true);
        BackupComponents backup = components(vss);
        Path root = access(vss).mount(device(backup, snapshot(backup, VssContext.BACKUP, C).get(0)),
                temp.resolve("link"));
        Path link = root.resolve("Documents and Settings");
        assertTrue(Files.isSymbolicLink(link));
        assertEquals(Path.of("/etc/hostname"), Files.readSymbolicLink(link));
        assertThrows(IOException.class, () -> access(vss).openForBackup(link).close());
    }

    @Test
    void aBackingFolderMustBeAnExistingDirectory() throws Exception {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> SimulatedVolume.of(C).backedBy(temp.resolve("nowhere")));
        assertTrue(missing.getMessage().contains(temp.resolve("nowhere") + " does not exist"), missing.getMessage());
        Path file = Files.writeString(temp.resolve("file.txt"), "x");
        IllegalArgumentException notFolder = assertThrows(IllegalArgumentException.class,
                () -> SimulatedVolume.of(C).backedBy(file));
        assertTrue(notFolder.getMessage().contains(file + " is not a directory"), notFolder.getMessage());
        assertEquals(disk, SimulatedVolume.of(C).backedBy(temp.resolve("disk/../disk")).content());
        assertEquals(disk, SimulatedVolume.of(C).backedBy(disk).withMaxShadowCopies(2).content(), "kept by with...");
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = POSIX)
    void aMachineStartRemovesTheFoldersOfEndedProcessesWithoutFollowingLinks() throws Exception {
        Path outside = Files.createDirectories(temp.resolve("outside"));
        Files.writeString(outside.resolve("keep.txt"), "kept");
        Path base = NativeLibrary.privateFolder("simulated-copies");
        Path orphan = Files.createDirectories(base.resolve("process-" + Long.MAX_VALUE + "/machine-1/copy"));
        Files.writeString(orphan.resolve("file.txt"), "left by a killed JVM");
        Files.createSymbolicLink(orphan.resolve("link"), outside);
        Files.setPosixFilePermissions(orphan, PosixFilePermissions.fromString("r-x------"));

        Vss vss = backed(true);
        BackupComponents backup = components(vss);
        snapshot(backup, VssContext.BACKUP, C);
        assertFalse(Files.exists(base.resolve("process-" + Long.MAX_VALUE), LinkOption.NOFOLLOW_LINKS));
        assertArrayEquals("kept".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(outside.resolve("keep.txt")));
    }
}
