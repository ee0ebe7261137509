package io.github.vss4j.cli;

import static io.github.vss4j.cli.CliTestSupport.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code create} run in-process against fresh simulated machines. */
class CliCreateTest {
    private static final Pattern DEVICE = Pattern.compile("\\\\\\\\\\?\\\\GLOBALROOT\\\\Device\\\\"
            + "HarddiskVolumeShadowCopy\\d+");

    @Test
    void createsTwoVolumesOfAFreshMachineAndShowsThem() {
        CliRun run = run("create", "--simulate", "C:", "D:\\");
        assertEquals(0, run.exitCode(), run::toString);
        String[] lines = run.out().split("\\R");
        assertTrue(lines[0].startsWith("VOLUME") && lines[0].contains("DEVICE OBJECT") && lines[0].contains("SET ID"),
                run::toString);
        assertTrue(lines[1].startsWith("C:\\ ") && DEVICE.matcher(lines[1]).find(), run::toString);
        assertTrue(lines[2].startsWith("D:\\ ") && DEVICE.matcher(lines[2]).find(), run::toString);
        assertTrue(run.out().contains("Released"), run::toString);
        assertEquals("", run.err(), "quiet when not at a terminal");
    }

    @Test
    void jsonReportParsesBack() throws Exception {
        CliRun run = run("create", "--simulate", "--json", "--backup-type", "full", "C:", "D:");
        assertEquals(0, run.exitCode(), run::toString);
        JsonNode report = run.json();
        assertEquals(1, report.get("format").asInt());
        assertEquals("create", report.get("command").asText());
        assertTrue(report.get("simulated").asBoolean());
        assertEquals("BACKUP", report.get("context").asText());
        assertEquals("released", report.get("disposal").asText());
        JsonNode copies = report.get("copies");
        assertEquals(2, copies.size());
        assertEquals("C:\\", copies.get(0).get("volume").asText());
        assertEquals("D:\\", copies.get(1).get("volume").asText());
        for (JsonNode copy : copies) {
            assertTrue(DEVICE.matcher(copy.get("deviceObject").asText()).matches(), copy::toString);
            assertEquals(report.get("snapshotSetId").asText(), copy.get("snapshotSetId").asText());
            assertTrue(copy.get("attributes").isArray());
        }
    }

    @Test
    void persistentCopiesAreDeletedUnlessKept() throws Exception {
        JsonNode deleted = run("create", "--simulate", "--json", "--context", "client-accessible", "C:").json();
        assertEquals("deleted", deleted.get("disposal").asText());
        assertTrue(deleted.get("copies").get(0).get("persistent").asBoolean());

        CliRun kept = run("create", "--simulate", "--keep", "C:");
        assertEquals(0, kept.exitCode(), kept::toString);
        assertTrue(kept.out().contains("Kept: the copies stay; remove them with: vss4j delete "), kept::toString);
        assertTrue(kept.out().contains("persistent,client_accessible"), "--keep alone means client-accessible");
    }

    @Test
    void execSeesTheCopiesAndItsExitCodeIsReturned() {
        assumeFalse(CliRun.onWindows(), "the command is written for /bin/sh");
        CliRun run = run("create", "--simulate", "C:", "D:", "--exec",
                "printf '%s|%s|%s|%s' \"$VSS4J_SHADOW_COUNT\" \"$VSS4J_SHADOW_1_VOLUME\" \"$VSS4J_SHADOW_2\""
                        + " \"$VSS4J_SIMULATED\"; exit 42");
        assertEquals(42, run.exitCode(), run::toString);
        assertTrue(Pattern.compile("2\\|C:\\\\\\|" + DEVICE.pattern() + "\\|true").matcher(run.out()).find(),
                run::toString);
        assertTrue(run.out().contains("Released"), "released after the command: " + run);
    }

    @Test
    void execWithJsonKeepsStdoutOneDocument() throws Exception {
        assumeFalse(CliRun.onWindows(), "the command is written for /bin/sh");
        CliRun run = run("create", "--simulate", "--json", "C:", "--exec", "echo from-the-command");
        assertEquals(0, run.exitCode(), run::toString);
        JsonNode report = run.json();
        assertEquals(0, report.get("exec").get("exitCode").asInt());
        assertTrue(run.err().contains("from-the-command"), run::toString);
    }

    @Test
    void progressShowsAtATerminalOnlyAndOnStderr() {
        CliRun terminal = CliTestSupport.run(true, "create", "--simulate", "C:");
        assertEquals(0, terminal.exitCode(), terminal::toString);
        assertTrue(terminal.err().contains("vss4j: do snapshot set ..."), terminal::toString);
        CliRun quiet = CliTestSupport.run(true, "create", "--simulate", "--quiet", "C:");
        assertEquals("", quiet.err(), quiet::toString);
    }

    @Test
    void writerOptionsReachTheRequest() throws Exception {
        CliRun run = run("create", "--simulate=" + CliRun.exampleMachine(), "--quiet", "--json",
                "--writer-policy", "report", "--context", "file-share", "C:");
        // file-share has no writers: the example's failing writer plays no part; its fault starts at attempt 2.
        assertEquals(1, run.exitCode(), run::toString);
        assertEquals("VSS_E_INSUFFICIENT_STORAGE", run.json().get("error").get("name").asText());
    }
}
