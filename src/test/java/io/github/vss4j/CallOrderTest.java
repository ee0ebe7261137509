package io.github.vss4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.vss4j.simulator.Fault;
import io.github.vss4j.simulator.Simulation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Calls out of order, and the machine-wide and per-set limits. */
class CallOrderTest extends SimulatedVssTest {

    private static void assertVssError(VssError expected, Executable call) {
        VssException thrown = assertThrows(VssException.class, call);
        assertEquals(expected, thrown.error(), thrown.getMessage());
    }

    @Test
    void doSnapshotSetBeforeStartSnapshotSetIsBadState() throws Exception {
        BackupComponents backup = components(vss("C:\\"));
        initialize(backup, VssContext.FILE_SHARE_BACKUP);
        assertVssError(VssError.VSS_E_BAD_STATE, backup::doSnapshotSet);
    }

    @Test
    void doSnapshotSetBeforePrepareForBackupInBackupContextIsBadState() throws Exception {
        BackupComponents backup = components(vss("C:\\"));
        initialize(backup, VssContext.BACKUP);
        backup.startSnapshotSet();
        backup.addToSnapshotSet("C:\\");
        assertVssError(VssError.VSS_E_BAD_STATE, backup::doSnapshotSet);
    }

    @Test
    void doSnapshotSetTwiceIsBadState() throws Exception {
        BackupComponents backup = components(vss("C:\\"));
        prepareSet(backup, VssContext.BACKUP, "C:\\");
        try (VssAsync snapshot = backup.doSnapshotSet()) {
            snapshot.await();
        }
        assertVssError(VssError.VSS_E_BAD_STATE, backup::doSnapshotSet);
    }

    @Test
    void afterAFailedDoSnapshotSetNeitherDoSnapshotSetNorBackupCompleteIsAllowed() throws Exception {
        Vss vss = vss(Simulation.builder().volume("C:\\")
                .fault(Fault.on(Operation.DO_SNAPSHOT_SET).fails(VssError.VSS_E_HOLD_WRITES_TIMEOUT)
                        .throughQueryStatus()).build());
        BackupComponents backup = prepared(vss, VssContext.BACKUP, "C:\\");
        try (VssAsync snapshot = backup.doSnapshotSet()) {
            assertVssError(VssError.VSS_E_HOLD_WRITES_TIMEOUT, snapshot::await);
        }
        assertVssError(VssError.VSS_E_BAD_STATE, backup::doSnapshotSet);
        assertVssError(VssError.VSS_E_BAD_STATE, backup::backupComplete);
        backup.abortBackup();
    }

    @Test
    void anotherObjectCannotStartASetWhileOneIsOpen() throws Exception {
        Vss vss = vss("C:\\");
        BackupComponents first = components(vss);
        BackupComponents second = components(vss);
        initialize(first, VssContext.FILE_SHARE_BACKUP);
        initialize(second, VssContext.FILE_SHARE_BACKUP);
        first.startSnapshotSet();
        assertVssError(VssError.VSS_E_SNAPSHOT_SET_IN_PROGRESS, second::startSnapshotSet);
        first.addToSnapshotSet("C:\\");
        try (VssAsync snapshot = first.doSnapshotSet()) {
            snapshot.await();
        }
        second.startSnapshotSet();  // the machine-wide set is free once DoSnapshotSet has ended
    }

    @Test
    void the65thVolumeIsRefused() throws Exception {
        Simulation.Builder machine = Simulation.builder();
        for (int i = 0; i < 65; i++) {
            machine.volume("C:\\mount\\v" + i + "\\");
        }
        BackupComponents backup = components(vss(machine.build()));
        initialize(backup, VssContext.FILE_SHARE_BACKUP);
        backup.startSnapshotSet();
        for (int i = 0; i < 64; i++) {
            backup.addToSnapshotSet("C:\\mount\\v" + i + "\\");
        }
        assertVssError(VssError.VSS_E_MAXIMUM_NUMBER_OF_VOLUMES_REACHED,
                () -> backup.addToSnapshotSet("C:\\mount\\v64\\"));
    }

    @Test
    void anUnknownVolumeIsObjectNotFoundAndNamedInTheMessage() throws Exception {
        BackupComponents backup = components(vss("C:\\"));
        initialize(backup, VssContext.FILE_SHARE_BACKUP);
        backup.startSnapshotSet();
        VssException thrown = assertThrows(VssException.class, () -> backup.addToSnapshotSet("Q:\\"));
        assertEquals(VssError.VSS_E_OBJECT_NOT_FOUND, thrown.error());
        assertEquals(true, thrown.getMessage().contains("Q:\\"), thrown.getMessage());
    }

    @Test
    void anyCallBeforeInitializeForBackupIsBadState() throws Exception {
        BackupComponents backup = components(vss("C:\\"));
        assertVssError(VssError.VSS_E_BAD_STATE, backup::startSnapshotSet);
        assertVssError(VssError.VSS_E_BAD_STATE, backup::abortBackup);
        assertVssError(VssError.VSS_E_BAD_STATE, backup::gatherWriterMetadata);
    }
}
