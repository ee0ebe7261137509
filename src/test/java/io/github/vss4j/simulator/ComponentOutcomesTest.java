package io.github.vss4j.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.vss4j.BackupComponents;
import io.github.vss4j.BackupType;
import io.github.vss4j.ComponentType;
import io.github.vss4j.RecordedComponent;
import io.github.vss4j.SimulatedVssTest;
import io.github.vss4j.Vss;
import io.github.vss4j.VssError;
import io.github.vss4j.WriterState;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What a simulated writer records per component (backup type, options, previous stamp, its own stamp,
 * SetBackupSucceeded), and components that fail on their own at a phase while their writer carries on.
 */
class ComponentOutcomesTest extends SimulatedVssTest {
    private static final SimulatedWriter SQL = SimulatedWriter.named("SqlServerWriter")
            .withBackupSchema(0x2)
            .withComponent(SimulatedComponent.database("INSTANCE1", "db1").databaseFile("D:\\SQL", "db1.mdf"))
            .withComponent(SimulatedComponent.database("INSTANCE1", "db2").databaseFile("D:\\SQL", "db2.mdf")
                    .failingAt(WriterPhase.FREEZE, VssError.VSS_E_WRITERERROR_NONRETRYABLE));

    private Vss machineWith(SimulatedWriter writer) {
        return vss(Simulation.builder().volume(C).volume(D).writer(writer).build());
    }

    /** db1 and db2 of SQL backed up as {@code type}, up to finished copies; db1 carries options and a stamp. */
    private static void backUpBoth(BackupComponents backup, BackupType type, String previousStamp) throws Exception {
        backup.initializeForBackup();
        backup.setBackupState(true, false, type, false);
        await(backup.gatherWriterMetadata());
        for (String name : List.of("db1", "db2")) {
            backup.addComponent(SQL.instanceId(), SQL.writerId(), ComponentType.DATABASE, "INSTANCE1", name);
        }
        backup.setBackupOptions(SQL.writerId(), ComponentType.DATABASE, "INSTANCE1", "db1", "COPY_ONLY=0");
        if (!previousStamp.isEmpty()) {
            backup.setPreviousBackupStamp(SQL.writerId(), ComponentType.DATABASE, "INSTANCE1", "db1", previousStamp);
        }
        backup.startSnapshotSet();
        backup.addToSnapshotSet(D);
        await(backup.prepareForBackup());
        await(backup.doSnapshotSet());
    }

    private static void tell(BackupComponents backup, String name, boolean succeeded) throws Exception {
        backup.setBackupSucceeded(SQL.instanceId(), SQL.writerId(), ComponentType.DATABASE, "INSTANCE1", name,
                succeeded);
    }

    @Test
    void theWriterWasToldDb1SucceededAndDb2Failed() throws Exception {
        Vss vss = machineWith(SQL);
        BackupComponents backup = components(vss);
        backUpBoth(backup, BackupType.FULL, "");
        tell(backup, "db1", true);
        tell(backup, "db2", false);
        await(backup.backupComplete());
        Map<String, Boolean> told = machine(vss).componentOutcomes().stream()
                .collect(Collectors.toMap(ComponentOutcome::componentName, ComponentOutcome::succeeded));
        assertEquals(Map.of("db1", true, "db2", false), told);
        ComponentOutcome db1 = machine(vss).componentOutcome("SqlServerWriter", "INSTANCE1", "db1").orElseThrow();
        assertEquals(BackupType.FULL, db1.backupType());
        assertEquals("COPY_ONLY=0", db1.backupOptions());
        assertFalse(db1.backupStamp().isEmpty());
        assertFalse(db1.failed());
    }

    @Test
    void aComponentFailsAloneAndGetWriterComponentsReportsIt() throws Exception {
        Vss vss = machineWith(SQL);
        BackupComponents backup = components(vss);
        backUpBoth(backup, BackupType.FULL, "");
        Map<String, RecordedComponent> recorded = backup.getWriterComponents().stream()
                .collect(Collectors.toMap(RecordedComponent::componentName, c -> c));
        assertFalse(recorded.get("db1").failed());
        assertFalse(recorded.get("db1").backupStamp().isEmpty());
        assertTrue(recorded.get("db2").failed());
        assertEquals(VssError.VSS_E_WRITERERROR_NONRETRYABLE, recorded.get("db2").failureError());
        assertEquals("", recorded.get("db2").backupStamp(), "failed before the copies existed: not stamped");
        // The writer itself carries on (inferred: Windows keeps component failures apart from the writer's).
        assertEquals(WriterState.WAITING_FOR_BACKUP_COMPLETE,
                machine(vss).writerState("SqlServerWriter").orElseThrow().state());
        tell(backup, "db2", false);
        assertEquals(VssError.VSS_E_WRITERERROR_NONRETRYABLE.hresult(),
                machine(vss).componentOutcome("SqlServerWriter", "INSTANCE1", "db2").orElseThrow().failure());
        await(backup.backupComplete());
    }

    @Test
    void aDifferentialPassesTheFullBackupsStampBack() throws Exception {
        Vss vss = machineWith(SQL);
        String stamp;
        try (BackupComponents full = vss.createBackupComponents()) {
            backUpBoth(full, BackupType.FULL, "");
            stamp = full.getWriterComponents().stream().filter(c -> c.componentName().equals("db1")).findFirst()
                    .orElseThrow().backupStamp();
        }
        BackupComponents differential = components(vss);
        backUpBoth(differential, BackupType.DIFFERENTIAL, stamp);
        tell(differential, "db1", true);
        ComponentOutcome db1 = machine(vss).componentOutcome("SqlServerWriter", "INSTANCE1", "db1").orElseThrow();
        assertEquals(BackupType.DIFFERENTIAL, db1.backupType());
        assertEquals(stamp, db1.previousBackupStamp());
        assertNotEquals(stamp, db1.backupStamp(), "a new backup, a new stamp");
    }

    @Test
    void badComponentFaultsAreRefusedWithTheRule() {
        SimulatedComponent db = SimulatedComponent.database("INSTANCE1", "db1");
        IllegalArgumentException identify = assertThrows(IllegalArgumentException.class,
                () -> db.failingAt(WriterPhase.IDENTIFY, VssError.VSS_E_WRITERERROR_RETRYABLE));
        assertTrue(identify.getMessage().contains("IDENTIFY"), identify.getMessage());
        assertThrows(IllegalArgumentException.class, () -> db.failingAt(WriterPhase.NONE, 0x800423F3));
        assertThrows(IllegalArgumentException.class, () -> db.failingAt(WriterPhase.FREEZE, 0));
        assertThrows(IllegalArgumentException.class, () -> db.failingAt(WriterPhase.FREEZE, VssError.UNKNOWN));
        assertThrows(NullPointerException.class, () -> db.failingAt(null, VssError.VSS_E_WRITERERROR_RETRYABLE));
        ComponentFault stray = new ComponentFault(ComponentType.DATABASE, "INSTANCE1", "db9", WriterPhase.FREEZE,
                VssError.VSS_E_WRITERERROR_RETRYABLE.hresult());
        SimulatedWriter w = SimulatedWriter.named("W").withComponent(db);
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> new SimulatedWriter(w.name(), w.writerId(), w.instanceId(), w.failsAt(), w.failure(),
                        w.hangs(), w.restoreMethod(), w.backupSchema(), w.excludeFiles(), w.components(),
                        List.of(stray)));
        assertTrue(unknown.getMessage().contains("db9"), unknown.getMessage());
        assertEquals(Optional.empty(), db.fault());
        assertEquals(List.of(), w.componentFaults());
        assertEquals(1, SQL.componentFaults().size());
    }
}
