package io.github.vss4j.internal.completion;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Hands callbacks to an Executor so that none is lost, and names and pools vss4j's own callback threads. */
final class Handoff {
    private static final Logger LOG = LoggerFactory.getLogger(CallbackExecutor.class);
    private static final AtomicInteger NAMES = new AtomicInteger();
    private static final ExecutorService FALLBACK = pool();

    private Handoff() {
    }

    /** A name for one more of vss4j's callback threads. */
    static String threadName() {
        return "vss4j-callback-" + NAMES.incrementAndGet();
    }

    /**
     * Runs {@code task} on {@code executor}, once. Whatever the Executor throws (it refused the task, it is shut
     * down, it is broken), the task runs on vss4j's own fallback threads instead, so that callbacks are never lost;
     * if the Executor ran or queued the task before it threw, whichever run comes second does nothing.
     *
     * @param operation the VSS call whose end the task reports, for the log
     */
    static void execute(Executor executor, Runnable task, String operation) {
        Once once = new Once(task);
        try {
            executor.execute(once);
        } catch (Throwable thrown) {
            LOG.warn(fallbackMessage(executor, thrown, operation), thrown);
            FALLBACK.execute(once);
            if (thrown instanceof VirtualMachineError fatal) {
                throw fatal;  // the callbacks still run, but the JVM's trouble is not ours to hide
            }
        }
    }

    /** The log's sentence when the caller's Executor throws. */
    static String fallbackMessage(Executor executor, Throwable thrown, String operation) {
        return "The callback Executor " + executor + " threw " + thrown + " when given the end of " + operation
                + "; vss4j runs those callbacks on its own thread (vss4j-callback-N) instead, once.";
    }

    /** Two daemon threads at most, which go after 30 s without work. */
    static ExecutorService pool() {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(2, 2, 30, TimeUnit.SECONDS, new LinkedTransferQueue<>(),
                runnable -> {
                    Thread thread = new Thread(runnable, threadName());
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /** Runs its task the first time only: an Executor that queued the task and then threw may still run it. */
    private static final class Once implements Runnable {
        private final AtomicBoolean started = new AtomicBoolean();
        private final Runnable task;

        Once(Runnable task) {
            this.task = task;
        }

        @Override
        public void run() {
            if (started.compareAndSet(false, true)) {
                task.run();
            }
        }
    }
}
