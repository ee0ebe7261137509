package io.github.vss4j.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.vss4j.BackupComponents;
import io.github.vss4j.BackupType;
import io.github.vss4j.ComponentDependency;
import io.github.vss4j.ComponentType;
import io.github.vss4j.FileDescriptor;
import io.github.vss4j.Operation;
import io.github.vss4j.SimulatedVssTest;
import io.github.vss4j.RecordedComponent;
import io.github.vss4j.RestoreMethod;
import io.github.vss4j.Vss;
import io.github.vss4j.VssContext;
import io.github.vss4j.VssError;
import io.github.vss4j.VssException;
import io.github.vss4j.WriterComponent;
import io.github.vss4j.WriterMetadata;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Writer components through the low-level API on the simulator: metadata in full, AddComponent, SetBackupSucceeded
 * and SaveAsXML with VSS's order and errors, and bad input refused before it reaches VSS.
 */
class WriterComponentsTest extends SimulatedVssTest {
    private static final String DATA_VOLUME = "\\\\?\\Volume{0000000d-0000-0000-0000-00000000000d}\\";
    private static final String LOG_VOLUME = "\\\\?\\Volume{0000000e-0000-0000-0000-00000000000e}\\";
    private static final SimulatedWriter SQL = SimulatedWriter.named("SqlServerWriter")
            .withRestoreMethod(new RestoreMethod(3, "MSSQLSERVER", "", 2, false, 0))
            .withBackupSchema(0x12)
            .excluding("D:\\SQL\\Temp", "*.tmp", true)
            .withComponent(SimulatedComponent.database("INSTANCE1", "db1").caption("Sales")
                    .databaseFile("D:\\SQL\\Data", "db1.mdf").logFile("E:\\SQL\\Logs", "db1_log.ldf")
                    .notifyOnBackupComplete(true)
                    .dependsOn(SimulatedWriter.named("SqlServerWriter").writerId(), "INSTANCE1", "master"))
            .withComponent(SimulatedComponent.database("INSTANCE1", "master").selectableForBackup(false)
                    .databaseFile("C:\\SQL\\System", "master.mdf"))
            .withComponent(SimulatedComponent.fileGroup("", "Config").file("c:\\app", "*.ini", true));

    private Vss sqlMachine() {
        return vss(Simulation.builder().volume(C)
                .volume(SimulatedVolume.of(D).withGuidName(DATA_VOLUME))
                .volume(SimulatedVolume.of("E:\\").withGuidName(LOG_VOLUME))
                .writer(SQL).build());
    }

    /** Initialized in component mode, metadata gathered. */
    private static void gatherInComponentMode(BackupComponents backup) throws Exception {
        backup.initializeForBackup();
        backup.setBackupState(true, false, BackupType.FULL, false);
        await(backup.gatherWriterMetadata());
    }

    private static void addDb1(BackupComponents backup) throws VssException {
        backup.addComponent(SQL.instanceId(), SQL.writerId(), ComponentType.DATABASE, "INSTANCE1", "db1");
    }

    private static void snapshotD(BackupComponents backup) throws Exception {
        backup.startSnapshotSet();
        backup.addToSnapshotSet(D);
        await(backup.prepareForBackup());
        await(backup.doSnapshotSet());
    }

    @Test
    void metadataReportsEveryComponentWithItsFilesVolumesAndDependencies() throws Exception {
        BackupComponents backup = components(sqlMachine());
        gatherInComponentMode(backup);
        WriterMetadata sql = backup.getWriterMetadata().get(0);
        assertEquals(new RestoreMethod(3, "MSSQLSERVER", "", 2, false, 0), sql.restoreMethod());
        assertEquals(0x12, sql.backupSchema());
        assertEquals(List.of(new FileDescriptor("D:\\SQL\\Temp", "*.tmp", true, "", DATA_VOLUME)), sql.excludeFiles());
        assertEquals(List.of("db1", "master", "Config"), sql.components().stream().map(WriterComponent::name).toList());
        WriterComponent db1 = sql.component("INSTANCE1", "db1").orElseThrow();
        assertEquals(ComponentType.DATABASE, db1.type());
        assertEquals("Sales", db1.caption());
        assertTrue(db1.selectableForBackup());
        assertTrue(db1.notifyOnBackupComplete());
        assertEquals(List.of(new FileDescriptor("D:\\SQL\\Data", "db1.mdf", false, "", DATA_VOLUME)),
                db1.databaseFiles());
        assertEquals(List.of(new FileDescriptor("E:\\SQL\\Logs", "db1_log.ldf", false, "", LOG_VOLUME)), db1.logFiles());
        assertEquals(Set.of(DATA_VOLUME, LOG_VOLUME), db1.volumes());
        assertEquals(List.of(new ComponentDependency(SQL.writerId(), "INSTANCE1", "master")), db1.dependencies());
        assertFalse(sql.component("INSTANCE1", "master").orElseThrow().selectableForBackup());
        WriterComponent config = sql.component(null, "Config").orElseThrow();
        assertEquals(ComponentType.FILE_GROUP, config.type());
        assertTrue(config.files().get(0).recursive());
        assertTrue(config.files().get(0).volume().startsWith("\\\\?\\Volume{"), config.files().get(0).volume());
        assertEquals(Optional.empty(), sql.component("INSTANCE1", "nope"));
    }

    @Test
    void aComponentBackupTellsTheWriterAndSavesTheDocument() throws Exception {
        Vss vss = sqlMachine();
        BackupComponents backup = components(vss);
        gatherInComponentMode(backup);
        addDb1(backup);
        snapshotD(backup);
        assertEquals(List.of(), machine(vss).componentOutcomes(), "not told before SetBackupSucceeded");
        backup.setBackupSucceeded(SQL.instanceId(), SQL.writerId(), ComponentType.DATABASE, "INSTANCE1", "db1", true);
        String document = backup.saveAsXml();
        String stamp = backup.getWriterComponents().get(0).backupStamp();
        await(backup.backupComplete());
        assertEquals(Optional.of(true), machine(vss).backupSucceeded("SqlServerWriter", "INSTANCE1", "db1"));
        assertEquals(List.of(new ComponentOutcome(SQL.instanceId(), SQL.writerId(), "SqlServerWriter", "INSTANCE1",
                "db1", true, BackupType.FULL, stamp, "", "", 0)), machine(vss).componentOutcomes());
        assertTrue(document.contains("componentName=\"db1\""), document);
        assertTrue(document.contains("backupSucceeded=\"yes\""), document);
        assertTrue(document.contains("backupStamp="), document);
        assertFalse(document.contains("master"), document);
        // The document is what a later InitializeForBackup takes.
        try (BackupComponents again = vss.createBackupComponents()) {
            again.initializeForBackup(document);
        }
    }

    @Test
    void writerComponentsReadBackTheStampAndTheOutcome() throws Exception {
        BackupComponents backup = components(sqlMachine());
        gatherInComponentMode(backup);
        assertError(VssError.VSS_E_BAD_STATE, Operation.GET_WRITER_COMPONENTS, backup::getWriterComponents);
        addDb1(backup);
        snapshotD(backup);
        backup.setBackupSucceeded(SQL.instanceId(), SQL.writerId(), ComponentType.DATABASE, "INSTANCE1", "db1", true);
        List<RecordedComponent> recorded = backup.getWriterComponents();
        assertEquals(1, recorded.size());
        RecordedComponent db1 = recorded.get(0);
        assertEquals(SQL.instanceId(), db1.instanceId());
        assertEquals(ComponentType.DATABASE, db1.type());
        assertEquals("db1", db1.componentName());
        assertTrue(db1.backupSucceeded());
        assertFalse(db1.backupStamp().isEmpty());
        assertTrue(backup.saveAsXml().contains("backupStamp=\"" + db1.backupStamp() + "\""));
    }

    @Test
    void aFailedComponentIsToldSo() throws Exception {
        Vss vss = sqlMachine();
        BackupComponents backup = components(vss);
        gatherInComponentMode(backup);
        addDb1(backup);
        backup.addComponent(SQL.instanceId(), SQL.writerId(), ComponentType.FILE_GROUP, null, "Config");
        snapshotD(backup);
        backup.setBackupSucceeded(SQL.instanceId(), SQL.writerId(), ComponentType.DATABASE, "INSTANCE1", "db1", false);
        assertEquals(Optional.of(false), machine(vss).backupSucceeded("SqlServerWriter", "INSTANCE1", "db1"));
        assertEquals(Optional.empty(), machine(vss).backupSucceeded("SqlServerWriter", "", "Config"));
    }

    @Test
    void vssOrderAndErrorsApply() throws Exception {
        BackupComponents backup = components(sqlMachine());
        backup.initializeForBackup();
        backup.setBackupState(true, false, BackupType.FULL, false);
        assertError(VssError.VSS_E_BAD_STATE, Operation.ADD_COMPONENT, () -> addDb1(backup));
        await(backup.gatherWriterMetadata());
        assertError(VssError.VSS_E_OBJECT_NOT_FOUND, Operation.ADD_COMPONENT, () -> backup.addComponent(
                SQL.instanceId(), SQL.writerId(), ComponentType.DATABASE, "INSTANCE1", "db9"));
        addDb1(backup);
        assertError(VssError.VSS_E_OBJECT_ALREADY_EXISTS, Operation.ADD_COMPONENT, () -> addDb1(backup));
        assertError(VssError.VSS_E_BAD_STATE, Operation.SET_BACKUP_SUCCEEDED, () -> backup.setBackupSucceeded(
                SQL.instanceId(), SQL.writerId(), ComponentType.DATABASE, "INSTANCE1", "db1", true));
        snapshotD(backup);
        assertError(VssError.VSS_E_OBJECT_NOT_FOUND, Operation.SET_BACKUP_SUCCEEDED, () -> backup.setBackupSucceeded(
                SQL.instanceId(), SQL.writerId(), ComponentType.FILE_GROUP, null, "Config", true));
    }

    @Test
    void optionsAndThePreviousStampGoIntoTheDocumentBeforePrepare() throws Exception {
        BackupComponents backup = components(sqlMachine());
        gatherInComponentMode(backup);
        assertError(VssError.VSS_E_OBJECT_NOT_FOUND, Operation.SET_PREVIOUS_BACKUP_STAMP, () -> backup
                .setPreviousBackupStamp(SQL.writerId(), ComponentType.DATABASE, "INSTANCE1", "db1", "stamp-1"));
        addDb1(backup);
        backup.setPreviousBackupStamp(SQL.writerId(), ComponentType.DATABASE, "INSTANCE1", "db1", "stamp-1");
        backup.setBackupOptions(SQL.writerId(), ComponentType.DATABASE, "INSTANCE1", "db1", "COPY_ONLY");
        String document = backup.saveAsXml();
        assertTrue(document.contains("previousBackupStamp=\"stamp-1\""), document);
        assertTrue(document.contains("backupOptions=\"COPY_ONLY\""), document);
        assertThrows(IllegalArgumentException.class, () -> backup.setBackupOptions(SQL.writerId(),
                ComponentType.DATABASE, "INSTANCE1", "db1", "a\0b"));
        assertThrows(NullPointerException.class, () -> backup.setPreviousBackupStamp(SQL.writerId(),
                ComponentType.DATABASE, "INSTANCE1", "db1", null));
        snapshotD(backup);
        assertError(VssError.VSS_E_BAD_STATE, Operation.SET_BACKUP_OPTIONS, () -> backup.setBackupOptions(
                SQL.writerId(), ComponentType.DATABASE, "INSTANCE1", "db1", "late"));
    }

    @Test
    void addComponentNeedsComponentMode() throws Exception {
        BackupComponents backup = components(sqlMachine());
        initialize(backup, VssContext.BACKUP);  // SetBackupState(selectComponents = false)
        assertError(VssError.VSS_E_BAD_STATE, Operation.ADD_COMPONENT, () -> addDb1(backup));
    }

    @Test
    void saveAsXmlNeedsAnInitializedObject() throws Exception {
        BackupComponents backup = components(sqlMachine());
        assertError(VssError.VSS_E_BAD_STATE, Operation.SAVE_AS_XML, backup::saveAsXml);
        backup.initializeForBackup();
        assertTrue(backup.saveAsXml().contains("<BACKUP_COMPONENTS"));
    }

    @Test
    void badNamesAreRefusedWithTheValueAndTheRule() throws Exception {
        BackupComponents backup = components(sqlMachine());
        gatherInComponentMode(backup);
        IllegalArgumentException nul = assertThrows(IllegalArgumentException.class, () -> backup.addComponent(
                SQL.instanceId(), SQL.writerId(), ComponentType.DATABASE, "INST\0ANCE", "db1"));
        assertTrue(nul.getMessage().contains("INST\\0ANCE") && nul.getMessage().contains("NUL"), nul.getMessage());
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class, () -> backup.addComponent(
                SQL.instanceId(), SQL.writerId(), ComponentType.DATABASE, "INSTANCE1", ""));
        assertTrue(empty.getMessage().contains("empty"), empty.getMessage());
        String huge = "x".repeat(40_000);
        IllegalArgumentException tooLong = assertThrows(IllegalArgumentException.class, () -> backup.addComponent(
                SQL.instanceId(), SQL.writerId(), ComponentType.DATABASE, huge, "db1"));
        assertTrue(tooLong.getMessage().contains("40000") && tooLong.getMessage().contains("32767"),
                tooLong.getMessage());
        assertThrows(IllegalArgumentException.class, () -> backup.addComponent(SQL.instanceId(), SQL.writerId(),
                ComponentType.UNDEFINED, "INSTANCE1", "db1"));
        assertThrows(NullPointerException.class, () -> backup.addComponent(null, SQL.writerId(),
                ComponentType.DATABASE, "INSTANCE1", "db1"));
        assertThrows(NullPointerException.class, () -> backup.addComponent(SQL.instanceId(), SQL.writerId(),
                ComponentType.DATABASE, "INSTANCE1", null));
        // Nothing reached VSS: the same component can still be added.
        addDb1(backup);
    }

    @Test
    void theSimulatorRefusesAWriterThatDeclaresAComponentTwiceOrFilesOfTheWrongKind() {
        SimulatedComponent db = SimulatedComponent.database("", "db");
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> SimulatedWriter.named("W").withComponent(db).withComponent(db));
        assertTrue(twice.getMessage().contains("twice"), twice.getMessage());
        assertThrows(IllegalArgumentException.class, () -> db.file("C:\\x", "*", false));
        assertThrows(IllegalArgumentException.class, () -> SimulatedComponent.fileGroup("", "g").logFile("C:\\x", "*"));
        assertThrows(IllegalArgumentException.class, () -> SimulatedComponent.fileGroup("", ""));
    }
}
