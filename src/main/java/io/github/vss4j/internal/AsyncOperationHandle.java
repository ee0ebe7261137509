package io.github.vss4j.internal;

import io.github.vss4j.AsyncStatus;
import io.github.vss4j.Operation;
import io.github.vss4j.VssError;
import io.github.vss4j.VssException;
import java.lang.ref.Cleaner;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Java side of one native IVssAsync: its handle, its outcome once the shim reports it, and the callbacks
 * waiting for that outcome, which run on the caller's Executor.
 */
public final class AsyncOperationHandle {
    private static final Logger LOG = LoggerFactory.getLogger(AsyncOperationHandle.class);

    /** Starts the native call: fills {@code out[0]} with the async handle, returns the HRESULT. */
    @FunctionalInterface
    public interface Starter {
        int start(long token, long[] out);
    }

    private final Operation operation;
    private final Executor executor;
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile AsyncStatus outcome;
    // Guarded by callbacks: true once the outcome has been handed to the Executor.
    private final List<Consumer<AsyncStatus>> callbacks = new ArrayList<>();
    private boolean dispatched;
    private final AtomicBoolean closed = new AtomicBoolean();
    private long nativeHandle;
    private Release release;
    private Cleaner.Cleanable cleanable;

    private AsyncOperationHandle(Operation operation, Executor executor) {
        this.operation = operation;
        this.executor = executor;
    }

    /**
     * Registers the completion, then starts the operation. An immediate failure is a VssException and nothing
     * is left registered.
     */
    public static AsyncOperationHandle start(Operation operation, Executor executor, Starter starter)
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
        async.nativeHandle = out[0];
        async.release = new Release(out[0], operation);
        async.cleanable = Cleanup.CLEANER.register(async, async.release);
        return async;
    }

    public Operation operation() {
        return operation;
    }

    // Runs on a completion thread: record, wake waiters, run the callbacks (there, or on the Executor).
    private void ended(int hresult) {
        outcome = AsyncStatus.of(operation, hresult);
        ended.countDown();
        CallbackExecutor.dispatchCompletion(executor, this::dispatch);
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
        CallbackExecutor.execute(executor, () -> run(callback));
    }

    public CompletableFuture<Void> future() {
        CompletableFuture<Void> future = new CompletableFuture<>();
        onComplete(status -> {
            switch (status.state()) {
                case FAILED -> future.completeExceptionally(status.failure());
                case CANCELLED -> future.cancel(false);
                default -> future.complete(null);
            }
        });
        return future;
    }

    public void awaitEnd() throws InterruptedException {
        ended.await();
    }

    public boolean awaitEnd(long timeout, TimeUnit unit) throws InterruptedException {
        return ended.await(timeout, unit);
    }

    /** The final status; only after awaitEnd returned true. */
    public AsyncStatus outcome() {
        return outcome;
    }

    public AsyncStatus queryStatus() throws VssException {
        int[] out = new int[1];
        int hresult = NativeBridge.asyncQueryStatus(liveHandle(), out);
        if (hresult < 0) {
            throw new VssException(operation, hresult, "IVssAsync::QueryStatus failed");
        }
        return AsyncStatus.of(operation, out[0]);
    }

    public AsyncStatus cancel() throws VssException {
        int hresult = NativeBridge.asyncCancel(liveHandle());
        if (hresult == 0) {
            return AsyncStatus.of(operation, VssError.VSS_S_ASYNC_CANCELLED.hresult());
        }
        return AsyncStatus.of(operation, hresult);
    }

    public void close() {
        if (closed.compareAndSet(false, true)) {
            release.byCaller = true;
            cleanable.clean();
        }
    }

    public String describe() {
        AsyncStatus status = outcome;
        return closed.get() ? "closed" : status == null ? "running" : status.state().toString().toLowerCase();
    }

    private long liveHandle() {
        if (closed.get()) {
            throw new IllegalStateException("this VssAsync (" + operation.vssName() + ") is closed");
        }
        return nativeHandle;
    }

    /** Releases the native IVssAsync once: at close(), or when the garbage collector finds it unclosed. */
    private static final class Release implements Runnable {
        private final long handle;
        private final Operation operation;
        private volatile boolean byCaller;

        Release(long handle, Operation operation) {
            this.handle = handle;
            this.operation = operation;
        }

        @Override
        public void run() {
            if (!byCaller) {
                LOG.warn("A VssAsync for {} was never closed; vss4j released its IVssAsync when the garbage "
                        + "collector found it. Close VssAsync objects (try-with-resources) to release them promptly.",
                        operation.vssName());
            }
            NativeBridge.asyncRelease(handle);
        }
    }
}
