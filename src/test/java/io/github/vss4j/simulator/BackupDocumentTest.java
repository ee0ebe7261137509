package io.github.vss4j.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.vss4j.BackupComponents;
import io.github.vss4j.BackupType;
import io.github.vss4j.ComponentType;
import io.github.vss4j.RecordedComponent;
import io.github.vss4j.SimulatedVssTest;
import io.github.vss4j.Vss;
import io.github.vss4j.VssError;
import io.github.vss4j.VssException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Backup Components Document round-trips: what SaveAsXML wrote, InitializeForBackup loads on the same machine,
 * and GetWriterComponents and SaveAsXML reflect it; a document from another machine, a damaged one or one that is
 * not XML is VSS_E_INVALID_XML_DOCUMENT.
 */
class BackupDocumentTest extends SimulatedVssTest {
    private static final SimulatedWriter SQL = SimulatedWriter.named("SqlServerWriter")
            .withComponent(SimulatedComponent.database("INSTANCE1", "db1").databaseFile("D:\\SQL", "db1.mdf"));

    private Vss machineNamed(String name) {
        return vss(Simulation.builder().volume(C).volume(D).writer(SQL).machineName(name).build());
    }

    /** A finished component-mode backup of db1, told it succeeded: its document. */
    private static String backUpDb1(Vss vss) throws Exception {
        try (BackupComponents backup = vss.createBackupComponents()) {
            backup.initializeForBackup();
            backup.setBackupState(true, false, BackupType.FULL, false);
            await(backup.gatherWriterMetadata());
            backup.addComponent(SQL.instanceId(), SQL.writerId(), ComponentType.DATABASE, "INSTANCE1", "db1");
            backup.setBackupOptions(SQL.writerId(), ComponentType.DATABASE, "INSTANCE1", "db1", "a<b & \"c\"");
            backup.startSnapshotSet();
            backup.addToSnapshotSet(D);
            await(backup.prepareForBackup());
            await(backup.doSnapshotSet());
            backup.setBackupSucceeded(SQL.instanceId(), SQL.writerId(), ComponentType.DATABASE, "INSTANCE1", "db1",
                    true);
            await(backup.backupComplete());
            return backup.saveAsXml();
        }
    }

    @Test
    void aSavedDocumentLoadsBackWhole() throws Exception {
        Vss vss = machineNamed("HOST1");
        String document = backUpDb1(vss);
        BackupComponents again = components(vss);
        again.initializeForBackup(document);
        List<RecordedComponent> recorded = again.getWriterComponents();
        assertEquals(1, recorded.size());
        RecordedComponent db1 = recorded.get(0);
        assertEquals(SQL.instanceId(), db1.instanceId());
        assertEquals("db1", db1.componentName());
        assertTrue(db1.backupSucceeded());
        assertEquals("a<b & \"c\"", db1.backupOptions());
        assertTrue(db1.backupStamp().startsWith("{"), db1.backupStamp());
        assertEquals(document, again.saveAsXml(), "written again, the same document");
    }

    @Test
    void aForeignDamagedOrNonXmlDocumentIsRefused() throws Exception {
        String foreign = backUpDb1(machineNamed("HOST1"));
        Vss vss = machineNamed("HOST2");
        for (String document : List.of(foreign, foreign.replace("backupType=\"full\"", "backupType=\"weekly\""),
                foreign.replace("HOST1", "HOST2").replace("componentType=\"database\"", ""),
                foreign.substring(0, foreign.length() / 2), "<BACKUP/>", "not xml")) {
            try (BackupComponents backup = vss.createBackupComponents()) {
                VssException e = assertThrows(VssException.class, () -> backup.initializeForBackup(document));
                assertEquals(VssError.VSS_E_INVALID_XML_DOCUMENT, e.error(), document);
                // Nothing half-done: the object was not initialized, and a good start still works.
                backup.initializeForBackup();
            }
        }
    }
}
