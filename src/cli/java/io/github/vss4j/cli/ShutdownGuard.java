package io.github.vss4j.cli;

import java.io.IOException;

/**
 * Ends what a command holds exactly once: when the command is done with it ({@link #takeOver()}), or when the JVM
 * is stopped meanwhile (Ctrl-C, a kill during {@code --exec}), after stopping {@code --exec}'s command.
 */
abstract class ShutdownGuard implements Exec.Guard {
    private boolean done;  // guarded by this
    private ExecChild child;  // guarded by this
    private final Thread hook;

    ShutdownGuard(String hookName) {
        hook = new Thread(this::onShutdown, hookName);
    }

    /** Guards from now on; called once the subclass is constructed, so that the hook never sees it half-made. */
    final void arm() {
        Runtime.getRuntime().addShutdownHook(hook);
    }

    @Override
    public synchronized ExecChild start(SetDisposal.Start start) throws IOException {
        if (done) {
            throw new IOException("vss4j is being stopped");
        }
        child = start.start();
        return child;
    }

    @Override
    public synchronized void finished() {
        child = null;
    }

    /** Whether the caller ends what is held now; false if a stop of the JVM ends (or ended) it. */
    final boolean takeOver() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook runs now, or ran: it ends what is held, and done tells.
        }
        return claim();
    }

    private synchronized boolean claim() {
        boolean first = !done;
        done = true;
        return first;
    }

    private void onShutdown() {
        ExecChild command;
        synchronized (this) {
            command = child;
        }
        if (claim()) {
            stopped(command);
        }
    }

    /** The JVM is stopping and nothing ended what is held: stop {@code command} (null if none runs), then end it. */
    abstract void stopped(ExecChild command);
}
