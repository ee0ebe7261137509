package io.github.vss4j.probes;

import io.github.vss4j.BackupComponents;
import io.github.vss4j.Operation;
import io.github.vss4j.Vss;
import io.github.vss4j.VssAsync;
import io.github.vss4j.VssContext;
import io.github.vss4j.simulator.Simulation;
import java.time.Duration;

/**
 * Run in a fresh JVM by ShutdownIT: leaves one DoSnapshotSet running (an hour long) when main returns, after
 * closing another object mid-operation so that the shim logs a line.
 */
public final class InFlightAtExit {
    private InFlightAtExit() {
    }

    public static void main(String[] args) throws Exception {
        Vss vss = Vss.simulator(Simulation.builder().volume("C:\\")
                .duration(Operation.DO_SNAPSHOT_SET, Duration.ofHours(1)).build());
        BackupComponents closed = start(vss);
        closed.doSnapshotSet();
        closed.close();  // cancels it: the shim logs that, through SLF4J
        BackupComponents running = start(vss);
        VssAsync snapshot = running.doSnapshotSet();
        snapshot.onComplete(status -> System.out.println("CALLBACK " + status));
        System.out.println("MAIN RETURNS with DoSnapshotSet " + snapshot.queryStatus().state());
    }

    private static BackupComponents start(Vss vss) throws Exception {
        BackupComponents backup = vss.createBackupComponents();
        backup.initializeForBackup();
        backup.setContext(VssContext.FILE_SHARE_BACKUP);
        backup.startSnapshotSet();
        backup.addToSnapshotSet("C:\\");
        return backup;
    }
}
