package io.github.vss4j.cli;

import static io.github.vss4j.cli.CliTestSupport.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.vss4j.ShadowCopySet;
import io.github.vss4j.Vss;
import io.github.vss4j.VssContext;
import io.github.vss4j.simulator.SimulatedVolume;
import io.github.vss4j.simulator.Simulation;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code list}, {@code delete} and {@code writers}, in-process. */
class CliAdminCommandsTest {
    private final String machine = "--simulate=" + CliRun.exampleMachine();

    @Test
    void listShowsTheMachineFilesPersistentCopy() throws Exception {
        CliRun table = run("list", machine);
        assertEquals(0, table.exitCode(), table::toString);
        // list knows the volume only as VSS reports it, by its GUID path, as on Windows.
        String guidPath = SimulatedVolume.of("C:\\").guidName();
        assertTrue(table.out().lines().anyMatch(l -> l.startsWith(guidPath + " ") && l.contains("persistent")),
                table::toString);

        JsonNode report = run("list", machine, "--json").json();
        assertEquals("ALL", report.get("context").asText());
        assertEquals(1, report.get("copies").size());
        assertTrue(report.get("copies").get(0).get("persistent").asBoolean());

        JsonNode none = run("list", machine, "--json", "--context", "app-rollback").json();
        assertEquals(0, none.get("copies").size());
    }

    @Test
    void listOfAFreshMachineIsEmpty() {
        CliRun run = run("list", "--simulate", "--quiet");
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals("No shadow copies.", run.out().strip());
        assertEquals("", run.err());
    }

    @Test
    void deleteAllRemovesEverySet() throws Exception {
        JsonNode report = run("delete", machine, "--all", "--json").json();
        assertEquals("delete", report.get("command").asText());
        assertEquals(1, report.get("total").asInt());
        assertEquals("set", report.get("deleted").get(0).get("kind").asText());
    }

    @Test
    void deleteByIdChecksEveryIdFirst() {
        CliRun unknown = run("delete", machine, UUID.randomUUID().toString());
        assertEquals(1, unknown.exitCode(), unknown::toString);
        assertTrue(unknown.err().contains("Nothing was deleted"), unknown::toString);

        CliRun malformed = run("delete", machine, "C:");
        assertEquals(2, malformed.exitCode(), malformed::toString);
        assertTrue(malformed.err().contains("\"C:\" is not a shadow copy or set id"), malformed::toString);
    }

    @Test
    void aDeletionThatStopsPartWaySaysHowManyWentAndWhichCopyWasLeft(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("machine.json");
        Files.writeString(file, """
                {
                  "volumes": ["C:\\\\", "D:\\\\"],
                  "faults": [{ "operation": "DeleteSnapshots", "error": "VSS_E_UNEXPECTED_PROVIDER_ERROR",
                               "firstAttempt": 2 }],
                  "shadowCopies": [{ "volumes": ["C:\\\\", "D:\\\\"], "context": "client-accessible" }]
                }
                """);
        CliRun run = run("delete", "--simulate=" + file, "--all", "--json");
        assertEquals(ExitCode.TRANSIENT.code(), run.exitCode(), run::toString);  // the provider's error may pass
        JsonNode error = run.json().get("error");
        assertEquals("DeleteSnapshots", error.get("operation").asText(), run::toString);
        assertEquals(1, error.get("deletedBeforeFailure").asInt(), run::toString);
        UUID left = UUID.fromString(error.get("notDeleted").asText());
        assertTrue(error.get("message").asText().contains(left.toString()), run::toString);
    }

    // A simulated machine lives as long as its process, so deleting by id is shown on one the test holds.
    @Test
    void deleteBySetIdAndBySnapshotId() throws Exception {
        Vss vss = Vss.simulator(Simulation.withVolumes("C:\\", "D:\\"));
        UUID setId;
        UUID lone;
        try (ShadowCopySet set = vss.shadowCopy().volumes("C:\\", "D:\\").context(VssContext.CLIENT_ACCESSIBLE)
                .create();
                ShadowCopySet other = vss.shadowCopy().volumes("C:\\").context(VssContext.CLIENT_ACCESSIBLE)
                        .create()) {
            setId = set.snapshotSetId();
            lone = other.copies().get(0).snapshotId();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        Options options = Args.parse("delete", setId.toString(), "{" + lone + "}");
        int code = DeleteCommand.run(vss, new Session(options, print, print, false, false));
        assertEquals(0, code, out::toString);
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("Deleted set " + setId + " (2 copies)"), text);
        assertTrue(text.contains("Deleted shadow copy " + lone + " (1 copy)"), text);
        assertTrue(ListCommand.query(vss, VssContext.ALL).isEmpty());
    }

    @Test
    void writersShowsMetadataAndStatus() throws Exception {
        CliRun table = run("writers", machine);
        assertEquals(0, table.exitCode(), table::toString);
        assertTrue(table.out().lines().anyMatch(l -> l.startsWith("SqlServerWriter")
                && l.contains("FAILED_AT_PREPARE_BACKUP") && l.contains("VSS_E_WRITERERROR_NONRETRYABLE")),
                table::toString);

        JsonNode writers = run("writers", machine, "--json").json().get("writers");
        assertEquals(2, writers.size());
        JsonNode system = writers.get(0);
        assertEquals("System Writer", system.get("name").asText());
        assertFalse(system.get("failed").asBoolean());
        assertTrue(system.has("usageType"), "metadata joined to status: " + system);
        JsonNode sql = writers.get(1);
        assertTrue(sql.get("failed").asBoolean());
        assertEquals("0x800423F4", sql.get("failure").get("hresult").asText());
    }

    @Test
    void writersOfAFreshMachine() {
        CliRun run = run("writers", "--simulate");
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals("No writers.", run.out().strip());
    }
}
