package io.github.vss4j.probes;

import io.github.vss4j.AsyncStatus;
import io.github.vss4j.BackupComponents;
import io.github.vss4j.Operation;
import io.github.vss4j.Vss;
import io.github.vss4j.VssAsync;
import io.github.vss4j.VssContext;
import io.github.vss4j.simulator.Simulation;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Run in a fresh JVM by CallbackThreadsIT with a short idle time (-Dvss4j.internal.callbackIdleMillis): vss4j's
 * callback threads stay while an operation is pending however long it takes, end once nothing is pending, and
 * come back for the next operation. Prints one line per finding.
 */
public final class IdleCallbackThreads {
    private static final long BOUND_SECONDS = 30;

    private IdleCallbackThreads() {
    }

    public static void main(String[] args) throws Exception {
        long idleMillis = Long.parseLong(System.getProperty("vss4j.internal.callbackIdleMillis"));
        Vss vss = Vss.simulator(Simulation.builder().volume("C:\\")
                .duration(Operation.DO_SNAPSHOT_SET, Duration.ofHours(1)).build());
        try (BackupComponents backup = vss.createBackupComponents()) {
            backup.initializeForBackup();
            backup.setContext(VssContext.FILE_SHARE_BACKUP);
            backup.startSnapshotSet();
            backup.addToSnapshotSet("C:\\");
            try (VssAsync snapshot = backup.doSnapshotSet()) {
                CompletableFuture<AsyncStatus> calledBack = new CompletableFuture<>();
                snapshot.onComplete(calledBack::complete);
                // Several idle times pass with the operation pending: no thread may leave it without a listener.
                List<Thread> threads = callbackThreads();
                System.out.println("PENDING THREADS " + threads.size());
                boolean anyLeft = false;
                for (Thread thread : threads) {
                    thread.join(3 * idleMillis);
                    anyLeft |= thread.isAlive();
                }
                System.out.println("WHILE PENDING STILL LISTENING " + anyLeft);
                snapshot.cancel();
                AsyncStatus status = calledBack.get(BOUND_SECONDS, TimeUnit.SECONDS);
                System.out.println("CANCELLED CALLED BACK " + status.state());
            }
        }
        // Nothing pending: every callback thread ends after the idle time.
        boolean allGone = true;
        for (Thread thread : callbackThreads()) {
            thread.join(TimeUnit.SECONDS.toMillis(BOUND_SECONDS));
            allGone &= !thread.isAlive();
        }
        System.out.println("IDLE THREADS GONE " + allGone + " " + callbackThreads().size());
        // And one comes back for the next operation.
        Vss quick = Vss.simulator(Simulation.withVolumes("C:\\"));
        try (BackupComponents backup = quick.createBackupComponents()) {
            backup.initializeForBackup();
            try (VssAsync metadata = backup.gatherWriterMetadata()) {
                CompletableFuture<String> thread = new CompletableFuture<>();
                metadata.onComplete(status -> thread.complete(Thread.currentThread().getName()));
                System.out.println("NEXT CALLED BACK ON " + thread.get(BOUND_SECONDS, TimeUnit.SECONDS));
            }
        }
    }

    private static List<Thread> callbackThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith("vss4j-callback-"))
                .collect(Collectors.toList());
    }
}
