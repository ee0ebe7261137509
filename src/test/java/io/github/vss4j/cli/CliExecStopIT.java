package io.github.vss4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM to {@code vss4j create --exec} while the command runs: the command is stopped first (asked, then killed
 * after the grace period), and only then are the copies it reads released. A fresh JVM runs the CLI jar; the test
 * waits on output lines and process exits, each with a bound.
 */
class CliExecStopIT {
    private static final long BOUND_SECONDS = 120;
    // Says it started on stdout (which vss4j passes on), then blocks in `wait`, which a trapped signal interrupts.
    private static final String BLOCK = "echo 'command: started'; sleep 1000 & wait $!";
    private static Path jar;

    @BeforeAll
    static void findJar() {
        String path = System.getProperty("vss4j.cliJar");
        assertNotNull(path, "the build passes the CLI jar as -Dvss4j.cliJar");
        jar = Path.of(path);
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * Starts the CLI, sends it SIGTERM once the command said it started (on vss4j's stdout), and returns the exit
     * code and vss4j's stderr lines, in the order it wrote them.
     */
    private static Stopped stopDuringExec(long graceMillis, String command) throws Exception {
        Path err = Files.createTempFile("vss4j-exec-stop", ".err");
        Process cli = new ProcessBuilder(java(), "-Dvss4j.cli.execStopGraceMillis=" + graceMillis, "-jar",
                jar.toString(), "create", "--simulate", "--context", "client-accessible", "C:", "--exec", command)
                .redirectError(err.toFile()).start();
        cli.getOutputStream().close();
        CompletableFuture<Boolean> started = CompletableFuture.supplyAsync(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(cli.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String next; (next = lines.readLine()) != null; ) {
                    if (next.equals("command: started")) {
                        return true;
                    }
                }
                return false;
            } catch (IOException gone) {
                return false;
            }
        });
        try {
            assertTrue(started.get(BOUND_SECONDS, TimeUnit.SECONDS), "the command started");
            cli.destroy();  // SIGTERM
            assertTrue(cli.waitFor(BOUND_SECONDS, TimeUnit.SECONDS), "vss4j ended after SIGTERM");
        } finally {
            cli.descendants().forEach(ProcessHandle::destroyForcibly);
            cli.destroyForcibly();
        }
        List<String> lines = Files.readAllLines(err, StandardCharsets.UTF_8);
        Files.delete(err);
        return new Stopped(cli.exitValue(), lines);
    }

    private record Stopped(int exitCode, List<String> err) {
        int line(String containing) {
            for (int i = 0; i < err.size(); i++) {
                if (err.get(i).contains(containing)) {
                    return i;
                }
            }
            throw new AssertionError("no line with \"" + containing + "\" in " + err);
        }
    }

    @Test
    void concurrentRunsOnOneMachineFileTakeTurns() throws Exception {
        Path dir = Files.createTempDirectory("vss4j-state-it");
        Path machine = dir.resolve("machine.json");
        Files.writeString(machine, "{\"volumes\": [\"C:\"], \"shadowCopies\": [{\"volumes\": [\"C:\"],"
                + " \"context\": \"client-accessible\"}]}");
        String java = java();
        List<Process> runs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            runs.add(new ProcessBuilder(java, "-jar", jar.toString(), "create", "--machine", machine.toString(),
                    "--keep", "C:").redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start());
        }
        for (Process run : runs) {
            assertTrue(run.waitFor(BOUND_SECONDS, TimeUnit.SECONDS), "a run ended");
            assertEquals(0, run.exitValue(), "a run's exit code");
        }
        Process list = new ProcessBuilder(java, "-jar", jar.toString(), "list", "--json", "--machine",
                machine.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String report = new String(list.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(list.waitFor(BOUND_SECONDS, TimeUnit.SECONDS));
        assertEquals(5, new com.fasterxml.jackson.databind.ObjectMapper().readTree(report).get("copies").size(),
                "the startup copy and one kept copy per run, none lost to another run: " + report);
    }

    @Test
    void theCommandEndsBeforeItsCopiesAreReleased() throws Exception {
        assumeFalse(CliRun.onWindows(), "the command is written for /bin/sh");
        // vss4j signals the command's children too: when the sleep dies before the shell sees its own signal, the
        // loop waits on a new one, so the shell always ends through its trap (which kills that sleep as well).
        Stopped run = stopDuringExec(30_000, "trap 'echo \"command: asked to stop\" >&2; kill $! 2>/dev/null; exit 3'"
                + " TERM; echo 'command: started'; while :; do sleep 1000 & wait $!; done");
        assertEquals(143, run.exitCode(), run.err()::toString);
        int stopping = run.line("stopping --exec's command");
        int asked = run.line("command: asked to stop");
        int releasing = run.line("releasing its copies and deleting them");
        assertTrue(stopping < asked && asked < releasing, run.err()::toString);
    }

    @Test
    void aCommandThatIgnoresTheStopIsKilledAndTheExitCodeSaysSo() throws Exception {
        assumeFalse(CliRun.onWindows(), "the command is written for /bin/sh");
        Stopped run = stopDuringExec(500, "trap '' TERM; " + BLOCK);
        assertEquals(6, run.exitCode(), "ExitCode.COMMAND_KILLED: " + run.err());
        assertTrue(run.line("did not end when asked and was killed") < run.line("releasing its copies"),
                run.err()::toString);
    }
}
