package io.github.vss4j;

import io.github.vss4j.internal.Saturated;
import io.github.vss4j.internal.completion.AsyncOperationHandle;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * An asynchronous VSS operation ({@code IVssAsync}) under way: {@code DoSnapshotSet}, {@code PrepareForBackup},
 * {@code GatherWriterMetadata}, {@code GatherWriterStatus} or {@code BackupComplete}.
 *
 * <p>vss4j learns of its end without polling: a native thread blocks in {@code IVssAsync::Wait}, reads the
 * outcome with {@code QueryStatus} and wakes one of vss4j's Java threads ({@code vss4j-callback-N}) with it, which
 * completes the future and runs the callbacks. Native threads never run Java code for it.
 *
 * <p><b>Order of an end</b>, the same every time:
 * <ol>
 * <li>The outcome is recorded once; {@link #await()}, {@link #await(Duration)}, the future and the callbacks all
 * report that one outcome.</li>
 * <li>The future of {@link #toCompletableFuture()} is complete before {@code await} returns or throws, whether it
 * was taken before or after, and before any callback runs. It is completed on the {@code vss4j-callback} thread
 * that learned of the end, or by the first {@code await} to return, whichever comes first: stages chained with
 * {@code thenApply}, {@code whenComplete}, ... (not their {@code *Async} forms) run on that thread, or on the
 * caller's thread if chained after the end, as {@link CompletableFuture} says.</li>
 * <li>The callbacks of {@link #onComplete} then run on the callback Executor: the one given with
 * {@link Vss#withCallbackExecutor}, else vss4j's own daemon threads {@code vss4j-callback-N}. A callback added after
 * the end runs there too, never on the thread that adds it (unless the Executor given runs tasks inline). If the
 * Executor throws anything, the callbacks run on a vss4j thread instead, once, and the log says so.</li>
 * </ol>
 *
 * <p>Close it when done: that releases the {@code IVssAsync}, as VSS requires of the caller. Closing an operation
 * that is still running does not cancel it; its outcome is still reported to the future and callbacks.
 */
public final class VssAsync implements AutoCloseable {
    private final AsyncOperationHandle handle;

    VssAsync(AsyncOperationHandle handle) {
        this.handle = handle;
    }

    /** The VSS call this operation belongs to. */
    public Operation operation() {
        return handle.operation();
    }

    /**
     * Asks VSS where the operation stands ({@code IVssAsync::QueryStatus}).
     *
     * @throws VssException          if QueryStatus itself fails
     * @throws IllegalStateException if this VssAsync or its BackupComponents is closed
     */
    public AsyncStatus queryStatus() throws VssException {
        return handle.queryStatus();
    }

    /**
     * Waits for the operation to end. When it returns or throws, {@link #toCompletableFuture()} is complete.
     *
     * @throws VssException          with the operation's error if it failed
     * @throws CancellationException if it was cancelled
     * @throws InterruptedException  if this thread was interrupted while waiting (the operation goes on)
     */
    public void await() throws VssException, InterruptedException {
        handle.awaitEnd();
        throwIfUnsuccessful(handle.outcome());
    }

    /**
     * Waits at most {@code timeout} for the operation to end. Any length is accepted: one longer than about 292
     * years (e.g. {@code ChronoUnit.FOREVER.getDuration()}) waits as {@link #await()} does; zero or a negative one
     * does not wait, it only looks whether the operation has ended, as {@code java.util.concurrent} does. When it
     * returns {@code true} or throws, {@link #toCompletableFuture()} is complete.
     *
     * @return {@code true} if it finished successfully, {@code false} if it is still running after the timeout
     *         (it goes on: cancel or wait again as you see fit)
     * @throws VssException          with the operation's error if it failed
     * @throws CancellationException if it was cancelled
     * @throws InterruptedException  if this thread was interrupted while waiting (the operation goes on)
     */
    public boolean await(Duration timeout) throws VssException, InterruptedException {
        Objects.requireNonNull(timeout, "timeout");
        if (!handle.awaitEnd(Math.max(0, Saturated.nanos(timeout)), TimeUnit.NANOSECONDS)) {
            return false;
        }
        throwIfUnsuccessful(handle.outcome());
        return true;
    }

    /**
     * Asks VSS to cancel the operation ({@code IVssAsync::Cancel}). The outcome then reaches {@link #await()},
     * the future and the callbacks as cancelled, unless the operation ended first.
     *
     * @return what Cancel reported: {@link AsyncStatus.State#CANCELLED} for a cancel that took effect or had
     *         already, {@link AsyncStatus.State#FINISHED} if the operation had already finished,
     *         {@link AsyncStatus.State#FAILED} with its error if it had failed
     */
    public AsyncStatus cancel() throws VssException {
        return handle.cancel();
    }

    /**
     * The future of this operation: it completes normally on success, exceptionally with the {@link VssException}
     * on failure, and cancelled when the operation was cancelled. Every call returns the same future; once the
     * operation has ended it is complete when returned.
     *
     * <p>{@code cancel(true)} and {@code cancel(false)} cancel the VSS operation ({@code IVssAsync::Cancel}), as
     * cancelling the future of {@code java.net.http.HttpClient.sendAsync} cancels the exchange: if that takes effect
     * the future is cancelled at once and {@code await} throws {@link CancellationException}; if the operation has
     * already ended, or this VssAsync is closed, it returns {@code false} and the future keeps the operation's own
     * outcome.
     *
     * <p>Only VSS's report completes it: {@code complete}, {@code completeExceptionally}, {@code obtrudeValue},
     * {@code obtrudeException}, {@code completeAsync}, {@code orTimeout} and {@code completeOnTimeout} throw
     * {@link UnsupportedOperationException}, so that the future can never disagree with {@link #await()}. The futures
     * made from it ({@code thenApply}, {@code copy()}, ...) are ordinary ones: for a future with a timeout, use
     * {@code toCompletableFuture().copy().orTimeout(...)}.
     */
    public CompletableFuture<Void> toCompletableFuture() {
        return handle.future();
    }

    /**
     * Runs {@code callback} once with the final status when the operation ends, on the callback Executor (see the
     * class comment); if the operation has already ended, it is handed to that Executor at once. A callback that
     * throws is logged and harms nothing.
     */
    public VssAsync onComplete(Consumer<AsyncStatus> callback) {
        handle.onComplete(Objects.requireNonNull(callback, "callback"));
        return this;
    }

    /** Releases the {@code IVssAsync}. Idempotent. */
    @Override
    public void close() {
        handle.close();
    }

    @Override
    public String toString() {
        return "VssAsync[" + operation().vssName() + ", " + handle.describe() + "]";
    }

    static void throwIfUnsuccessful(AsyncStatus status) throws VssException {
        switch (status.state()) {
            case FAILED -> throw status.failure();
            case CANCELLED -> throw new CancellationException(status.operation().vssName() + " was cancelled");
            default -> {
            }
        }
    }
}
