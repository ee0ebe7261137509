package io.github.vss4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built command-line jar, run as {@code java -jar} in a process of its own, as operators run it. */
class CliJarIT {
    private static final long BOUND_SECONDS = 120;
    private static Path jar;

    @TempDir
    Path dir;

    @BeforeAll
    static void findJar() {
        String path = System.getProperty("vss4j.cliJar");
        assertTrue(path != null && Files.isRegularFile(Path.of(path)),
                "the build passes the CLI jar as -Dvss4j.cliJar; got " + path);
        jar = Path.of(path);
    }

    private CliRun java(String... args) throws IOException, InterruptedException {
        return javaWith(List.of(), args);
    }

    private CliRun javaWith(List<String> jvmOptions, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Files.createTempFile(dir, "in", ".txt").toFile()))
                .start();
        if (!process.waitFor(BOUND_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(BOUND_SECONDS, TimeUnit.SECONDS);
            fail("vss4j " + String.join(" ", args) + " did not end within " + BOUND_SECONDS + " s");
        }
        return new CliRun(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void theReadmesFirstCommand() throws Exception {
        CliRun run = java("create", "--simulate", "C:", "D:");
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(Pattern.compile("(?m)^C:\\\\ +\\\\\\\\\\?\\\\GLOBALROOT\\\\Device\\\\HarddiskVolumeShadowCopy1 ")
                .matcher(run.out()).find(), run::toString);
        assertTrue(Pattern.compile("(?m)^D:\\\\ +\\\\\\\\\\?\\\\GLOBALROOT\\\\Device\\\\HarddiskVolumeShadowCopy2 ")
                .matcher(run.out()).find(), run::toString);
        assertEquals("", run.err(), "no log lines, no progress off a terminal");
    }

    @Test
    void aLibraryThatCannotBeLoadedIsReportedWithOnePrefix() throws Exception {
        CliRun run = javaWith(List.of("-Dvss4j.platform=plan9_mips"), "create", "--simulate", "C:");

        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.err().startsWith("vss4j: cannot load the native library for platform plan9_mips"), run::toString);
        assertFalse(run.err().contains("vss4j: vss4j:"), run::toString);
    }

    @Test
    void createJsonParsesBack() throws Exception {
        CliRun run = java("create", "--simulate", "--json", "--context", "app-rollback", "--keep", "C:");
        assertEquals(0, run.exitCode(), run::toString);
        JsonNode report = run.json();
        assertEquals("APP_ROLLBACK", report.get("context").asText());
        assertEquals("kept", report.get("disposal").asText());
        assertEquals(1, report.get("copies").size());
    }

    @Test
    void execExitCodeAndEnvironment() throws Exception {
        assumeFalse(CliRun.onWindows(), "the command is written for /bin/sh");
        CliRun run = java("create", "--simulate", "C:", "--exec",
                "printf '%s %s' \"$VSS4J_SNAPSHOT_SET_ID\" \"$VSS4J_SHADOW_1\"; exit 9");
        assertEquals(9, run.exitCode(), run::toString);
        assertTrue(Pattern.compile("[0-9a-f-]{36} \\\\\\\\\\?\\\\GLOBALROOT\\\\Device\\\\HarddiskVolumeShadowCopy1")
                .matcher(run.out()).find(), run::toString);
    }

    @Test
    void stoppedDuringExecItStillReleasesAndDeletes() throws Exception {
        assumeFalse(CliRun.onWindows(), "the command is written for /bin/sh");
        // The command stops vss4j (its parent) and outlives it for a while, as a long backup would.
        CliRun run = java("create", "--simulate", "--context", "client-accessible", "C:", "--exec",
                "kill -TERM $PPID; sleep 10");
        assertEquals(143, run.exitCode(), run::toString);
        assertTrue(run.err().contains("stopped while holding snapshot set ")
                && run.err().contains("releasing its copies and deleting them"), run::toString);
    }

    @Test
    void listDeleteAndWritersOnTheExampleMachine() throws Exception {
        String machine = "--simulate=" + CliRun.exampleMachine();
        CliRun list = java("list", machine, "--json");
        assertEquals(0, list.exitCode(), list::toString);
        assertEquals(1, list.json().get("copies").size());

        CliRun delete = java("delete", machine, "--all");
        assertEquals(0, delete.exitCode(), delete::toString);
        assertTrue(delete.out().startsWith("Deleted set "), delete::toString);

        CliRun writers = java("writers", machine);
        assertEquals(0, writers.exitCode(), writers::toString);
        assertTrue(writers.out().contains("FAILED_AT_PREPARE_BACKUP"), writers::toString);
    }

    @Test
    void simulatedFaultAndMissingVolume() throws Exception {
        String machine = "--simulate=" + CliRun.exampleMachine();
        CliRun fault = java("create", machine, "--exclude-writer", "SqlServerWriter", "D:");
        assertEquals(1, fault.exitCode(), fault::toString);
        assertTrue(fault.err().contains("\nvss4j: DoSnapshotSet failed with VSS_E_INSUFFICIENT_STORAGE"),
                fault::toString);
        assertFalse(fault.err().contains("WARN"), "the failure is told once, not logged as well: " + fault);

        CliRun missing = java("create", machine, "Q:");
        assertEquals(1, missing.exitCode(), missing::toString);
        assertTrue(missing.err().contains("VSS_E_OBJECT_NOT_FOUND"), missing::toString);
    }

    @Test
    void badArgumentsAreUsageErrors() throws Exception {
        CliRun run = java("create", "--simulate", "--context", "sideways", "C:");
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("--context: \"sideways\" is not one of"), run::toString);
        assertTrue(run.err().contains("Usage: vss4j COMMAND"), run::toString);

        CliRun none = java();
        assertEquals(2, none.exitCode(), none::toString);
    }

    @Test
    void withoutSimulateOffWindows() throws Exception {
        assumeFalse(CliRun.onWindows(), "real VSS exists on Windows");
        CliRun run = java("list");
        assertEquals(3, run.exitCode(), run::toString);
        assertTrue(run.err().contains("need Windows") && run.err().contains("vss4j list --simulate"),
                run::toString);
    }

    @Test
    void helpAndVersion() throws Exception {
        CliRun help = java("--help");
        assertEquals(0, help.exitCode(), help::toString);
        assertTrue(help.out().contains("Exit codes:"), help::toString);
        CliRun version = java("--version");
        assertEquals(0, version.exitCode(), version::toString);
        assertTrue(version.out().matches("vss4j \\d+\\.\\d+\\.\\d+.*\\R"), version::toString);
    }

    @Test
    void theLibraryJarLeavesTheCommandLineOut() throws Exception {
        try (JarFile library = new JarFile(System.getProperty("vss4j.testJar"))) {
            assertTrue(library.stream().noneMatch(e -> e.getName().startsWith("io/github/vss4j/cli/")
                    || e.getName().startsWith("com/fasterxml/")), "the library jar holds no CLI or JSON classes");
        }
        try (JarFile cli = new JarFile(jar.toFile())) {
            assertEquals("io.github.vss4j.cli.Main", cli.getManifest().getMainAttributes().getValue("Main-Class"));
            for (String entry : new String[] {"io/github/vss4j/Vss.class", "natives/linux_64/libvss4j.so.sha256",
                "com/fasterxml/jackson/databind/ObjectMapper.class", "org/slf4j/simple/SimpleLogger.class",
                "simplelogger.properties"}) {
                assertTrue(cli.getEntry(entry) != null, entry + " missing from the CLI jar");
            }
        }
    }
}
