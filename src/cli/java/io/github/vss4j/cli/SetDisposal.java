package io.github.vss4j.cli;

import io.github.vss4j.BackupComponents;
import io.github.vss4j.ShadowCopySet;
import io.github.vss4j.Vss;
import io.github.vss4j.VssException;
import java.io.IOException;
import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Gets rid of a snapshot set exactly once: when {@code create} is done with it, or when the JVM is stopped while it
 * still holds it (Ctrl-C or a kill during {@code --exec}). Persistent copies the operator did not {@code --keep}
 * are deleted, so that stopping vss4j leaves nothing behind that it would not have left by ending normally.
 */
final class SetDisposal {
    private final Vss vss;
    private final ShadowCopySet set;
    private final boolean keep;
    private final PrintStream err;
    private final AtomicBoolean done = new AtomicBoolean();
    private ExecChild child;  // guarded by this
    private final Thread hook = new Thread(this::onShutdown, "vss4j-release-on-exit");

    private SetDisposal(Vss vss, ShadowCopySet set, boolean keep, PrintStream err) {
        this.vss = vss;
        this.set = set;
        this.keep = keep;
        this.err = err;
    }

    /** Guards {@code set} from now on. */
    static SetDisposal guard(Vss vss, ShadowCopySet set, boolean keep, PrintStream err) {
        SetDisposal disposal = new SetDisposal(vss, set, keep, err);
        Runtime.getRuntime().addShutdownHook(disposal.hook);
        return disposal;
    }

    /** Starts a process that {@code start} describes. */
    interface Start {
        ExecChild start() throws IOException;
    }

    /**
     * Starts {@code --exec}'s command, which a stop from now on ends before the copies go. A stop that came first
     * wins: the command is not started.
     */
    synchronized ExecChild start(Start start) throws IOException {
        if (done.get()) {
            throw new IOException("vss4j is being stopped");
        }
        child = start.start();
        return child;
    }

    /** The command has ended. */
    synchronized void finished() {
        child = null;
    }

    /** Whether the copies are to be deleted when released. */
    boolean deletes() {
        return set.isPersistent() && !keep;
    }

    /**
     * Releases the set (and deletes unkept persistent copies) unless the JVM's shutdown already did.
     *
     * @return why the copies could not be deleted, or null
     */
    CliException dispose() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook runs now, or ran: it disposes of the set, and done tells.
        }
        return done.compareAndSet(false, true) ? release() : null;
    }

    private void onShutdown() {
        if (!done.compareAndSet(false, true)) {
            return;
        }
        boolean killed = stopCommand();
        err.println("vss4j: stopped while holding snapshot set " + set.snapshotSetId() + ": releasing its copies"
                + (deletes() ? " and deleting them" : ""));
        CliException failed = release();
        if (failed != null) {
            err.println("vss4j: " + failed.getMessage());
        }
        err.flush();
        if (killed) {
            // The signal's own status (130, 143) would hide that the command had to be killed.
            Runtime.getRuntime().halt(ExitCode.COMMAND_KILLED.code());
        }
    }

    // The command reads the copies: it ends before they are released. True if it had to be killed.
    private boolean stopCommand() {
        ExecChild command;
        synchronized (this) {
            command = child;
        }
        if (command == null || !command.process().isAlive()) {
            return false;
        }
        err.println("vss4j: stopping --exec's command (pid " + command.process().pid() + ") before releasing the"
                + " copies it reads; it is killed if it has not ended in " + ExecChild.GRACE.toMillis() + " ms");
        err.flush();
        try {
            boolean ended = command.stop(ExecChild.GRACE);
            command.drain();
            if (!ended) {
                err.println("vss4j: --exec's command did not end when asked and was killed");
            }
            return !ended;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            command.process().descendants().forEach(ProcessHandle::destroyForcibly);
            command.process().destroyForcibly();
            return true;
        }
    }

    private CliException release() {
        set.close();
        if (!deletes()) {
            return null;
        }
        try (BackupComponents backup = vss.createBackupComponents()) {
            backup.initializeForBackup();
            backup.setContext(set.context());
            backup.deleteSnapshotSet(set.snapshotSetId(), true);
            return null;
        } catch (VssException failed) {
            return new CliException(ExitCode.FAILED, "the persistent copies of set " + set.snapshotSetId()
                    + " could not be deleted; delete them with: vss4j delete " + set.snapshotSetId() + ". "
                    + failed.getMessage(), failed);
        }
    }
}
