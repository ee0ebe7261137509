package io.github.vss4j.internal.completion;

import java.util.concurrent.Executor;

/** The Executor a caller gave for callbacks: every callback is handed to it. */
record CallersExecutor(Executor executor) implements CallbackExecutor {

    @Override
    public void runEnd(Runnable callbacks, String operation) {
        Handoff.execute(executor, callbacks, operation);
    }

    @Override
    public void runLate(Runnable callback, String operation) {
        Handoff.execute(executor, callback, operation);
    }
}
