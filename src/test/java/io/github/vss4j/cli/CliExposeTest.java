package io.github.vss4j.cli;

import static io.github.vss4j.cli.CliTestSupport.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code expose} and {@code unexpose}, in-process against a simulated machine kept across runs. */
class CliExposeTest {
    @TempDir
    Path dir;
    private Path machine;

    @BeforeEach
    void copyTheExampleMachine() throws Exception {
        machine = dir.resolve("machine.json");
        Files.copy(CliRun.exampleMachine(), machine);
    }

    /** The machine file's persistent (client-accessible) copy of C:, made when the machine started. */
    private String keptCopyOfC() throws Exception {
        CliRun list = run("list", "--machine", machine.toString(), "--json");
        assertEquals(0, list.exitCode(), list::toString);
        JsonNode copy = list.json().get("copies").get(0);
        assertTrue(copy.get("persistent").asBoolean(), copy::toString);
        return copy.get("snapshotId").asText();
    }

    private JsonNode listed(String id) throws Exception {
        for (JsonNode copy : run("list", "--machine", machine.toString(), "--json").json().get("copies")) {
            if (copy.get("snapshotId").asText().equals(id)) {
                return copy;
            }
        }
        throw new AssertionError("copy " + id + " is not listed");
    }

    @Test
    void aKeptCopyIsExposedAsADriveLetterThenUnexposed() throws Exception {
        String id = keptCopyOfC();
        CliRun exposed = run("expose", "--machine", machine.toString(), id, "X:");
        assertEquals(0, exposed.exitCode(), exposed::toString);
        assertTrue(exposed.out().contains("is exposed at X:"), exposed::toString);
        assertTrue(listed(id).get("attributes").toString().contains("EXPOSED_LOCALLY"));

        CliRun taken = run("expose", "--machine", machine.toString(), "{" + id + "}", "X:");
        assertEquals(1, taken.exitCode(), "exposed once at a time: " + taken);
        assertTrue(taken.err().contains("E_INVALIDARG") && taken.err().contains("ExposeSnapshot"), taken::toString);

        CliRun unexposed = run("unexpose", "--machine", machine.toString(), "--json", id);
        assertEquals(0, unexposed.exitCode(), unexposed::toString);
        assertEquals("unexpose", unexposed.json().get("command").asText());
        assertFalse(listed(id).get("attributes").toString().contains("EXPOSED_LOCALLY"));
        CliRun again = run("unexpose", "--machine", machine.toString(), id);
        assertEquals(1, again.exitCode(), again::toString);
        assertTrue(again.err().contains("VSS_E_OBJECT_NOT_FOUND"), again::toString);
    }

    @Test
    void remotelyAsAShareWithAPathFromRootInJson() throws Exception {
        String id = keptCopyOfC();
        CliRun exposed = run("expose", "--machine", machine.toString(), "--json", "--remotely", "--path-from-root",
                "Users", id, "Then");
        assertEquals(0, exposed.exitCode(), exposed::toString);
        JsonNode report = exposed.json();
        assertEquals("expose", report.get("command").asText());
        assertEquals("Then", report.get("exposedName").asText());
        assertEquals("Users", report.get("exposedPath").asText());
        assertTrue(report.get("remotely").asBoolean());
        assertEquals(id, report.get("snapshotId").asText());
    }

    @Test
    void anAutoReleaseCopyCannotBeExposed() throws Exception {
        CliRun run = run("create", "--simulate", "--quiet", "C:", "--exec",
                CliRun.onWindows() ? "cmd /c exit 0" : "true");
        assertEquals(0, run.exitCode(), run::toString);
        // Each --simulate run is its own machine: the BACKUP-context copy is gone with its command, as on Windows.
        CliRun expose = run("expose", "--simulate", "3f2504e0-4f89-11d3-9a0c-0305e82c3301", "X:");
        assertEquals(1, expose.exitCode(), expose::toString);
        assertTrue(expose.err().contains("VSS_E_OBJECT_NOT_FOUND"), expose::toString);
    }

    @Test
    void badCommandLinesAreUsageErrorsThatSayWhatIsWanted() throws Exception {
        String id = keptCopyOfC();
        CliRun noWhere = run("expose", "--machine", machine.toString(), id);
        assertEquals(2, noWhere.exitCode(), noWhere::toString);
        assertTrue(noWhere.err().contains("drive letter (X:)"), noWhere::toString);
        CliRun pathLocally = run("expose", "--machine", machine.toString(), "--path-from-root", "Users", id, "X:");
        assertEquals(2, pathLocally.exitCode(), pathLocally::toString);
        assertTrue(pathLocally.err().contains("goes with --remotely"), pathLocally::toString);
        CliRun badLetter = run("expose", "--machine", machine.toString(), id, "XY:");
        assertEquals(2, badLetter.exitCode(), badLetter::toString);
        assertTrue(badLetter.err().contains("\"XY:\""), badLetter::toString);
        CliRun badId = run("unexpose", "--machine", machine.toString(), "not-an-id");
        assertEquals(2, badId.exitCode(), badId::toString);
        assertTrue(badId.err().contains("\"not-an-id\" is not a shadow copy or set id"), badId::toString);
        CliRun option = run("unexpose", "--machine", machine.toString(), "--remotely", id);
        assertEquals(2, option.exitCode(), option::toString);
        assertTrue(option.err().contains("unexpose does not take --remotely"), option::toString);
    }

    @Test
    void theHelpListsBoth() throws Exception {
        String all = run("--help").out();
        assertTrue(all.contains("  expose ID X:|FOLDER"), all);
        assertTrue(all.contains("  unexpose ID "), all);
        CliRun help = run("expose", "--help");
        assertTrue(help.out().startsWith("Usage: vss4j expose ID"), help::toString);
    }
}
