package io.github.vss4j.internal.completion;

import io.github.vss4j.internal.NativeBridge;
import org.slf4j.LoggerFactory;

/**
 * The threads that deliver the shim's reports of ended operations: Java daemon threads ({@code vss4j-callback-N})
 * that wait in native code ({@link NativeBridge#awaitCompletion}) until a waiter thread of the shim wakes one with
 * a report, and then deliver it ({@link Completions#completed}): the outcome to {@code await()} and the futures,
 * and the callbacks, which run right there unless the caller gave an Executor ({@link OwnCallbackThreads}). A
 * report thus reaches its callback with one thread wake-up, the native one that woke this thread; the shim's
 * threads never call into Java for it.
 *
 * <p>A callback may block, even wait for another operation: before a thread delivers a report, it makes sure
 * another thread is waiting for the next one, starting one if need be, so that no report waits behind user
 * code. A thread that has waited {@link #IDLE_MILLIS} (30 s) for nothing is let go if another is waiting or no
 * operation is pending, so that an idle application (or one that was undeployed) keeps no thread of ours;
 * {@link #expectReport()} starts one again when an operation starts.
 */
final class CompletionThreads {
    /** How long a thread waits for nothing before it may go; a property only so that a test need not wait 30 s. */
    static final int IDLE_MILLIS = Integer.getInteger("vss4j.internal.callbackIdleMillis", 30_000);
    private static final Object LOCK = new Object();
    /** Threads waiting for a report, or about to: guarded by LOCK. */
    private static int waiting;

    private CompletionThreads() {
    }

    /**
     * Called once an operation's token is registered (before it starts): makes sure a thread will take its
     * report. A thread that lets go does so under the same lock, after checking that no token is pending, so that
     * either it sees this token and stays, or this call sees it gone and starts another.
     */
    static void expectReport() {
        synchronized (LOCK) {
            if (waiting == 0) {
                startThread();
            }
        }
    }

    /** Whether the current thread is one of these, delivering a report. */
    static boolean isCurrent() {
        return Thread.currentThread() instanceof Deliverer;
    }

    // Called with LOCK held.
    private static void startThread() {
        Deliverer thread = new Deliverer();
        thread.start();  // may throw OutOfMemoryError ("unable to create native thread"): the caller's to handle
        waiting++;
    }

    private static final class Deliverer extends Thread {
        private final long[] token = new long[1];
        private final int[] status = new int[1];
        /** Whether this thread is counted in {@link #waiting}: from its start until it takes a report or goes. */
        private boolean counted = true;

        Deliverer() {
            super(Handoff.threadName());
            setDaemon(true);
        }

        @Override
        public void run() {
            try {
                deliverUntilIdle();
            } catch (Throwable e) {
                LoggerFactory.getLogger(CompletionThreads.class).error("A vss4j completion thread failed; the others"
                        + " carry on, and another starts when an operation needs one", e);
            } finally {
                synchronized (LOCK) {
                    if (counted) {
                        waiting--;
                    }
                    if (waiting == 0 && Completions.pending() > 0) {
                        startSpare();  // this thread failed with operations pending: another takes over now
                    }
                }
            }
        }

        private void deliverUntilIdle() {
            for (;;) {
                boolean got = NativeBridge.awaitCompletion(token, status, IDLE_MILLIS) == 1;
                synchronized (LOCK) {
                    if (!got) {
                        if (waiting > 1 || Completions.pending() == 0) {
                            return;  // counted: run() takes it off
                        }
                        continue;
                    }
                    waiting--;
                    counted = false;
                    if (waiting == 0) {
                        startSpare();
                    }
                }
                Completions.completed(token[0], status[0]);
                synchronized (LOCK) {
                    waiting++;
                    counted = true;
                }
            }
        }

        /** Someone must wait for reports while this thread runs callbacks; if no thread can be had, say so. */
        private static void startSpare() {
            try {
                startThread();
            } catch (OutOfMemoryError e) {
                LoggerFactory.getLogger(CompletionThreads.class).error("vss4j cannot start another completion thread"
                        + " ({}): until this one is done with its callbacks, the next operations' ends wait", e.toString());
            }
        }
    }
}
