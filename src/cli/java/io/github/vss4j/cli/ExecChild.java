package io.github.vss4j.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code --exec}'s running command, with the threads that copy its output, so that vss4j can stop it before it
 * releases the copies the command reads.
 */
final class ExecChild {
    /** How long a command asked to stop may take before it is killed; a system property for tests. */
    static final Duration GRACE = Duration.ofMillis(Long.getLong("vss4j.cli.execStopGraceMillis", 10_000));
    // After SIGKILL (TerminateProcess on Windows) the processes are gone at once; this bounds the wait anyway.
    private static final Duration KILL_WAIT = Duration.ofSeconds(5);
    // Output still arriving after the command ended belongs to something it left running in the background:
    // that is not worth holding the copies for.
    private static final long DRAIN_MILLIS = TimeUnit.SECONDS.toMillis(5);

    private final Process process;
    private final List<Thread> copiers;

    ExecChild(Process process, List<Thread> copiers) {
        this.process = process;
        this.copiers = List.copyOf(copiers);
    }

    Process process() {
        return process;
    }

    /** Waits for the threads copying the command's output to pass on what it wrote, for a bounded time. */
    void drain() throws InterruptedException {
        for (Thread copier : copiers) {
            copier.join(DRAIN_MILLIS);
        }
    }

    /**
     * Asks the command and everything it started to end (SIGTERM), waits {@code grace} for them, then kills what is
     * left.
     *
     * @return true if everything ended when asked, false if something had to be killed
     */
    boolean stop(Duration grace) throws InterruptedException {
        List<ProcessHandle> tree = new ArrayList<>();
        process.descendants().forEach(tree::add);
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        if (allEnded(tree, grace)) {
            return true;
        }
        tree.forEach(ProcessHandle::destroyForcibly);
        allEnded(tree, KILL_WAIT);
        return false;
    }

    private static boolean allEnded(List<ProcessHandle> tree, Duration bound) throws InterruptedException {
        CompletableFuture<?>[] exits = tree.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(exits).get(bound.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException stillRunning) {
            return false;
        } catch (ExecutionException cannotHappen) {
            // onExit futures do not fail; if one did, the process is as good as gone.
            return true;
        }
    }

    /**
     * Stops {@code command} (if it still runs) as the JVM shuts down, saying so on {@code err}.
     *
     * @param why why it must end first, e.g. "before releasing the copies it reads"
     * @return true if it had to be killed
     */
    static boolean stopOnShutdown(ExecChild command, PrintStream err, String why) {
        if (command == null || !command.process().isAlive()) {
            return false;
        }
        err.println("vss4j: stopping --exec's command (pid " + command.process().pid() + ") " + why
                + "; it is killed if it has not ended in " + GRACE.toMillis() + " ms");
        err.flush();
        try {
            boolean ended = command.stop(GRACE);
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
}
