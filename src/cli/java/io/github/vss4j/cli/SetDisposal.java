package io.github.vss4j.cli;

import io.github.vss4j.BackupComponents;
import io.github.vss4j.ShadowCopySet;
import io.github.vss4j.Vss;
import io.github.vss4j.VssException;
import java.io.IOException;
import java.io.PrintStream;

/**
 * Gets rid of a snapshot set exactly once: when {@code create} is done with it, or when the JVM is stopped while it
 * still holds it (Ctrl-C or a kill during {@code --exec}). Persistent copies the operator did not {@code --keep}
 * are deleted, so that stopping vss4j leaves nothing behind that it would not have left by ending normally.
 */
final class SetDisposal extends ShutdownGuard {
    private final Vss vss;
    private final ShadowCopySet set;
    private final boolean keep;
    private final PrintStream err;

    private SetDisposal(Vss vss, ShadowCopySet set, boolean keep, PrintStream err) {
        super("vss4j-release-on-exit");
        this.vss = vss;
        this.set = set;
        this.keep = keep;
        this.err = err;
    }

    /** Guards {@code set} from now on. */
    static SetDisposal guard(Vss vss, ShadowCopySet set, boolean keep, PrintStream err) {
        SetDisposal disposal = new SetDisposal(vss, set, keep, err);
        disposal.arm();
        return disposal;
    }

    /** Starts a process that {@code start} describes. */
    interface Start {
        ExecChild start() throws IOException;
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
        return takeOver() ? release() : null;
    }

    @Override
    void stopped(ExecChild command) {
        boolean killed = ExecChild.stopOnShutdown(command, err, "before releasing the copies it reads");
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
