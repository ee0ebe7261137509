package io.github.vss4j.internal;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where completion callbacks run when the caller gives no Executor: on vss4j's own daemon threads, named
 * {@code vss4j-callback-N}. The callbacks of an operation's end run on the {@link CompletionThreads} thread that
 * took the report (no further hand-off); anything else given to the default Executor (a callback added after the
 * end, from the caller's thread) runs on a small pool.
 */
public final class CallbackExecutor {
    private static final Logger LOG = LoggerFactory.getLogger(CallbackExecutor.class);
    private static final AtomicInteger NAMES = new AtomicInteger();
    private static final ExecutorService DEFAULT = pool();
    private static final ExecutorService FALLBACK = pool();

    private CallbackExecutor() {
    }

    public static Executor defaultExecutor() {
        return DEFAULT;
    }

    /** A name for one more of vss4j's callback threads. */
    static String threadName() {
        return "vss4j-callback-" + NAMES.incrementAndGet();
    }

    /**
     * Runs the callbacks of an operation's end: right here when this is a completion thread and the Executor is
     * the default one (the thread is one of vss4j's callback threads, and it has made sure that another waits
     * for reports meanwhile), else as {@link #execute}.
     */
    static void dispatchCompletion(Executor executor, Runnable task) {
        if (executor == DEFAULT && CompletionThreads.isCurrent()) {
            task.run();
        } else {
            execute(executor, task);
        }
    }

    /**
     * Runs {@code task} on {@code executor}; if it refuses (e.g. shut down), on vss4j's own fallback threads, so
     * that a future still completes.
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

    private static ExecutorService pool() {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(2, 2, 30, TimeUnit.SECONDS, new LinkedTransferQueue<>(),
                runnable -> {
                    Thread thread = new Thread(runnable, threadName());
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }
}
