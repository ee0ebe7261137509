package io.github.vss4j.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.vss4j.BackupComponents;
import io.github.vss4j.SimulatedVssTest;
import io.github.vss4j.SnapshotProperties;
import io.github.vss4j.Vss;
import io.github.vss4j.VssContext;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A machine that starts with persistent copies, as one that goes on where another left off. */
class ExistingCopiesTest extends SimulatedVssTest {
    private static final int CLIENT_ACCESSIBLE_BITS = 0x1D | 0x20000;  // the context's attributes, DIFFERENTIAL

    private static SnapshotProperties copy(String volume, int attributes, String device) {
        return new SnapshotProperties(UUID.randomUUID(), UUID.randomUUID(), 1, device, volume, "HOST", "HOST", "",
                "", BackupComponents.SYSTEM_PROVIDER, attributes, Instant.parse("2026-01-01T00:00:00Z"), 12);
    }

    @Test
    void anExistingCopyIsListedDeletedAndCountedAsOnTheMachineThatMadeIt() throws Exception {
        SnapshotProperties kept = copy("C:\\", CLIENT_ACCESSIBLE_BITS,
                "\\\\?\\GLOBALROOT\\Device\\HarddiskVolumeShadowCopy41");
        Vss vss = vss(Simulation.builder().volume(SimulatedVolume.of("C:\\").withMaxShadowCopies(2))
                .existingCopy(kept).build());
        try (BackupComponents admin = vss.createBackupComponents()) {
            admin.initializeForBackup();
            admin.setContext(VssContext.CLIENT_ACCESSIBLE);
            List<SnapshotProperties> listed = admin.query();
            assertEquals(List.of(kept.snapshotId()), listed.stream().map(SnapshotProperties::snapshotId).toList());
            assertEquals(SimulatedVolume.of("C:\\").guidName(), listed.get(0).originalVolumeName());
        }
        try (BackupComponents backup = vss.createBackupComponents()) {
            backup.initializeForBackup();
            backup.setContext(VssContext.CLIENT_ACCESSIBLE);
            backup.startSnapshotSet();
            UUID id = backup.addToSnapshotSet("C:\\");
            await(backup.doSnapshotSet());
            assertEquals("\\\\?\\GLOBALROOT\\Device\\HarddiskVolumeShadowCopy42",
                    backup.getSnapshotProperties(id).snapshotDeviceObject(), "numbers go on after the existing copy's");
        }
        try (BackupComponents admin = vss.createBackupComponents()) {
            admin.initializeForBackup();
            admin.setContext(VssContext.ALL);
            assertEquals(1, admin.deleteSnapshot(kept.snapshotId(), true));
        }
        assertEquals(1, vss.simulatedMachine().orElseThrow().existingSnapshots().size());
    }

    @Test
    void onlyPersistentCopiesOfTheMachinesVolumesCanExistBeforehand() {
        IllegalArgumentException notPersistent = assertThrows(IllegalArgumentException.class,
                () -> Simulation.builder().existingCopy(copy("C:\\", 0x20000, "\\\\?\\GLOBALROOT\\Device\\X1")));
        assertTrue(notPersistent.getMessage().contains("is not persistent"), notPersistent.getMessage());
        Simulation.Builder builder = Simulation.builder().volume("C:\\")
                .existingCopy(copy("D:\\", CLIENT_ACCESSIBLE_BITS, "\\\\?\\GLOBALROOT\\Device\\X1"));
        IllegalArgumentException noVolume = assertThrows(IllegalArgumentException.class, builder::build);
        assertTrue(noVolume.getMessage().contains("which the machine does not have"), noVolume.getMessage());
    }
}
