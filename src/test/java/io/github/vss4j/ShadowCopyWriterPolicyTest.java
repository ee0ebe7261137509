package io.github.vss4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.vss4j.simulator.SimulatedWriter;
import io.github.vss4j.simulator.Simulation;
import io.github.vss4j.simulator.WriterPhase;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Writer failures after PrepareForBackup and after DoSnapshotSet, under FAIL and REPORT, with selections. */
class ShadowCopyWriterPolicyTest extends ShadowCopyTestBase {
    private static final SimulatedWriter HEALTHY = SimulatedWriter.named("Healthy");

    private Vss machineWith(SimulatedWriter broken) {
        return vss(Simulation.builder().volume("C:\\").writer(HEALTHY).writer(broken).build());
    }

    private static SimulatedWriter brokenAt(WriterPhase phase) {
        return SimulatedWriter.named("Broken").failingAt(phase, VssError.VSS_E_WRITERERROR_NONRETRYABLE);
    }

    @ParameterizedTest
    @EnumSource(names = {"PREPARE_BACKUP", "FREEZE", "THAW", "POST_SNAPSHOT"})
    void failStopsAbortsAndReportsTheWriters(WriterPhase at) throws Exception {
        Vss vss = machineWith(brokenAt(at));
        VssException thrown = assertThrows(VssException.class, () -> vss.shadowCopy().volumes("C:\\")
                .writerPolicy(WriterPolicy.FAIL).create());
        Phase phase = at == WriterPhase.PREPARE_BACKUP ? Phase.WRITER_STATUS_AFTER_PREPARE
                : Phase.WRITER_STATUS_AFTER_SNAPSHOT;
        assertEquals(phase, thrown.phase().orElseThrow());
        assertEquals(VssError.VSS_E_WRITERERROR_NONRETRYABLE, thrown.error());
        assertEquals(Operation.GET_WRITER_STATUS, thrown.operation());
        assertEquals(2, thrown.writerStatus().size());
        WriterStatus broken = thrown.writerStatus().stream().filter(w -> w.writerName().equals("Broken"))
                .findFirst().orElseThrow();
        assertTrue(broken.isFailed());
        assertTrue(thrown.getMessage().contains("Broken"), thrown.getMessage());
        assertEquals(at != WriterPhase.PREPARE_BACKUP, machine(vss).callLog().contains(Operation.DO_SNAPSHOT_SET));
        assertTrue(machine(vss).callLog().contains(Operation.ABORT_BACKUP));
        assertFalse(machine(vss).callLog().contains(Operation.BACKUP_COMPLETE));
        assertNoCopies(vss);
        assertMachineFree(vss);
    }

    @ParameterizedTest
    @EnumSource(names = {"PREPARE_BACKUP", "FREEZE", "POST_SNAPSHOT"})
    void reportGoesOnAndShowsTheFailedWriter(WriterPhase at) throws Exception {
        Vss vss = machineWith(brokenAt(at));
        RecordingListener listener = new RecordingListener();
        try (ShadowCopySet set = vss.shadowCopy().volumes("C:\\").writerPolicy(WriterPolicy.REPORT)
                .listener(listener).create()) {
            assertEquals(1, set.copies().size());
            assertTrue(set.writerStatus().stream().anyMatch(w -> w.writerName().equals("Broken") && w.isFailed()));
        }
        List<ProgressEvent.WritersChecked> checks = listener.events(ProgressEvent.WritersChecked.class);
        assertEquals(2, checks.size());
        ProgressEvent.WritersChecked flagged = checks.get(at == WriterPhase.PREPARE_BACKUP ? 0 : 1);
        assertEquals(List.of("Broken"), flagged.failed().stream().map(WriterStatus::writerName).toList());
        assertTrue(machine(vss).callLog().contains(Operation.BACKUP_COMPLETE));
        assertNoCopies(vss);
    }

    @Test
    void anExcludedWritersFailureIsIgnored() throws Exception {
        Vss vss = machineWith(brokenAt(WriterPhase.FREEZE));
        try (ShadowCopySet set = vss.shadowCopy().volumes("C:\\").excludeWriter("broken").create()) {
            assertEquals(1, set.copies().size());
        }
        Vss byId = machineWith(brokenAt(WriterPhase.FREEZE));
        byId.shadowCopy().volumes("C:\\").excludeWriter(brokenAt(WriterPhase.FREEZE).writerId()).create().close();
    }

    @Test
    void onlyIncludedWritersAreChecked() throws Exception {
        Vss vss = machineWith(brokenAt(WriterPhase.PREPARE_BACKUP));
        vss.shadowCopy().volumes("C:\\").includeWriter("Healthy").create().close();
        assertThrows(VssException.class, () -> vss.shadowCopy().volumes("C:\\").includeWriter("Broken").create());
    }

    @Test
    void anExcludedWriterTakesNoPartSoItCannotFailDoSnapshotSet() throws Exception {
        // With writer failures failing DoSnapshotSet itself, only keeping the writer out lets the set succeed.
        Vss vss = vss(Simulation.builder().volume("C:\\").writer(HEALTHY).writer(brokenAt(WriterPhase.FREEZE))
                .writerFailureFailsSnapshotSet(true).build());
        try (ShadowCopySet set = vss.shadowCopy().volumes("C:\\").excludeWriter("Broken").create()) {
            assertEquals(List.of("Healthy"), set.writerStatus().stream().map(WriterStatus::writerName).toList());
        }
        List<Operation> calls = machine(vss).callLog();
        assertTrue(calls.contains(Operation.DISABLE_WRITER_CLASSES), calls.toString());
        assertTrue(calls.indexOf(Operation.DISABLE_WRITER_CLASSES) < calls.lastIndexOf(Operation.GATHER_WRITER_METADATA),
                "chosen before the writers are gathered: " + calls);
        assertEquals(2, calls.stream().filter(Operation.CREATE_BACKUP_COMPONENTS::equals).count(),
                "one object learns the writers' class ids, another takes the copies");
    }

    @Test
    void excludingByClassIdNeedsNoSurvey() throws Exception {
        SimulatedWriter broken = brokenAt(WriterPhase.FREEZE);
        Vss vss = vss(Simulation.builder().volume("C:\\").writer(HEALTHY).writer(broken)
                .writerFailureFailsSnapshotSet(true).build());
        vss.shadowCopy().volumes("C:\\").excludeWriter(broken.writerId()).create().close();
        assertEquals(1, machine(vss).callLog().stream().filter(Operation.CREATE_BACKUP_COMPONENTS::equals).count());
    }

    @Test
    void includedWritersAreTheOnlyOnesThatTakePart() throws Exception {
        Vss vss = vss(Simulation.builder().volume("C:\\").writer(HEALTHY).writer(brokenAt(WriterPhase.FREEZE))
                .writerFailureFailsSnapshotSet(true).build());
        try (ShadowCopySet set = vss.shadowCopy().volumes("C:\\").includeWriter("healthy").create()) {
            assertEquals(List.of("Healthy"), set.writerStatus().stream().map(WriterStatus::writerName).toList());
        }
        assertTrue(machine(vss).callLog().contains(Operation.ENABLE_WRITER_CLASSES));
    }
}
