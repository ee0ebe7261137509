package io.github.vss4j.simulator;

// README example begins
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.vss4j.BackupComponents;
import io.github.vss4j.BackupType;
import io.github.vss4j.Operation;
import io.github.vss4j.Vss;
import io.github.vss4j.VssAsync;
import io.github.vss4j.VssContext;
import io.github.vss4j.VssError;
import io.github.vss4j.VssException;
import io.github.vss4j.WriterState;
import io.github.vss4j.WriterStatus;
import io.github.vss4j.simulator.Fault;
import io.github.vss4j.simulator.SimulatedMachine;
import io.github.vss4j.simulator.SimulatedVolume;
import io.github.vss4j.simulator.SimulatedWriter;
import io.github.vss4j.simulator.Simulation;
import io.github.vss4j.simulator.WriterPhase;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A backup product's unit test of its own retry logic, run against a simulated machine. */
class NightlyBackupTest {

    /** The product's code under test: a shadow copy of one volume, retried as Microsoft advises. */
    static final class NightlyBackup {
        private final Vss vss;
        private final int maxAttempts;

        NightlyBackup(Vss vss, int maxAttempts) {
            this.vss = vss;
            this.maxAttempts = maxAttempts;
        }

        /** Backs the volume up from a shadow copy; returns the device object the files were read from. */
        String run(String volume) throws Exception {
            for (int attempt = 1; ; attempt++) {
                try {
                    return attempt(volume);
                } catch (VssException e) {
                    if (!e.isTransient() || attempt == maxAttempts) {
                        throw e;
                    }
                    // The product waits ten minutes here, on a clock its tests replace.
                }
            }
        }

        private String attempt(String volume) throws Exception {
            try (BackupComponents backup = vss.createBackupComponents()) {   // one object per attempt
                backup.initializeForBackup();
                backup.setContext(VssContext.BACKUP);
                backup.setBackupState(false, false, BackupType.FULL, false);
                try (VssAsync gather = backup.gatherWriterMetadata()) {
                    gather.await();
                }
                backup.startSnapshotSet();
                UUID id = backup.addToSnapshotSet(volume);
                try (VssAsync prepare = backup.prepareForBackup()) {
                    prepare.await();
                }
                try (VssAsync snapshot = backup.doSnapshotSet()) {
                    snapshot.await();
                } catch (VssException e) {
                    backup.abortBackup();                                 // required after a failed DoSnapshotSet
                    throw e;
                }
                try (VssAsync status = backup.gatherWriterStatus()) {
                    status.await();
                }
                for (WriterStatus writer : backup.getWriterStatus()) {
                    if (writer.isFailed()) {                              // its data in the copy is not consistent
                        backup.abortBackup();
                        throw new VssException(Operation.DO_SNAPSHOT_SET, writer.failure(),
                                writer.writerName() + " " + writer.state());
                    }
                }
                String device = backup.getSnapshotProperties(id).snapshotDeviceObject();
                // ... copy the files under device ...
                try (VssAsync complete = backup.backupComplete()) {
                    complete.await();
                }
                return device;
            }   // close() releases the object and, in the BACKUP context, its copy
        }
    }

    @Test
    void retriesWhenVssCannotFlushWritesInTime() throws Exception {
        Vss vss = Vss.simulator(Simulation.builder()
                .volume("C:\\")
                .writer(SimulatedWriter.named("SqlServerWriter"))
                .fault(Fault.on(Operation.DO_SNAPSHOT_SET).fails(VssError.VSS_E_FLUSH_WRITES_TIMEOUT).times(2))
                .build());

        String device = new NightlyBackup(vss, 3).run("C:\\");

        SimulatedMachine machine = vss.simulatedMachine().orElseThrow();
        assertTrue(device.startsWith("\\\\?\\GLOBALROOT\\Device\\HarddiskVolumeShadowCopy"), device);
        assertEquals(3, Collections.frequency(machine.callLog(), Operation.DO_SNAPSHOT_SET));
        assertEquals(2, Collections.frequency(machine.callLog(), Operation.ABORT_BACKUP));
        assertEquals(WriterState.STABLE, machine.writerState("SqlServerWriter").orElseThrow().state());
        assertEquals(0, machine.liveObjects());                      // every VSS object released
        assertEquals(List.of(), machine.existingSnapshots());        // and no copy left behind
    }

    @Test
    void givesUpAtOnceWhenTheShadowStorageIsTooSmall() throws Exception {
        Vss vss = Vss.simulator(Simulation.builder()
                .volume(SimulatedVolume.of("D:\\").withDiffArea(300_000_000L, 500_000_000L))
                .build());

        VssException e = assertThrows(VssException.class, () -> new NightlyBackup(vss, 3).run("D:\\"));

        SimulatedMachine machine = vss.simulatedMachine().orElseThrow();
        assertEquals(VssError.VSS_E_INSUFFICIENT_STORAGE, e.error());
        assertEquals(1, Collections.frequency(machine.callLog(), Operation.DO_SNAPSHOT_SET));   // no retry
        assertEquals(0, machine.liveObjects());
    }

    @Test
    void retriesAWriterThatFailsAtFreezeThenReportsIt() throws Exception {
        Vss vss = Vss.simulator(Simulation.builder()
                .volume("C:\\")
                .writer(SimulatedWriter.named("SqlServerWriter")
                        .failingAt(WriterPhase.FREEZE, VssError.VSS_E_WRITERERROR_RETRYABLE))
                .build());

        VssException e = assertThrows(VssException.class, () -> new NightlyBackup(vss, 3).run("C:\\"));

        SimulatedMachine machine = vss.simulatedMachine().orElseThrow();
        assertEquals(VssError.VSS_E_WRITERERROR_RETRYABLE, e.error());
        assertEquals("SqlServerWriter FAILED_AT_FREEZE", e.detail().orElseThrow());
        assertEquals(3, Collections.frequency(machine.callLog(), Operation.DO_SNAPSHOT_SET));
        assertEquals(WriterState.FAILED_AT_FREEZE, machine.writerState("SqlServerWriter").orElseThrow().state());
        assertEquals(0, machine.liveObjects());
        assertEquals(List.of(), machine.existingSnapshots());
    }
}
// README example ends
