package io.github.vss4j.internal.request;

import io.github.vss4j.Operation;
import io.github.vss4j.ProgressEvent;
import io.github.vss4j.RetryPlan;
import io.github.vss4j.VssError;
import io.github.vss4j.VssException;
import io.github.vss4j.WriterStatus;
import io.github.vss4j.internal.Saturated;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** Decides whether and after how long a failed attempt is tried again, following a {@link RetryPlan}. */
final class RetryRules {
    private static final Set<VssError> PROVIDER_CODES = Set.of(VssError.VSS_E_FLUSH_WRITES_TIMEOUT,
            VssError.VSS_E_HOLD_WRITES_TIMEOUT, VssError.VSS_E_PROVIDER_VETO, VssError.VSS_E_UNEXPECTED_PROVIDER_ERROR);

    private final RequestSpec spec;
    private int providerFailures;
    private int busyFailures;
    private int writerFailures;

    RetryRules(RequestSpec spec) {
        this.spec = spec;
    }

    /** Which rule covers {@code failure}, or null when nothing may be retried. */
    static ProgressEvent.RetryReason reasonFor(VssException failure, WriterSelection selection) {
        if (failure.operation() == Operation.DO_SNAPSHOT_SET && PROVIDER_CODES.contains(failure.error())) {
            return ProgressEvent.RetryReason.PROVIDER;
        }
        if (failure.error() == VssError.VSS_E_SNAPSHOT_SET_IN_PROGRESS) {
            return ProgressEvent.RetryReason.SNAPSHOT_SET_IN_PROGRESS;
        }
        if (failure.error().isWriterError() && onlyTransientWriters(failure, selection)) {
            return ProgressEvent.RetryReason.WRITER;
        }
        return null;
    }

    // A failure of the writer policy names the writers it checks; a failed DoSnapshotSet may be any writer's doing.
    private static boolean onlyTransientWriters(VssException failure, WriterSelection selection) {
        List<WriterStatus> failed = failure.operation() == Operation.GET_WRITER_STATUS
                ? selection.failed(failure.writerStatus())
                : failure.writerStatus().stream().filter(WriterStatus::isFailed).toList();
        return !failed.isEmpty() && failed.stream().allMatch(w -> w.failureError().isTransient());
    }

    /**
     * Counts the failure against its rule and returns how long to wait before the next attempt, or null when the
     * rule allows no more attempts.
     */
    Duration nextWait(ProgressEvent.RetryReason reason) {
        RetryPlan plan = spec.retryPlan();
        switch (reason) {
            case PROVIDER:
                providerFailures++;
                return providerFailures < plan.providerRetry().maxAttempts() ? plan.providerRetry().delay() : null;
            case WRITER:
                writerFailures++;
                return writerFailures < plan.writerRetry().maxAttempts() ? plan.writerRetry().delay() : null;
            case SNAPSHOT_SET_IN_PROGRESS:
                busyFailures++;
                return busyFailures < plan.setInProgressAttempts() ? jittered(plan.setInProgressBackoff(busyFailures))
                        : null;
            default:
                throw new IllegalArgumentException("no rule for " + reason);
        }
    }

    // Equal jitter: at least half the back-off, so waits stay bounded below as well as above.
    private Duration jittered(Duration backoff) {
        long nanos = Saturated.nanos(backoff);
        long half = nanos / 2;
        return Duration.ofNanos(half + spec.jitter().nextLong(nanos - half + 1));
    }
}
