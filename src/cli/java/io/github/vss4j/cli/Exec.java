package io.github.vss4j.cli;

import io.github.vss4j.ShadowCopy;
import io.github.vss4j.ShadowCopySet;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/** Runs {@code --exec}'s command through the platform's shell while the shadow copies exist. */
final class Exec {
    private Exec() {
    }

    /** The environment the command sees: where the copies are. */
    static void describe(ShadowCopySet set, CopyRoots roots, boolean simulated, Map<String, String> environment) {
        List<ShadowCopy> copies = set.copies();
        environment.put("VSS4J_SHADOW_COUNT", Integer.toString(copies.size()));
        environment.put("VSS4J_SNAPSHOT_SET_ID", set.snapshotSetId().toString());
        environment.put("VSS4J_CONTEXT", set.context().name());
        environment.put("VSS4J_SIMULATED", Boolean.toString(simulated));
        for (int i = 0; i < copies.size(); i++) {
            ShadowCopy copy = copies.get(i);
            String prefix = "VSS4J_SHADOW_" + (i + 1);
            environment.put(prefix, copy.deviceObject());
            environment.put(prefix + "_VOLUME", copy.volume());
            environment.put(prefix + "_ID", copy.snapshotId().toString());
            if (roots.root(i) != null) {
                environment.put(prefix + "_ROOT", roots.root(i));
            }
        }
    }

    /**
     * Runs {@code command} and returns its exit code. Its stdout goes to {@code session.out()}, or to stderr with
     * {@code --json} so that stdout stays one JSON document; its stderr to {@code session.err()}.
     */
    static int run(String command, ShadowCopySet set, CopyRoots roots, boolean simulated, Session session,
            SetDisposal disposal) throws IOException, InterruptedException {
        return run(command, environment -> describe(set, roots, simulated, environment), session, disposal);
    }

    /** What a stop of vss4j (Ctrl-C, a kill) must end first: the running command. */
    interface Guard {
        /** Starts the command; a stop that came first wins and the command is not started. */
        ExecChild start(SetDisposal.Start start) throws IOException;

        /** The command has ended. */
        void finished();
    }

    /** Runs {@code command} with what {@code environment} adds to its environment; returns its exit code. */
    static int run(String command, Consumer<Map<String, String>> environment, Session session, Guard guard)
            throws IOException, InterruptedException {
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        ProcessBuilder builder = new ProcessBuilder(windows ? List.of("cmd.exe", "/c", command)
                : List.of("/bin/sh", "-c", command));
        environment.accept(builder.environment());
        if (session.inheritStdin()) {
            builder.redirectInput(ProcessBuilder.Redirect.INHERIT);
        }
        // From its start a stop (Ctrl-C, a kill) ends the command before the copies it reads are released.
        ExecChild child = guard.start(() -> {
            Process process = builder.start();
            if (!session.inheritStdin()) {
                process.getOutputStream().close();
            }
            Thread stdout = copy(process.getInputStream(), session.json() ? session.err() : session.out(), "stdout");
            Thread stderr = copy(process.getErrorStream(), session.err(), "stderr");
            return new ExecChild(process, List.of(stdout, stderr));
        });
        Process process = child.process();
        try {
            int exitCode = process.waitFor();
            child.drain();
            return exitCode;
        } catch (InterruptedException interrupted) {
            child.stop(ExecChild.GRACE);
            throw interrupted;
        } finally {
            guard.finished();
        }
    }

    private static Thread copy(InputStream from, PrintStream to, String name) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try (from) {
                for (int n; (n = from.read(buffer)) >= 0; ) {
                    to.write(buffer, 0, n);
                    to.flush();
                }
            } catch (IOException closed) {
                // The command is gone and so is its pipe: nothing more to copy.
            }
        }, "vss4j-exec-" + name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
