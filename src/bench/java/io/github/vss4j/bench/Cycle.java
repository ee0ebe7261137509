package io.github.vss4j.bench;

import io.github.vss4j.BackupComponents;
import io.github.vss4j.Operation;
import io.github.vss4j.Vss;
import io.github.vss4j.VssAsync;
import io.github.vss4j.VssContext;
import io.github.vss4j.VssException;
import io.github.vss4j.simulator.Simulation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** One full simulated backup cycle through the public API, the same sequence the C++ driver runs. */
final class Cycle {
    private Cycle() {
    }

    static List<String> volumes(int count) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            names.add(i == 0 ? "C:\\" : "C:\\mnt\\v" + i + "\\");
        }
        return names;
    }

    static Vss simulator(List<String> volumes, Duration doSnapshotSet) {
        Simulation.Builder builder = Simulation.builder();
        volumes.forEach(builder::volume);
        if (!doSnapshotSet.isZero()) {
            builder.duration(Operation.DO_SNAPSHOT_SET, doSnapshotSet);
        }
        return Vss.simulator(builder.build());
    }

    /** Everything up to DoSnapshotSet; returns the snapshot ids. */
    static List<UUID> prepare(BackupComponents backup, List<String> volumes) throws VssException {
        backup.initializeForBackup();
        backup.setContext(VssContext.FILE_SHARE_BACKUP);
        backup.startSnapshotSet();
        List<UUID> ids = new ArrayList<>(volumes.size());
        for (String volume : volumes) {
            ids.add(backup.addToSnapshotSet(volume));
        }
        return ids;
    }

    /**
     * Returns a number derived from the results, so that nothing can be optimised away. Releases the VssAsync, then
     * the BackupComponents, as the C++ driver does.
     */
    static long run(Vss vss, List<String> volumes) throws VssException, InterruptedException {
        long sink = 0;
        try (BackupComponents backup = vss.createBackupComponents()) {
            List<UUID> ids = prepare(backup, volumes);
            try (VssAsync async = backup.doSnapshotSet()) {
                async.await();
                for (UUID id : ids) {
                    sink += backup.getSnapshotProperties(id).snapshotsCount();
                }
            }
        }
        return sink;
    }
}
