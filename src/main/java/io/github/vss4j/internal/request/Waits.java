package io.github.vss4j.internal.request;

import io.github.vss4j.Scheduler;
import io.github.vss4j.VssAsync;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Every wait of one request: on an operation, a retry delay or a cancelled operation's end. Each blocks on a
 * future (never polls) that ends at the first of: the thing waited for, the {@link Scheduler}'s timer, the
 * request's cancellation, or the thread's interruption.
 */
final class Waits {
    /** How a wait on an operation ended when it did not end by the operation's own end. */
    enum End { ENDED, TIMED_OUT, DEADLINE_PASSED }

    private final Scheduler scheduler;
    private final CompletableFuture<Void> cancelled;
    private final Duration deadline;
    private final long start;

    Waits(Scheduler scheduler, CompletableFuture<Void> cancelled, Duration deadline) {
        this.scheduler = scheduler;
        this.cancelled = cancelled != null ? cancelled : new CompletableFuture<>();
        this.deadline = deadline;
        this.start = scheduler.nanoTime();
    }

    long now() {
        return scheduler.nanoTime();
    }

    Duration since(long nanoTime) {
        return Duration.ofNanos(scheduler.nanoTime() - nanoTime);
    }

    /** Time left before the deadline (possibly negative), or null without a deadline. */
    Duration remaining() {
        return deadline == null ? null : deadline.minus(since(start));
    }

    boolean passesDeadline(Duration wait) {
        Duration left = remaining();
        return left != null && wait.compareTo(left) > 0;
    }

    void checkCancelled() throws CancelledRun, InterruptedException {
        if (cancelled.isDone()) {
            throw new CancelledRun();
        }
        if (Thread.interrupted()) {
            throw new InterruptedException("the shadow copy request's thread was interrupted");
        }
    }

    /** Waits for {@code operation} to end, at most {@code timeout} (null: no limit) and not past the deadline. */
    End await(VssAsync operation, Duration timeout) throws CancelledRun, InterruptedException {
        Duration left = remaining();
        boolean deadlineFirst = left != null && (timeout == null || left.compareTo(timeout) <= 0);
        Duration limit = deadlineFirst ? left : timeout;
        CompletableFuture<Void> done = operation.toCompletableFuture();
        CompletableFuture<Void> timer = limit == null ? new CompletableFuture<>() : scheduler.after(limit);
        try {
            CompletableFuture.anyOf(done, timer, cancelled).get();
        } catch (ExecutionException | CancellationException endedBadly) {
            // The operation failed or was cancelled: the caller reads that from the operation itself.
        } finally {
            timer.cancel(false);
        }
        checkCancelled();
        if (done.isDone()) {
            return End.ENDED;
        }
        return deadlineFirst ? End.DEADLINE_PASSED : End.TIMED_OUT;
    }

    /** Waits {@code delay} unless cancelled first. */
    void sleep(Duration delay) throws CancelledRun, InterruptedException {
        CompletableFuture<Void> timer = scheduler.after(delay);
        try {
            CompletableFuture.anyOf(timer, cancelled).get();
        } catch (ExecutionException | CancellationException ignored) {
            // Only the cancellation matters, and checkCancelled reads it.
        } finally {
            timer.cancel(false);
        }
        checkCancelled();
    }

    /**
     * Waits at most {@code bound} for a cancelled operation to end, ignoring the request's cancellation (clean-up
     * must finish). Returns false if the thread was interrupted meanwhile; its flag is set again.
     */
    boolean awaitEndQuietly(VssAsync operation, Duration bound) {
        CompletableFuture<Void> timer = scheduler.after(bound);
        try {
            CompletableFuture.anyOf(operation.toCompletableFuture(), timer).get();
            return true;
        } catch (ExecutionException | CancellationException ended) {
            return true;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            timer.cancel(false);
        }
    }
}
