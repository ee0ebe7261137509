package io.github.vss4j;

import io.github.vss4j.internal.AsyncOperationHandle;
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
 * outcome with {@code QueryStatus} and wakes one of vss4j's Java threads with it, which completes the future and
 * runs the callbacks (on the {@link java.util.concurrent.Executor} the {@link Vss} was given; by default right
 * there). Native threads never run Java code for it.
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
     * Waits for the operation to end.
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
     * Waits at most {@code timeout} for the operation to end.
     *
     * @return {@code true} if it finished successfully, {@code false} if it is still running after the timeout
     *         (it goes on: cancel or wait again as you see fit)
     * @throws VssException          with the operation's error if it failed
     * @throws CancellationException if it was cancelled
     */
    public boolean await(Duration timeout) throws VssException, InterruptedException {
        Objects.requireNonNull(timeout, "timeout");
        if (!handle.awaitEnd(Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS)) {
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
     * A future that completes when the operation ends: normally on success, exceptionally with the
     * {@link VssException} on failure, and cancelled when the operation was cancelled. Each call returns a new
     * future; cancelling it does not cancel the VSS operation (use {@link #cancel()}).
     */
    public CompletableFuture<Void> toCompletableFuture() {
        return handle.future();
    }

    /**
     * Runs {@code callback} once with the final status when the operation ends (at once, on the Executor, if it
     * has already ended). A callback that throws is logged and harms nothing.
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
