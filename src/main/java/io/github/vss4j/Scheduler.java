package io.github.vss4j;

import io.github.vss4j.internal.request.SystemScheduler;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The time a {@link ShadowCopyRequest} reads and waits on: its deadline, its per-phase timeouts and its retry
 * waits all go through here, so that tests can replace real time with a virtual clock.
 */
public interface Scheduler {

    /** A monotonic reading in nanoseconds, as {@link System#nanoTime()}; only differences mean anything. */
    long nanoTime();

    /**
     * A future that completes normally once {@code delay} has passed. The request cancels it when it no longer
     * needs it; an implementation may then free what it holds.
     *
     * @param delay how long to wait; zero or negative completes at once. Any length may come, also one beyond what
     *              a long of nanoseconds holds (about 292 years, e.g. {@code ChronoUnit.FOREVER.getDuration()}):
     *              an implementation must treat that as "not in this program's life", not overflow
     * @return the future
     */
    CompletableFuture<Void> after(Duration delay);

    /** Real time: {@link System#nanoTime()} and the JDK's shared delay thread. */
    static Scheduler system() {
        return SystemScheduler.INSTANCE;
    }
}
