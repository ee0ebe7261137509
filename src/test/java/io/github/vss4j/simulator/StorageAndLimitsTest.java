package io.github.vss4j.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.vss4j.BackupComponents;
import io.github.vss4j.SimulatedVssTest;
import io.github.vss4j.Vss;
import io.github.vss4j.VssAsync;
import io.github.vss4j.VssContext;
import io.github.vss4j.VssError;
import io.github.vss4j.VssException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Errors that arise from the description of the volumes alone, without a fault plan. */
class StorageAndLimitsTest extends SimulatedVssTest {

    @Test
    void insufficientStorageArisesWhenTheDiffAreaRunsOut() throws Exception {
        Vss vss = vss(Simulation.builder().volume(C)
                .volume(SimulatedVolume.of(D).withDiffArea(1_000, 400)).build());
        List<UUID> kept = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            BackupComponents backup = components(vss);
            kept.addAll(snapshot(backup, VssContext.CLIENT_ACCESSIBLE, D));
        }
        assertEquals(2, machine(vss).existingSnapshots().size());
        try (BackupComponents third = components(vss)) {
            prepareSet(third, VssContext.CLIENT_ACCESSIBLE, C, D);
            try (VssAsync snapshot = third.doSnapshotSet()) {   // documented: through QueryStatus only
                VssException thrown = assertThrows(VssException.class, () -> snapshot.await(BOUND));
                assertEquals(VssError.VSS_E_INSUFFICIENT_STORAGE, thrown.error());
            }
            third.abortBackup();
        }
        assertEquals(2, machine(vss).existingSnapshots().size(),
                "no copy of any volume of the failed set, C: included");

        try (BackupComponents admin = components(vss)) {   // deleting a copy gives its storage back
            admin.initializeForBackup();
            admin.setContext(VssContext.CLIENT_ACCESSIBLE);
            assertEquals(1, admin.deleteSnapshot(kept.get(0), false));
        }
        try (BackupComponents retry = components(vss)) {
            snapshot(retry, VssContext.CLIENT_ACCESSIBLE, D);
        }
        assertEquals(2, machine(vss).existingSnapshots().size());
    }

    @Test
    void theCopyLimitOfAVolumeRefusesAddToSnapshotSet() throws Exception {
        Vss vss = vss(Simulation.builder().volume(SimulatedVolume.of(C).withMaxShadowCopies(1)).build());
        try (BackupComponents first = components(vss)) {
            snapshot(first, VssContext.NAS_ROLLBACK, C);
        }
        try (BackupComponents second = components(vss)) {
            initialize(second, VssContext.NAS_ROLLBACK);
            second.startSnapshotSet();
            VssException thrown = assertThrows(VssException.class, () -> second.addToSnapshotSet(C));
            assertEquals(VssError.VSS_E_MAXIMUM_NUMBER_OF_SNAPSHOTS_REACHED, thrown.error());
            second.abortBackup();
        }
    }

    @Test
    void autoReleaseCopiesCountAgainstTheLimitOnlyWhileTheirObjectLives() throws Exception {
        Vss vss = vss(Simulation.builder().volume(SimulatedVolume.of(C).withMaxShadowCopies(1)).build());
        try (BackupComponents first = components(vss)) {
            snapshot(first, VssContext.FILE_SHARE_BACKUP, C);
            try (BackupComponents meanwhile = components(vss)) {
                initialize(meanwhile, VssContext.FILE_SHARE_BACKUP);
                assertEquals(VssError.VSS_E_BAD_STATE, assertThrows(VssException.class,
                        () -> meanwhile.addToSnapshotSet(C)).error(), "no set started");
            }
        }
        try (BackupComponents second = components(vss)) {
            snapshot(second, VssContext.FILE_SHARE_BACKUP, C);
        }
    }

    @Test
    void anUnsupportedVolumeAndAnUnknownOneAreRefused() throws Exception {
        Vss vss = vss(Simulation.builder().volume(C).volume(SimulatedVolume.of("E:\\").unsupported()).build());
        BackupComponents backup = components(vss);
        initialize(backup, VssContext.FILE_SHARE_BACKUP);
        assertTrue(backup.isVolumeSupported("c:\\"), "names ignore case");
        assertEquals(false, backup.isVolumeSupported("E:\\"));
        backup.startSnapshotSet();
        assertEquals(VssError.VSS_E_VOLUME_NOT_SUPPORTED,
                assertThrows(VssException.class, () -> backup.addToSnapshotSet("E:\\")).error());
        assertEquals(VssError.VSS_E_OBJECT_NOT_FOUND,
                assertThrows(VssException.class, () -> backup.addToSnapshotSet("Z:\\")).error());
        backup.abortBackup();
    }
}
