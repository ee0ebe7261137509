package io.github.vss4j.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.vss4j.BackupComponents;
import io.github.vss4j.SnapshotProperties;
import io.github.vss4j.Vss;
import io.github.vss4j.internal.copy.WindowsCopyAccess;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * WindowsCopyAccess against real VSS, elevated, through the workflow (profile real-vss): an auto-release BACKUP copy
 * taken with the low-level API is mounted as a directory link in a temp folder (no drive letter, which VSS would
 * refuse to give an auto-release copy); files read through it as they were at DoSnapshotSet, with the JDK's own
 * Files API and with backup semantics, one beyond MAX_PATH; a junction inside the copy that points at the live
 * volume is refused, not followed; unmounted, the link is gone and the copy still there.
 */
@DisabledIfSystemProperty(named = "vss4j.expectAccessDenied", matches = "true",
        disabledReason = "a restricted token cannot take shadow copies")
class RealCopyAccessIT {

    @TempDir
    Path dir;

    @TempDir
    Path mounts;

    private static String readForBackup(WindowsCopyAccess access, Path file) throws Exception {
        try (SeekableByteChannel channel = access.openForBackup(file);
                InputStream in = Channels.newInputStream(channel)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aBackupCopyIsReadThroughALinkAsItWasAndTheLinkGoesAtUnmount() throws Exception {
        Path volumeRoot = dir.toAbsolutePath().getRoot();
        Path file = dir.resolve("changed-after-copy.txt");
        Files.writeString(file, "before the copy", StandardCharsets.UTF_8);
        Path deep = dir;
        while (deep.toString().length() < 300) {
            deep = deep.resolve("a-folder-name-of-forty-characters-xxxxx");
        }
        Files.createDirectories(deep);
        Path deepFile = Files.writeString(deep.resolve("deep.txt"), "beyond MAX_PATH");
        // A junction with an absolute target, as C:\Documents and Settings is: inside the copy it still points at
        // the live volume.
        Path live = Files.createDirectories(dir.resolve("live-target"));
        Files.writeString(live.resolve("live.txt"), "live volume");
        WindowsCommand.run("cmd", "/d", "/c", "mklink", "/j", dir.resolve("junction").toString(), live.toString());

        WindowsCopyAccess access = new WindowsCopyAccess();
        try (BackupComponents backup = Vss.system().createBackupComponents()) {
            SnapshotProperties copy = BackupContextCopy.of(backup, volumeRoot.toString());
            System.out.println("copy " + copy.snapshotId() + " at " + copy.snapshotDeviceObject());
            Files.writeString(file, "changed on the live volume after the copy", StandardCharsets.UTF_8);

            Path link = mounts.resolve("copy");
            assertEquals(link, access.mount(copy.snapshotDeviceObject(), link));
            assertTrue(Files.isSymbolicLink(link), "the mount is a directory link");
            Path inCopy = link.resolve(volumeRoot.relativize(file).toString());
            assertEquals("before the copy", Files.readString(inCopy, StandardCharsets.UTF_8), "through java.nio");
            assertEquals("before the copy", readForBackup(access, inCopy), "with backup semantics");
            Path deepInCopy = link.resolve(volumeRoot.relativize(deepFile).toString());
            assertTrue(deepInCopy.toString().length() > 260, deepInCopy::toString);
            assertEquals("beyond MAX_PATH", readForBackup(access, deepInCopy));

            Path throughJunction = link.resolve(volumeRoot.relativize(dir.resolve("junction")).toString())
                    .resolve("live.txt");
            FileSystemException offCopy = assertThrows(FileSystemException.class,
                    () -> access.openForBackup(throughJunction));
            System.out.println("a junction to the live volume: " + offCopy.getMessage());
            assertTrue(offCopy.getMessage().contains("leads off the copy"), offCopy::getMessage);
            assertThrows(FileSystemException.class, () -> access.openForBackup(inCopy.getParent()),
                    "a directory is refused");

            access.unmount(link);
            assertTrue(Files.notExists(link, LinkOption.NOFOLLOW_LINKS), "the link is gone");
            access.unmount(link);  // a missing link is no error
            assertEquals(copy.snapshotDeviceObject(), backup.getSnapshotProperties(copy.snapshotId()).snapshotDeviceObject(),
                    "the copy is still there");
            Path again = mounts.resolve("again");
            access.mount(copy.snapshotDeviceObject(), again);
            try {
                assertEquals("before the copy", readForBackup(access, again.resolve(volumeRoot.relativize(file)
                        .toString())), "the copy's content survived the first link's removal");
            } finally {
                access.unmount(again);
            }
        }
    }

    @Test
    void aMalformedDeviceObjectIsRefusedWithTheRule() {
        WindowsCopyAccess access = new WindowsCopyAccess();
        Path link = mounts.resolve("never");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> access.mount(
                "\\\\?\\GLOBALROOT\\Device\\HarddiskVolumeShadowCopy1\\..\\HarddiskVolume1", link));
        assertTrue(e.getMessage().contains("more than one component"), e::getMessage);
        assertTrue(Files.notExists(link, LinkOption.NOFOLLOW_LINKS));
    }
}
