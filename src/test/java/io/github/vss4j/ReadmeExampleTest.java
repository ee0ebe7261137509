package io.github.vss4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.vss4j.simulator.Simulation;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The README's example, run as it is printed there (the test checks that the two stay the same). */
class ReadmeExampleTest {
    private static final Logger log = LoggerFactory.getLogger(ReadmeExampleTest.class);
    private final List<String> copies = new ArrayList<>();
    private Vss machine;

    @Test
    void theExampleTakesTwoCopiesAndReleasesThem() throws Exception {
        example();
        assertEquals(2, copies.size());
        assertTrue(copies.stream().allMatch(d -> d.startsWith("\\\\?\\GLOBALROOT\\Device\\")), copies.toString());
        assertEquals(List.of(), machine.simulatedMachine().orElseThrow().existingSnapshots());
        assertEquals(0, machine.simulatedMachine().orElseThrow().liveObjects());
    }

    @Test
    void theReadmeShowsExactlyThisExample() throws IOException {
        String example = ReadmeExample.in("src/test/java/io/github/vss4j/ReadmeExampleTest.java");
        assertTrue(ReadmeExample.readme().contains("```java\n" + example + "```"), "docs/using-the-api.md's first example differs"
                + " from ReadmeExampleTest.example(): update one to match the other");
    }

    private void example() throws Exception {
        // README example begins
        Vss vss = Vss.simulator(Simulation.withVolumes("C:\\", "D:\\"));   // or Vss.system() on Windows
        try (BackupComponents backup = vss.createBackupComponents()) {
            backup.initializeForBackup();
            backup.setContext(VssContext.BACKUP);
            backup.setBackupState(false, false, BackupType.COPY, false);
            try (VssAsync gather = backup.gatherWriterMetadata()) {
                gather.await();
            }
            backup.startSnapshotSet();
            UUID c = backup.addToSnapshotSet("C:\\");
            UUID d = backup.addToSnapshotSet("D:\\");
            try (VssAsync prepare = backup.prepareForBackup()) {
                prepare.await();
            }
            try (VssAsync snapshot = backup.doSnapshotSet()) {
                snapshot.onComplete(status -> log.info("DoSnapshotSet ended: {}", status));
                if (!snapshot.await(Duration.ofMinutes(10))) {
                    snapshot.cancel();                 // still running: give up, cleanly
                }
                snapshot.await();
            } catch (VssException | CancellationException e) {
                backup.abortBackup();                  // VSS requires it after a failed DoSnapshotSet
                throw e;
            }
            for (UUID id : List.of(c, d)) {
                SnapshotProperties copy = backup.getSnapshotProperties(id);
                copies.add(copy.snapshotDeviceObject());
                // ... read it through vss.mount(copy).root(): see "Reading the copy"
            }
            try (VssAsync complete = backup.backupComplete()) {
                complete.await();
            }
        }   // close() releases the object: auto-release copies (BACKUP context) are deleted
        // README example ends
        machine = vss;
    }
}
