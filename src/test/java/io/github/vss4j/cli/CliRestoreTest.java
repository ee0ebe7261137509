package io.github.vss4j.cli;

import static io.github.vss4j.cli.CliTestSupport.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code restore}: the document of {@code create --component --save-document} restored on the same simulated
 * machine, {@code --exec}'s command given what to restore where, its exit code deciding what each writer is told.
 */
class CliRestoreTest {
    private static final String SALES = "SqlServerWriter:VSS4J-SIM\\sales";

    @TempDir
    Path dir;
    private Path document;

    @BeforeEach
    void backUp() {
        document = dir.resolve("backup.xml");
        CliRun backup = run("create", "--simulate", "--component", SALES, "--backup-type", "full",
                "--save-document", document.toString(), "--exec", "exit 0");
        assertEquals(0, backup.exitCode(), backup::toString);
    }

    @Test
    void theCommandSeesTheTargetsAndItsSuccessTellsTheWriterAll() throws Exception {
        Path copied = dir.resolve("what.json");
        String command = CliRun.onWindows()
                ? "copy \"%VSS4J_RESTORE_JSON%\" \"" + copied + "\" && echo %VSS4J_RESTORE_1_TARGET%"
                        + " && echo json=%VSS4J_RESTORE_JSON%"
                : "cp \"$VSS4J_RESTORE_JSON\" '" + copied + "' && echo \"$VSS4J_RESTORE_1_TARGET\""
                        + " && echo \"json=$VSS4J_RESTORE_JSON\"";
        CliRun run = run("restore", "--simulate", "--json", "--document", document.toString(), "--exec", command);
        assertEquals(0, run.exitCode(), run::toString);
        JsonNode report = run.json();
        assertEquals("restore", report.get("command").asText());
        JsonNode sales = report.get("components").get(0);
        assertEquals("sales", sales.get("name").asText());
        assertEquals("ALL", sales.get("fileRestoreStatus").asText());
        assertTrue(sales.get("told").asBoolean());
        assertTrue(report.get("succeeded").asBoolean());
        assertTrue(run.err().contains("ORIGINAL"), "the command's output goes to stderr with --json: " + run);
        JsonNode seen = new ObjectMapper().readTree(Files.readString(copied));
        JsonNode component = seen.get("components").get(0);
        assertEquals("VSS4J-SIM", component.get("logicalPath").asText());
        assertEquals("ORIGINAL", component.get("restoreTarget").asText());
        assertEquals("sales.mdf", component.get("files").get(0).get("fileSpec").asText());
        assertEquals("RESTORE_IF_CAN_REPLACE", component.get("restoreMethod").get("method").asText());
        String json = run.err().lines().filter(l -> l.startsWith("json=")).findFirst().orElseThrow()
                .substring("json=".length()).trim();
        assertFalse(Files.exists(Path.of(json)), "the JSON file is deleted after the command: " + json);
    }

    @Test
    void aFailingCommandTellsEveryWriterFailedAndExitsWithItsCode() {
        CliRun run = run("restore", "--simulate", "--document", document.toString(), "--component", SALES,
                "--exec", "exit 3");
        assertEquals(3, run.exitCode(), run::toString);
        assertTrue(run.out().contains("Component " + SALES + ": writer told FAILED"), run::toString);
        assertTrue(run.out().contains("Restore " + SALES + ": target ORIGINAL"), run::toString);
    }

    @Test
    void missingOrBadInputIsAUsageError() {
        CliRun noDocument = run("restore", "--simulate", "--exec", "exit 0");
        assertEquals(2, noDocument.exitCode(), noDocument::toString);
        assertTrue(noDocument.err().contains("restore needs --document FILE"), noDocument::toString);
        CliRun noExec = run("restore", "--simulate", "--document", document.toString());
        assertEquals(2, noExec.exitCode(), noExec::toString);
        assertTrue(noExec.err().contains("restore needs --exec COMMAND"), noExec::toString);
        CliRun unreadable = run("restore", "--simulate", "--document", dir.resolve("none.xml").toString(),
                "--exec", "exit 0");
        assertEquals(2, unreadable.exitCode(), unreadable::toString);
        assertTrue(unreadable.err().contains("could not be read"), unreadable::toString);
        CliRun notInDocument = run("restore", "--simulate", "--document", document.toString(), "--component",
                "SqlServerWriter:VSS4J-SIM\\master", "--exec", "exit 0");
        assertEquals(2, notInDocument.exitCode(), notInDocument::toString);
        assertTrue(notInDocument.err().contains("holds no component VSS4J-SIM\\master"), notInDocument::toString);
        CliRun wrongOption = run("restore", "--simulate", "--document", document.toString(), "--keep",
                "--exec", "exit 0");
        assertEquals(2, wrongOption.exitCode(), wrongOption::toString);
        assertTrue(wrongOption.err().contains("restore does not take --keep"), wrongOption::toString);
    }
}
