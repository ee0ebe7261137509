package io.github.vss4j.internal.completion;

import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * Where the callbacks of an operation's end run: on vss4j's own callback threads (the default), or on an Executor
 * the caller gave to {@code Vss.withCallbackExecutor}. Either way a task is never lost: whatever the caller's
 * Executor throws, the task runs on vss4j's fallback threads instead, once.
 */
public sealed interface CallbackExecutor permits OwnCallbackThreads, CallersExecutor {

    /** vss4j's own daemon threads, named {@code vss4j-callback-N}. */
    static CallbackExecutor vss4jThreads() {
        return OwnCallbackThreads.INSTANCE;
    }

    /** The caller's {@code executor}. */
    static CallbackExecutor callers(Executor executor) {
        return new CallersExecutor(Objects.requireNonNull(executor, "executor"));
    }

    /** Runs the callbacks of an operation's end; called on the completion thread that took the report. */
    void runEnd(Runnable callbacks, String operation);

    /** Runs a callback added after the end, never on the caller's thread unless the caller's Executor does so. */
    void runLate(Runnable callback, String operation);
}
