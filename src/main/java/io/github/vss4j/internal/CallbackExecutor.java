package io.github.vss4j.internal;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Where completion callbacks run when the caller gives no Executor: a small pool of named daemon threads. */
public final class CallbackExecutor {
    private static final Logger LOG = LoggerFactory.getLogger(CallbackExecutor.class);
    private static final ExecutorService DEFAULT = pool("vss4j-callback-");
    private static final ExecutorService FALLBACK = pool("vss4j-callback-fallback-");

    private CallbackExecutor() {
    }

    public static Executor defaultExecutor() {
        return DEFAULT;
    }

    /**
     * Runs {@code task} on {@code executor}; if it refuses (e.g. shut down), on vss4j's own fallback threads, so
     * that a future still completes and the shim's thread is never the one to run user code.
     */
    public static void execute(Executor executor, Runnable task) {
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            LOG.warn("The callback Executor refused a VSS completion ({}); running it on vss4j's own thread instead",
                    e.toString());
            FALLBACK.execute(task);
        }
    }

    private static ExecutorService pool(String prefix) {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory factory = runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        // A LinkedTransferQueue hands a task straight to a thread waiting for one and wakes that thread alone; a
        // LinkedBlockingQueue wakes it and makes it take the queue's lock again, behind the thread that gave the
        // task (a hand-off measured here at about 8 us against 14 to 18 us at p50; README "Benchmarks").
        ThreadPoolExecutor pool = new ThreadPoolExecutor(2, 2, 30, TimeUnit.SECONDS, new LinkedTransferQueue<>(),
                factory);
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }
}
