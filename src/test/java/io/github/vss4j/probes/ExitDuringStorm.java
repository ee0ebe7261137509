package io.github.vss4j.probes;

import io.github.vss4j.BackupComponents;
import io.github.vss4j.Operation;
import io.github.vss4j.Vss;
import io.github.vss4j.VssAsync;
import io.github.vss4j.VssContext;
import io.github.vss4j.VssException;
import io.github.vss4j.simulator.Simulation;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Run in a fresh JVM by ShutdownStormIT: worker threads keep creating objects, starting operations (some an hour
 * long, some instant), cancelling and closing, while the JVM is told to end in the way {@code args[0]} names:
 * {@code exit} (System.exit from main), {@code callback} (System.exit from a completion callback, on one of
 * vss4j's completion threads while others wait in native code) or {@code return} (main returns; only daemon
 * threads are left).
 */
public final class ExitDuringStorm {
    private static final int WORKERS = 4;
    private static final AtomicLong CALLS = new AtomicLong();

    private ExitDuringStorm() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        CountDownLatch warmedUp = new CountDownLatch(WORKERS);
        for (int w = 0; w < WORKERS; w++) {
            Thread worker = new Thread(() -> storm(warmedUp), "storm-" + w);
            worker.setDaemon(true);
            worker.start();
        }
        if (!warmedUp.await(30, TimeUnit.SECONDS)) {
            System.out.println("STORM DID NOT START");
            System.exit(3);
        }
        System.out.println("STORM RUNNING after " + CALLS.get() + " calls; ending by " + mode);
        switch (mode) {
            case "exit" -> System.exit(0);
            case "callback" -> {
                Vss vss = Vss.simulator(Simulation.withVolumes("C:\\"));
                BackupComponents backup = vss.createBackupComponents();
                backup.initializeForBackup();
                backup.gatherWriterMetadata().onComplete(status -> System.exit(0));
                // The callback ends the JVM; main must not end it first.
                new CountDownLatch(1).await(60, TimeUnit.SECONDS);
                System.exit(4);
            }
            case "return" -> {
            }
            default -> throw new IllegalArgumentException(mode);
        }
    }

    private static void storm(CountDownLatch warmedUp) {
        Simulation slowSnapshots = Simulation.builder().volume("C:\\")
                .duration(Operation.DO_SNAPSHOT_SET, Duration.ofHours(1)).build();
        for (long round = 0; ; round++) {
            // A machine per round: an object left open keeps its machine's one snapshot set.
            Vss vss = Vss.simulator(slowSnapshots);
            try {
                BackupComponents backup = vss.createBackupComponents();
                backup.initializeForBackup();
                backup.setContext(VssContext.FILE_SHARE_BACKUP);
                backup.startSnapshotSet();
                backup.addToSnapshotSet("C:\\");
                VssAsync snapshot = backup.doSnapshotSet();
                snapshot.onComplete(status -> CALLS.incrementAndGet());
                CALLS.addAndGet(6);
                if (round % 3 == 0) {
                    snapshot.cancel();
                }
                if (round % 5 != 4) {
                    backup.close();  // every fifth object stays open, its hour-long operation in flight
                }
            } catch (VssException e) {
                System.out.println("UNEXPECTED " + e);
            }
            if (round == 20) {
                warmedUp.countDown();
            }
        }
    }
}
