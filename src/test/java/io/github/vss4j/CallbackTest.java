package io.github.vss4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.vss4j.simulator.Simulation;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Callbacks: on the Executor given, exactly once per operation, and a throwing one harms nothing. */
class CallbackTest extends SimulatedVssTest {
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-callbacks"));

    @AfterEach
    void stopExecutor() {
        executor.shutdownNow();
    }

    @Test
    void everyOperationCallsBackExactlyOnceOnTheGivenExecutor() throws Exception {
        Vss vss = vss(Simulation.builder().volume("C:\\").duration(Operation.DO_SNAPSHOT_SET, Duration.ofMillis(30))
                .build()).withCallbackExecutor(executor);
        List<String> threads = new CopyOnWriteArrayList<>();
        List<Operation> seen = new CopyOnWriteArrayList<>();
        try (BackupComponents backup = vss.createBackupComponents()) {
            backup.initializeForBackup();
            backup.setBackupState(false, false, BackupType.FULL, false);
            for (VssAsync async : new VssAsync[] {backup.gatherWriterMetadata()}) {
                record(async, threads, seen);
            }
            backup.startSnapshotSet();
            backup.addToSnapshotSet("C:\\");
            record(backup.prepareForBackup(), threads, seen);
            record(backup.doSnapshotSet(), threads, seen);
            record(backup.gatherWriterStatus(), threads, seen);
            record(backup.backupComplete(), threads, seen);
        }
        // Every callback has run once the executor has run a task submitted after them.
        executor.submit(() -> { }).get(BOUND.toSeconds(), TimeUnit.SECONDS);
        assertEquals(List.of(Operation.GATHER_WRITER_METADATA, Operation.PREPARE_FOR_BACKUP,
                Operation.DO_SNAPSHOT_SET, Operation.GATHER_WRITER_STATUS, Operation.BACKUP_COMPLETE), seen);
        assertTrue(threads.stream().allMatch("test-callbacks"::equals), threads.toString());
    }

    private static void record(VssAsync async, List<String> threads, List<Operation> seen) throws Exception {
        try (async) {
            AtomicInteger calls = new AtomicInteger();
            CompletableFuture<Void> ran = new CompletableFuture<>();
            async.onComplete(status -> {
                calls.incrementAndGet();
                threads.add(Thread.currentThread().getName());
                seen.add(status.operation());
                ran.complete(null);
            });
            async.await();
            ran.get(BOUND.toSeconds(), TimeUnit.SECONDS);
            // A callback added after the end still runs, once, on the executor.
            CompletableFuture<String> late = new CompletableFuture<>();
            async.onComplete(status -> late.complete(Thread.currentThread().getName()));
            assertEquals("test-callbacks", late.get(BOUND.toSeconds(), TimeUnit.SECONDS));
            assertEquals(1, calls.get());
        }
    }

    @Test
    void aCallbackThatThrowsHarmsNeitherTheOthersNorTheFuture() throws Exception {
        Vss vss = vss("C:\\").withCallbackExecutor(executor);
        BackupComponents backup = prepared(vss, VssContext.BACKUP, "C:\\");
        try (VssAsync snapshot = backup.doSnapshotSet()) {
            snapshot.onComplete(status -> {
                throw new IllegalStateException("a user callback that fails");
            });
            CompletableFuture<AsyncStatus> second = callbackOf(snapshot);
            assertEquals(AsyncStatus.State.FINISHED, second.get(BOUND.toSeconds(), TimeUnit.SECONDS).state());
            snapshot.toCompletableFuture().get(BOUND.toSeconds(), TimeUnit.SECONDS);
        }
        // The library still works after it.
        try (VssAsync complete = backup.backupComplete()) {
            assertTrue(complete.await(BOUND));
        }
    }

    @Test
    void defaultCallbacksRunOnVss4jDaemonThreads() throws Exception {
        Vss vss = vss("C:\\");
        BackupComponents backup = prepared(vss, VssContext.FILE_SHARE_BACKUP, "C:\\");
        try (VssAsync snapshot = backup.doSnapshotSet()) {
            CompletableFuture<Thread> thread = new CompletableFuture<>();
            snapshot.onComplete(status -> thread.complete(Thread.currentThread()));
            Thread ran = thread.get(BOUND.toSeconds(), TimeUnit.SECONDS);
            assertTrue(ran.getName().startsWith("vss4j-callback-"), ran.getName());
            assertTrue(ran.isDaemon());
        }
    }

    @Test
    void defaultCallbacksOfAnEndRunOnTheThreadThatCompletedTheFuture() throws Exception {
        Vss vss = vss(Simulation.builder().volume(C).duration(Operation.DO_SNAPSHOT_SET, Duration.ofHours(1)).build());
        BackupComponents backup = prepared(vss, VssContext.FILE_SHARE_BACKUP, C);
        try (VssAsync snapshot = backup.doSnapshotSet()) {
            CompletableFuture<Thread> stage = new CompletableFuture<>();
            snapshot.toCompletableFuture().whenComplete((ignored, failure) -> stage.complete(Thread.currentThread()));
            CompletableFuture<Thread> callback = new CompletableFuture<>();
            snapshot.onComplete(status -> callback.complete(Thread.currentThread()));
            snapshot.cancel();
            // vss4j's own Executor adds no hand-off: the thread that learned of the end runs the callbacks.
            assertSame(stage.get(BOUND.toSeconds(), TimeUnit.SECONDS),
                    callback.get(BOUND.toSeconds(), TimeUnit.SECONDS));
        }
        backup.abortBackup();
    }

    @Test
    void aRejectingExecutorStillGetsTheFutureCompleted() throws Exception {
        ExecutorService dead = Executors.newSingleThreadExecutor();
        dead.shutdown();
        Vss vss = vss("C:\\").withCallbackExecutor(dead);
        BackupComponents backup = prepared(vss, VssContext.FILE_SHARE_BACKUP, "C:\\");
        try (VssAsync snapshot = backup.doSnapshotSet()) {
            snapshot.toCompletableFuture().get(BOUND.toSeconds(), TimeUnit.SECONDS);
        }
    }

    @Test
    void aCallbackOnAnInlineExecutorMayAwaitAnotherOperation() throws Exception {
        // An hour-long DoSnapshotSet, cancelled: the callback is surely registered before the end is reported.
        Vss vss = vss(Simulation.builder().volume("C:\\").duration(Operation.DO_SNAPSHOT_SET, Duration.ofHours(1))
                .build()).withCallbackExecutor(Runnable::run);
        BackupComponents backup = components(vss);
        initialize(backup, VssContext.FILE_SHARE_BACKUP);
        backup.startSnapshotSet();
        backup.addToSnapshotSet("C:\\");
        CompletableFuture<AsyncStatus> awaited = new CompletableFuture<>();
        try (VssAsync snapshot = backup.doSnapshotSet()) {
            snapshot.onComplete(status -> {
                try (VssAsync status2 = backup.gatherWriterStatus()) {
                    status2.await();
                    awaited.complete(status2.queryStatus());
                } catch (Throwable e) {
                    awaited.completeExceptionally(e);
                }
            });
            snapshot.cancel();
            assertEquals(AsyncStatus.State.FINISHED, awaited.get(BOUND.toSeconds(), TimeUnit.SECONDS).state());
        }
    }

    /**
     * Callbacks on vss4j's own threads that block until every operation has called back: each end must reach its
     * callback while the earlier callbacks still block, so vss4j starts threads as they are needed. (The
     * operations last long enough for all of them to start before the first ends: then no new operation is what
     * starts the threads.)
     */
    @Test
    void blockedCallbacksDoNotHoldBackTheEndsOfOtherOperations() throws Exception {
        int objects = 6;
        Vss vss = vss(Simulation.builder().volume("C:\\")
                .duration(Operation.GATHER_WRITER_METADATA, Duration.ofMillis(300)).build());
        CountDownLatch allCalledBack = new CountDownLatch(objects);
        List<CompletableFuture<Boolean>> released = new CopyOnWriteArrayList<>();
        for (int i = 0; i < objects; i++) {
            BackupComponents backup = components(vss);
            backup.initializeForBackup();
            VssAsync metadata = closeLater(backup.gatherWriterMetadata());
            CompletableFuture<Boolean> done = new CompletableFuture<>();
            released.add(done);
            metadata.onComplete(status -> {
                allCalledBack.countDown();
                try {
                    done.complete(allCalledBack.await(BOUND.toSeconds(), TimeUnit.SECONDS));
                } catch (InterruptedException e) {
                    done.completeExceptionally(e);
                }
            });
        }
        for (CompletableFuture<Boolean> done : released) {
            assertTrue(done.get(2 * BOUND.toSeconds(), TimeUnit.SECONDS), "every callback ran while the others blocked");
        }
    }
}
