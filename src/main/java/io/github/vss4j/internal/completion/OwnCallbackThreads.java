package io.github.vss4j.internal.completion;

import java.util.concurrent.ExecutorService;

/**
 * vss4j's own callback threads. The callbacks of an operation's end run on the {@link CompletionThreads} thread
 * that took the report (no further hand-off: that thread has made sure that another waits for reports meanwhile);
 * a callback added after the end, from the caller's thread, runs on a small pool.
 */
final class OwnCallbackThreads implements CallbackExecutor {
    static final OwnCallbackThreads INSTANCE = new OwnCallbackThreads();

    private final ExecutorService pool = Handoff.pool();

    private OwnCallbackThreads() {
    }

    @Override
    public void runEnd(Runnable callbacks, String operation) {
        if (CompletionThreads.isCurrent()) {
            callbacks.run();
        } else {
            Handoff.execute(pool, callbacks, operation);
        }
    }

    @Override
    public void runLate(Runnable callback, String operation) {
        Handoff.execute(pool, callback, operation);
    }

    @Override
    public String toString() {
        return "vss4j's callback threads";
    }
}
