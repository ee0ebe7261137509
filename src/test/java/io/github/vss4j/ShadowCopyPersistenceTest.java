package io.github.vss4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.vss4j.simulator.SimulatedWriter;
import io.github.vss4j.simulator.Simulation;
import io.github.vss4j.simulator.WriterPhase;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Persistent contexts: copies outlive close, can be listed and deleted; a failed attempt leaves none behind. */
class ShadowCopyPersistenceTest extends ShadowCopyTestBase {

    private Vss machine() {
        return vss(Simulation.builder().volume("C:\\").volume("D:\\").writer(SimulatedWriter.named("Writer"))
                .build());
    }

    @ParameterizedTest
    @EnumSource(names = {"CLIENT_ACCESSIBLE", "APP_ROLLBACK"})
    void persistentCopiesStayAfterCloseAndCanBeListedAndDeleted(VssContext context) throws Exception {
        Vss vss = machine();
        UUID setId;
        Set<UUID> ids;
        try (ShadowCopySet set = vss.shadowCopy().volumes("C:\\", "D:\\").context(context).create()) {
            assertTrue(set.isPersistent());
            assertTrue(set.copies().stream().allMatch(ShadowCopy::isPersistent));
            setId = set.snapshotSetId();
            ids = set.copies().stream().map(ShadowCopy::snapshotId).collect(Collectors.toSet());
        }
        assertEquals(context.involvesWriters(), machine(vss).callLog().contains(Operation.BACKUP_COMPLETE));
        assertEquals(2, machine(vss).existingSnapshots().size());
        try (BackupComponents admin = vss.createBackupComponents()) {
            admin.initializeForBackup();
            admin.setContext(context);
            List<SnapshotProperties> listed = admin.query();
            assertEquals(ids, listed.stream().map(SnapshotProperties::snapshotId).collect(Collectors.toSet()));
            assertEquals(2, admin.deleteSnapshotSet(setId, false));
        }
        assertNoCopies(vss);
    }

    @ParameterizedTest
    @EnumSource(names = {"APP_ROLLBACK", "CLIENT_ACCESSIBLE_WRITERS"})
    void aFailureAfterTheSnapshotDeletesThePersistentCopies(VssContext context) throws Exception {
        Vss vss = vss(Simulation.builder().volume("C:\\").writer(SimulatedWriter.named("Broken")
                .failingAt(WriterPhase.POST_SNAPSHOT, VssError.VSS_E_WRITERERROR_NONRETRYABLE)).build());
        assertThrows(VssException.class, () -> vss.shadowCopy().volumes("C:\\").context(context).create());
        assertTrue(machine(vss).callLog().contains(Operation.DELETE_SNAPSHOTS));
        assertNoCopies(vss);
        assertMachineFree(vss);
    }
}
