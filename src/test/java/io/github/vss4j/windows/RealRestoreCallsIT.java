package io.github.vss4j.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.vss4j.BackupComponents;
import io.github.vss4j.BackupType;
import io.github.vss4j.FileRestoreStatus;
import io.github.vss4j.RecordedComponent;
import io.github.vss4j.RestoreType;
import io.github.vss4j.Vss;
import io.github.vss4j.VssAsync;
import io.github.vss4j.VssContext;
import io.github.vss4j.VssError;
import io.github.vss4j.VssException;
import io.github.vss4j.WriterComponent;
import io.github.vss4j.WriterMetadata;
import io.github.vss4j.WriterState;
import io.github.vss4j.WriterStatus;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * The restore calls, one by one, against the in-box writers of a real Windows machine: a component-mode backup of
 * one component of the Registry Writer or the System Writer, its Backup Components Document saved, then a restore
 * from that document up to PreRestore and PostRestore without copying anything back (a real restore of system files
 * on a build machine is not wanted): the component selected, PreRestore, the file restore status NONE ("no files
 * were restored", so the writer has nothing to act on), PostRestore, the writer's status stable after each. Prints
 * what it saw, for the workflow's log. Runs only on Windows, elevated, through the workflow (profile real-vss).
 */
@DisabledIfSystemProperty(named = "vss4j.expectAccessDenied", matches = "true",
        disabledReason = "a restricted token cannot gather writer metadata")
class RealRestoreCallsIT {
    private static final Duration BOUND = Duration.ofMinutes(5);
    private static final List<String> IN_BOX = List.of("Registry Writer", "System Writer");

    private record Backup(WriterMetadata writer, WriterComponent component, String document) {
    }

    @Test
    void theRestoreSequenceOfAnInBoxWritersComponentUpToPostRestore() throws Exception {
        Backup backup = backUpOneComponent();
        WriterComponent component = backup.component();
        UUID writerId = backup.writer().writerId();
        try (BackupComponents restore = Vss.system().createBackupComponents()) {
            restore.initializeForRestore(backup.document());
            await(restore.gatherWriterMetadata());
            assertTrue(restore.getWriterMetadata().stream().anyMatch(w -> w.writerId().equals(writerId)),
                    "the writer backed up answers GatherWriterMetadata in the restore");

            VssException notHeld = assertThrows(VssException.class, () -> restore.setSelectedForRestore(null,
                    writerId, component.type(), component.logicalPath(), component.name() + "-not-held", true));
            System.out.println("SetSelectedForRestore of a component the document does not hold: "
                    + notHeld.getMessage());
            assertEquals(VssError.VSS_E_OBJECT_NOT_FOUND, notHeld.error(), notHeld.getMessage());

            restore.setSelectedForRestore(null, writerId, component.type(), component.logicalPath(),
                    component.name(), true);
            restore.setRestoreState(RestoreType.BY_COPY);
            await(restore.preRestore());
            assertWriterStable(restore, writerId, "PreRestore");
            RecordedComponent prepared = recordOf(restore, backup);
            System.out.println("after PreRestore: selected " + prepared.selectedForRestore() + ", target "
                    + prepared.restoreTarget() + ", options '" + prepared.restoreOptions() + "', failure message '"
                    + prepared.preRestoreFailureMessage() + "'");
            assertTrue(prepared.selectedForRestore(), "SetSelectedForRestore recorded for " + component.name());
            assertEquals("", prepared.preRestoreFailureMessage(), "the writer's PreRestore failure message");

            restore.setFileRestoreStatus(writerId, component.type(), component.logicalPath(), component.name(),
                    FileRestoreStatus.NONE);
            await(restore.postRestore());
            assertWriterStable(restore, writerId, "PostRestore");
            RecordedComponent finished = recordOf(restore, backup);
            System.out.println("after PostRestore: file restore status " + finished.fileRestoreStatus()
                    + ", failure message '" + finished.postRestoreFailureMessage() + "'");
            assertEquals(FileRestoreStatus.NONE, finished.fileRestoreStatus(), "SetFileRestoreStatus recorded");
        }
    }

    @Test
    void aDamagedDocumentIsRefusedByInitializeForRestore() throws Exception {
        try (BackupComponents restore = Vss.system().createBackupComponents()) {
            VssException damaged = assertThrows(VssException.class,
                    () -> restore.initializeForRestore("<BACKUP_COMPONENTS damaged"));
            System.out.println("InitializeForRestore of a damaged document: " + damaged.getMessage());
            assertEquals(VssError.VSS_E_INVALID_XML_DOCUMENT, damaged.error(), damaged.getMessage());
        }
    }

    /** A COPY backup of one selectable component, the volumes its files live on in the set; the final document. */
    private static Backup backUpOneComponent() throws Exception {
        try (BackupComponents backup = Vss.system().createBackupComponents()) {
            backup.initializeForBackup();
            backup.setContext(VssContext.BACKUP);
            backup.setBackupState(true, false, BackupType.COPY, false);
            await(backup.gatherWriterMetadata());
            InBoxComponent chosen = InBoxComponent.choose(backup.getWriterMetadata(), IN_BOX).orElseThrow(
                    () -> new AssertionError("none of " + IN_BOX + " declares a component selectable for backup"));
            WriterMetadata writer = chosen.writer();
            WriterComponent component = chosen.component();
            System.out.println("backing up " + writer.writerName() + " / " + component.logicalPath() + " / "
                    + component.name() + " (selectable for restore " + component.selectableForRestore()
                    + ", restore method " + writer.restoreMethod() + ") on " + component.volumes());
            backup.addComponent(writer.instanceId(), writer.writerId(), component.type(), component.logicalPath(),
                    component.name());
            backup.startSnapshotSet();
            for (String volume : component.volumes()) {
                backup.addToSnapshotSet(volume);
            }
            await(backup.prepareForBackup());
            await(backup.doSnapshotSet());
            backup.setBackupSucceeded(writer.instanceId(), writer.writerId(), component.type(),
                    component.logicalPath(), component.name(), true);
            await(backup.backupComplete());
            String document = backup.saveAsXml();
            System.out.println("Backup Components Document, " + document.length() + " characters");
            assertTrue(document.contains(component.name()), "the document names the component backed up");
            return new Backup(writer, component, document);
        }
    }

    private static RecordedComponent recordOf(BackupComponents restore, Backup backup) throws VssException {
        return restore.getWriterComponents().stream()
                .filter(r -> r.writerId().equals(backup.writer().writerId())
                        && r.logicalPath().equals(backup.component().logicalPath())
                        && r.componentName().equals(backup.component().name()))
                .findFirst().orElseThrow(() -> new AssertionError("the document's record of "
                        + backup.component().name()));
    }

    /** The writer's status after `phase`: stable, no failure. */
    private static void assertWriterStable(BackupComponents restore, UUID writerId, String phase) throws Exception {
        await(restore.gatherWriterStatus());
        List<WriterStatus> statuses = restore.getWriterStatus();
        WriterStatus status = statuses.stream().filter(s -> s.writerId().equals(writerId)).findFirst()
                .orElseThrow(() -> new AssertionError("no status for writer " + writerId + " after " + phase));
        System.out.println("after " + phase + ": " + status.writerName() + " " + status.state() + ", failure 0x"
                + Integer.toHexString(status.failure()));
        assertEquals(WriterState.STABLE, status.state(), status.writerName() + " after " + phase);
        assertFalse(status.isFailed(), status.writerName() + " failed after " + phase);
    }

    private static void await(VssAsync async) throws Exception {
        try (async) {
            assertTrue(async.await(BOUND), async + " did not end within " + BOUND);
        }
    }
}
