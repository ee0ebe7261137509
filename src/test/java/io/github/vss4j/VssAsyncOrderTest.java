package io.github.vss4j;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.vss4j.simulator.Fault;
import io.github.vss4j.simulator.Simulation;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The order of an operation's end that VssAsync's javadoc promises: await, the one future, the callbacks. */
class VssAsyncOrderTest extends SimulatedVssTest {
    private static final Duration FOREVER = ChronoUnit.FOREVER.getDuration();

    /** An Executor that holds its tasks until the test runs them: nothing the library needs may wait for it. */
    private static final class HeldExecutor implements Executor {
        final BlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();

        @Override
        public void execute(Runnable task) {
            tasks.add(task);
        }

        void runAll() {
            for (Runnable task = tasks.poll(); task != null; task = tasks.poll()) {
                task.run();
            }
        }

        /**
         * Runs the task that hands an operation's end to the callbacks: vss4j gives it to the Executor after waiters
         * are released, so a caller whose await has returned may have to wait a moment for it.
         */
        void runTheEnd() throws InterruptedException {
            Runnable task = tasks.poll(BOUND.toMillis(), TimeUnit.MILLISECONDS);
            assertNotNull(task, "vss4j never handed the end of the operation to the Executor");
            task.run();
        }
    }

    enum Outcome { FINISHED, FAILED, CANCELLED }

    /** A DoSnapshotSet that ends as {@code outcome}: cancelled ones last an hour and are cancelled. */
    private VssAsync snapshot(Outcome outcome, Executor executor) throws Exception {
        Simulation.Builder machine = Simulation.builder().volume("C:\\");
        if (outcome == Outcome.FAILED) {
            machine.fault(Fault.on(Operation.DO_SNAPSHOT_SET).fails(VssError.VSS_E_PROVIDER_VETO).throughQueryStatus());
        } else if (outcome == Outcome.CANCELLED) {
            machine.duration(Operation.DO_SNAPSHOT_SET, Duration.ofHours(1));
        }
        Vss vss = vss(machine.build());
        BackupComponents backup = components(executor == null ? vss : vss.withCallbackExecutor(executor));
        prepareSet(backup, VssContext.FILE_SHARE_BACKUP, "C:\\");
        VssAsync async = closeLater(backup.doSnapshotSet());
        if (outcome == Outcome.CANCELLED) {
            async.cancel();
        }
        return async;
    }

    private static void awaitEnd(VssAsync async, Outcome outcome) {
        Executable await = () -> async.await(BOUND);
        switch (outcome) {
            case FAILED -> assertThrows(VssException.class, await);
            case CANCELLED -> assertThrows(CancellationException.class, await);
            default -> assertTrue(assertDoesNotThrow(() -> async.await(BOUND)));
        }
    }

    private static void assertCompletedAs(CompletableFuture<Void> future, Outcome outcome) {
        assertTrue(future.isDone(), "the future is complete when await has returned: " + future);
        assertEquals(outcome == Outcome.CANCELLED, future.isCancelled(), future.toString());
        assertEquals(outcome != Outcome.FINISHED, future.isCompletedExceptionally(), future.toString());
    }

    @ParameterizedTest
    @EnumSource(Outcome.class)
    void whenAwaitReturnsTheFutureTakenBeforeIsComplete(Outcome outcome) throws Exception {
        HeldExecutor executor = new HeldExecutor();
        VssAsync async = snapshot(outcome, executor);
        CompletableFuture<Void> before = async.toCompletableFuture();
        awaitEnd(async, outcome);
        assertCompletedAs(before, outcome);
        executor.runAll();
    }

    @ParameterizedTest
    @EnumSource(Outcome.class)
    void aFutureTakenAfterTheEndIsAlreadyComplete(Outcome outcome) throws Exception {
        HeldExecutor executor = new HeldExecutor();
        VssAsync async = snapshot(outcome, executor);
        awaitEnd(async, outcome);
        assertCompletedAs(async.toCompletableFuture(), outcome);
        executor.runAll();
    }

    @Test
    void everyCallGivesTheSameFuture() throws Exception {
        VssAsync async = snapshot(Outcome.FINISHED, null);
        CompletableFuture<Void> first = async.toCompletableFuture();
        assertSame(first, async.toCompletableFuture());
        assertTrue(async.await(BOUND));
        assertSame(first, async.toCompletableFuture());
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void cancellingTheFutureCancelsTheVssOperation(boolean mayInterruptIfRunning) throws Exception {
        Vss vss = vss(Simulation.builder().volume("C:\\").duration(Operation.DO_SNAPSHOT_SET, Duration.ofHours(1))
                .build());
        BackupComponents backup = prepared(vss, VssContext.FILE_SHARE_BACKUP, "C:\\");
        try (VssAsync snapshot = backup.doSnapshotSet()) {
            CompletableFuture<AsyncStatus> callback = callbackOf(snapshot);
            CompletableFuture<Void> future = snapshot.toCompletableFuture();

            assertTrue(future.cancel(mayInterruptIfRunning), "IVssAsync::Cancel took effect");

            assertTrue(future.isCancelled());
            assertEquals(AsyncStatus.State.CANCELLED, snapshot.queryStatus().state(), "VSS's own view");
            assertThrows(CancellationException.class, () -> snapshot.await(BOUND));
            assertEquals(AsyncStatus.State.CANCELLED, callback.get(BOUND.toSeconds(), TimeUnit.SECONDS).state());
        }
        assertEquals(List.of(), machine(vss).existingSnapshots(), "a cancelled set creates no copies");
        backup.abortBackup();
    }

    @Test
    void cancellingTheFutureOfAnEndedOperationChangesNothing() throws Exception {
        VssAsync async = snapshot(Outcome.FINISHED, null);
        assertTrue(async.await(BOUND));
        CompletableFuture<Void> future = async.toCompletableFuture();
        assertFalse(future.cancel(true));
        assertFalse(future.isCancelled());
        assertEquals(null, future.get());
    }

    @Test
    void cancellingTheFutureAfterCloseLeavesTheOperationItsOwnOutcome() throws Exception {
        Vss vss = vss(Simulation.builder().volume("C:\\").duration(Operation.DO_SNAPSHOT_SET, Duration.ofHours(1))
                .build());
        BackupComponents backup = vss.createBackupComponents();
        prepareSet(backup, VssContext.FILE_SHARE_BACKUP, "C:\\");
        VssAsync snapshot = backup.doSnapshotSet();
        CompletableFuture<Void> future = snapshot.toCompletableFuture();
        snapshot.close();
        assertFalse(future.cancel(true), "the IVssAsync is released: VSS cannot be asked to cancel");
        assertFalse(future.isDone());
        backup.close();  // cancels what still runs: the future reports that, VSS's own outcome
        assertThrows(CancellationException.class, () -> future.get(BOUND.toSeconds(), TimeUnit.SECONDS));
    }

    @Test
    void onlyVssCompletesTheFutureNeverTheCaller() throws Exception {
        Vss vss = vss(Simulation.builder().volume("C:\\").duration(Operation.DO_SNAPSHOT_SET, Duration.ofMillis(50))
                .build());
        BackupComponents backup = prepared(vss, VssContext.FILE_SHARE_BACKUP, "C:\\");
        try (VssAsync snapshot = backup.doSnapshotSet()) {
            CompletableFuture<Void> future = snapshot.toCompletableFuture();
            List<Executable> byHand = List.of(() -> future.complete(null),
                    () -> future.completeExceptionally(new IllegalStateException("by hand")),
                    () -> future.obtrudeValue(null), () -> future.obtrudeException(new IllegalStateException("x")),
                    () -> future.completeAsync(() -> null), () -> future.completeAsync(() -> null, Runnable::run),
                    () -> future.orTimeout(1, TimeUnit.NANOSECONDS),
                    () -> future.completeOnTimeout(null, 1, TimeUnit.NANOSECONDS));
            for (Executable attempt : byHand) {
                UnsupportedOperationException refused = assertThrows(UnsupportedOperationException.class, attempt);
                assertTrue(refused.getMessage().contains("DoSnapshotSet"), refused.getMessage());
            }
            // What is made from it is the caller's own.
            CompletableFuture<Void> copy = future.copy();
            assertTrue(copy.complete(null));
            assertTrue(snapshot.await(BOUND));
            assertEquals(null, future.get());
            assertFalse(future.isCompletedExceptionally());
        }
    }

    @Test
    void callbacksRunAfterTheFutureIsComplete() throws Exception {
        HeldExecutor executor = new HeldExecutor();
        VssAsync async = snapshot(Outcome.FINISHED, executor);
        CompletableFuture<Boolean> futureDoneInCallback = new CompletableFuture<>();
        async.onComplete(status -> futureDoneInCallback.complete(async.toCompletableFuture().isDone()));
        assertTrue(async.await(BOUND));
        executor.runTheEnd();
        assertTrue(futureDoneInCallback.get(BOUND.toSeconds(), TimeUnit.SECONDS));
    }

    @Test
    void aCallbackAddedAfterTheEndRunsOnAVss4jThreadNotTheCallers() throws Exception {
        VssAsync async = snapshot(Outcome.FINISHED, null);
        assertTrue(async.await(BOUND));
        CompletableFuture<Thread> ranOn = new CompletableFuture<>();
        async.onComplete(status -> ranOn.complete(Thread.currentThread()));
        Thread thread = ranOn.get(BOUND.toSeconds(), TimeUnit.SECONDS);
        assertNotEquals(Thread.currentThread(), thread);
        assertTrue(thread.getName().startsWith("vss4j-callback-"), thread.getName());
    }

    @Test
    void aCallbackAddedAfterTheEndRunsOnTheGivenExecutor() throws Exception {
        HeldExecutor executor = new HeldExecutor();
        VssAsync async = snapshot(Outcome.FINISHED, executor);
        assertTrue(async.await(BOUND));
        executor.runTheEnd();
        CompletableFuture<AsyncStatus> late = callbackOf(async);
        assertFalse(late.isDone(), "handed to the Executor, not run on the caller's thread");
        executor.runAll();
        assertEquals(AsyncStatus.State.FINISHED, late.getNow(null).state());
    }

    @Test
    void aStageThatAwaitsTheSameOperationDoesNotDeadlock() throws Exception {
        VssAsync async = snapshot(Outcome.FINISHED, null);
        CompletableFuture<Boolean> awaitedInStage = async.toCompletableFuture().thenApply(ignored -> {
            try {
                return async.await(BOUND);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertTrue(awaitedInStage.get(BOUND.toSeconds(), TimeUnit.SECONDS));
    }

    @Test
    void awaitWithAnyTimeoutAtAll() throws Exception {
        VssAsync running = snapshot(Outcome.CANCELLED, null);
        // Ended (cancelled) operation: every timeout, even negative ones, reports the end.
        for (Duration timeout : new Duration[] {Duration.ofSeconds(Long.MAX_VALUE), FOREVER,
                Duration.ZERO, Duration.ofNanos(-1), Duration.ofSeconds(Long.MIN_VALUE)}) {
            assertThrows(CancellationException.class, () -> running.await(timeout), timeout.toString());
        }
        Vss vss = vss(Simulation.builder().volume("C:\\").duration(Operation.DO_SNAPSHOT_SET, Duration.ofHours(1))
                .build());
        BackupComponents backup = prepared(vss, VssContext.FILE_SHARE_BACKUP, "C:\\");
        try (VssAsync slow = backup.doSnapshotSet()) {
            // Zero or negative: a look, no wait.
            assertFalse(slow.await(Duration.ZERO));
            assertFalse(slow.await(Duration.ofSeconds(-1)));
            assertFalse(slow.await(Duration.ofSeconds(Long.MIN_VALUE)));
            // Forever: waits until the end, which a cancel from another thread brings.
            CompletableFuture<Void> cancelLater = CompletableFuture.runAsync(() -> {
                try {
                    slow.cancel();
                } catch (VssException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThrows(CancellationException.class, () -> slow.await(FOREVER));
            cancelLater.get(BOUND.toSeconds(), TimeUnit.SECONDS);
        }
        backup.abortBackup();
    }

    @Test
    void aFailedOperationsFutureCarriesTheSameExceptionAsAwait() throws Exception {
        VssAsync async = snapshot(Outcome.FAILED, null);
        VssException awaited = assertThrows(VssException.class, () -> async.await(BOUND));
        ExecutionException fromFuture = assertThrows(ExecutionException.class, () -> async.toCompletableFuture().get());
        assertEquals(awaited.hresult(), ((VssException) fromFuture.getCause()).hresult());
    }
}
