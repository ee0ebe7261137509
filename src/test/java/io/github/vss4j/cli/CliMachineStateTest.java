package io.github.vss4j.cli;

import static io.github.vss4j.cli.CliTestSupport.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --machine FILE}: one simulated machine across runs, its persistent copies kept in FILE.state. */
class CliMachineStateTest {
    @TempDir
    Path dir;
    private Path machine;

    @BeforeEach
    void copyTheExampleMachine() throws Exception {
        machine = dir.resolve("machine.json");
        Files.copy(CliRun.exampleMachine(), machine);
    }

    private List<String> listedIds(String... options) throws Exception {
        List<String> command = new ArrayList<>(List.of("list", "--json"));
        command.addAll(List.of(options));
        CliRun run = run(command.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run::toString);
        List<String> ids = new ArrayList<>();
        for (JsonNode copy : run.json().get("copies")) {
            ids.add(copy.get("snapshotId").asText());
        }
        return ids;
    }

    @Test
    void createListAndDeleteWorkInSequenceAsOnWindows() throws Exception {
        List<String> startup = listedIds("--machine", machine.toString());
        assertEquals(1, startup.size(), "the machine file's shadowCopies, made when the machine started");
        assertTrue(Files.isRegularFile(MachineStateFile.of(machine)), "the state beside the machine file");

        CliRun created = run("create", "--machine", machine.toString(), "--keep", "--json", "C:", "D:");
        assertEquals(0, created.exitCode(), created::toString);
        String setId = created.json().get("snapshotSetId").asText();
        String firstId = created.json().get("copies").get(0).get("snapshotId").asText();

        List<String> afterCreate = listedIds("--machine", machine.toString());
        assertEquals(3, afterCreate.size(), "the startup copy is not made again; the two kept ones are there");
        assertTrue(afterCreate.containsAll(startup) && afterCreate.contains(firstId), afterCreate::toString);

        CliRun deleted = run("delete", "--machine", machine.toString(), setId);
        assertEquals(0, deleted.exitCode(), deleted::toString);
        assertEquals(startup, listedIds("--machine", machine.toString()));

        CliRun startupCopy = run("list", "--machine", machine.toString(), "--json");
        String startupDevice = startupCopy.json().get("copies").get(0).get("deviceObject").asText();
        CliRun next = run("create", "--machine", machine.toString(), "--keep", "--json", "C:");
        String nextDevice = next.json().get("copies").get(0).get("deviceObject").asText();
        assertFalse(nextDevice.equals(startupDevice), "a new copy's device comes after the kept ones': " + nextDevice);
    }

    @Test
    void simulateWithTheSameFileIsStillAFreshMachineEachRun() throws Exception {
        run("create", "--machine", machine.toString(), "--keep", "C:");
        assertEquals(1, listedIds("--simulate=" + machine).size());
        assertEquals(1, listedIds("--simulate=" + machine).size());
    }

    @Test
    void aStateThatNoLongerFitsTheMachineIsAUsageErrorThatSaysWhatToDo() throws Exception {
        listedIds("--machine", machine.toString());  // the startup copy: the first DoSnapshotSet of its machine
        CliRun kept = run("create", "--machine", machine.toString(), "--keep", "D:");
        assertEquals(0, kept.exitCode(), kept::toString);
        String example = Files.readString(machine, StandardCharsets.UTF_8);
        Files.writeString(machine, example.replace("{ \"name\": \"D:\\\\\", ", "{ \"name\": \"G:\\\\\", "),
                StandardCharsets.UTF_8);
        CliRun run = run("list", "--machine", machine.toString());
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("machine.json.state no longer fits") && run.err().contains("delete "),
                run::toString);
    }

    @Test
    void aDamagedStateIsNamed() throws Exception {
        Files.writeString(MachineStateFile.of(machine), "{\"format\": 1, \"copies\": [{}]}");
        CliRun run = run("list", "--machine", machine.toString());
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("cannot be read as the simulated machine's state"), run::toString);
    }
}
