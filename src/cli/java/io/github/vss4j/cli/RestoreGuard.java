package io.github.vss4j.cli;

import io.github.vss4j.PreparedRestore;
import java.io.PrintStream;

/**
 * Ends a prepared restore once: by {@code restore} itself, or when the JVM is stopped during {@code --exec} (Ctrl-C,
 * a kill): the command is stopped first, then the restore is closed, which tells each writer its restore failed and
 * runs PostRestore, so that no writer stays in its restore state.
 */
final class RestoreGuard extends ShutdownGuard {
    private final PreparedRestore restore;
    private final PrintStream err;

    /** Guards {@code restore} from now on. */
    static RestoreGuard guard(PreparedRestore restore, PrintStream err) {
        RestoreGuard guard = new RestoreGuard(restore, err);
        guard.arm();
        return guard;
    }

    private RestoreGuard(PreparedRestore restore, PrintStream err) {
        super("vss4j-restore-on-exit");
        this.restore = restore;
        this.err = err;
    }

    @Override
    void stopped(ExecChild command) {
        boolean killed = ExecChild.stopOnShutdown(command, err, "before the writers are told the restore failed");
        err.println("vss4j: stopped during the restore: telling the writers it failed and running PostRestore");
        restore.close();
        err.flush();
        if (killed) {
            Runtime.getRuntime().halt(ExitCode.COMMAND_KILLED.code());
        }
    }
}
