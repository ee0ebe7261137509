package io.github.vss4j.internal.request;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** The async twin of a one-call operation: it runs on a new daemon thread, and cancelling its future stops it. */
public final class AsyncRun {
    private AsyncRun() {
    }

    /** The work, completing the caller's future. */
    @FunctionalInterface
    public interface Body<T> {
        /** Runs on the new thread and completes {@code result}. */
        void runInto(CompletableFuture<T> result);
    }

    /**
     * Starts the work {@code make} returns on a new daemon thread named {@code threadName}; the future
     * {@code make} receives completes when the caller cancels the returned one.
     */
    public static <T> CompletableFuture<T> start(String threadName, Function<CompletableFuture<Void>, Body<T>> make) {
        CompletableFuture<T> result = new CompletableFuture<>();
        CompletableFuture<Void> cancelled = new CompletableFuture<>();
        result.whenComplete((value, failure) -> {
            if (result.isCancelled()) {
                cancelled.complete(null);
            }
        });
        Body<T> body = make.apply(cancelled);
        Thread thread = new Thread(() -> body.runInto(result), threadName);
        thread.setDaemon(true);
        thread.start();
        return result;
    }
}
