package io.github.vss4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.vss4j.simulator.Fault;
import io.github.vss4j.simulator.SimulatedWriter;
import io.github.vss4j.simulator.Simulation;
import io.github.vss4j.simulator.WriterPhase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Retries as documented, under a virtual clock: exact attempts, exact waits, and nothing else retried. */
class ShadowCopyRetryTest extends ShadowCopyTestBase {
    private static final Duration TEN_MINUTES = Duration.ofMinutes(10);

    private final VirtualScheduler clock = VirtualScheduler.automatic();

    private Vss machineWith(Fault fault) {
        return vss(Simulation.builder().volume("C:\\").writer(SimulatedWriter.named("Writer")).fault(fault).build());
    }

    @ParameterizedTest
    @EnumSource(names = {"VSS_E_FLUSH_WRITES_TIMEOUT", "VSS_E_HOLD_WRITES_TIMEOUT", "VSS_E_PROVIDER_VETO",
            "VSS_E_UNEXPECTED_PROVIDER_ERROR"})
    void eachDocumentedCodeIsTriedAgainThreeTimesTenMinutesApartThenFails(VssError code) throws Exception {
        Vss vss = machineWith(Fault.on(Operation.DO_SNAPSHOT_SET).fails(code).throughQueryStatus().always());
        RecordingListener listener = new RecordingListener();
        VssException thrown = assertThrows(VssException.class,
                () -> vss.shadowCopy().volumes("C:\\").scheduler(clock).listener(listener).create());
        assertEquals(code, thrown.error());
        assertEquals(code.hresult(), thrown.hresult());
        assertEquals(4, thrown.attempt());
        assertEquals(Phase.DO_SNAPSHOT_SET, thrown.phase().orElseThrow());
        assertEquals(List.of(TEN_MINUTES, TEN_MINUTES, TEN_MINUTES), clock.requested());
        assertEquals(Duration.ofMinutes(30), clock.elapsed());
        assertEquals(4, count(vss, Operation.CREATE_BACKUP_COMPONENTS), "a new object for each attempt");
        assertEquals(4, count(vss, Operation.ABORT_BACKUP));
        assertEquals(0, count(vss, Operation.BACKUP_COMPLETE));
        List<ProgressEvent.RetryScheduled> retries = listener.events(ProgressEvent.RetryScheduled.class);
        assertEquals(3, retries.size());
        for (ProgressEvent.RetryScheduled retry : retries) {
            assertEquals(ProgressEvent.RetryReason.PROVIDER, retry.reason());
            assertEquals(code, retry.failure().error());
        }
        assertNoCopies(vss);
    }

    @ParameterizedTest
    @EnumSource(names = {"VSS_E_FLUSH_WRITES_TIMEOUT", "VSS_E_HOLD_WRITES_TIMEOUT"})
    void anImmediateDocumentedCodeRecoversOnTheThirdAttempt(VssError code) throws Exception {
        Vss vss = machineWith(Fault.on(Operation.DO_SNAPSHOT_SET).fails(code).times(2));
        try (ShadowCopySet set = vss.shadowCopy().volumes("C:\\").scheduler(clock).create()) {
            assertEquals(3, set.attempts());
            assertEquals(1, set.copies().size());
        }
        assertEquals(List.of(TEN_MINUTES, TEN_MINUTES), clock.requested());
        assertNoCopies(vss);
    }

    @Test
    void theDocumentedPlanIsConfigurable() throws Exception {
        Vss vss = machineWith(Fault.on(Operation.DO_SNAPSHOT_SET).fails(VssError.VSS_E_PROVIDER_VETO)
                .throughQueryStatus().always());
        VssException thrown = assertThrows(VssException.class, () -> vss.shadowCopy().volumes("C:\\")
                .scheduler(clock).retryPlan(RetryPlan.documented().withProviderRetry(5, Duration.ofMinutes(1)))
                .create());
        assertEquals(5, thrown.attempt());
        assertEquals(Collections.nCopies(4, Duration.ofMinutes(1)), clock.requested());
    }

    static Stream<VssError> notRetried() {
        return Stream.of(VssError.E_ACCESSDENIED, VssError.E_OUTOFMEMORY, VssError.VSS_E_BAD_STATE,
                VssError.VSS_E_INSUFFICIENT_STORAGE, VssError.VSS_E_NESTED_VOLUME_LIMIT,
                VssError.VSS_E_REBOOT_REQUIRED, VssError.VSS_E_TRANSACTION_FREEZE_TIMEOUT,
                VssError.VSS_E_TRANSACTION_THAW_TIMEOUT, VssError.VSS_E_UNEXPECTED, VssError.E_UNEXPECTED);
    }

    @ParameterizedTest
    @MethodSource("notRetried")
    void otherDoSnapshotSetCodesFailTheFirstAttempt(VssError code) throws Exception {
        Vss vss = machineWith(Fault.on(Operation.DO_SNAPSHOT_SET).fails(code).throughQueryStatus().always());
        VssException thrown = assertThrows(VssException.class,
                () -> vss.shadowCopy().volumes("C:\\").scheduler(clock).create());
        assertEquals(code, thrown.error());
        assertEquals(1, thrown.attempt());
        assertEquals(List.of(), clock.requested());
        assertEquals(1, count(vss, Operation.CREATE_BACKUP_COMPONENTS));
    }

    @Test
    void aProviderVetoOutsideDoSnapshotSetIsNotRetried() throws Exception {
        Vss vss = machineWith(Fault.on(Operation.ADD_TO_SNAPSHOT_SET).fails(VssError.VSS_E_PROVIDER_VETO).always());
        VssException thrown = assertThrows(VssException.class,
                () -> vss.shadowCopy().volumes("C:\\").scheduler(clock).create());
        assertEquals(Operation.ADD_TO_SNAPSHOT_SET, thrown.operation());
        assertEquals(1, thrown.attempt());
        assertEquals(List.of(), clock.requested());
    }

    @Test
    void aSetInProgressBacksOffWithBoundedJitter() throws Exception {
        Vss vss = machineWith(Fault.on(Operation.START_SNAPSHOT_SET).fails(VssError.VSS_E_SNAPSHOT_SET_IN_PROGRESS)
                .times(4));
        RetryPlan plan = RetryPlan.documented().withSetInProgressBackoff(6, Duration.ofSeconds(2),
                Duration.ofSeconds(10));
        try (ShadowCopySet set = vss.shadowCopy().volumes("C:\\").scheduler(clock).retryPlan(plan)
                .jitter(new Random(42)).create()) {
            assertEquals(5, set.attempts());
        }
        List<Duration> waits = clock.requested();
        assertEquals(4, waits.size());
        List<Duration> backoffs = List.of(Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8),
                Duration.ofSeconds(10));
        for (int i = 0; i < waits.size(); i++) {
            Duration backoff = backoffs.get(i);
            assertTrue(waits.get(i).compareTo(backoff.dividedBy(2)) >= 0 && waits.get(i).compareTo(backoff) <= 0,
                    "wait " + i + " " + waits.get(i) + " within [" + backoff.dividedBy(2) + ", " + backoff + "]");
        }
        assertEquals(0, count(vss, Operation.ABORT_BACKUP), "no set was open when StartSnapshotSet failed");

        VirtualScheduler again = VirtualScheduler.automatic();
        Vss second = machineWith(Fault.on(Operation.START_SNAPSHOT_SET)
                .fails(VssError.VSS_E_SNAPSHOT_SET_IN_PROGRESS).times(4));
        second.shadowCopy().volumes("C:\\").scheduler(again).retryPlan(plan).jitter(new Random(42)).create().close();
        assertEquals(waits, again.requested(), "the same seed gives the same waits");
    }

    @Test
    void anotherRequesterHoldingTheSetExhaustsTheBackOff() throws Exception {
        Vss vss = vss(Simulation.withVolumes("C:\\"));
        BackupComponents other = holdingTheSet(vss);
        RetryPlan plan = RetryPlan.none().withSetInProgressBackoff(3, Duration.ofSeconds(1), Duration.ofSeconds(4));
        VssException thrown = assertThrows(VssException.class, () -> vss.shadowCopy().volumes("C:\\")
                .context(VssContext.FILE_SHARE_BACKUP).scheduler(clock).retryPlan(plan).create());
        assertEquals(VssError.VSS_E_SNAPSHOT_SET_IN_PROGRESS, thrown.error());
        assertEquals(3, thrown.attempt());
        assertEquals(2, clock.requested().size());
        other.abortBackup();
    }

    @Test
    void theRequestGetsTheSetOnceTheOtherRequesterIsDone() throws Exception {
        Vss vss = vss(Simulation.withVolumes("C:\\"));
        BackupComponents other = holdingTheSet(vss);
        RecordingListener listener = new RecordingListener().on(e -> e instanceof ProgressEvent.RetryScheduled, e -> {
            try {
                other.abortBackup();
            } catch (VssException unexpected) {
                throw new IllegalStateException(unexpected);
            }
        });
        try (ShadowCopySet set = vss.shadowCopy().volumes("C:\\").context(VssContext.FILE_SHARE_BACKUP)
                .scheduler(clock).listener(listener).create()) {
            assertEquals(2, set.attempts());
        }
        ProgressEvent.RetryScheduled retry = listener.events(ProgressEvent.RetryScheduled.class).get(0);
        assertEquals(ProgressEvent.RetryReason.SNAPSHOT_SET_IN_PROGRESS, retry.reason());
        assertTrue(retry.delay().compareTo(Duration.ofMillis(500)) >= 0
                && retry.delay().compareTo(Duration.ofSeconds(1)) <= 0, retry.delay().toString());
    }

    @Test
    void aRetryableWriterRunsTheWholeSequenceAgain() throws Exception {
        Vss vss = vss(Simulation.builder().volume("C:\\")
                .writer(SimulatedWriter.named("Flaky").failingAt(WriterPhase.FREEZE,
                        VssError.VSS_E_WRITERERROR_RETRYABLE)).build());
        RecordingListener listener = new RecordingListener();
        VssException thrown = assertThrows(VssException.class,
                () -> vss.shadowCopy().volumes("C:\\").scheduler(clock).listener(listener).create());
        assertEquals(VssError.VSS_E_WRITERERROR_RETRYABLE, thrown.error());
        assertEquals(4, thrown.attempt());
        assertEquals(Phase.WRITER_STATUS_AFTER_SNAPSHOT, thrown.phase().orElseThrow());
        assertEquals(WriterState.FAILED_AT_FREEZE, thrown.writerStatus().get(0).state());
        assertEquals(List.of(TEN_MINUTES, TEN_MINUTES, TEN_MINUTES), clock.requested());
        assertEquals(4, count(vss, Operation.DO_SNAPSHOT_SET), "the whole sequence, and three times again");
        assertEquals(ProgressEvent.RetryReason.WRITER,
                listener.events(ProgressEvent.RetryScheduled.class).get(0).reason());
        assertNoCopies(vss);
    }

    @Test
    void aRetryableWriterThatFailsDoSnapshotSetIsRetriedToo() throws Exception {
        Vss vss = vss(Simulation.builder().volume("C:\\").writerFailureFailsSnapshotSet(true)
                .writer(SimulatedWriter.named("Flaky").failingAt(WriterPhase.FREEZE,
                        VssError.VSS_E_WRITERERROR_RETRYABLE)).build());
        VssException thrown = assertThrows(VssException.class, () -> vss.shadowCopy().volumes("C:\\")
                .scheduler(clock).retryPlan(RetryPlan.documented().withWriterRetry(2, Duration.ofMinutes(3)))
                .create());
        assertEquals(Operation.DO_SNAPSHOT_SET, thrown.operation());
        assertEquals(VssError.VSS_E_UNEXPECTED_WRITER_ERROR, thrown.error());
        assertEquals(2, thrown.attempt());
        assertEquals(VssError.VSS_E_WRITERERROR_RETRYABLE, thrown.writerStatus().get(0).failureError());
        assertEquals(List.of(Duration.ofMinutes(3)), clock.requested());
    }

    @Test
    void aNonRetryableWriterIsNotRetried() throws Exception {
        Vss vss = vss(Simulation.builder().volume("C:\\")
                .writer(SimulatedWriter.named("Broken").failingAt(WriterPhase.PREPARE_BACKUP,
                        VssError.VSS_E_WRITERERROR_NONRETRYABLE)).build());
        VssException thrown = assertThrows(VssException.class,
                () -> vss.shadowCopy().volumes("C:\\").scheduler(clock).create());
        assertEquals(1, thrown.attempt());
        assertEquals(List.of(), clock.requested());
    }

    @Test
    void theDeadlineCutsTheRetriesShort() throws Exception {
        // Without writers and with DoSnapshotSet failing at once, nothing runs long enough for the virtual
        // clock (which fires every timer at once) to end it: only the retry waits count.
        Vss vss = machineWith(Fault.on(Operation.DO_SNAPSHOT_SET).fails(VssError.VSS_E_HOLD_WRITES_TIMEOUT)
                .always());
        VssException thrown = assertThrows(VssException.class, () -> vss.shadowCopy().volumes("C:\\")
                .context(VssContext.FILE_SHARE_BACKUP).scheduler(clock).deadline(Duration.ofMinutes(15)).create());
        assertEquals(VssError.VSS_E_HOLD_WRITES_TIMEOUT, thrown.error());
        assertEquals(2, thrown.attempt(), "a second ten-minute wait would pass the deadline");
        assertEquals(List.of(TEN_MINUTES), clock.requested());
    }

    @Test
    void noneMeansOneAttempt() throws Exception {
        Vss vss = machineWith(Fault.on(Operation.DO_SNAPSHOT_SET).fails(VssError.VSS_E_FLUSH_WRITES_TIMEOUT).always());
        List<Integer> attempts = new ArrayList<>();
        VssException thrown = assertThrows(VssException.class, () -> vss.shadowCopy().volumes("C:\\")
                .scheduler(clock).retryPlan(RetryPlan.none())
                .listener(e -> attempts.add(e.attempt())).create());
        assertEquals(1, thrown.attempt());
        assertTrue(attempts.stream().allMatch(a -> a == 1));
    }
}
