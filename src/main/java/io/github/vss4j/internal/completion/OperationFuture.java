package io.github.vss4j.internal.completion;

import io.github.vss4j.AsyncStatus;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The one future of a {@code VssAsync}. Only VSS's report completes it, so that what it says is always what
 * {@code await()} says: a caller's {@code complete}, {@code completeExceptionally}, {@code obtrude*},
 * {@code completeAsync}, {@code orTimeout} and {@code completeOnTimeout} are refused. Cancelling it is
 * {@code IVssAsync::Cancel}, as cancelling an {@code HttpClient} future cancels the exchange. The futures made from
 * it ({@code thenApply}, {@code copy()}, ...) are plain CompletableFutures, the caller's to complete.
 */
final class OperationFuture extends CompletableFuture<Void> {
    private final AsyncOperationHandle operation;

    OperationFuture(AsyncOperationHandle operation) {
        this.operation = operation;
    }

    /** Completes it with the operation's outcome; does nothing if it is already complete. */
    void settle(AsyncStatus outcome) {
        switch (outcome.state()) {
            case FAILED -> super.completeExceptionally(outcome.failure());
            case CANCELLED -> super.cancel(false);
            default -> super.complete(null);
        }
    }

    /**
     * {@code IVssAsync::Cancel}. If that took effect, the future is cancelled at once and this returns
     * {@code true}; if the operation had already ended (or its VssAsync is closed, so VSS can no longer be asked),
     * it returns {@code false} and the future completes with the operation's own outcome.
     */
    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        if (isDone()) {
            return isCancelled();
        }
        if (!operation.cancelForFuture()) {
            return false;
        }
        return super.cancel(mayInterruptIfRunning);
    }

    @Override
    public boolean complete(Void value) {
        throw refused("complete");
    }

    @Override
    public boolean completeExceptionally(Throwable ex) {
        throw refused("completeExceptionally");
    }

    @Override
    public void obtrudeValue(Void value) {
        throw refused("obtrudeValue");
    }

    @Override
    public void obtrudeException(Throwable ex) {
        throw refused("obtrudeException");
    }

    @Override
    public CompletableFuture<Void> completeAsync(Supplier<? extends Void> supplier, Executor executor) {
        throw refused("completeAsync");
    }

    @Override
    public CompletableFuture<Void> completeAsync(Supplier<? extends Void> supplier) {
        throw refused("completeAsync");
    }

    @Override
    public CompletableFuture<Void> orTimeout(long timeout, TimeUnit unit) {
        throw refused("orTimeout");
    }

    @Override
    public CompletableFuture<Void> completeOnTimeout(Void value, long timeout, TimeUnit unit) {
        throw refused("completeOnTimeout");
    }

    @Override
    public <U> CompletableFuture<U> newIncompleteFuture() {
        return new CompletableFuture<>();
    }

    private UnsupportedOperationException refused(String method) {
        return new UnsupportedOperationException(method + " on the future of " + operation.operation().vssName()
                + " is refused: only VSS's report completes it. Cancel it (IVssAsync::Cancel), wait with"
                + " VssAsync.await(Duration), or complete a copy() of it");
    }
}
