package io.github.vss4j.cli;

import static io.github.vss4j.cli.CliTestSupport.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code doctor} on simulated machines, each described with one diagnosis, in-process. */
class CliDoctorTest {
    private static Path machine(Path dir, String json) throws Exception {
        Path file = dir.resolve("machine.json");
        Files.writeString(file, json);
        return file;
    }

    @Test
    void aHealthyMachineExitsZeroWithItsSummary() {
        CliRun run = run("doctor", "--simulate", "--quiet");
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().startsWith("Healthy: this machine can take shadow copies now."), run::toString);
        assertTrue(run.out().contains("writers") && run.out().contains("3 (0 failed)"), run::toString);
        assertTrue(run.out().contains("volume C:\\"), run::toString);
    }

    @Test
    void aFailedWriterIsAProblemNamingTheServiceToRestart(@TempDir Path dir) throws Exception {
        Path file = machine(dir, """
                { "volumes": ["C:\\\\"],
                  "writers": [{ "name": "Vendor Writer", "failsAt": "PREPARE_BACKUP",
                                "failure": "VSS_E_WRITERERROR_NONRETRYABLE" }] }
                """);
        CliRun run = run("doctor", "--simulate=" + file, "--quiet");
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.out().startsWith("Not healthy"), run::toString);
        assertTrue(run.out().contains("writer \"Vendor Writer\"") && run.out().contains("VSS_E_WRITERERROR_NONRETRYABLE")
                && run.out().contains("restart the service or application that hosts writer"), run::toString);
    }

    @Test
    void aFullDiffAreaSaysHowToMakeRoom(@TempDir Path dir) throws Exception {
        Path file = machine(dir, """
                { "volumes": [{ "name": "D:\\\\", "diffAreaBytes": 419430400, "bytesPerCopy": 209715200 }],
                  "shadowCopies": [{ "volumes": ["D:\\\\"], "context": "CLIENT_ACCESSIBLE" },
                                   { "volumes": ["D:\\\\"], "context": "CLIENT_ACCESSIBLE" }] }
                """);
        JsonNode report = run("doctor", "--simulate=" + file, "--json").json();
        assertEquals("doctor", report.get("command").asText());
        assertFalse(report.get("healthy").asBoolean(), report::toString);
        assertEquals(1, report.get("exitCode").asInt(), report::toString);
        JsonNode finding = report.get("findings").get(0);
        assertEquals("PROBLEM", finding.get("severity").asText());
        assertEquals("volume D:\\", finding.get("subject").asText());
        assertTrue(finding.get("action").asText().contains("vss4j storage resize D:\\"), finding::toString);
        JsonNode d = report.get("volumes").get(0);
        assertEquals(2, d.get("copies").asInt(), d::toString);
        assertEquals(0, d.get("copiesThatFit").asInt(), d::toString);
    }

    @Test
    void aSetInProgressIsTransient(@TempDir Path dir) throws Exception {
        Path file = machine(dir, """
                { "volumes": ["C:\\\\"],
                  "faults": [{ "operation": "StartSnapshotSet", "error": "VSS_E_SNAPSHOT_SET_IN_PROGRESS",
                               "attempts": "all" }] }
                """);
        JsonNode report = run("doctor", "--simulate=" + file, "--json").json();
        assertEquals(5, report.get("exitCode").asInt(), report::toString);
        assertEquals("transient", report.get("class").asText());
        assertEquals("snapshot set", report.get("findings").get(0).get("subject").asText());
    }

    @Test
    void withoutBackupRightsItSaysToRunElevated(@TempDir Path dir) throws Exception {
        Path file = machine(dir, """
                { "volumes": ["C:\\\\"],
                  "faults": [{ "operation": "InitializeForBackup", "error": "E_ACCESSDENIED", "attempts": "all" }] }
                """);
        CliRun run = run("doctor", "--simulate=" + file, "--quiet");
        assertEquals(4, run.exitCode(), run::toString);
        assertTrue(run.out().contains("run elevated"), run::toString);
    }

    @Test
    void itsHelpAndItsRefusals() {
        CliRun help = run("doctor", "--help");
        assertTrue(help.out().startsWith("Usage: vss4j doctor"), help::toString);
        CliRun option = run("doctor", "--simulate", "--on", "C:\\");
        assertEquals(2, option.exitCode(), option::toString);
        assertTrue(option.err().contains("doctor does not take --on"), option::toString);
    }
}
