package io.github.vss4j.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.vss4j.BackupComponents;
import io.github.vss4j.BackupType;
import io.github.vss4j.ComponentType;
import io.github.vss4j.FileRestoreStatus;
import io.github.vss4j.Operation;
import io.github.vss4j.RecordedComponent;
import io.github.vss4j.RestoreTarget;
import io.github.vss4j.RestoreType;
import io.github.vss4j.SimulatedVssTest;
import io.github.vss4j.Vss;
import io.github.vss4j.VssError;
import io.github.vss4j.VssException;
import io.github.vss4j.WriterMetadata;
import io.github.vss4j.WriterState;
import io.github.vss4j.WriterStatus;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The restore calls through the low-level API on the simulator: a component-mode backup, its document, then a new
 * object initialized for restore that selects components, runs PreRestore (the writer chooses restore targets),
 * reports file restore status and runs PostRestore; the documented errors for bad documents, components the
 * document does not hold, restore calls on a backup object and calls out of order; bad input refused before VSS.
 */
class RestoreCallsTest extends SimulatedVssTest {
    private static final String INSTANCE = "VSS4J-SIM";
    private static final SimulatedWriter SQL = CommonWriters.sqlServer("sales", "hr");

    private static Simulation machineWith(SimulatedWriter sql) {
        return Simulation.builder().volume(C).volume(D).writer(sql).build();
    }

    /** A finished component-mode backup of sales and hr on {@code vss}: its Backup Components Document. */
    private String backupDocument(Vss vss) throws Exception {
        try (BackupComponents backup = vss.createBackupComponents()) {
            backup.initializeForBackup();
            backup.setBackupState(true, false, BackupType.FULL, false);
            await(backup.gatherWriterMetadata());
            for (String database : List.of("sales", "hr")) {
                backup.addComponent(SQL.instanceId(), SQL.writerId(), ComponentType.DATABASE, INSTANCE, database);
            }
            backup.startSnapshotSet();
            backup.addToSnapshotSet(D);
            await(backup.prepareForBackup());
            await(backup.doSnapshotSet());
            for (String database : List.of("sales", "hr")) {
                backup.setBackupSucceeded(SQL.instanceId(), SQL.writerId(), ComponentType.DATABASE, INSTANCE,
                        database, true);
            }
            String document = backup.saveAsXml();
            await(backup.backupComplete());
            return document;
        }
    }

    /** A new object initialized for restore from {@code document}, writer metadata gathered. */
    private BackupComponents restoring(Vss vss, String document) throws Exception {
        BackupComponents restore = components(vss);
        restore.initializeForRestore(document);
        await(restore.gatherWriterMetadata());
        return restore;
    }

    /** A restore of hr from a backup on {@code vss}, up to a finished PreRestore. */
    private BackupComponents hrPreRestored(Vss vss) throws Exception {
        BackupComponents restore = restoring(vss, backupDocument(vss));
        select(restore, "hr");
        await(restore.preRestore());
        return restore;
    }

    private static void select(BackupComponents restore, String database) throws VssException {
        restore.setSelectedForRestore(SQL.instanceId(), SQL.writerId(), ComponentType.DATABASE, INSTANCE, database,
                true);
    }

    private static RecordedComponent recorded(BackupComponents restore, String database) throws VssException {
        return restore.getWriterComponents().stream().filter(c -> c.componentName().equals(database)).findFirst()
                .orElseThrow();
    }

    private static WriterStatus sqlStatus(BackupComponents restore) throws Exception {
        await(restore.gatherWriterStatus());
        return restore.getWriterStatus().get(0);
    }

    @Test
    void aBackupDocumentIsRestoredThroughEveryCallInOrder() throws Exception {
        Vss vss = vss(machineWith(SQL.withComponent(SimulatedComponent.database("Other", "archive"))));
        String document = backupDocument(vss);
        BackupComponents restore = restoring(vss, document);
        WriterMetadata sql = restore.getWriterMetadata().get(0);
        assertEquals(CommonWriters.SQL_SERVER_RESTORE, sql.restoreMethod());
        select(restore, "sales");
        restore.setRestoreOptions(SQL.writerId(), ComponentType.DATABASE, INSTANCE, "sales", "WITH NORECOVERY");
        restore.setAdditionalRestores(SQL.writerId(), ComponentType.DATABASE, INSTANCE, "sales", true);
        restore.addNewTarget(SQL.writerId(), ComponentType.DATABASE, INSTANCE, "sales", "D:\\SQL\\Logs", "*.ldf",
                false, "E:\\Logs");
        restore.setRestoreState(RestoreType.BY_COPY);
        await(restore.preRestore());

        RecordedComponent sales = recorded(restore, "sales");
        assertTrue(sales.selectedForRestore());
        assertTrue(sales.additionalRestores());
        assertEquals("WITH NORECOVERY", sales.restoreOptions());
        assertEquals(RestoreTarget.ORIGINAL, sales.restoreTarget());
        assertEquals("", sales.preRestoreFailureMessage());
        assertFalse(recorded(restore, "hr").selectedForRestore());
        assertEquals(RestoreTarget.UNDEFINED, recorded(restore, "hr").restoreTarget());
        assertEquals(WriterState.STABLE, sqlStatus(restore).state());

        restore.setFileRestoreStatus(SQL.writerId(), ComponentType.DATABASE, INSTANCE, "sales", FileRestoreStatus.ALL);
        await(restore.postRestore());
        assertEquals(FileRestoreStatus.ALL, recorded(restore, "sales").fileRestoreStatus());
        assertEquals(WriterState.STABLE, sqlStatus(restore).state());
        restore.close();

        ComponentRestore told = machine(vss).componentRestore("SqlServerWriter", INSTANCE, "sales").orElseThrow();
        assertEquals(FileRestoreStatus.ALL, told.fileRestoreStatus());  // the SQL writer restored sales, status ALL
        assertEquals(RestoreType.BY_COPY, told.restoreType());
        assertEquals("WITH NORECOVERY", told.restoreOptions());
        assertTrue(told.additionalRestores());
        assertEquals(List.of(new RestoredFiles("D:\\SQL\\Logs", "*.ldf", false, "E:\\Logs")), told.newTargets());
        assertEquals(List.of(), told.alternateLocations());
        assertTrue(told.postRestoreDone());
        assertFalse(told.failed());
        assertEquals(Optional.empty(), machine(vss).componentRestore("SqlServerWriter", INSTANCE, "hr"));
    }

    @Test
    void aWriterRestoresAComponentWhereItWasToldTo() throws Exception {
        SimulatedWriter sql = new SimulatedWriter(SQL.name(), SQL.writerId(), SQL.instanceId(), WriterPhase.NONE, 0,
                false).withComponent(SimulatedComponent.database(INSTANCE, "sales").databaseFile("D:\\SQL", "s.mdf")
                        .restoreTarget(RestoreTarget.ALTERNATE))
                .withComponent(SimulatedComponent.database(INSTANCE, "hr").databaseFile("D:\\SQL", "hr.mdf"));
        Vss vss = vss(machineWith(sql));
        BackupComponents restore = restoring(vss, backupDocument(vss));
        select(restore, "sales");
        await(restore.preRestore());
        assertEquals(RestoreTarget.ALTERNATE, recorded(restore, "sales").restoreTarget());
    }

    @Test
    void aWriterFailingAtPreRestoreShowsItInItsStatusAndTheComponentsMessage() throws Exception {
        Vss vss = vss(machineWith(SQL.failingAt(WriterPhase.PRE_RESTORE, VssError.VSS_E_WRITERERROR_RETRYABLE)));
        BackupComponents restore = hrPreRestored(vss);
        WriterStatus status = sqlStatus(restore);
        assertEquals(WriterState.FAILED_AT_PRE_RESTORE, status.state());
        assertEquals(VssError.VSS_E_WRITERERROR_RETRYABLE.hresult(), status.failure());
        assertTrue(recorded(restore, "hr").preRestoreFailureMessage().contains("0x800423F3"),
                recorded(restore, "hr").preRestoreFailureMessage());
    }

    @Test
    void aWriterFailingAtPostRestoreShowsItInItsStatusAndTheComponentsMessage() throws Exception {
        Vss vss = vss(machineWith(SQL.failingAt(WriterPhase.POST_RESTORE, VssError.VSS_E_WRITERERROR_NONRETRYABLE)));
        BackupComponents restore = hrPreRestored(vss);
        restore.setFileRestoreStatus(SQL.writerId(), ComponentType.DATABASE, INSTANCE, "hr", FileRestoreStatus.FAILED);
        await(restore.postRestore());
        assertEquals(WriterState.FAILED_AT_POST_RESTORE, sqlStatus(restore).state());
        assertFalse(recorded(restore, "hr").postRestoreFailureMessage().isEmpty());
        ComponentRestore told = machine(vss).componentRestore("SqlServerWriter", INSTANCE, "hr").orElseThrow();
        assertEquals(FileRestoreStatus.FAILED, told.fileRestoreStatus());
        assertTrue(told.failed());
    }

    @Test
    void aComponentFailingAtPreRestoreGetsItsMessageWhileTheWriterStaysStable() throws Exception {
        SimulatedWriter sql = new SimulatedWriter(SQL.name(), SQL.writerId(), SQL.instanceId(), WriterPhase.NONE, 0,
                false).withComponent(SimulatedComponent.database(INSTANCE, "sales").databaseFile("D:\\SQL", "s.mdf"))
                .withComponent(SimulatedComponent.database(INSTANCE, "hr").databaseFile("D:\\SQL", "hr.mdf")
                        .failingAt(WriterPhase.PRE_RESTORE, VssError.VSS_E_WRITERERROR_NONRETRYABLE));
        Vss vss = vss(machineWith(sql));
        BackupComponents restore = hrPreRestored(vss);
        assertEquals(WriterState.STABLE, sqlStatus(restore).state());
        assertTrue(recorded(restore, "hr").preRestoreFailureMessage().contains("0x800423F4"),
                recorded(restore, "hr").preRestoreFailureMessage());
        assertEquals(0, recorded(restore, "hr").failure(), "a restore failure is not the backup's");
    }

    @Test
    void aDamagedOrForeignDocumentIsAnInvalidXmlDocument() throws Exception {
        Vss vss = vss(machineWith(SQL));
        String document = backupDocument(vss);
        String foreign = document.replace("machine=\"VSS4J-SIM\"", "machine=\"ELSEWHERE\"");
        assertFalse(foreign.equals(document), "the document names its machine");
        for (String bad : List.of(foreign, document.substring(0, document.length() / 2), "not XML", "")) {
            try (BackupComponents restore = vss.createBackupComponents()) {
                assertError(VssError.VSS_E_INVALID_XML_DOCUMENT, Operation.INITIALIZE_FOR_RESTORE,
                        () -> restore.initializeForRestore(bad));
            }
        }
    }

    @Test
    void aDocumentSavedInARestoreResumesNoBackup() throws Exception {
        Vss vss = vss(machineWith(SQL));
        String saved;
        try (BackupComponents restore = restoring(vss, backupDocument(vss))) {
            saved = restore.saveAsXml();
        }
        try (BackupComponents backup = vss.createBackupComponents()) {
            assertError(VssError.VSS_E_INVALID_XML_DOCUMENT, Operation.INITIALIZE_FOR_BACKUP,
                    () -> backup.initializeForBackup(saved));
            backup.initializeForBackup();  // nothing left half-done: the object is still new
        }
        try (BackupComponents again = restoring(vss, saved)) {
            assertFalse(again.getWriterComponents().isEmpty(), "a restore may load it");
        }
    }

    @Test
    void restoreCallsOnABackupObjectAreBadState() throws Exception {
        Vss vss = vss(machineWith(SQL));
        BackupComponents backup = components(vss);
        backup.initializeForBackup();
        backup.setBackupState(true, false, BackupType.FULL, false);
        await(backup.gatherWriterMetadata());
        assertError(VssError.VSS_E_BAD_STATE, Operation.INITIALIZE_FOR_RESTORE,
                () -> backup.initializeForRestore(backupDocument(vss)));
        assertError(VssError.VSS_E_BAD_STATE, Operation.SET_RESTORE_STATE,
                () -> backup.setRestoreState(RestoreType.BY_COPY));
        assertError(VssError.VSS_E_BAD_STATE, Operation.SET_SELECTED_FOR_RESTORE, () -> select(backup, "sales"));
        assertError(VssError.VSS_E_BAD_STATE, Operation.PRE_RESTORE, backup::preRestore);
        assertError(VssError.VSS_E_BAD_STATE, Operation.POST_RESTORE, backup::postRestore);
    }

    @Test
    void callsOutOfOrderAreBadState() throws Exception {
        Vss vss = vss(machineWith(SQL));
        String document = backupDocument(vss);
        BackupComponents restore = components(vss);
        restore.initializeForRestore(document);
        assertError(VssError.VSS_E_BAD_STATE, Operation.INITIALIZE_FOR_RESTORE,
                () -> restore.initializeForRestore(document));
        assertError(VssError.VSS_E_BAD_STATE, Operation.SET_SELECTED_FOR_RESTORE, () -> select(restore, "sales"));
        assertError(VssError.VSS_E_BAD_STATE, Operation.PRE_RESTORE, restore::preRestore);
        assertError(VssError.VSS_E_BAD_STATE, Operation.INITIALIZE_FOR_BACKUP, restore::initializeForBackup);
        await(restore.gatherWriterMetadata());
        select(restore, "sales");
        assertError(VssError.VSS_E_BAD_STATE, Operation.SET_FILE_RESTORE_STATUS, () -> restore.setFileRestoreStatus(
                SQL.writerId(), ComponentType.DATABASE, INSTANCE, "sales", FileRestoreStatus.ALL));
        assertError(VssError.VSS_E_BAD_STATE, Operation.POST_RESTORE, restore::postRestore);
        assertError(VssError.VSS_E_BAD_STATE, Operation.ABORT_BACKUP, restore::abortBackup);
    }

    @Test
    void aComponentTheDocumentDoesNotHoldIsNotFound() throws Exception {
        Vss vss = vss(machineWith(SQL));
        BackupComponents restore = restoring(vss, backupDocument(vss));
        VssException thrown = assertThrows(VssException.class, () -> select(restore, "master"));
        assertEquals(VssError.VSS_E_OBJECT_NOT_FOUND, thrown.error());
        assertTrue(thrown.getMessage().contains("master"), thrown.getMessage());
        assertError(VssError.VSS_E_OBJECT_NOT_FOUND, Operation.SET_RESTORE_OPTIONS, () -> restore.setRestoreOptions(
                SQL.writerId(), ComponentType.DATABASE, INSTANCE, "payroll", "x"));
    }

    @Test
    void badInputIsRefusedBeforeItReachesVss() throws Exception {
        Vss vss = vss(machineWith(SQL));
        BackupComponents restore = restoring(vss, backupDocument(vss));
        assertThrows(NullPointerException.class, () -> restore.setRestoreState(null));
        assertThrows(NullPointerException.class, () -> restore.setSelectedForRestore(null, null,
                ComponentType.DATABASE, INSTANCE, "sales", true));
        IllegalArgumentException undefined = assertThrows(IllegalArgumentException.class,
                () -> restore.setSelectedForRestore(null, SQL.writerId(), ComponentType.UNDEFINED, INSTANCE, "sales",
                        true));
        assertTrue(undefined.getMessage().contains("UNDEFINED"), undefined.getMessage());
        IllegalArgumentException wildcard = assertThrows(IllegalArgumentException.class,
                () -> restore.addAlternativeLocationMapping(SQL.writerId(), ComponentType.DATABASE, INSTANCE, "sales",
                        "D:\\SQL\\*", "*.mdf", false, "E:\\"));
        assertTrue(wildcard.getMessage().contains("D:\\SQL\\*") && wildcard.getMessage().contains("wildcard"),
                wildcard.getMessage());
        IllegalArgumentException directory = assertThrows(IllegalArgumentException.class,
                () -> restore.addNewTarget(SQL.writerId(), ComponentType.DATABASE, INSTANCE, "sales", "D:\\SQL",
                        "Data\\sales.mdf", false, "E:\\"));
        assertTrue(directory.getMessage().contains("Data\\sales.mdf"), directory.getMessage());
        assertThrows(IllegalArgumentException.class, () -> restore.setRestoreOptions(SQL.writerId(),
                ComponentType.DATABASE, INSTANCE, "sales", "a\0b"));
        assertThrows(NullPointerException.class, () -> restore.setFileRestoreStatus(SQL.writerId(),
                ComponentType.DATABASE, INSTANCE, "sales", null));
        try (BackupComponents fresh = vss.createBackupComponents()) {
            assertThrows(NullPointerException.class, () -> fresh.initializeForRestore(null));
            assertThrows(IllegalArgumentException.class, () -> fresh.initializeForRestore("<a>\0</a>"));
        }
        // None of it reached VSS: the selection is still open.
        select(restore, "sales");
    }
}
