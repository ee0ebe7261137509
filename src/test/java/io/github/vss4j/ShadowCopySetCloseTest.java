package io.github.vss4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.vss4j.simulator.Fault;
import io.github.vss4j.simulator.SimulatedWriter;
import io.github.vss4j.simulator.Simulation;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** close(): BackupComplete under its timeout, interruptible, and the object released whatever happens. */
class ShadowCopySetCloseTest extends ShadowCopyTestBase {

    private Vss slowBackupComplete() {
        return vss(Simulation.builder().volume("C:\\").writer(SimulatedWriter.named("Writer"))
                .duration(Operation.BACKUP_COMPLETE, Duration.ofHours(1)).build());
    }

    @Test
    void aBackupCompleteTimeoutCancelsItAndReleasesTheObject() throws Exception {
        Vss vss = slowBackupComplete();
        VirtualScheduler clock = VirtualScheduler.manual();
        RecordingListener listener = new RecordingListener().on(RecordingListener.started(Phase.BACKUP_COMPLETE),
                e -> clock.nextPending().thenAccept(clock::advance));
        ShadowCopySet set = vss.shadowCopy().volumes("C:\\").scheduler(clock).listener(listener)
                .timeout(Phase.BACKUP_COMPLETE, Duration.ofMinutes(2)).create();
        set.close();
        ProgressEvent.PhaseEnded last = listener.events(ProgressEvent.PhaseEnded.class)
                .get(listener.events(ProgressEvent.PhaseEnded.class).size() - 1);
        assertEquals(Phase.BACKUP_COMPLETE, last.phase());
        assertEquals(ShadowCopyRequest.TIMEOUT_HRESULT, last.hresult());
        assertEquals(0, machine(vss).liveObjects());
        assertNoCopies(vss);
    }

    @Test
    void interruptingCloseStillReleasesAndKeepsTheInterrupt() throws Exception {
        Vss vss = slowBackupComplete();
        Thread caller = Thread.currentThread();
        RecordingListener listener = new RecordingListener().on(RecordingListener.started(Phase.BACKUP_COMPLETE),
                e -> caller.interrupt());
        ShadowCopySet set = vss.shadowCopy().volumes("C:\\").listener(listener).create();
        set.close();
        assertTrue(Thread.interrupted(), "the interrupt is kept for the caller");
        assertEquals(0, machine(vss).liveObjects());
        assertNoCopies(vss);
    }

    @Test
    void aFailedBackupCompleteIsLoggedAndTheObjectReleased() throws Exception {
        Vss vss = vss(Simulation.builder().volume("C:\\").writer(SimulatedWriter.named("Writer"))
                .fault(Fault.on(Operation.BACKUP_COMPLETE).fails(VssError.VSS_E_UNEXPECTED_WRITER_ERROR)
                        .throughQueryStatus()).build());
        RecordingListener listener = new RecordingListener();
        vss.shadowCopy().volumes("C:\\").listener(listener).create().close();
        ProgressEvent.PhaseEnded last = listener.events(ProgressEvent.PhaseEnded.class)
                .get(listener.events(ProgressEvent.PhaseEnded.class).size() - 1);
        assertEquals(VssError.VSS_E_UNEXPECTED_WRITER_ERROR.hresult(), last.hresult());
        assertEquals(0, machine(vss).liveObjects());
        assertNoCopies(vss);
    }

    @Test
    void aSetMadeAsTheFutureWasCancelledIsReleased() throws Exception {
        Vss vss = vss(Simulation.withVolumes("C:\\"));
        CompletableFuture<CompletableFuture<ShadowCopySet>> handle = new CompletableFuture<>();
        RecordingListener listener = new RecordingListener().on(
                e -> e instanceof ProgressEvent.Finished, e -> handle.join().cancel(true));
        handle.complete(vss.shadowCopy().volumes("C:\\").context(VssContext.FILE_SHARE_BACKUP).listener(listener)
                .createAsync());
        assertEquals(ProgressEvent.Outcome.SUCCEEDED, awaitEnd(listener).outcome());
        assertTrue(handle.get(BOUND.toSeconds(), TimeUnit.SECONDS).isCancelled());
        listener.released().get(BOUND.toSeconds(), TimeUnit.SECONDS);
        assertEquals(0, machine(vss).liveObjects());
        assertNoCopies(vss);
    }
}
