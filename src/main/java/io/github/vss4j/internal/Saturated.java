package io.github.vss4j.internal;

import java.time.Duration;

/**
 * A {@link Duration} as nanoseconds or milliseconds, clamped to what a {@code long} holds: a Duration spans about
 * 292 billion years and {@link Duration#toNanos()} throws beyond 292, so a caller's "wait forever"
 * ({@code ChronoUnit.FOREVER.getDuration()}) must mean the longest wait a {@code long} can say, not an exception.
 */
public final class Saturated {
    private Saturated() {
    }

    /** {@code duration} in nanoseconds, {@link Long#MAX_VALUE} or {@link Long#MIN_VALUE} where it does not fit. */
    public static long nanos(Duration duration) {
        try {
            return duration.toNanos();
        } catch (ArithmeticException tooLong) {
            return duration.isNegative() ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    /** {@code duration} in milliseconds, {@link Long#MAX_VALUE} or {@link Long#MIN_VALUE} where it does not fit. */
    public static long millis(Duration duration) {
        try {
            return duration.toMillis();
        } catch (ArithmeticException tooLong) {
            return duration.isNegative() ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }
}
