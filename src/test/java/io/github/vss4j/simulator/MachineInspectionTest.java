package io.github.vss4j.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.vss4j.AsyncStatus;
import io.github.vss4j.BackupComponents;
import io.github.vss4j.Operation;
import io.github.vss4j.SimulatedVssTest;
import io.github.vss4j.SnapshotProperties;
import io.github.vss4j.Vss;
import io.github.vss4j.VssAsync;
import io.github.vss4j.VssContext;
import io.github.vss4j.VssError;
import io.github.vss4j.VssException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What tests look at: live objects, the calls in order, the machine's name and providers, timings. */
class MachineInspectionTest extends SimulatedVssTest {
    private static final UUID HARDWARE_PROVIDER = UUID.fromString("2f6c1b9e-5a3d-4c8e-9f10-0a1b2c3d4e5f");

    @Test
    void liveObjectsCountsObjectsAndAsyncOperationsUntilReleased() throws Exception {
        Vss vss = vss(Simulation.withVolumes(C));
        SimulatedMachine machine = machine(vss);
        assertEquals(0, machine.liveObjects());
        BackupComponents backup = components(vss);
        assertEquals(1, machine.liveObjects());
        initialize(backup, VssContext.BACKUP);
        backup.startSnapshotSet();
        backup.addToSnapshotSet(C);
        VssAsync prepare = backup.prepareForBackup();
        // At least: an IVssAsync whose Java handle is closed may still be in its waiter's hands for a moment.
        assertTrue(machine.liveObjects() >= 2, "the IVssAsync is an object too");
        prepare.await(BOUND);
        prepare.close();
        backup.close();
        assertEquals(0, machine.liveObjects());
    }

    @Test
    void theCallLogListsEveryCallInOrderFailedOnesIncluded() throws Exception {
        Vss vss = vss(Simulation.withVolumes(C));
        try (BackupComponents backup = components(vss)) {
            assertThrows(VssException.class, backup::startSnapshotSet);   // BAD_STATE: still listed
            snapshot(backup, VssContext.BACKUP, C);
            await(backup.backupComplete());
        }
        assertEquals(List.of(Operation.CREATE_BACKUP_COMPONENTS, Operation.START_SNAPSHOT_SET,
                Operation.INITIALIZE_FOR_BACKUP, Operation.SET_CONTEXT, Operation.SET_BACKUP_STATE,
                Operation.GATHER_WRITER_METADATA, Operation.START_SNAPSHOT_SET, Operation.ADD_TO_SNAPSHOT_SET,
                Operation.PREPARE_FOR_BACKUP, Operation.DO_SNAPSHOT_SET, Operation.BACKUP_COMPLETE),
                machine(vss).callLog());
    }

    @Test
    void theMachineNameIsReportedByItsCopies() throws Exception {
        Vss vss = vss(Simulation.builder().machineName("FILESERVER01").volume(C).build());
        assertEquals("FILESERVER01", machine(vss).machineName());
        try (BackupComponents backup = components(vss)) {
            UUID id = snapshot(backup, VssContext.FILE_SHARE_BACKUP, C).get(0);
            SnapshotProperties copy = backup.getSnapshotProperties(id);
            assertEquals("FILESERVER01", copy.originatingMachine());
            assertEquals("FILESERVER01", copy.serviceMachine());
        }
        assertEquals("VSS4J-SIM", machine(vss(Simulation.withVolumes(C))).machineName());
    }

    @Test
    void aRegisteredProviderIsAcceptedAndReportedAndAnyOtherIsRefused() throws Exception {
        Vss vss = vss(Simulation.builder().volume(C).volume(D).provider(HARDWARE_PROVIDER).build());
        BackupComponents backup = components(vss);
        initialize(backup, VssContext.FILE_SHARE_BACKUP);
        assertTrue(backup.isVolumeSupported(C, HARDWARE_PROVIDER));
        UUID unknown = UUID.fromString("00000000-0000-0000-0000-000000000042");
        assertEquals(VssError.VSS_E_PROVIDER_NOT_REGISTERED,
                assertThrows(VssException.class, () -> backup.isVolumeSupported(C, unknown)).error());
        backup.startSnapshotSet();
        assertEquals(VssError.VSS_E_PROVIDER_NOT_REGISTERED,
                assertThrows(VssException.class, () -> backup.addToSnapshotSet(C, unknown)).error());
        UUID viaHardware = backup.addToSnapshotSet(C, HARDWARE_PROVIDER);
        UUID viaSystem = backup.addToSnapshotSet(D, BackupComponents.SYSTEM_PROVIDER);
        await(backup.doSnapshotSet());
        assertEquals(HARDWARE_PROVIDER, backup.getSnapshotProperties(viaHardware).providerId());
        assertEquals(BackupComponents.SYSTEM_PROVIDER, backup.getSnapshotProperties(viaSystem).providerId());
    }

    @Test
    void aDurationKeepsTheOperationPendingAndTheObjectBusy() throws Exception {
        Vss vss = vss(Simulation.builder().volume(C).duration(Operation.DO_SNAPSHOT_SET, Duration.ofMillis(200))
                .waitTimeoutResult(VssError.VSS_S_ASYNC_PENDING).build());
        BackupComponents backup = prepared(vss, VssContext.BACKUP, C);
        long started = System.nanoTime();
        try (VssAsync snapshot = backup.doSnapshotSet()) {
            assertFalse(snapshot.await(Duration.ofMillis(1)), "Wait timed out: the operation goes on");
            assertEquals(AsyncStatus.State.PENDING, snapshot.queryStatus().state());
            assertEquals(VssError.VSS_E_BAD_STATE,
                    assertThrows(VssException.class, () -> backup.getSnapshotProperties(UUID.randomUUID())).error(),
                    "only the IVssAsync and AbortBackup are served meanwhile");
            assertTrue(snapshot.await(BOUND));
        }
        assertTrue(System.nanoTime() - started >= Duration.ofMillis(200).toNanos());
        assertEquals(1, machine(vss).existingSnapshots().size());
    }
}
