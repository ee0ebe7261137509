package io.github.vss4j;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link ShadowCopyRequest} tries again. Every retry runs the whole sequence again with a new
 * backup-components object, after the previous one was cleaned up. Three kinds of failure are retried, each
 * counted on its own; nothing else is.
 *
 * <ul>
 * <li>DoSnapshotSet failing with {@link VssError#VSS_E_FLUSH_WRITES_TIMEOUT}, {@link VssError#VSS_E_HOLD_WRITES_TIMEOUT},
 * {@link VssError#VSS_E_PROVIDER_VETO} or {@link VssError#VSS_E_UNEXPECTED_PROVIDER_ERROR}: {@link #providerRetry()},
 * by default what Microsoft documents ({@link VssError#documentedRetry()}: the first attempt and up to three more, ten minutes
 * apart). The four codes share one count.</li>
 * <li>{@link VssError#VSS_E_SNAPSHOT_SET_IN_PROGRESS} (another set is being created on the machine):
 * {@link #setInProgressAttempts()} attempts in all, waiting an exponential back-off from
 * {@link #setInProgressBaseDelay()} doubling up to {@link #setInProgressMaxDelay()}, of which a random part in
 * [half, all] is waited ("equal jitter") so that competing requesters spread out.</li>
 * <li>Writers whose status reports a transient writer error ({@link VssError#VSS_E_WRITERERROR_RETRYABLE},
 * {@link VssError#VSS_E_WRITERERROR_TIMEOUT}, {@link VssError#VSS_E_WRITERERROR_OUTOFRESOURCES}) when that makes
 * the request fail: {@link #writerRetry()}, by default the same documented retries, up to three, ten minutes apart.</li>
 * </ul>
 *
 * @param providerRetry         attempts and wait for DoSnapshotSet's four documented retry codes
 * @param setInProgressAttempts attempts in all while another snapshot set is in progress
 * @param setInProgressBaseDelay the back-off before the first retry, before jitter
 * @param setInProgressMaxDelay  the longest back-off, before jitter
 * @param writerRetry           attempts and wait when writers report a transient error
 */
public record RetryPlan(VssError.RetryPolicy providerRetry, int setInProgressAttempts, Duration setInProgressBaseDelay,
        Duration setInProgressMaxDelay, VssError.RetryPolicy writerRetry) {

    private static final VssError.RetryPolicy DOCUMENTED =
            VssError.VSS_E_FLUSH_WRITES_TIMEOUT.documentedRetry().orElseThrow();
    private static final VssError.RetryPolicy ONCE = new VssError.RetryPolicy(1, Duration.ZERO);

    /** Checks the values: at least one attempt each, delays not negative, base not above max. */
    public RetryPlan {
        Objects.requireNonNull(providerRetry, "providerRetry");
        Objects.requireNonNull(writerRetry, "writerRetry");
        Objects.requireNonNull(setInProgressBaseDelay, "setInProgressBaseDelay");
        Objects.requireNonNull(setInProgressMaxDelay, "setInProgressMaxDelay");
        if (setInProgressAttempts < 1) {
            throw new IllegalArgumentException("setInProgressAttempts must be at least 1, was "
                    + setInProgressAttempts);
        }
        if (setInProgressBaseDelay.isNegative() || setInProgressMaxDelay.compareTo(setInProgressBaseDelay) < 0) {
            throw new IllegalArgumentException("the back-off needs 0 <= base <= max, was base "
                    + setInProgressBaseDelay + ", max " + setInProgressMaxDelay);
        }
    }

    /**
     * What Microsoft documents: up to three more attempts, ten minutes apart, for DoSnapshotSet's retry codes and for
     * transient writer errors; for a set in progress, eight attempts backing off from one second to one minute.
     */
    public static RetryPlan documented() {
        return new RetryPlan(DOCUMENTED, 8, Duration.ofSeconds(1), Duration.ofMinutes(1), DOCUMENTED);
    }

    /** No retries at all: the first failure is the request's failure. */
    public static RetryPlan none() {
        return new RetryPlan(ONCE, 1, Duration.ZERO, Duration.ZERO, ONCE);
    }

    /** This plan with another policy for DoSnapshotSet's four documented retry codes. */
    public RetryPlan withProviderRetry(int attempts, Duration wait) {
        return new RetryPlan(new VssError.RetryPolicy(attempts, wait), setInProgressAttempts, setInProgressBaseDelay,
                setInProgressMaxDelay, writerRetry);
    }

    /** This plan with another back-off for {@link VssError#VSS_E_SNAPSHOT_SET_IN_PROGRESS}. */
    public RetryPlan withSetInProgressBackoff(int attempts, Duration baseDelay, Duration maxDelay) {
        return new RetryPlan(providerRetry, attempts, baseDelay, maxDelay, writerRetry);
    }

    /** This plan with another policy for transient writer errors. */
    public RetryPlan withWriterRetry(int attempts, Duration wait) {
        return new RetryPlan(providerRetry, setInProgressAttempts, setInProgressBaseDelay, setInProgressMaxDelay,
                new VssError.RetryPolicy(attempts, wait));
    }

    /**
     * The back-off before retry number {@code retry} (1 for the first) while a set is in progress, before jitter.
     *
     * @param retry which retry, counting from 1
     * @return base times 2^(retry-1), at most the maximum
     */
    public Duration setInProgressBackoff(int retry) {
        Duration delay = setInProgressBaseDelay;
        // Doubling stops at the maximum before it can pass it: a maximum near Duration's own limit cannot overflow.
        for (int i = 1; i < retry && delay.compareTo(setInProgressMaxDelay) < 0; i++) {
            boolean doubleWouldPass = delay.compareTo(setInProgressMaxDelay.dividedBy(2)) > 0;
            delay = doubleWouldPass ? setInProgressMaxDelay : delay.multipliedBy(2);
        }
        return delay;
    }
}
