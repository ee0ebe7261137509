package io.github.vss4j.internal.request;

import io.github.vss4j.Scheduler;
import io.github.vss4j.internal.Saturated;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Real time. */
public final class SystemScheduler implements Scheduler {
    public static final SystemScheduler INSTANCE = new SystemScheduler();

    private SystemScheduler() {
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public CompletableFuture<Void> after(Duration delay) {
        if (delay.isNegative() || delay.isZero()) {
            return CompletableFuture.completedFuture(null);
        }
        // The delayed executor only runs the completion; a cancelled future lets it fire into nothing.
        return CompletableFuture.runAsync(() -> { },
                CompletableFuture.delayedExecutor(Saturated.nanos(delay), TimeUnit.NANOSECONDS, Runnable::run));
    }

    @Override
    public String toString() {
        return "Scheduler.system()";
    }
}
