package io.github.vss4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.vss4j.simulator.Fault;
import io.github.vss4j.simulator.SimulatedWriter;
import io.github.vss4j.simulator.Simulation;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Cancel, timeouts and the deadline at every phase: everything released, the machine free again. */
class ShadowCopyCancelTest extends ShadowCopyTestBase {
    private static final Duration HOUR = Duration.ofHours(1);
    private static final Set<Phase> AFTER_SET_STARTED = EnumSet.of(Phase.PREPARE_FOR_BACKUP,
            Phase.WRITER_STATUS_AFTER_PREPARE, Phase.DO_SNAPSHOT_SET, Phase.WRITER_STATUS_AFTER_SNAPSHOT,
            Phase.GET_SNAPSHOT_PROPERTIES);

    /** A machine whose operation in {@code phase} takes an hour; phases after the first status check are quick. */
    private Vss slowAt(Phase phase) {
        Simulation.Builder builder = Simulation.builder().volume("C:\\").volume("D:\\")
                .writer(SimulatedWriter.named("Writer"));
        if (phase.isAsynchronous() && phase != Phase.WRITER_STATUS_AFTER_SNAPSHOT) {
            builder.duration(phaseOperation(phase), HOUR);
        }
        return vss(builder.build());
    }

    private static Operation phaseOperation(Phase phase) {
        switch (phase) {
            case GATHER_WRITER_METADATA: return Operation.GATHER_WRITER_METADATA;
            case PREPARE_FOR_BACKUP: return Operation.PREPARE_FOR_BACKUP;
            case DO_SNAPSHOT_SET: return Operation.DO_SNAPSHOT_SET;
            case BACKUP_COMPLETE: return Operation.BACKUP_COMPLETE;
            default: return Operation.GATHER_WRITER_STATUS;
        }
    }

    @ParameterizedTest
    // The component-mode phases have their own cancel test (ComponentModeRequestTest); a volume request skips them.
    // The restore phases belong to RestoreRequest (RestoreRequestTest).
    @EnumSource(names = {"BACKUP_COMPLETE", "SELECT_COMPONENTS", "SET_BACKUP_SUCCEEDED", "INITIALIZE_FOR_RESTORE",
        "SELECT_FOR_RESTORE", "PRE_RESTORE", "WRITER_STATUS_AFTER_PRE_RESTORE", "SET_FILE_RESTORE_STATUS",
        "POST_RESTORE", "WRITER_STATUS_AFTER_POST_RESTORE"}, mode = EnumSource.Mode.EXCLUDE)
    void cancellingTheFutureAtAPhaseCleansUpFully(Phase phase) throws Exception {
        Vss vss = slowAt(phase);
        CompletableFuture<CompletableFuture<ShadowCopySet>> handle = new CompletableFuture<>();
        RecordingListener listener = new RecordingListener().on(RecordingListener.started(phase),
                e -> handle.join().cancel(true));
        handle.complete(vss.shadowCopy().volumes("C:\\", "D:\\").listener(listener).createAsync());

        assertEquals(ProgressEvent.Outcome.CANCELLED, awaitEnd(listener).outcome());
        assertTrue(handle.get().isCancelled());
        List<Operation> log = machine(vss).callLog();
        assertEquals(AFTER_SET_STARTED.contains(phase), log.contains(Operation.ABORT_BACKUP), log.toString());
        assertFalse(log.contains(Operation.BACKUP_COMPLETE));
        ProgressEvent.CleanedUp cleaned = listener.events(ProgressEvent.CleanedUp.class).get(0);
        ProgressEvent.PhaseEnded last = listener.events(ProgressEvent.PhaseEnded.class)
                .get(listener.events(ProgressEvent.PhaseEnded.class).size() - 1);
        assertEquals(phase, last.phase());
        assertEquals(VssError.VSS_S_ASYNC_CANCELLED.hresult(), last.hresult());
        assertFalse(cleaned.cancelledAsync(), "the cancel came before the operation started");
        assertEquals(0, machine(vss).liveObjects());
        assertNoCopies(vss);
        assertMachineFree(vss);
    }

    @ParameterizedTest
    @EnumSource(names = {"GATHER_WRITER_METADATA", "PREPARE_FOR_BACKUP", "WRITER_STATUS_AFTER_PREPARE",
            "DO_SNAPSHOT_SET"})
    void cancellingWhileAnOperationRunsCancelsIt(Phase phase) throws Exception {
        Vss vss = slowAt(phase);
        CompletableFuture<CompletableFuture<ShadowCopySet>> handle = new CompletableFuture<>();
        VirtualScheduler clock = VirtualScheduler.manual();
        // A phase timeout registers the wait only once the operation runs: that is the moment to cancel.
        CompletableFuture<Duration> running = clock.nextPending();
        RecordingListener listener = new RecordingListener();
        handle.complete(vss.shadowCopy().volumes("C:\\").listener(listener).scheduler(clock)
                .timeout(phase, Duration.ofDays(1)).createAsync());
        running.get(BOUND.toSeconds(), TimeUnit.SECONDS);
        handle.get().cancel(true);

        assertEquals(ProgressEvent.Outcome.CANCELLED, awaitEnd(listener).outcome());
        ProgressEvent.CleanedUp cleaned = listener.events(ProgressEvent.CleanedUp.class).get(0);
        assertTrue(cleaned.cancelledAsync(), "the running operation was cancelled");
        assertEquals(phase != Phase.GATHER_WRITER_METADATA, cleaned.aborted());
        assertEquals(0, machine(vss).liveObjects());
        assertNoCopies(vss);
        assertMachineFree(vss);
    }

    @Test
    void interruptingCreateCleansUpAndThrowsInterruptedException() throws Exception {
        Vss vss = slowAt(Phase.DO_SNAPSHOT_SET);
        Thread caller = Thread.currentThread();
        RecordingListener listener = new RecordingListener().on(RecordingListener.started(Phase.DO_SNAPSHOT_SET),
                e -> caller.interrupt());
        assertThrows(InterruptedException.class, () -> vss.shadowCopy().volumes("C:\\").listener(listener).create());
        assertFalse(Thread.interrupted());
        assertEquals(ProgressEvent.Outcome.CANCELLED, awaitEnd(listener).outcome());
        assertTrue(machine(vss).callLog().contains(Operation.ABORT_BACKUP));
        assertEquals(0, machine(vss).liveObjects());
        assertMachineFree(vss);
    }

    @Test
    void cancellingDuringTheRetryWaitStopsAtOnce() throws Exception {
        Vss vss = vss(Simulation.builder().volume("C:\\").fault(Fault.on(Operation.DO_SNAPSHOT_SET)
                .fails(VssError.VSS_E_FLUSH_WRITES_TIMEOUT).always()).build());
        VirtualScheduler clock = VirtualScheduler.manual();
        CompletableFuture<Duration> waiting = clock.nextPending();
        RecordingListener listener = new RecordingListener();
        CompletableFuture<ShadowCopySet> future = vss.shadowCopy().volumes("C:\\").scheduler(clock)
                .listener(listener).createAsync();
        assertEquals(Duration.ofMinutes(10), waiting.get(BOUND.toSeconds(), TimeUnit.SECONDS));
        future.cancel(true);
        assertEquals(ProgressEvent.Outcome.CANCELLED, awaitEnd(listener).outcome());
        assertEquals(1, count(vss, Operation.CREATE_BACKUP_COMPONENTS));
        assertThrows(CancellationException.class, future::join);
    }

    @Test
    void aPhaseTimeoutCancelsAbortsAndFailsWithTheTimeoutHresult() throws Exception {
        Vss vss = slowAt(Phase.DO_SNAPSHOT_SET);
        VirtualScheduler clock = VirtualScheduler.manual();
        CompletableFuture<Duration> timer = clock.nextPending();
        RecordingListener listener = new RecordingListener();
        CompletableFuture<ShadowCopySet> future = vss.shadowCopy().volumes("C:\\").scheduler(clock)
                .listener(listener).timeout(Phase.DO_SNAPSHOT_SET, Duration.ofMinutes(5)).createAsync();
        assertEquals(Duration.ofMinutes(5), timer.get(BOUND.toSeconds(), TimeUnit.SECONDS));
        clock.advance(Duration.ofMinutes(5));

        VssException thrown = failure(future);
        assertEquals(ShadowCopyRequest.TIMEOUT_HRESULT, thrown.hresult());
        assertEquals(Operation.DO_SNAPSHOT_SET, thrown.operation());
        assertEquals(Phase.DO_SNAPSHOT_SET, thrown.phase().orElseThrow());
        assertEquals(1, thrown.attempt(), "a timeout is not retried");
        assertEquals(ProgressEvent.Outcome.FAILED, awaitEnd(listener).outcome());
        assertTrue(listener.events(ProgressEvent.CleanedUp.class).get(0).cancelledAsync());
        assertTrue(machine(vss).callLog().contains(Operation.ABORT_BACKUP));
        assertFalse(machine(vss).callLog().contains(Operation.BACKUP_COMPLETE));
        assertEquals(0, machine(vss).liveObjects());
        assertMachineFree(vss);
    }

    @Test
    void theDeadlineBoundsAPhaseWithoutItsOwnTimeout() throws Exception {
        Vss vss = slowAt(Phase.PREPARE_FOR_BACKUP);
        VirtualScheduler clock = VirtualScheduler.manual();
        CompletableFuture<Duration> timer = new CompletableFuture<>();
        // Every wait is bounded by the deadline; the one to expire is PrepareForBackup's, registered after this event.
        RecordingListener listener = new RecordingListener().on(RecordingListener.started(Phase.PREPARE_FOR_BACKUP),
                e -> clock.nextPending().thenAccept(left -> {
                    timer.complete(left);
                    clock.advance(left);
                }));
        CompletableFuture<ShadowCopySet> future = vss.shadowCopy().volumes("C:\\").scheduler(clock)
                .listener(listener).deadline(Duration.ofMinutes(30)).createAsync();
        assertEquals(Duration.ofMinutes(30), timer.get(BOUND.toSeconds(), TimeUnit.SECONDS));
        VssException thrown = failure(future);
        assertEquals(ShadowCopyRequest.TIMEOUT_HRESULT, thrown.hresult());
        assertEquals(Phase.PREPARE_FOR_BACKUP, thrown.phase().orElseThrow());
        assertTrue(thrown.getMessage().contains("deadline"), thrown.getMessage());
    }

    @Test
    void realTimeoutsWorkWithTheSystemScheduler() throws Exception {
        Vss vss = slowAt(Phase.DO_SNAPSHOT_SET);
        VssException thrown = assertThrows(VssException.class, () -> vss.shadowCopy().volumes("C:\\")
                .timeout(Phase.DO_SNAPSHOT_SET, Duration.ofMillis(50)).create());
        assertEquals(ShadowCopyRequest.TIMEOUT_HRESULT, thrown.hresult());
        assertTrue(machine(vss).callLog().contains(Operation.ABORT_BACKUP));
        assertMachineFree(vss);
    }

    @Test
    void aTimeoutThatCrossesAPersistentSnapshotsEndLeavesNoCopies() throws Exception {
        Vss vss = vss(Simulation.withVolumes("C:\\"));
        VirtualScheduler clock = VirtualScheduler.manual();
        CompletableFuture<Duration> timer = clock.nextPending();
        CompletableFuture<ShadowCopySet> future = vss.shadowCopy().volumes("C:\\")
                .context(VssContext.CLIENT_ACCESSIBLE).scheduler(clock)
                .listener(e -> {
                    if (e instanceof ProgressEvent.PhaseStarted s && s.phase() == Phase.DO_SNAPSHOT_SET) {
                        // The request registers its timer after this event; fire it as soon as it exists.
                        timer.thenAccept(clock::advance);
                    }
                })
                .timeout(Phase.DO_SNAPSHOT_SET, Duration.ofMinutes(1)).createAsync();
        try {
            future.get(BOUND.toSeconds(), TimeUnit.SECONDS).close();
        } catch (java.util.concurrent.ExecutionException timedOut) {
            assertEquals(ShadowCopyRequest.TIMEOUT_HRESULT, ((VssException) timedOut.getCause()).hresult());
            assertNoCopies(vss);
        }
        assertMachineFree(vss);
    }

    private static VssException failure(CompletableFuture<ShadowCopySet> future) throws Exception {
        try {
            future.get(BOUND.toSeconds(), TimeUnit.SECONDS).close();
            throw new AssertionError("the request succeeded");
        } catch (java.util.concurrent.ExecutionException failed) {
            return (VssException) failed.getCause();
        }
    }
}
