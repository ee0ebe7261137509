package io.github.vss4j.internal.request;

import io.github.vss4j.AsyncStatus;
import io.github.vss4j.Phase;
import io.github.vss4j.ShadowCopyRequest;
import io.github.vss4j.VssAsync;
import io.github.vss4j.VssError;
import io.github.vss4j.VssException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the phases of one attempt (a backup's or a restore's): each phase reported as it starts and ends, each
 * asynchronous operation awaited under the phase's timeout and the request's deadline, and the operation still
 * running when a phase fails kept for clean-up to cancel.
 */
final class PhaseSteps {
    private static final Logger LOG = LoggerFactory.getLogger(ShadowCopyRequest.class);

    @FunctionalInterface
    interface Step<T> {
        T run() throws VssException, CancelledRun, InterruptedException;
    }

    @FunctionalInterface
    interface Start {
        VssAsync start() throws VssException;
    }

    private final Progress progress;
    private final Waits waits;
    private final Map<Phase, Duration> timeouts;
    private final Duration deadline;
    private final int attempt;
    private Phase phase;
    private VssAsync running;
    private boolean cancelled;
    private boolean interrupted;

    PhaseSteps(Progress progress, Waits waits, Map<Phase, Duration> timeouts, Duration deadline, int attempt,
            Phase first) {
        this.progress = progress;
        this.waits = waits;
        this.timeouts = timeouts;
        this.deadline = deadline;
        this.attempt = attempt;
        this.phase = first;
    }

    /** The phase under way, or the last one run. */
    Phase phase() {
        return phase;
    }

    Waits waits() {
        return waits;
    }

    /** Runs {@code body} as phase {@code next}, reported to the listener, the log and JFR with its result. */
    <T> T run(Phase next, Step<T> body) throws VssException, CancelledRun, InterruptedException {
        phase = next;
        Progress.Span span = progress.start(next, attempt, waits);
        int hresult = VssError.VSS_S_ASYNC_CANCELLED.hresult();
        try {
            waits.checkCancelled();
            T result = body.run();
            hresult = 0;
            return result;
        } catch (VssException failed) {
            hresult = failed.hresult();
            throw failed;
        } catch (IllegalArgumentException refused) {
            hresult = VssError.E_INVALIDARG.hresult();
            throw refused;
        } catch (RuntimeException bug) {
            hresult = VssError.E_UNEXPECTED.hresult();
            throw bug;
        } finally {
            span.end(hresult);
        }
    }

    /** Starts an operation and waits for it under the phase's timeout; a failure is the operation's. */
    Void await(Start start) throws VssException, CancelledRun, InterruptedException {
        VssAsync operation = start.start();
        running = operation;
        Duration timeout = timeouts.get(phase);
        Waits.End end = waits.await(operation, timeout);
        if (end != Waits.End.ENDED) {
            throw new VssException(operation.operation(), ShadowCopyRequest.TIMEOUT_HRESULT,
                    end == Waits.End.TIMED_OUT ? "no result within the " + phase + " timeout of " + timeout
                            : "the request's deadline of " + deadline + " passed");
        }
        running = null;
        try {
            operation.await();
        } catch (CancellationException cancelledElsewhere) {
            throw new CancelledRun();
        } finally {
            operation.close();
        }
        return null;
    }

    /**
     * Clean-up: cancels the operation a failed phase left running and waits at most {@code bound} for it to end,
     * then hands it over (still open) for the caller to inspect and close; null if none was running.
     */
    VssAsync cancelRunning(Duration bound) {
        VssAsync operation = running;
        running = null;
        if (operation == null) {
            return null;
        }
        try {
            if (operation.cancel().state() == AsyncStatus.State.CANCELLED) {
                cancelled = true;
            }
        } catch (VssException | RuntimeException refused) {
            LOG.warn("Could not cancel {} during clean-up: {}", operation.operation().vssName(),
                    refused.getMessage());
        }
        if (!waits.awaitEndQuietly(operation, bound)) {
            // Clean-up goes on; the caller sets the flag again when it is over.
            Thread.interrupted();
            interrupted = true;
        }
        return operation;
    }

    /** Whether the thread was interrupted while {@link #cancelRunning} waited. */
    boolean interruptedWhileCancelling() {
        return interrupted;
    }

    /** Whether {@link #cancelRunning} cancelled an operation. */
    boolean cancelledAsync() {
        return cancelled;
    }
}
