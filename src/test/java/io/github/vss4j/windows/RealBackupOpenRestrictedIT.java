package io.github.vss4j.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.vss4j.BackupComponents;
import io.github.vss4j.SnapshotProperties;
import io.github.vss4j.Vss;
import io.github.vss4j.internal.NativeBridge;
import io.github.vss4j.internal.copy.WindowsCopyAccess;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A file whose ACL denies Administrators reading, against real Windows, through the workflow (profile real-vss).
 * Elevated (SeBackupPrivilege held): the JDK's normal open of it is refused, in the live volume and in a copy, and
 * the backup-semantics open of it in the copy reads it. Under the restricted token of the workflow's non-elevated
 * runs (Administrators deny-only, no SeBackupPrivilege), the same native open is refused with ERROR_ACCESS_DENIED,
 * and the exception says the file and SeBackupPrivilege. The elevated run makes the file (in target/, where the
 * restricted runs find it); one method per run so that neither run reports a skipped test.
 */
class RealBackupOpenRestrictedIT {
    private static final Path DENIED = Path.of("target", "backup-open-restricted", "denied.txt").toAbsolutePath();
    private static final String CONTENT = "only a backup program reads this";
    private static final String ADMINISTRATORS = "*S-1-5-32-544";

    private static boolean restricted() {
        return Boolean.getBoolean("vss4j.expectAccessDenied");
    }


    @Test
    void aFileDenyingAdministratorsOpensOnlyWithTheBackupPrivilege() throws Exception {
        if (restricted()) {
            refusedWithoutThePrivilege();
        } else {
            readWithThePrivilege();
        }
    }

    private void readWithThePrivilege() throws Exception {
        if (Files.exists(DENIED)) {
            WindowsCommand.run("icacls", DENIED.toString(), "/reset");
            Files.delete(DENIED);
        }
        Files.createDirectories(DENIED.getParent());
        Files.writeString(DENIED, CONTENT, StandardCharsets.UTF_8);
        // Reading the data only: the file's attributes stay readable, so that the restricted run finds it.
        WindowsCommand.run("icacls", DENIED.toString(), "/deny", ADMINISTRATORS + ":(RD)");
        assertThrows(AccessDeniedException.class, () -> Files.readString(DENIED),
                "the deny entry applies to this elevated process");

        Path root = DENIED.getRoot();
        WindowsCopyAccess access = new WindowsCopyAccess();
        Path mounts = Files.createTempDirectory("vss4j-restricted-it-");
        try (BackupComponents backup = Vss.system().createBackupComponents()) {
            SnapshotProperties copy = BackupContextCopy.of(backup, root.toString());
            Path link = access.mount(copy.snapshotDeviceObject(), mounts.resolve("copy"));
            try {
                Path inCopy = link.resolve(root.relativize(DENIED).toString());
                assertThrows(AccessDeniedException.class, () -> Files.readString(inCopy),
                        "the copy keeps the file's ACL");
                try (SeekableByteChannel channel = access.openForBackup(inCopy);
                        InputStream in = Channels.newInputStream(channel)) {
                    assertEquals(CONTENT, new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
                System.out.println("read " + inCopy + " with SeBackupPrivilege despite its ACL");
            } finally {
                access.unmount(link);
                Files.delete(mounts);
            }
        }
    }

    // No copy can be taken here (E_ACCESSDENIED) and no link made: the open that openForBackup makes is made on the
    // live file, which the access check reaches first, before any device check.
    private void refusedWithoutThePrivilege() throws IOException {
        assertTrue(Files.exists(DENIED), DENIED + " is missing: the elevated run of this test makes it");
        new WindowsCopyAccess();  // loads the native library
        long[] out = new long[2];
        int error = NativeBridge.backupOpen(DENIED.toString(),
                "\\\\?\\GLOBALROOT\\Device\\HarddiskVolumeShadowCopy1", out);
        assertEquals(5, error, "ERROR_ACCESS_DENIED without SeBackupPrivilege");
        assertEquals(0, out[1], "a restricted token does not hold SeBackupPrivilege");
        AccessDeniedException e = assertInstanceOf(AccessDeniedException.class,
                WindowsCopyAccess.openRefusal(error, DENIED, "\\\\?\\GLOBALROOT\\Device\\HarddiskVolumeShadowCopy1",
                        false));
        System.out.println("restricted: " + e.getMessage());
        assertEquals(DENIED.toString(), e.getFile());
        assertTrue(e.getMessage().contains("SeBackupPrivilege"), e::getMessage);
    }
}
