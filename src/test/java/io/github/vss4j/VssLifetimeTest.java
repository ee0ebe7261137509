package io.github.vss4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.vss4j.internal.Cleanup;
import io.github.vss4j.simulator.SimulatedMachine;
import io.github.vss4j.simulator.Simulation;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * A Vss derived with {@link Vss#withCallbackExecutor} shares its backend's owner with the Vss it came from (the
 * same owner code for the simulator as for the system backend): the backend lives while either is reachable.
 */
class VssLifetimeTest {
    private static final int COLLECTIONS = 200;
    private static final long WAIT_MILLIS = 50;

    @Test
    void aDerivedVssKeepsWorkingAfterTheFirstIsCollected() throws Exception {
        ReferenceQueue<Vss> queue = new ReferenceQueue<>();
        Executor inline = Runnable::run;
        Derived derived = deriveAndDrop(queue, inline);
        Reference<?> collected = null;
        for (int i = 0; i < COLLECTIONS && collected == null; i++) {
            System.gc();
            collected = queue.remove(WAIT_MILLIS);
        }
        assertNull(derived.first.get(), "the first Vss was collected");
        awaitCleanerPass();

        try (BackupComponents backup = derived.vss.createBackupComponents()) {
            backup.initializeForBackup();
            backup.setContext(VssContext.FILE_SHARE_BACKUP);
            backup.startSnapshotSet();
            backup.addToSnapshotSet("C:\\");
            try (VssAsync snapshot = backup.doSnapshotSet()) {
                assertTrue(snapshot.await(SimulatedVssTest.BOUND));
            }
        }
        SimulatedMachine machine = derived.vss.simulatedMachine().orElseThrow();
        assertEquals(0, machine.liveObjects());
        assertSame(machine, derived.vss.withCallbackExecutor(inline).simulatedMachine().orElseThrow());
    }

    private record Derived(Vss vss, WeakReference<Vss> first) {
    }

    // In a method of its own, so that no local of the caller's frame keeps the first Vss reachable.
    private static Derived deriveAndDrop(ReferenceQueue<Vss> queue, Executor executor) {
        Vss first = Vss.simulator(Simulation.withVolumes("C:\\"));
        return new Derived(first.withCallbackExecutor(executor), new WeakReference<>(first, queue));
    }

    /**
     * Waits until the Cleaner has run an action registered after the first Vss was collected: had anything been
     * registered to release the backend with the first Vss, it has run by then.
     */
    private static void awaitCleanerPass() throws Exception {
        CompletableFuture<Void> passed = new CompletableFuture<>();
        Cleanup.CLEANER.register(new Object(), () -> passed.complete(null));
        for (int i = 0; i < COLLECTIONS && !passed.isDone(); i++) {
            System.gc();
            try {
                passed.get(WAIT_MILLIS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException notYet) {
                // another collection, at most COLLECTIONS
            }
        }
        assertTrue(passed.isDone(), "the Cleaner ran");
    }
}
