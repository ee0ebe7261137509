package io.github.vss4j.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.vss4j.BackupComponents;
import io.github.vss4j.BackupType;
import io.github.vss4j.MountedCopy;
import io.github.vss4j.SnapshotProperties;
import io.github.vss4j.Vss;
import io.github.vss4j.VssAsync;
import io.github.vss4j.VssContext;
import io.github.vss4j.VssError;
import io.github.vss4j.VssException;
import io.github.vss4j.WriterStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Real shadow copies of the system drive. Runs only on Windows, through the workflow (profile real-vss): elevated,
 * and once more with a restricted (non-elevated) token where only the access-denied test applies.
 */
class RealVssIT {
    private static final Duration BOUND = Duration.ofMinutes(5);

    private static String systemDrive() {
        String drive = System.getenv("SystemDrive");
        return (drive == null ? "C:" : drive) + "\\";
    }

    @Test
    @EnabledIfSystemProperty(named = "vss4j.expectAccessDenied", matches = "true",
            disabledReason = "the elevated run takes real copies instead")
    void withoutBackupRightsTheErrorSaysHowToFixIt() {
        VssException thrown = assertThrows(VssException.class, Vss::system);
        assertEquals(VssError.E_ACCESSDENIED, thrown.error(), thrown.getMessage());
        String message = thrown.getMessage().toLowerCase();
        assertTrue(message.contains("backup operators") || message.contains("elevat"), thrown.getMessage());
    }

    @Test
    @DisabledIfSystemProperty(named = "vss4j.expectAccessDenied", matches = "true",
            disabledReason = "a restricted token cannot take shadow copies")
    void backupContextCopyOfTheSystemDriveHoldsTheFileAsItWas() throws Exception {
        Path original = Files.createTempFile(Path.of(systemDrive(), "Windows", "Temp"), "vss4j-it-", ".txt");
        String before = "before the shadow copy " + UUID.randomUUID();
        Files.writeString(original, before, StandardCharsets.UTF_8);
        try (BackupComponents backup = Vss.system().createBackupComponents()) {
            backup.initializeForBackup();
            backup.setContext(VssContext.BACKUP);
            backup.setBackupState(false, false, BackupType.COPY, false);
            await(backup.gatherWriterMetadata());
            backup.startSnapshotSet();
            UUID id = backup.addToSnapshotSet(systemDrive());
            await(backup.prepareForBackup());
            await(backup.doSnapshotSet());
            Files.writeString(original, "after", StandardCharsets.UTF_8);

            SnapshotProperties copy = backup.getSnapshotProperties(id);
            assertTrue(copy.snapshotDeviceObject().startsWith("\\\\?\\GLOBALROOT\\Device\\HarddiskVolumeShadowCopy"),
                    copy.snapshotDeviceObject());
            assertFalse(copy.isPersistent());
            assertEquals(before, readThroughCopy(copy, original));
            // The simulator reports the same: the volume GUID path, whatever name the set was given.
            String volume = copy.originalVolumeName();
            assertTrue(volume.startsWith("\\\\?\\Volume{") && volume.endsWith("}\\"), volume);

            await(backup.gatherWriterStatus());
            List<WriterStatus> writers = backup.getWriterStatus();
            assertFalse(writers.isEmpty(), "a Windows machine has writers");
            VssException again = assertThrows(VssException.class, backup::getWriterStatus, "status is read once");
            assertEquals(VssError.VSS_E_BAD_STATE, again.error(), again.getMessage());
            await(backup.backupComplete());
        } finally {
            Files.deleteIfExists(original);
        }
    }

    @Test
    @DisabledIfSystemProperty(named = "vss4j.expectAccessDenied", matches = "true",
            disabledReason = "a restricted token cannot take shadow copies")
    void windowsGivesTheAnswersTheSimulatorGives() throws Exception {
        try (BackupComponents backup = Vss.system().createBackupComponents()) {
            VssException notXml = assertThrows(VssException.class,
                    () -> backup.initializeForBackup("<Backup><Components></Backup>"));
            assertEquals(VssError.VSS_E_INVALID_XML_DOCUMENT, notXml.error(), notXml.getMessage());
        }
        String guidPath = volumeGuidPathOfTheSystemDrive();
        try (BackupComponents backup = Vss.system().createBackupComponents()) {
            backup.initializeForBackup();
            backup.setContext(VssContext.FILE_SHARE_BACKUP);
            assertTrue(backup.isVolumeSupported(guidPath), guidPath);
            backup.startSnapshotSet();
            backup.addToSnapshotSet(systemDrive());
            VssException twice = assertThrows(VssException.class, () -> backup.addToSnapshotSet(guidPath));
            assertEquals(VssError.VSS_E_OBJECT_ALREADY_EXISTS, twice.error(), twice.getMessage());
            VssException prepare = assertThrows(VssException.class, backup::prepareForBackup);
            assertEquals(VssError.VSS_E_BAD_STATE, prepare.error(), "no writers in this context: " + prepare);
            backup.abortBackup();
        }
    }

    // The GUID path a copy of the system drive reports (the one Windows names the volume by).
    private static String volumeGuidPathOfTheSystemDrive() throws Exception {
        try (BackupComponents backup = Vss.system().createBackupComponents()) {
            backup.initializeForBackup();
            backup.setContext(VssContext.FILE_SHARE_BACKUP);
            backup.startSnapshotSet();
            UUID id = backup.addToSnapshotSet(systemDrive());
            await(backup.doSnapshotSet());
            return backup.getSnapshotProperties(id).originalVolumeName();
        }
    }

    @Test
    @DisabledIfSystemProperty(named = "vss4j.expectAccessDenied", matches = "true",
            disabledReason = "a restricted token cannot take shadow copies")
    void clientAccessibleCopyOutlivesItsObjectUntilDeleted() throws Exception {
        Vss vss = Vss.system();
        UUID id;
        try (BackupComponents backup = vss.createBackupComponents()) {
            backup.initializeForBackup();
            backup.setContext(VssContext.CLIENT_ACCESSIBLE);
            backup.startSnapshotSet();
            id = backup.addToSnapshotSet(systemDrive());
            await(backup.doSnapshotSet());
            assertTrue(backup.getSnapshotProperties(id).isPersistent());
        }
        try (BackupComponents admin = vss.createBackupComponents()) {
            admin.initializeForBackup();
            admin.setContext(VssContext.CLIENT_ACCESSIBLE);
            assertTrue(admin.query().stream().anyMatch(p -> p.snapshotId().equals(id)), "Query lists the copy");
            assertEquals(1, admin.deleteSnapshot(id, true));
            assertFalse(admin.query().stream().anyMatch(p -> p.snapshotId().equals(id)), "deleted");
        }
    }

    private static void await(VssAsync async) throws Exception {
        try (async) {
            assertTrue(async.await(BOUND), async + " did not end within " + BOUND);
        }
    }

    /**
     * Java cannot open \\?\GLOBALROOT paths itself: Vss.mount makes the copy readable (a directory link to the
     * device object, in vss4j's owner-only folder), read through vss4j's read-only file system.
     */
    private static String readThroughCopy(SnapshotProperties copy, Path original) throws Exception {
        try (MountedCopy mounted = Vss.system().mount(copy)) {
            Path relative = Path.of(systemDrive()).relativize(original);
            return Files.readString(mounted.root().resolve(relative.toString()), StandardCharsets.UTF_8);
        }
    }
}
