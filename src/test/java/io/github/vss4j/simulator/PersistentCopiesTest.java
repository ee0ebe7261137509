package io.github.vss4j.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.vss4j.BackupComponents;
import io.github.vss4j.Operation;
import io.github.vss4j.SimulatedVssTest;
import io.github.vss4j.SnapshotDeletionException;
import io.github.vss4j.SnapshotProperties;
import io.github.vss4j.Vss;
import io.github.vss4j.VssAsync;
import io.github.vss4j.VssContext;
import io.github.vss4j.VssError;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Persistent copies outlive their object; Query and DeleteSnapshots see them; auto-release ones vanish. */
class PersistentCopiesTest extends SimulatedVssTest {

    private static Set<UUID> ids(List<SnapshotProperties> copies) {
        return copies.stream().map(SnapshotProperties::snapshotId).collect(Collectors.toSet());
    }

    private BackupComponents admin(Vss vss, VssContext context) throws Exception {
        BackupComponents admin = components(vss);
        admin.initializeForBackup();
        admin.setContext(context);
        return admin;
    }

    @Test
    void persistentCopiesOutliveTheirObjectAndQueryListsThoseOfTheCurrentContext() throws Exception {
        Vss vss = vss(Simulation.withVolumes(C, D));
        List<UUID> persistent;
        try (BackupComponents backup = components(vss)) {
            persistent = snapshot(backup, VssContext.CLIENT_ACCESSIBLE, C, D);
        }
        List<UUID> nas;
        try (BackupComponents backup = components(vss)) {
            nas = snapshot(backup, VssContext.NAS_ROLLBACK, C);
        }
        assertEquals(3, machine(vss).existingSnapshots().size());
        assertTrue(machine(vss).existingSnapshots().stream().allMatch(SnapshotProperties::isPersistent));

        assertEquals(Set.copyOf(persistent), ids(admin(vss, VssContext.CLIENT_ACCESSIBLE).query()));
        assertEquals(Set.copyOf(nas), ids(admin(vss, VssContext.NAS_ROLLBACK).query()));
        assertEquals(Set.of(), ids(admin(vss, VssContext.BACKUP).query()));
        assertEquals(3, admin(vss, VssContext.ALL).query().size());
    }

    @Test
    void queryListsOnlyCompletedCopies() throws Exception {
        Vss vss = vss(Simulation.builder().volume(C).duration(Operation.DO_SNAPSHOT_SET, Duration.ofMinutes(5))
                .build());
        BackupComponents slow = prepared(vss, VssContext.CLIENT_ACCESSIBLE, C);
        try (VssAsync snapshot = slow.doSnapshotSet()) {
            assertEquals(List.of(), admin(vss, VssContext.CLIENT_ACCESSIBLE).query(), "still in creation");
            snapshot.cancel();
        }
        slow.abortBackup();
        assertEquals(List.of(), machine(vss).existingSnapshots());
    }

    @Test
    void deleteSnapshotsRemovesACopyOrAWholeSet() throws Exception {
        Vss vss = vss(Simulation.withVolumes(C, D));
        List<UUID> first;
        List<UUID> second;
        UUID secondSet;
        try (BackupComponents backup = components(vss)) {
            first = snapshot(backup, VssContext.CLIENT_ACCESSIBLE, C, D);
        }
        try (BackupComponents backup = components(vss)) {
            second = snapshot(backup, VssContext.CLIENT_ACCESSIBLE, C, D);
            secondSet = backup.getSnapshotProperties(second.get(0)).snapshotSetId();
        }
        BackupComponents admin = admin(vss, VssContext.CLIENT_ACCESSIBLE);
        assertEquals(1, admin.deleteSnapshot(first.get(1), false));
        assertEquals(Set.of(first.get(0), second.get(0), second.get(1)), ids(admin.query()));
        assertEquals(2, admin.deleteSnapshotSet(secondSet, false));
        assertEquals(Set.of(first.get(0)), ids(machine(vss).existingSnapshots()));
        SnapshotDeletionException gone =
                assertThrows(SnapshotDeletionException.class, () -> admin.deleteSnapshot(first.get(1), false));
        assertEquals(VssError.VSS_E_OBJECT_NOT_FOUND, gone.error());
        assertEquals(0, gone.deletedCount());
        assertEquals(Optional.of(first.get(1)), gone.notDeletedSnapshotId(), "the first copy not deleted: that one");
        assertTrue(gone.getMessage().contains(first.get(1).toString()), gone.getMessage());
    }

    @Test
    void deleteSnapshotsStopsAtTheFirstFailureAndSaysWhich() throws Exception {
        Vss vss = vss(Simulation.builder().volume(C).volume(D).volume("E:\\")
                .fault(Fault.on(Operation.DELETE_SNAPSHOTS).fails(VssError.VSS_E_UNEXPECTED_PROVIDER_ERROR)
                        .onAttempt(2))
                .build());
        UUID set;
        try (BackupComponents backup = components(vss)) {
            List<UUID> ids = snapshot(backup, VssContext.CLIENT_ACCESSIBLE, C, D, "E:\\");
            set = backup.getSnapshotProperties(ids.get(0)).snapshotSetId();
        }
        BackupComponents admin = admin(vss, VssContext.CLIENT_ACCESSIBLE);
        SnapshotDeletionException thrown =
                assertThrows(SnapshotDeletionException.class, () -> admin.deleteSnapshotSet(set, false));
        assertEquals(VssError.VSS_E_UNEXPECTED_PROVIDER_ERROR, thrown.error());
        assertEquals(Operation.DELETE_SNAPSHOTS, thrown.operation());
        List<SnapshotProperties> left = machine(vss).existingSnapshots();
        assertEquals(2, left.size(), "the first copy went, the second failed, the third was not tried");
        assertEquals(1, thrown.deletedCount());
        UUID named = thrown.notDeletedSnapshotId().orElseThrow();
        assertTrue(ids(left).contains(named), "the copy it names is still there");
        assertEquals("1 shadow copies deleted before " + named + " could not be", thrown.detail().orElseThrow());
        assertEquals(2, admin.deleteSnapshotSet(set, false), "the plan hit one attempt only: a retry finishes");
        assertEquals(List.of(), machine(vss).existingSnapshots());
    }

    @Test
    void autoReleaseCopiesVanishWhenTheirObjectIsReleased() throws Exception {
        Vss vss = vss(Simulation.withVolumes(C));
        BackupComponents backup = components(vss);
        List<UUID> ids = snapshot(backup, VssContext.BACKUP, C);
        SnapshotProperties copy = backup.getSnapshotProperties(ids.get(0));
        assertFalse(copy.isPersistent());
        assertEquals(Set.copyOf(ids), ids(machine(vss).existingSnapshots()));
        assertEquals(Set.copyOf(ids), ids(backup.query()));
        backup.close();
        assertEquals(List.of(), machine(vss).existingSnapshots());
        assertEquals(List.of(), admin(vss, VssContext.BACKUP).query());
    }
}
