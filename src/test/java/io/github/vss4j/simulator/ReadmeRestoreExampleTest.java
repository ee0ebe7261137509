package io.github.vss4j.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.vss4j.BackupType;
import io.github.vss4j.FileDescriptor;
import io.github.vss4j.FileRestoreStatus;
import io.github.vss4j.PreparedRestore;
import io.github.vss4j.ReadmeExample;
import io.github.vss4j.RestoreComponent;
import io.github.vss4j.RestoreInstructions;
import io.github.vss4j.RestoreResult;
import io.github.vss4j.ShadowCopySet;
import io.github.vss4j.Vss;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The README's restore example, run as it is printed there (the test checks that the two stay the same). */
class ReadmeRestoreExampleTest {

    @Test
    void theExampleRestoresDb1AndReportsDb2Failed() throws Exception {
        // README example begins
        Vss vss = Vss.simulator(Simulation.builder().volume("C:\\").volume("D:\\")
                .writer(CommonWriters.sqlServer("db1", "db2")).build());
        String document;
        ShadowCopySet set = vss.shadowCopy().component("SqlServerWriter", "VSS4J-SIM\\db1")
                .component("SqlServerWriter", "VSS4J-SIM\\db2").backupType(BackupType.FULL).create();
        try {
            // ... copy the components' files from the copies ...
            set.allComponentsSucceeded();
        } finally {
            set.close();
        }
        document = set.backupComponentsDocument().orElseThrow();        // keep it with the backup

        try (PreparedRestore restore = vss.restore(document)            // InitializeForRestore, GatherWriterMetadata
                .component("SqlServerWriter", "VSS4J-SIM\\db1")          // or everyComponentOf(writer); none: all
                .component("SqlServerWriter", "VSS4J-SIM\\db2")
                .prepare()) {                                           // SetSelectedForRestore, SetRestoreState, PreRestore
            for (RestoreComponent c : restore.components()) {
                RestoreInstructions how = c.instructions();             // RESTORE_IF_CAN_REPLACE, no service, no reboot
                for (FileDescriptor file : c.files()) {
                    // copy file.path() + "\\" + file.fileSpec() back from the backup, to c.restoreTarget()'s place
                }
                if (c.name().equals("db1")) restore.componentRestored(c); else restore.componentFailed(c);
            }
            RestoreResult result = restore.finish();                    // SetFileRestoreStatus each, PostRestore
        }
        ComponentRestore db2 = vss.simulatedMachine().orElseThrow()
                .componentRestore("SqlServerWriter", "VSS4J-SIM", "db2").orElseThrow();   // FAILED, PostRestore done
        // README example ends
        assertEquals(FileRestoreStatus.FAILED, db2.fileRestoreStatus());
        assertTrue(db2.postRestoreDone());
        ComponentRestore db1 = vss.simulatedMachine().orElseThrow()
                .componentRestore("SqlServerWriter", "VSS4J-SIM", "db1").orElseThrow();
        assertEquals(FileRestoreStatus.ALL, db1.fileRestoreStatus());
        assertEquals(0, vss.simulatedMachine().orElseThrow().liveObjects());
    }

    @Test
    void theReadmeShowsExactlyThisExample() throws IOException {
        String example = ReadmeExample.in("src/test/java/io/github/vss4j/simulator/ReadmeRestoreExampleTest.java");
        assertTrue(ReadmeExample.readme().contains("```java\n" + example + "```"), "docs/using-the-api.md's restore example"
                + " differs from ReadmeRestoreExampleTest: update one to match the other");
    }
}
