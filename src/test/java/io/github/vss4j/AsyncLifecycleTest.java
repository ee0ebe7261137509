package io.github.vss4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.vss4j.internal.completion.Completions;
import io.github.vss4j.simulator.Simulation;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** cancel(), close() and await(Duration) while a slow DoSnapshotSet runs. */
class AsyncLifecycleTest extends SimulatedVssTest {

    private Vss slowMachine() {
        return vss(Simulation.builder().volume("C:\\").duration(Operation.DO_SNAPSHOT_SET, Duration.ofHours(1))
                .build());
    }

    @Test
    void cancelDuringASlowDoSnapshotSetEndsAsCancelledEverywhere() throws Exception {
        Vss vss = slowMachine();
        BackupComponents backup = prepared(vss, VssContext.BACKUP, "C:\\");
        try (VssAsync snapshot = backup.doSnapshotSet()) {
            CompletableFuture<AsyncStatus> callback = callbackOf(snapshot);
            CompletableFuture<Void> future = snapshot.toCompletableFuture();
            assertEquals(AsyncStatus.State.PENDING, snapshot.queryStatus().state());

            assertEquals(AsyncStatus.State.CANCELLED, snapshot.cancel().state());

            assertThrows(CancellationException.class, () -> snapshot.await(BOUND));
            assertThrows(CancellationException.class, () -> future.get(BOUND.toSeconds(), TimeUnit.SECONDS));
            assertTrue(future.isCancelled());
            assertEquals(AsyncStatus.State.CANCELLED, callback.get(BOUND.toSeconds(), TimeUnit.SECONDS).state());
            assertEquals(AsyncStatus.State.CANCELLED, snapshot.queryStatus().state());
            assertEquals(AsyncStatus.State.CANCELLED, snapshot.cancel().state(), "a second cancel: already");
        }
        assertEquals(List.of(), machine(vss).existingSnapshots(), "a cancelled set creates no copies");
        backup.abortBackup();
    }

    @Test
    void awaitWithATimeoutGivesUpCleanlyAndTheOperationGoesOn() throws Exception {
        Vss vss = slowMachine();
        BackupComponents backup = prepared(vss, VssContext.BACKUP, "C:\\");
        try (VssAsync snapshot = backup.doSnapshotSet()) {
            assertFalse(snapshot.await(Duration.ofMillis(20)));
            assertFalse(snapshot.await(Duration.ZERO));
            assertEquals(AsyncStatus.State.PENDING, snapshot.queryStatus().state());
            snapshot.cancel();
            assertThrows(CancellationException.class, () -> snapshot.await(BOUND));
        }
        backup.abortBackup();
    }

    @Test
    void closingTheComponentsDuringAWaitCancelsReleasesAndCompletesTheFuture() throws Exception {
        Vss vss = slowMachine();
        BackupComponents backup = vss.createBackupComponents();
        prepareSet(backup, VssContext.BACKUP, "C:\\");
        VssAsync snapshot = backup.doSnapshotSet();
        CompletableFuture<Void> future = snapshot.toCompletableFuture();
        CompletableFuture<Void> waiter = CompletableFuture.runAsync(() -> {
            assertThrows(CancellationException.class, snapshot::await);
        });
        backup.close();
        waiter.get(BOUND.toSeconds(), TimeUnit.SECONDS);
        // await() has returned: the future is complete already.
        assertTrue(future.isCancelled());
        assertEquals(0, machine(vss).liveObjects(), "close released the object and its IVssAsync");
        IllegalStateException closed = assertThrows(IllegalStateException.class, snapshot::queryStatus);
        assertTrue(closed.getMessage().contains("closed"), closed.getMessage());
        snapshot.close();
        snapshot.close();
    }

    @Test
    void closingTheAsyncWhileItRunsDoesNotStopItsReport() throws Exception {
        Vss vss = vss(Simulation.builder().volume("C:\\").duration(Operation.DO_SNAPSHOT_SET, Duration.ofMillis(50))
                .build());
        BackupComponents backup = prepared(vss, VssContext.BACKUP, "C:\\");
        VssAsync snapshot = backup.doSnapshotSet();
        CompletableFuture<Void> future = snapshot.toCompletableFuture();
        snapshot.close();
        assertThrows(IllegalStateException.class, snapshot::queryStatus);
        future.get(BOUND.toSeconds(), TimeUnit.SECONDS);
        snapshot.await();
        assertEquals(0, Completions.pending());
    }

    @Test
    void callsOnAClosedComponentsAreIllegalState() throws Exception {
        BackupComponents backup = vss("C:\\").createBackupComponents();
        backup.close();
        assertTrue(backup.isClosed());
        assertThrows(IllegalStateException.class, backup::initializeForBackup);
        assertThrows(IllegalStateException.class, backup::doSnapshotSet);
        assertThrows(IllegalStateException.class, () -> backup.addToSnapshotSet("C:\\"));
        backup.close();
    }
}
