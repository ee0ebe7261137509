package io.github.vss4j.internal.completion;

import io.github.vss4j.AsyncStatus;
import io.github.vss4j.Operation;
import io.github.vss4j.VssError;
import io.github.vss4j.VssException;
import io.github.vss4j.internal.NativeBridge;
import io.github.vss4j.internal.OwnedHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Java side of one native IVssAsync: its handle, its outcome once the shim reports it, its one future and the
 * callbacks waiting for that outcome, which run on the caller's Executor.
 *
 * <p>The order of an end, which VssAsync's javadoc promises: the outcome is recorded and waiters are released; the
 * future is completed; the callbacks are handed to the Executor. A waiter that returns completes the future itself
 * if the completion thread has not yet done so, so that the future is complete whenever {@code await} returns,
 * without a waiter ever waiting for the future's dependents (which may themselves await this operation).
 */
public final class AsyncOperationHandle {
    private static final Logger LOG = LoggerFactory.getLogger(AsyncOperationHandle.class);

    /** Starts the native call: fills {@code out[0]} with the async handle, returns the HRESULT. */
    @FunctionalInterface
    public interface Starter {
        int start(long token, long[] out);
    }

    private final Operation operation;
    private final CallbackExecutor executor;
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile AsyncStatus outcome;
    private final OperationFuture future = new OperationFuture(this);
    // Guarded by callbacks: true once the outcome has been handed to the Executor.
    private final List<Consumer<AsyncStatus>> callbacks = new ArrayList<>();
    private boolean dispatched;
    private volatile OwnedHandle handle;

    private AsyncOperationHandle(Operation operation, CallbackExecutor executor) {
        this.operation = operation;
        this.executor = executor;
    }

    /**
     * Registers the completion, then starts the operation. An immediate failure is a VssException and nothing
     * is left registered.
     */
    public static AsyncOperationHandle start(Operation operation, CallbackExecutor executor, Starter starter)
            throws VssException {
        AsyncOperationHandle async = new AsyncOperationHandle(operation, executor);
        long token = Completions.register(async::ended);
        long[] out = new long[1];
        int hresult;
        try {
            hresult = starter.start(token, out);
        } catch (RuntimeException | Error e) {
            Completions.unregister(token);
            throw e;
        }
        if (hresult < 0) {
            Completions.unregister(token);
            throw new VssException(operation, hresult);
        }
        async.handle = OwnedHandle.toBeClosed(out[0], NativeBridge::asyncRelease,
                "this VssAsync (" + operation.vssName() + ") is closed",
                "A VssAsync for " + operation.vssName() + " was never closed; vss4j released its IVssAsync when the"
                        + " garbage collector found it. Close VssAsync objects (try-with-resources) to release them"
                        + " promptly.");
        return async;
    }

    public Operation operation() {
        return operation;
    }

    // Runs on a completion thread: record, wake waiters, complete the future, run the callbacks (there, or on the
    // Executor).
    private void ended(int hresult) {
        AsyncStatus status = AsyncStatus.of(operation, hresult);
        outcome = status;
        ended.countDown();
        try {
            future.settle(status);
        } finally {
            executor.runEnd(this::dispatch, operation.vssName());
        }
    }

    private void dispatch() {
        List<Consumer<AsyncStatus>> toRun;
        synchronized (callbacks) {
            dispatched = true;
            toRun = new ArrayList<>(callbacks);
            callbacks.clear();
        }
        for (Consumer<AsyncStatus> callback : toRun) {
            run(callback);
        }
    }

    private void run(Consumer<AsyncStatus> callback) {
        try {
            callback.accept(outcome);
        } catch (Throwable e) {
            LOG.warn("A completion callback for {} threw; vss4j carries on", operation.vssName(), e);
        }
    }

    public void onComplete(Consumer<AsyncStatus> callback) {
        synchronized (callbacks) {
            if (!dispatched) {
                callbacks.add(callback);
                return;
            }
        }
        executor.runLate(() -> run(callback), operation.vssName());
    }

    /** The one future of this operation; complete when returned if the operation has ended. */
    public CompletableFuture<Void> future() {
        settleIfEnded();
        return future;
    }

    public void awaitEnd() throws InterruptedException {
        ended.await();
        settleIfEnded();
    }

    public boolean awaitEnd(long timeout, TimeUnit unit) throws InterruptedException {
        boolean done = ended.await(timeout, unit);
        settleIfEnded();
        return done;
    }

    private void settleIfEnded() {
        AsyncStatus status = outcome;
        if (status != null) {
            future.settle(status);
        }
    }

    /** The final status; only after awaitEnd returned true. */
    public AsyncStatus outcome() {
        return outcome;
    }

    public AsyncStatus queryStatus() throws VssException {
        int[] out = new int[1];
        int hresult = handle.use(h -> NativeBridge.asyncQueryStatus(h, out));
        if (hresult < 0) {
            throw new VssException(operation, hresult, "IVssAsync::QueryStatus failed");
        }
        return AsyncStatus.of(operation, out[0]);
    }

    /** IVssAsync::Cancel for the future: whether it took effect; false when the VssAsync is already closed. */
    boolean cancelForFuture() {
        try {
            return cancel().state() == AsyncStatus.State.CANCELLED;
        } catch (IllegalStateException closed) {
            LOG.info("The future of {} was cancelled after its VssAsync was closed; VSS can no longer be asked to"
                    + " cancel it, so the future ends with the operation's own outcome.", operation.vssName());
            return false;
        }
    }

    public AsyncStatus cancel() {
        int hresult = handle.use(NativeBridge::asyncCancel);
        if (hresult == 0) {
            return AsyncStatus.of(operation, VssError.VSS_S_ASYNC_CANCELLED.hresult());
        }
        return AsyncStatus.of(operation, hresult);
    }

    public void close() {
        handle.close();
    }

    public String describe() {
        AsyncStatus status = outcome;
        return handle.isClosed() ? "closed" : status == null ? "running" : status.state().toString().toLowerCase();
    }
}
