package io.github.vss4j.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.vss4j.BackupComponents;
import io.github.vss4j.BackupType;
import io.github.vss4j.ComponentType;
import io.github.vss4j.FileDescriptor;
import io.github.vss4j.SimulatedVssTest;
import io.github.vss4j.WriterComponent;
import io.github.vss4j.WriterMetadata;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The ready-made writers as GetWriterMetadata reports them: real names and ids, their components and volumes. */
class CommonWritersTest extends SimulatedVssTest {

    private List<WriterMetadata> metadataOf(SimulatedWriter... writers) throws Exception {
        Simulation.Builder machine = Simulation.builder().volume(C).volume(D);
        for (SimulatedWriter writer : writers) {
            machine.writer(writer);
        }
        BackupComponents backup = components(vss(machine.build()));
        backup.initializeForBackup();
        backup.setBackupState(true, false, BackupType.FULL, false);
        await(backup.gatherWriterMetadata());
        return backup.getWriterMetadata();
    }

    @Test
    void theSqlServerWriterHasTheSystemDatabasesThenTheOnesNamedWithFilesOnTheDataVolume() throws Exception {
        WriterMetadata sql = metadataOf(CommonWriters.sqlServer("sales")).get(0);
        assertEquals("SqlServerWriter", sql.writerName());
        assertEquals(UUID.fromString("a65faa63-5ea8-4ebc-9dbd-a0c4db26912a"), sql.writerId());
        assertEquals(CommonWriters.SQL_SERVER_SCHEMA, sql.backupSchema());
        assertEquals(List.of("master", "model", "msdb", "sales"),
                sql.components().stream().map(WriterComponent::name).toList());
        WriterComponent sales = sql.component("VSS4J-SIM", "sales").orElseThrow();
        assertEquals(ComponentType.DATABASE, sales.type());
        assertTrue(sales.selectableForBackup());
        assertEquals(List.of("D:\\SQL\\Data"), sales.databaseFiles().stream().map(FileDescriptor::path).toList());
        assertEquals(List.of("sales_log.ldf"), sales.logFiles().stream().map(FileDescriptor::fileSpec).toList());
        assertEquals(1, sales.volumes().size(), "data and logs on one volume");
        assertEquals("mastlog.ldf", sql.component("VSS4J-SIM", "master").orElseThrow().logFiles().get(0).fileSpec());
    }

    @Test
    void aNamedInstanceHasItsOwnLogicalPathAndFolders() throws Exception {
        WriterMetadata sql = metadataOf(CommonWriters.sqlServerInstance("HOST\\SQLEXPRESS", "C:\\Db", "D:\\Logs", "hr"))
                .get(0);
        WriterComponent hr = sql.component("HOST\\SQLEXPRESS", "hr").orElseThrow();
        assertEquals(2, hr.volumes().size(), "data on C:, logs on D:");
        assertThrows(NullPointerException.class, () -> CommonWriters.sqlServerInstance("x", "C:\\", "D:\\", (String) null));
    }

    @Test
    void theSystemAndRegistryWritersLiveOnC() throws Exception {
        List<WriterMetadata> writers = metadataOf(CommonWriters.systemWriter(), CommonWriters.registryWriter());
        WriterMetadata system = writers.get(0);
        assertEquals("System Writer", system.writerName());
        assertEquals(UUID.fromString("e8132975-6f93-4464-a53e-1050253ae220"), system.writerId());
        assertTrue(system.component("", "System Files").isPresent());
        WriterMetadata registry = writers.get(1);
        assertEquals("Registry Writer", registry.writerName());
        assertEquals(UUID.fromString("afbab4a2-367d-4d15-a586-71dbb18f8485"), registry.writerId());
        WriterComponent hives = registry.component("", "Registry").orElseThrow();
        assertEquals(List.of("DEFAULT", "SAM", "SECURITY", "SOFTWARE", "SYSTEM"),
                hives.files().stream().map(FileDescriptor::fileSpec).toList());
        assertEquals(system.components().get(0).volumes(), hives.volumes(), "both on C:");
    }

    @Test
    void theirRestoreMethodsSayWhetherARebootIsNeeded() throws Exception {
        List<WriterMetadata> writers = metadataOf(CommonWriters.sqlServer(), CommonWriters.systemWriter(),
                CommonWriters.registryWriter());
        assertEquals(CommonWriters.SQL_SERVER_RESTORE, writers.get(0).restoreMethod());
        assertEquals(CommonWriters.SYSTEM_WRITER_RESTORE, writers.get(1).restoreMethod());
        assertEquals(CommonWriters.REGISTRY_WRITER_RESTORE, writers.get(2).restoreMethod());
        assertEquals(List.of(false, true, true),
                writers.stream().map(w -> w.restoreMethod().rebootRequired()).toList());
        assertEquals(List.of("", "", ""), writers.stream().map(w -> w.restoreMethod().service()).toList());
    }
}
