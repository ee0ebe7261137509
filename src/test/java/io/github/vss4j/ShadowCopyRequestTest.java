package io.github.vss4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.vss4j.simulator.SimulatedVolume;
import io.github.vss4j.simulator.SimulatedWriter;
import io.github.vss4j.simulator.Simulation;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The happy path: one call, one set, the documented order, close releases. */
class ShadowCopyRequestTest extends ShadowCopyTestBase {

    @Test
    void twoVolumesGoIntoOneSetAndCloseCompletesAndReleases() throws Exception {
        Vss vss = vss(Simulation.builder().volume("C:\\").volume("D:\\").writer(SimulatedWriter.named("SqlWriter"))
                .build());
        ShadowCopySet set = vss.shadowCopy().volumes("C:\\", "D:\\").create();
        try (set) {
            assertEquals(2, set.copies().size());
            assertEquals(List.of("C:\\", "D:\\"), set.copies().stream().map(ShadowCopy::volume).toList());
            Set<java.util.UUID> setIds = set.copies().stream().map(ShadowCopy::snapshotSetId)
                    .collect(Collectors.toSet());
            assertEquals(Set.of(set.snapshotSetId()), setIds, "one snapshot set");
            ShadowCopy c = set.copy("c:\\").orElseThrow();
            assertTrue(c.deviceObject().startsWith("\\\\?\\GLOBALROOT\\Device\\HarddiskVolumeShadowCopy"));
            assertEquals("C:\\", c.volume(), "the name the request gave");
            assertEquals(SimulatedVolume.of("C:\\").guidName(), c.originalVolumeName(), "the GUID path, as on Windows");
            assertFalse(c.isPersistent());
            assertFalse(set.isPersistent());
            assertEquals(1, set.attempts());
            assertEquals(1, set.writerStatus().size());
            assertEquals(2, machine(vss).existingSnapshots().size());
            assertFalse(machine(vss).callLog().contains(Operation.BACKUP_COMPLETE));
        }
        assertTrue(set.isClosed());
        assertNoCopies(vss);
        assertEquals(List.of(Operation.CREATE_BACKUP_COMPONENTS, Operation.INITIALIZE_FOR_BACKUP,
                Operation.SET_CONTEXT, Operation.SET_BACKUP_STATE, Operation.GATHER_WRITER_METADATA,
                Operation.START_SNAPSHOT_SET, Operation.ADD_TO_SNAPSHOT_SET, Operation.ADD_TO_SNAPSHOT_SET,
                Operation.PREPARE_FOR_BACKUP, Operation.GATHER_WRITER_STATUS, Operation.GET_WRITER_STATUS,
                Operation.DO_SNAPSHOT_SET, Operation.GATHER_WRITER_STATUS, Operation.GET_WRITER_STATUS,
                Operation.GET_SNAPSHOT_PROPERTIES, Operation.GET_SNAPSHOT_PROPERTIES, Operation.BACKUP_COMPLETE),
                machine(vss).callLog());
        set.close();
        assertEquals(1, count(vss, Operation.BACKUP_COMPLETE), "close is idempotent");
    }

    @Test
    void aContextWithoutWritersSkipsEveryWriterCall() throws Exception {
        Vss vss = vss("C:\\");
        try (ShadowCopySet set = vss.shadowCopy().volumes("C:\\").context(VssContext.FILE_SHARE_BACKUP).create()) {
            assertTrue(set.copies().get(0).attributes().contains(SnapshotAttribute.NO_WRITERS));
            assertEquals(List.of(), set.writerStatus());
        }
        List<Operation> log = machine(vss).callLog();
        for (Operation writerCall : List.of(Operation.SET_BACKUP_STATE, Operation.GATHER_WRITER_METADATA,
                Operation.PREPARE_FOR_BACKUP, Operation.GATHER_WRITER_STATUS, Operation.BACKUP_COMPLETE)) {
            assertFalse(log.contains(writerCall), writerCall + " in " + log);
        }
        assertNoCopies(vss);
    }

    @Test
    void createAsyncCompletesTheFutureWithTheSet() throws Exception {
        Vss vss = vss("C:\\");
        RecordingListener listener = new RecordingListener();
        ShadowCopySet set = vss.shadowCopy().volumes("C:\\").listener(listener).createAsync()
                .get(BOUND.toSeconds(), TimeUnit.SECONDS);
        try (set) {
            assertEquals(1, set.copies().size());
        }
        assertEquals(ProgressEvent.Outcome.SUCCEEDED, awaitEnd(listener).outcome());
        assertNoCopies(vss);
    }

    @Test
    void theRequestRefusesWhatVssWouldRefuse() {
        Vss vss = vss("C:\\");
        assertThrows(IllegalStateException.class, () -> vss.shadowCopy().create());
        assertThrows(IllegalArgumentException.class, () -> vss.shadowCopy().context(VssContext.ALL));
        assertThrows(IllegalArgumentException.class, () -> vss.shadowCopy().volumes("C:"));
        assertThrows(IllegalArgumentException.class, () -> vss.shadowCopy().volumes("C:\\", "c:\\"));
        assertThrows(IllegalArgumentException.class,
                () -> vss.shadowCopy().timeout(Phase.START_SNAPSHOT_SET, java.time.Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> vss.shadowCopy().deadline(java.time.Duration.ZERO));
        assertEquals(List.of(), machine(vss).callLog());
    }
}
