package io.github.vss4j.internal.request;

import io.github.vss4j.ProgressEvent;
import io.github.vss4j.ShadowCopyRequest;
import io.github.vss4j.ShadowCopySet;
import io.github.vss4j.VssException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One run of a request: attempts, retries between them, and the final outcome. */
public final class ShadowCopyRun {
    private static final Logger LOG = LoggerFactory.getLogger(ShadowCopyRequest.class);

    private final RequestSpec spec;
    private final Results results;
    private final Waits waits;
    private final Progress progress;
    private final RetryRules rules;
    private int attempt;

    /**
     * @param cancelled completes when the caller cancels the run; null when only an interrupt stops it
     * @param results   makes the set and the failures the caller receives
     */
    public ShadowCopyRun(RequestSpec spec, CompletableFuture<Void> cancelled, Results results) {
        this.spec = spec;
        this.results = results;
        this.waits = new Waits(spec.scheduler(), cancelled, spec.deadline());
        this.progress = new Progress(spec.listener(), spec.writers());
        this.rules = new RetryRules(spec);
    }

    /** Runs on this thread. */
    public ShadowCopySet run() throws VssException, InterruptedException {
        try {
            ShadowCopySet set = attempts();
            progress.finished(attempt, ProgressEvent.Outcome.SUCCEEDED);
            return set;
        } catch (VssException failure) {
            LOG.warn("Shadow copies of {} could not be made: {}", spec.volumes(), failure.getMessage());
            progress.finished(attempt, ProgressEvent.Outcome.FAILED);
            throw failure;
        } catch (CancelledRun | InterruptedException stopped) {
            LOG.info("The shadow copy request for {} was cancelled and cleaned up.", spec.volumes());
            progress.finished(attempt, ProgressEvent.Outcome.CANCELLED);
            if (stopped instanceof InterruptedException interrupted) {
                throw interrupted;
            }
            throw new CancellationException("the shadow copy request was cancelled");
        } catch (RuntimeException | Error bug) {
            progress.finished(attempt, ProgressEvent.Outcome.FAILED);
            throw bug;
        }
    }

    /** Runs on this thread and completes {@code result}; a set nobody can receive any more is closed. */
    public void runInto(CompletableFuture<ShadowCopySet> result) {
        try {
            ShadowCopySet set = run();
            if (!result.complete(set)) {
                LOG.info("The shadow copy request was cancelled as it succeeded; releasing its copies.");
                set.close();
            }
        } catch (Throwable failure) {
            result.completeExceptionally(failure);
        }
    }

    private ShadowCopySet attempts() throws VssException, CancelledRun, InterruptedException {
        while (true) {
            attempt++;
            progress.attemptStarted(attempt);
            try {
                return results.shadowCopySet(new ShadowCopyAttempt(spec, results, waits, progress, attempt).run());
            } catch (VssException failure) {
                waitBeforeRetry(failure);
            }
        }
    }

    private void waitBeforeRetry(VssException failure) throws VssException, CancelledRun, InterruptedException {
        ProgressEvent.RetryReason reason = RetryRules.reasonFor(failure, spec.writers());
        if (reason == null) {
            throw failure;
        }
        Duration wait = rules.nextWait(reason);
        if (wait == null) {
            LOG.warn("Giving up after attempt {}: the {} retry rule allows no more attempts.", attempt, reason);
            throw failure;
        }
        if (waits.passesDeadline(wait)) {
            LOG.warn("Giving up after attempt {}: waiting {} s to retry would pass the request's deadline.", attempt,
                    wait.toSeconds());
            throw failure;
        }
        progress.retryScheduled(attempt, reason, failure, wait);
        waits.sleep(wait);
    }
}
