package io.github.vss4j.cli;

import static io.github.vss4j.cli.CliTestSupport.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Failures end with the exit code of their class and tell the operator what to do. */
class CliFailureTest {
    @TempDir
    Path dir;

    private Path machine(String json) throws IOException {
        return Files.writeString(dir.resolve("machine.json"), json);
    }

    @Test
    void simulatedFaultFailsWithItsAdvice() throws Exception {
        CliRun run = run("create", "--simulate=" + CliRun.exampleMachine(), "--exclude-writer", "SqlServerWriter",
                "D:");
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.err().contains("DoSnapshotSet failed with VSS_E_INSUFFICIENT_STORAGE (0x8004231F)"),
                run::toString);
        assertTrue(run.err().contains("delete old persistent shadow copies"), "the advice: " + run);
    }

    @Test
    void failedWriterFailsCreateUnderTheDefaultPolicy() {
        CliRun run = run("create", "--simulate=" + CliRun.exampleMachine(), "D:");
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.err().contains("SqlServerWriter (FAILED_AT_PREPARE_BACKUP"), run::toString);
    }

    @Test
    void missingVolumeIsNamed() throws Exception {
        CliRun run = run("create", "--simulate=" + CliRun.exampleMachine(), "--json", "X:");
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.err().contains("VSS_E_OBJECT_NOT_FOUND") && run.err().contains("X:\\"), run::toString);
        JsonNode error = run.json().get("error");
        assertEquals(1, error.get("exitCode").asInt());
        assertEquals("failed", error.get("class").asText());
        assertEquals("0x80042308", error.get("hresult").asText());
        assertEquals("AddToSnapshotSet", error.get("operation").asText());
        assertTrue(error.get("advice").asText().contains("Check the name"), error::toString);
    }

    @Test
    void transientFailureHasItsOwnExitCode() throws Exception {
        Path file = machine("""
                {"volumes": ["C:\\\\"],
                 "faults": [{"operation": "DoSnapshotSet", "error": "VSS_E_FLUSH_WRITES_TIMEOUT",
                             "throughQueryStatus": true, "attempts": "all"}]}
                """);
        CliRun run = run("create", "--simulate=" + file, "--no-retry", "C:");
        assertEquals(5, run.exitCode(), run::toString);
        assertTrue(run.err().contains("VSS_E_FLUSH_WRITES_TIMEOUT") && run.err().contains("transient"),
                run::toString);
    }

    @Test
    void accessDeniedHasItsOwnExitCode() throws Exception {
        Path file = machine("""
                {"volumes": ["C:\\\\"],
                 "faults": [{"operation": "InitializeForBackup", "error": "0x80070005"}]}
                """);
        CliRun run = run("list", "--simulate=" + file, "--json");
        assertEquals(4, run.exitCode(), run::toString);
        assertEquals("access-denied", run.json().get("error").get("class").asText());
        assertTrue(run.err().contains("Backup Operators"), run::toString);
    }

    @Test
    void withoutSimulateOffWindowsSaysHowToSimulate() {
        assumeFalse(CliRun.onWindows(), "real VSS exists on Windows");
        CliRun run = run("create", "C:", "D:");
        assertEquals(3, run.exitCode(), run::toString);
        assertTrue(run.err().contains("Real shadow copies need Windows"), run::toString);
        assertTrue(run.err().contains("vss4j create --simulate C: D:"), run::toString);
        assertEquals("", run.out());
    }

    @Test
    void startupCopiesThatFailAreReported() throws Exception {
        Path file = machine("""
                {"volumes": [{"name": "C:\\\\", "supported": false}],
                 "shadowCopies": [{"volumes": ["C:\\\\"], "context": "client-accessible"}]}
                """);
        CliRun run = run("list", "--simulate=" + file);
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.err().contains("shadowCopies [C:\\] could not be made"), run::toString);
    }
}
