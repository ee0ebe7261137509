package io.github.vss4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.vss4j.simulator.SimulatedVolume;
import io.github.vss4j.simulator.SimulatedWriter;
import io.github.vss4j.simulator.Simulation;
import io.github.vss4j.simulator.WriterPhase;
import java.util.HashSet;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FullSequenceTest extends SimulatedVssTest {

    @Test
    void backupContextGivesOneAutoReleaseCopyPerVolumeThatVanishesAtRelease() throws Exception {
        Vss vss = vss("C:\\", "D:\\");
        BackupComponents backup = vss.createBackupComponents();
        List<UUID> ids = prepareSet(backup, VssContext.BACKUP, "C:\\", "D:\\");
        try (VssAsync snapshot = backup.doSnapshotSet()) {
            assertTrue(snapshot.await(BOUND));
            assertEquals(AsyncStatus.State.FINISHED, snapshot.queryStatus().state());
        }
        SnapshotProperties c = backup.getSnapshotProperties(ids.get(0));
        SnapshotProperties d = backup.getSnapshotProperties(ids.get(1));
        // As on Windows, a copy names its volume by the volume's GUID path.
        assertEquals(SimulatedVolume.of("C:\\").guidName(), c.originalVolumeName());
        assertEquals(SimulatedVolume.of("D:\\").guidName(), d.originalVolumeName());
        assertEquals(ids.get(0), c.snapshotId());
        assertEquals(c.snapshotSetId(), d.snapshotSetId());
        assertNotEquals(c.snapshotId(), d.snapshotId());
        assertNotEquals(c.snapshotDeviceObject(), d.snapshotDeviceObject());
        for (SnapshotProperties p : List.of(c, d)) {
            assertTrue(p.snapshotDeviceObject().matches("\\\\\\\\\\?\\\\GLOBALROOT\\\\Device\\\\HarddiskVolumeShadowCopy\\d+"),
                    p.snapshotDeviceObject());
            assertEquals(2, p.snapshotsCount());
            assertFalse(p.isPersistent(), "BACKUP copies are not persistent");
            assertFalse(p.attributes().contains(SnapshotAttribute.NO_AUTO_RELEASE));
            assertFalse(p.attributes().contains(SnapshotAttribute.NO_WRITERS));
            assertEquals(BackupComponents.SYSTEM_PROVIDER, p.providerId());
        }
        try (VssAsync complete = backup.backupComplete()) {
            assertTrue(complete.await(BOUND));
        }
        assertEquals(2, machine(vss).existingSnapshots().size());
        backup.close();
        assertEquals(List.of(), machine(vss).existingSnapshots(), "auto-release copies go with their object");
    }

    @Test
    void fileShareBackupContextNeedsNoWritersAndMarksItsCopies() throws Exception {
        Vss vss = vss("C:\\", "E:\\");
        try (BackupComponents backup = vss.createBackupComponents()) {
            List<UUID> ids = prepareSet(backup, VssContext.FILE_SHARE_BACKUP, "C:\\", "E:\\");
            try (VssAsync snapshot = backup.doSnapshotSet()) {
                snapshot.await();
            }
            Set<String> devices = new HashSet<>();
            for (UUID id : ids) {
                SnapshotProperties p = backup.getSnapshotProperties(id);
                devices.add(p.snapshotDeviceObject());
                assertTrue(p.attributes().contains(SnapshotAttribute.NO_WRITERS), p.attributes().toString());
                assertFalse(p.isPersistent());
            }
            assertEquals(2, devices.size());
            assertFalse(machine(vss).callLog().contains(Operation.PREPARE_FOR_BACKUP));
        }
    }

    @Test
    void writersAreListedWithTheirIdentityAndStatus() throws Exception {
        SimulatedWriter healthy = SimulatedWriter.named("Healthy Writer");
        SimulatedWriter failing = SimulatedWriter.named("Failing Writer")
                .failingAt(WriterPhase.FREEZE, VssError.VSS_E_WRITERERROR_RETRYABLE);
        Vss vss = vss(Simulation.builder().volume("C:\\").writer(healthy).writer(failing).build());
        try (BackupComponents backup = vss.createBackupComponents()) {
            initialize(backup, VssContext.BACKUP);  // GatherWriterMetadata included
            List<WriterMetadata> metadata = backup.getWriterMetadata();
            assertEquals(Set.of(healthy.writerId(), failing.writerId()),
                    metadata.stream().map(WriterMetadata::writerId).collect(Collectors.toSet()));
            assertTrue(metadata.stream().anyMatch(w -> w.writerName().equals("Healthy Writer")
                    && w.instanceId().equals(healthy.instanceId())));
            backup.startSnapshotSet();
            backup.addToSnapshotSet("C:\\");
            try (VssAsync prepare = backup.prepareForBackup()) {
                prepare.await();
            }
            try (VssAsync snapshot = backup.doSnapshotSet()) {
                snapshot.await();  // a writer failing at freeze only shows in writer status
            }
            try (VssAsync status = backup.gatherWriterStatus()) {
                status.await();
            }
            Map<String, WriterStatus> byName = backup.getWriterStatus().stream()
                    .collect(Collectors.toMap(WriterStatus::writerName, w -> w));
            assertEquals(WriterState.WAITING_FOR_BACKUP_COMPLETE, byName.get("Healthy Writer").state());
            assertFalse(byName.get("Healthy Writer").isFailed());
            assertEquals(WriterState.FAILED_AT_FREEZE, byName.get("Failing Writer").state());
            assertEquals(VssError.VSS_E_WRITERERROR_RETRYABLE, byName.get("Failing Writer").failureError());
        }
    }

    @Test
    void theCallLogFollowsTheDocumentedOrder() throws Exception {
        Vss vss = vss("C:\\");
        try (BackupComponents backup = vss.createBackupComponents()) {
            prepareSet(backup, VssContext.BACKUP, "C:\\");
            try (VssAsync snapshot = backup.doSnapshotSet()) {
                snapshot.await();
            }
        }
        assertEquals(List.of(Operation.CREATE_BACKUP_COMPONENTS, Operation.INITIALIZE_FOR_BACKUP,
                Operation.SET_CONTEXT, Operation.SET_BACKUP_STATE, Operation.GATHER_WRITER_METADATA,
                Operation.START_SNAPSHOT_SET, Operation.ADD_TO_SNAPSHOT_SET, Operation.PREPARE_FOR_BACKUP,
                Operation.DO_SNAPSHOT_SET), machine(vss).callLog());
    }
}
