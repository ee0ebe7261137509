package io.github.vss4j.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.vss4j.AsyncStatus;
import io.github.vss4j.BackupComponents;
import io.github.vss4j.Operation;
import io.github.vss4j.SimulatedVssTest;
import io.github.vss4j.Vss;
import io.github.vss4j.VssAsync;
import io.github.vss4j.VssContext;
import io.github.vss4j.VssError;
import io.github.vss4j.VssException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Fault plans: which call, which HRESULT, at once or through QueryStatus, on which attempts. */
class FaultPlanTest extends SimulatedVssTest {

    /** One attempt of a whole backup with its own object; the error it ended with, or null. */
    private VssError attempt(Vss vss) throws Exception {
        try (BackupComponents backup = components(vss)) {
            prepareSet(backup, VssContext.BACKUP, C);
            try (VssAsync snapshot = backup.doSnapshotSet()) {
                snapshot.await(BOUND);
                return null;
            } catch (VssException e) {
                backup.abortBackup();
                return e.error();
            }
        } catch (VssException e) {
            return e.error();
        }
    }

    @Test
    void aFaultAtOnceIsThrownByTheCallItself() throws Exception {
        Vss vss = vss(Simulation.builder().volume(C)
                .fault(Fault.on(Operation.DO_SNAPSHOT_SET).fails(VssError.VSS_E_FLUSH_WRITES_TIMEOUT)).build());
        BackupComponents backup = prepared(vss, VssContext.BACKUP, C);
        VssException thrown = assertThrows(VssException.class, backup::doSnapshotSet);
        assertEquals(VssError.VSS_E_FLUSH_WRITES_TIMEOUT, thrown.error());
        assertEquals(Operation.DO_SNAPSHOT_SET, thrown.operation());
        backup.abortBackup();
    }

    @Test
    void aFaultThroughQueryStatusEndsTheAsyncOperation() throws Exception {
        Vss vss = vss(Simulation.builder().volume(C)
                .fault(Fault.on(Operation.DO_SNAPSHOT_SET).fails(VssError.VSS_E_HOLD_WRITES_TIMEOUT)
                        .throughQueryStatus())
                .build());
        BackupComponents backup = prepared(vss, VssContext.BACKUP, C);
        try (VssAsync snapshot = backup.doSnapshotSet()) {
            assertEquals(VssError.VSS_E_HOLD_WRITES_TIMEOUT,
                    assertThrows(VssException.class, () -> snapshot.await(BOUND)).error());
            AsyncStatus status = snapshot.queryStatus();
            assertEquals(AsyncStatus.State.FAILED, status.state());
            assertEquals(VssError.VSS_E_HOLD_WRITES_TIMEOUT.hresult(), status.hresult());
        }
        backup.abortBackup();
    }

    @Test
    void attemptsAreCountedAcrossObjects() throws Exception {
        Vss vss = vss(Simulation.builder().volume(C)
                .fault(Fault.on(Operation.DO_SNAPSHOT_SET).fails(VssError.VSS_E_PROVIDER_VETO).onAttempt(2))
                .fault(Fault.on(Operation.DO_SNAPSHOT_SET).fails(VssError.VSS_E_REBOOT_REQUIRED).onAttempt(4)
                        .times(2))
                .build());
        List<VssError> outcomes = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            outcomes.add(attempt(vss));
        }
        List<VssError> expected = new ArrayList<>();
        expected.add(null);
        expected.add(VssError.VSS_E_PROVIDER_VETO);   // documented as QueryStatus only: it comes that way
        expected.add(null);
        expected.add(VssError.VSS_E_REBOOT_REQUIRED);
        expected.add(VssError.VSS_E_REBOOT_REQUIRED);
        expected.add(null);
        expected.add(null);
        assertEquals(expected, outcomes);
    }

    @Test
    void alwaysHitsEveryAttemptFromItsFirst() throws Exception {
        Vss vss = vss(Simulation.builder().volume(C)
                .fault(Fault.on(Operation.CREATE_BACKUP_COMPONENTS).fails(VssError.E_ACCESSDENIED).onAttempt(3)
                        .always())
                .build());
        components(vss);
        components(vss);
        for (int i = 0; i < 3; i++) {
            assertEquals(VssError.E_ACCESSDENIED,
                    assertThrows(VssException.class, vss::createBackupComponents).error());
        }
    }

    @Test
    void anyCallCanBePlannedToFail() throws Exception {
        Vss vss = vss(Simulation.builder().volume(C)
                .fault(Fault.on(Operation.ADD_TO_SNAPSHOT_SET).fails(VssError.VSS_E_NESTED_VOLUME_LIMIT))
                .fault(Fault.on(Operation.PREPARE_FOR_BACKUP).fails(0x80070015).throughQueryStatus())
                .build());
        BackupComponents backup = components(vss);
        initialize(backup, VssContext.BACKUP);
        backup.startSnapshotSet();
        assertEquals(VssError.VSS_E_NESTED_VOLUME_LIMIT,
                assertThrows(VssException.class, () -> backup.addToSnapshotSet(C)).error());
        backup.addToSnapshotSet(C);
        try (VssAsync prepare = backup.prepareForBackup()) {
            VssException thrown = assertThrows(VssException.class, () -> prepare.await(BOUND));
            assertEquals(0x80070015, thrown.hresult(), "a raw HRESULT vss4j has no name for");
            assertEquals(VssError.UNKNOWN, thrown.error());
        }
    }

    @Test
    void aCallRefusedByTheStateMachineIsNoAttempt() throws Exception {
        Vss vss = vss(Simulation.builder().volume(C)
                .fault(Fault.on(Operation.START_SNAPSHOT_SET).fails(VssError.VSS_E_UNEXPECTED)).build());
        BackupComponents backup = components(vss);
        assertEquals(VssError.VSS_E_BAD_STATE,
                assertThrows(VssException.class, backup::startSnapshotSet).error(), "not initialized");
        initialize(backup, VssContext.FILE_SHARE_BACKUP);
        assertEquals(VssError.VSS_E_UNEXPECTED,
                assertThrows(VssException.class, backup::startSnapshotSet).error(), "the first real attempt");
        assertNotNull(backup.startSnapshotSet());
        backup.abortBackup();
    }

    @Test
    void aFaultOfASynchronousCallCannotComeThroughQueryStatus() {
        Fault fault = Fault.on(Operation.ADD_TO_SNAPSHOT_SET).fails(VssError.VSS_E_UNEXPECTED);
        assertThrows(IllegalArgumentException.class, fault::throughQueryStatus);
    }
}
