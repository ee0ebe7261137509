package io.github.vss4j.internal;

/**
 * Bench only: the native hooks the benchmark uses to time a completion. They exist only in a library built with
 * {@code -DVSS4J_BENCH=ON} (Maven profile {@code bench}); the shipped library does not carry them.
 */
public final class BenchBridge {
    private BenchBridge() {
    }

    /** {@code std::chrono::steady_clock} in nanoseconds (CLOCK_MONOTONIC on Linux). */
    public static native long monotonicNanos();

    /** CPU time of the whole process, every thread, in nanoseconds (CLOCK_PROCESS_CPUTIME_ID); -1 if unknown. */
    public static native long processCpuNanos();

    /** When IVssAsync::Wait last returned on an operation of a {@link #wrapTimed} backend, or 0. */
    public static native long lastWaitReturnNanos();

    /** A new backend handle that forwards to {@code backend} and notes when each Wait returns. */
    public static native long wrapTimed(long backend);

    public static native void release(long backend);

    /** glibc's {@code malloc_trim(0)}: hands the pages that free() kept for reuse back to the system. */
    public static native void mallocTrim();

    /** Bytes malloc() has handed out and not had back, in the whole process (glibc's mallinfo2). */
    public static native long mallocInUse();
}
