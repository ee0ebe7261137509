package io.github.vss4j.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.vss4j.BackupComponents;
import io.github.vss4j.Operation;
import io.github.vss4j.SimulatedVssTest;
import io.github.vss4j.Vss;
import io.github.vss4j.VssAsync;
import io.github.vss4j.VssContext;
import io.github.vss4j.VssError;
import io.github.vss4j.VssException;
import io.github.vss4j.WriterMetadata;
import io.github.vss4j.WriterState;
import io.github.vss4j.WriterStatus;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Writers: identity, metadata, states through the phases, failures and hangs, and their effect on the set. */
class WriterSimulationTest extends SimulatedVssTest {
    private static final SimulatedWriter SQL = SimulatedWriter.named("SqlServerWriter");
    private static final SimulatedWriter REGISTRY = SimulatedWriter.named("Registry Writer");

    private static Map<String, WriterStatus> status(BackupComponents backup) throws Exception {
        await(backup.gatherWriterStatus());
        return backup.getWriterStatus().stream().collect(Collectors.toMap(WriterStatus::writerName, w -> w));
    }

    private static WriterState stateOf(SimulatedMachine machine, SimulatedWriter writer) {
        return machine.writerState(writer.name()).orElseThrow().state();
    }

    @Test
    void gatherWriterMetadataReturnsTheDescribedWritersWithTheirIds() throws Exception {
        UUID classId = UUID.fromString("a65faa63-5ea8-4ebc-9dbd-a0c4db26912a");
        UUID instanceId = UUID.fromString("4e0a3a1b-1111-2222-3333-444455556666");
        SimulatedWriter own = new SimulatedWriter("Vendor Writer", classId, instanceId, WriterPhase.NONE, 0, false);
        Vss vss = vss(Simulation.builder().volume(C).writer(SQL).writer(own).build());
        BackupComponents backup = components(vss);
        initialize(backup, VssContext.BACKUP);
        List<WriterMetadata> metadata = backup.getWriterMetadata();
        assertEquals(List.of("SqlServerWriter", "Vendor Writer"),
                metadata.stream().map(WriterMetadata::writerName).toList());
        assertEquals(classId, metadata.get(1).writerId());
        assertEquals(instanceId, metadata.get(1).instanceId());
        assertEquals(SQL.writerId(), metadata.get(0).writerId());
        assertEquals(SimulatedWriter.named("SqlServerWriter"), SQL, "the same name gives the same ids");
    }

    @Test
    void healthyWritersMoveThroughTheDocumentedStates() throws Exception {
        Vss vss = vss(Simulation.builder().volume(C).writer(SQL).writer(REGISTRY).build());
        SimulatedMachine machine = machine(vss);
        assertEquals(WriterState.STABLE, stateOf(machine, SQL), "at rest before any backup");
        try (BackupComponents backup = components(vss)) {
            prepareSet(backup, VssContext.BACKUP, C);
            assertEquals(WriterState.STABLE, status(backup).get("SqlServerWriter").state());
            assertEquals(WriterState.STABLE, stateOf(machine, SQL));
            await(backup.doSnapshotSet());
            Map<String, WriterStatus> after = status(backup);
            assertEquals(WriterState.WAITING_FOR_BACKUP_COMPLETE, after.get("SqlServerWriter").state());
            assertEquals(WriterState.WAITING_FOR_BACKUP_COMPLETE, after.get("Registry Writer").state());
            assertEquals(WriterState.WAITING_FOR_BACKUP_COMPLETE, stateOf(machine, REGISTRY));
            await(backup.backupComplete());
            assertEquals(WriterState.STABLE, status(backup).get("SqlServerWriter").state());
            assertEquals(0, status(backup).get("SqlServerWriter").failure());
            assertFalse(machine.anyWriterFailed());
        }
    }

    @Test
    void releasingAnObjectMidBackupReturnsWaitingWritersToStable() throws Exception {
        Vss vss = vss(Simulation.builder().volume(C).writer(SQL).build());
        try (BackupComponents backup = components(vss)) {
            snapshot(backup, VssContext.BACKUP, C);
            assertEquals(WriterState.WAITING_FOR_BACKUP_COMPLETE, stateOf(machine(vss), SQL));
        }
        assertEquals(WriterState.STABLE, stateOf(machine(vss), SQL));
    }

    // The backup's phases; a restore's (PRE_RESTORE, POST_RESTORE) are RestoreCallsTest's.
    @ParameterizedTest
    @EnumSource(value = WriterPhase.class, names = {"NONE", "PRE_RESTORE", "POST_RESTORE"},
            mode = EnumSource.Mode.EXCLUDE)
    void aWriterFailingAtAPhaseShowsTheDocumentedFailedStateAndItsError(WriterPhase phase) throws Exception {
        WriterState expected = WriterState.valueOf("FAILED_AT_" + phase.name());
        Vss vss = vss(Simulation.builder().volume(C).writer(REGISTRY)
                .writer(SQL.failingAt(phase, VssError.VSS_E_WRITERERROR_NONRETRYABLE)).build());
        try (BackupComponents backup = components(vss)) {
            snapshot(backup, VssContext.BACKUP, C);
            assertEquals(1, machine(vss).existingSnapshots().size(),
                    "the copy is made: a writer's failure only shows in status");
            if (phase == WriterPhase.BACKUP_COMPLETE) {
                await(backup.backupComplete());
            }
            Map<String, WriterStatus> rows = status(backup);
            WriterStatus failedWriter = rows.get("SqlServerWriter");
            assertEquals(expected, failedWriter.state());
            assertEquals(VssError.VSS_E_WRITERERROR_NONRETRYABLE, failedWriter.failureError());
            assertTrue(failedWriter.isFailed());
            assertFalse(rows.get("Registry Writer").isFailed(), "the other writer is not affected");
            assertEquals(expected, stateOf(machine(vss), SQL));
            assertEquals(VssError.VSS_E_WRITERERROR_NONRETRYABLE.hresult(),
                    machine(vss).writerState("SqlServerWriter").orElseThrow().failure());
        }
        assertEquals(expected, stateOf(machine(vss), SQL), "a failure stays on record after the release");
        assertTrue(machine(vss).anyWriterFailed());
    }

    @Test
    void aWriterFailingAtIdentifyGivesNoMetadata() throws Exception {
        Vss vss = vss(Simulation.builder().volume(C).writer(REGISTRY)
                .writer(SQL.failingAt(WriterPhase.IDENTIFY, VssError.VSS_E_WRITERERROR_RETRYABLE)).build());
        BackupComponents backup = components(vss);
        initialize(backup, VssContext.BACKUP);
        assertEquals(List.of("Registry Writer"),
                backup.getWriterMetadata().stream().map(WriterMetadata::writerName).toList());
        assertEquals(WriterState.FAILED_AT_IDENTIFY, stateOf(machine(vss), SQL));
    }

    @Test
    void aHangingWriterHoldsItsPhaseForTheWriterTimeoutThenFailsWithTimeout() throws Exception {
        Duration timeout = Duration.ofMillis(300);
        Vss vss = vss(Simulation.builder().volume(C).writer(SQL.hangingAt(WriterPhase.FREEZE))
                .writerTimeout(timeout).build());
        BackupComponents backup = prepared(vss, VssContext.BACKUP, C);
        long started = System.nanoTime();
        try (VssAsync snapshot = backup.doSnapshotSet()) {
            assertFalse(snapshot.await(Duration.ZERO), "DoSnapshotSet waits for the hanging writer");
            assertTrue(snapshot.await(BOUND));
        }
        assertTrue(System.nanoTime() - started >= timeout.toNanos(), "DoSnapshotSet took the writer timeout");
        WriterStatus hung = status(backup).get("SqlServerWriter");
        assertEquals(WriterState.FAILED_AT_FREEZE, hung.state());
        assertEquals(VssError.VSS_E_WRITERERROR_TIMEOUT, hung.failureError());
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aWriterVetoFailsDoSnapshotSetOnlyWhenDescribedSo(boolean fails) throws Exception {
        Vss vss = vss(Simulation.builder().volume(C)
                .writer(SQL.failingAt(WriterPhase.FREEZE, VssError.VSS_E_WRITERERROR_RETRYABLE))
                .writerFailureFailsSnapshotSet(fails).build());
        BackupComponents backup = prepared(vss, VssContext.BACKUP, C);
        try (VssAsync snapshot = backup.doSnapshotSet()) {
            if (fails) {
                VssException thrown = assertThrows(VssException.class, () -> snapshot.await(BOUND));
                assertEquals(VssError.VSS_E_UNEXPECTED_WRITER_ERROR, thrown.error());
                assertEquals(List.of(), machine(vss).existingSnapshots(), "a failed set makes no copies");
            } else {
                assertTrue(snapshot.await(BOUND));
                assertEquals(1, machine(vss).existingSnapshots().size());
            }
        }
        assertEquals(WriterState.FAILED_AT_FREEZE, status(backup).get("SqlServerWriter").state());
        if (fails) {
            backup.abortBackup();
        }
    }

    @Test
    void writersTakeNoPartInContextsWithoutWriters() throws Exception {
        Vss vss = vss(Simulation.builder().volume(C)
                .writer(SQL.failingAt(WriterPhase.FREEZE, VssError.VSS_E_WRITERERROR_RETRYABLE)).build());
        try (BackupComponents backup = components(vss)) {
            snapshot(backup, VssContext.FILE_SHARE_BACKUP, C);
            assertEquals(1, machine(vss).existingSnapshots().size());
        }
        assertEquals(WriterState.STABLE, stateOf(machine(vss), SQL));
        assertTrue(machine(vss).writerState("no such writer").isEmpty());
        assertFalse(machine(vss).callLog().contains(Operation.GATHER_WRITER_METADATA));
    }
}
