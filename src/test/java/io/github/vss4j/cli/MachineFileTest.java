package io.github.vss4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.vss4j.Operation;
import io.github.vss4j.RestoreTarget;
import io.github.vss4j.VssContext;
import io.github.vss4j.VssError;
import io.github.vss4j.simulator.Fault;
import io.github.vss4j.simulator.SimulatedComponent;
import io.github.vss4j.simulator.SimulatedVolume;
import io.github.vss4j.simulator.SimulatedWriter;
import io.github.vss4j.simulator.Simulation;
import io.github.vss4j.simulator.WriterPhase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The simulated-machine file: every field read as documented, every mistake named with its field and value. */
class MachineFileTest {
    @TempDir
    Path dir;

    private Path file(String json) throws IOException {
        return Files.writeString(dir.resolve("m.json"), json);
    }

    @Test
    void theReadmeExampleReadsAsDocumented() throws Exception {
        MachineFile.Machine machine = MachineFile.read(CliRun.exampleMachine());
        Simulation simulation = machine.simulation();
        assertEquals(List.of(SimulatedVolume.of("C:\\"),
                SimulatedVolume.of("D:\\").withDiffArea(1073741824L, 268435456L).withMaxShadowCopies(64),
                SimulatedVolume.of("E:\\").unsupported()), simulation.volumes());
        assertEquals(List.of(SimulatedWriter.named("System Writer"), SimulatedWriter.named("SqlServerWriter")
                .failingAt(WriterPhase.PREPARE_BACKUP, VssError.VSS_E_WRITERERROR_NONRETRYABLE)),
                simulation.writers());
        assertEquals(List.of(Fault.on(Operation.DO_SNAPSHOT_SET).fails(VssError.VSS_E_INSUFFICIENT_STORAGE)
                .throughQueryStatus().onAttempt(2).always()), simulation.faults());
        assertEquals(Duration.ofMillis(100), simulation.durations().get(Operation.DO_SNAPSHOT_SET));
        assertEquals(Duration.ofMillis(20), simulation.durations().get(Operation.GATHER_WRITER_METADATA));
        assertEquals(Optional.of(Duration.ofSeconds(5)), simulation.writerTimeout());
        assertEquals(List.of(new MachineFile.StartupCopies(List.of("C:\\"), VssContext.CLIENT_ACCESSIBLE)),
                machine.startupCopies());
    }

    @Test
    void everyOtherFieldReads() throws Exception {
        Simulation simulation = MachineFile.read(file("""
                {"volumes": [{"name": "F:", "supported": true}],
                 "writers": [{"name": "Slow", "failsAt": "thaw", "hangs": true},
                             {"name": "Odd", "failsAt": "FREEZE", "failure": "0x800423F3"}],
                 "faults": [{"operation": "PREPARE_FOR_BACKUP", "error": "0x80042302", "firstAttempt": 3,
                             "attempts": 2}],
                 "waitTimeoutResult": "VSS_S_ASYNC_PENDING",
                 "writerFailureFailsSnapshotSet": true}
                """)).simulation();
        assertEquals("F:\\", simulation.volumes().get(0).name());
        assertEquals(SimulatedWriter.named("Slow").hangingAt(WriterPhase.THAW), simulation.writers().get(0));
        assertEquals(SimulatedWriter.named("Odd").failingAt(WriterPhase.FREEZE,
                VssError.VSS_E_WRITERERROR_RETRYABLE), simulation.writers().get(1));
        assertEquals(new Fault(Operation.PREPARE_FOR_BACKUP, 0x80042302, false, 3, 2), simulation.faults().get(0));
        assertEquals(Optional.of(VssError.VSS_S_ASYNC_PENDING.hresult()), simulation.waitTimeoutResult());
        assertTrue(simulation.writerFailureFailsSnapshotSet());
    }

    @Test
    void theMachineFileDescribesComponentsAsTheSimulatorDoes() throws Exception {
        Simulation simulation = MachineFile.read(file(CliWriterComponentsTest.MACHINE)).simulation();
        SimulatedWriter expected = SimulatedWriter.named("SqlServerWriter")
                .withComponent(SimulatedComponent.database("INSTANCE1", "db1").caption("Sales")
                        .databaseFile("D:\\SQL\\Data", "db1.mdf").logFile("L:\\SQL\\Logs", "db1.ldf"))
                .withComponent(SimulatedComponent.database("INSTANCE1", "db2").databaseFile("D:\\SQL\\Data", "db2.mdf")
                        .failingAt(WriterPhase.FREEZE, VssError.VSS_E_WRITERERROR_NONRETRYABLE))
                .withComponent(SimulatedComponent.fileGroup("", "Config").file("C:\\App", "*.ini", true)
                        .selectableForBackup(false));
        assertEquals(List.of(SimulatedWriter.named("System Writer"), expected), simulation.writers());
    }

    @Test
    void aComponentMayNameWhereItsWriterRestoresIt() throws Exception {
        Simulation simulation = MachineFile.read(file("{\"writers\": [{\"name\": \"W\", \"components\": ["
                + "{\"type\": \"database\", \"name\": \"x\", \"restoreTarget\": \"alternate\"},"
                + "{\"type\": \"database\", \"name\": \"y\", \"restoreTarget\": \"original-location\"}]}]}"))
                .simulation();
        SimulatedWriter expected = SimulatedWriter.named("W")
                .withComponent(SimulatedComponent.database("", "x").restoreTarget(RestoreTarget.ALTERNATE))
                .withComponent(SimulatedComponent.database("", "y").restoreTarget(RestoreTarget.ORIGINAL_LOCATION));
        assertEquals(List.of(expected), simulation.writers());
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "{\"volumez\": []}                                  | volumez: unknown field; known here:",
        "{\"volumes\": {}}                                  | volumes: {} is not an array",
        "{\"volumes\": [{\"supported\": false}]}            | volumes[0].name: missing; it is required here",
        "{\"volumes\": [{\"name\": \"C:\\\\\", \"diffAreaBytes\": \"lots\"}]} | volumes[0].diffAreaBytes: \"lots\" is not a whole number",
        "{\"volumes\": [{\"name\": \"C:\\\\\", \"maxShadowCopies\": -5}]} | volumes[0].maxShadowCopies: -5 is too small",
        "{\"volumes\": [\"C:\", \"c:\\\\\"]}                | volumes[1]: \"c:\\\\\" cannot be added",
        "{\"volumes\": [{\"name\": \"C:\", \"supported\": \"no\"}]} | volumes[0].supported: \"no\" is not true or false",
        "{\"writers\": [{\"name\": \"W\", \"failsAt\": \"LUNCH\"}]} | writers[0].failsAt: \"LUNCH\" is not a writer phase",
        "{\"writers\": [{\"name\": \"W\", \"failsAt\": \"FREEZE\"}]} | writers[0].failure: missing; a failing writer needs",
        "{\"writers\": [{\"name\": \"W\", \"hangs\": true}]}  | writers[0]: {\"name\":\"W\",\"hangs\":true} has hangs or failure but no failsAt",
        "{\"faults\": [{\"operation\": \"Backup\", \"error\": \"E_ACCESSDENIED\"}]} | faults[0].operation: \"Backup\" is no VSS operation; known:",
        "{\"faults\": [{\"operation\": \"DoSnapshotSet\", \"error\": \"VSS_E_NOPE\"}]} | faults[0].error: \"VSS_E_NOPE\" is not a VssError name or a hex HRESULT",
        "{\"faults\": [{\"operation\": \"DoSnapshotSet\", \"error\": \"0xZZ\"}]} | faults[0].error: \"0xZZ\" is not a 32-bit hex HRESULT",
        "{\"faults\": [{\"operation\": \"DoSnapshotSet\"}]}  | faults[0].error: missing",
        "{\"faults\": [{\"operation\": \"AddToSnapshotSet\", \"error\": \"UNKNOWN\"}]} | faults[0].error: \"UNKNOWN\" is not a VssError name",
        "{\"faults\": [{\"operation\": \"AddToSnapshotSet\", \"error\": \"VSS_E_BAD_STATE\", \"throughQueryStatus\": true}]} | faults[0]: {\"operation\":\"AddToSnapshotSet\"",
        "{\"faults\": [{\"operation\": \"Query\", \"error\": \"VSS_E_BAD_STATE\", \"firstAttempt\": 0}]} | faults[0].firstAttempt: 0 is too small: the least allowed is 1",
        "{\"durations\": {\"DoSnapshotSett\": 5}}           | durations.DoSnapshotSett: 5 is the duration of \"DoSnapshotSett\", which is no VSS operation",
        "{\"durations\": {\"Query\": 5}}                    | durations.Query: 5 is refused: Query is not asynchronous",
        "{\"durations\": {\"DoSnapshotSet\": \"later\"}}    | durations.DoSnapshotSet: \"later\" is not a duration",
        "{\"writerTimeout\": -1}                            | writerTimeout: -1 is too small",
        "{\"waitTimeoutResult\": \"0xZZ\"}                  | waitTimeoutResult: \"0xZZ\" is not a 32-bit hex HRESULT",
        "{\"waitTimeoutResult\": \"WAIT_TIMEOUT\"}          | waitTimeoutResult: \"WAIT_TIMEOUT\" is not a VssError name or a hex HRESULT",
        "{\"volumes\": [\"C:\\u0000\\\\\"]}                  | volumes[0]: \"C:\\u0000\\\\\" is refused: volume name \"C:\\u0000\\\" contains a NUL character",
        "{\"volumes\": [{\"name\": \"D:x\"}]}             | volumes[0].name: \"D:x\" is refused: volume name \"D:x\" must end with a backslash",
        "{\"volumes\": [{\"name\": \"D:\", \"guidName\": \"D:\"}]} | volumes[0].guidName: \"D:\" is refused: volume \"D:\\\": GUID name \"D:\" is not a volume GUID path",
        "{\"shadowCopies\": [{\"volumes\": [\"C:\"], \"context\": \"backup\"}]} | shadowCopies[0].context: \"backup\" is not a persistent context",
        "{\"shadowCopies\": [{\"volumes\": [], \"context\": \"client-accessible\"}]} | shadowCopies[0].volumes: [] is empty",
        "{\"writers\": [{\"name\": \"W\", \"components\": [{\"type\": \"table\", \"name\": \"x\"}]}]} | writers[0].components[0].type: \"table\" is not a component type",
        "{\"writers\": [{\"name\": \"W\", \"components\": [{\"type\": \"database\"}]}]} | writers[0].components[0].name: missing",
        "{\"writers\": [{\"name\": \"W\", \"components\": [{\"type\": \"database\", \"name\": \"x\", \"files\": []}]}]} | writers[0].components[0].files: [] does not belong here",
        "{\"writers\": [{\"name\": \"W\", \"components\": [{\"type\": \"fileGroup\", \"name\": \"x\", \"logFiles\": []}]}]} | writers[0].components[0].logFiles: [] does not belong here",
        "{\"writers\": [{\"name\": \"W\", \"components\": [{\"type\": \"database\", \"name\": \"x\", \"failure\": \"0x800423F3\"}]}]} | has a failure but no failsAt",
        "{\"writers\": [{\"name\": \"W\", \"components\": [{\"type\": \"database\", \"name\": \"x\", \"failsAt\": \"FREEZE\"}]}]} | writers[0].components[0].failure: missing",
        "{\"writers\": [{\"name\": \"W\", \"components\": [{\"type\": \"database\", \"name\": \"x\", \"failsAt\": \"IDENTIFY\", \"failure\": \"0x800423F3\"}]}]} | cannot fail at IDENTIFY",
        "{\"writers\": [{\"name\": \"W\", \"components\": [{\"type\": \"database\", \"name\": \"x\", \"sizeGb\": 3}]}]} | writers[0].components[0].sizeGb: unknown field",
        "{\"writers\": [{\"name\": \"W\", \"components\": [{\"type\": \"database\", \"name\": \"x\", \"restoreTarget\": \"undefined\"}]}]} | writers[0].components[0].restoreTarget: \"undefined\" is not a restore target",
        "{\"writers\": [{\"name\": \"W\", \"components\": [{\"type\": \"database\", \"name\": \"x\", \"databaseFiles\": [{\"path\": \"D:\\\\\"}]}]}]} | writers[0].components[0].databaseFiles[0].fileSpec: missing",
        "[]                                                 | [] is not an object",
        "{\"volumes\": [\"C:\"],}                           | not valid JSON at line 1, column",
        "{\"volumes\": [], \"volumes\": []}                 | not valid JSON at line 1, column",
        "`{} {}`                                            | not valid JSON at line 1, column",
        "`   `                                              | the file is empty",
    })
    void refusedWithTheFieldAndValue(String json, String expected) throws IOException {
        Path file = file(json);
        CliException refused = assertThrows(CliException.class, () -> MachineFile.read(file));
        assertEquals(ExitCode.USAGE, refused.exitCode());
        assertTrue(refused.getMessage().startsWith(file + ": "), refused::getMessage);
        assertTrue(refused.getMessage().contains(expected),
                () -> "expected \"" + expected + "\" in: " + refused.getMessage());
    }

    @Test
    void missingFileIsAUsageError() {
        CliRun run = CliTestSupport.run("list", "--simulate=" + dir.resolve("absent.json"));
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("absent.json: no such machine file"), run::toString);
    }

    @Test
    void everyErrorFieldTakesANameOrAHexHresult() throws Exception {
        Simulation simulation = MachineFile.read(file("""
                {"waitTimeoutResult": "0x80070102",
                 "faults": [{"operation": "DoSnapshotSet", "error": "0x80070102"}],
                 "writers": [{"name": "W", "failsAt": "FREEZE", "failure": "0x80070102"}]}
                """)).simulation();
        assertEquals(Optional.of(0x80070102), simulation.waitTimeoutResult());
        assertEquals(0x80070102, simulation.faults().get(0).hresult());
        assertEquals(0x80070102, simulation.writers().get(0).failure());
    }

    @Test
    void aVolumeMayHaveItsGuidPathInTheFile() throws Exception {
        String guidPath = "\\\\?\\Volume{6d2b1a6e-0000-4000-8000-100000000001}\\";
        Simulation simulation = MachineFile.read(file("{\"volumes\": [{\"name\": \"D:\", \"guidName\": \""
                + guidPath.replace("\\", "\\\\") + "\"}]}")).simulation();
        assertEquals(guidPath, simulation.volumes().get(0).guidName());
        assertEquals(SimulatedVolume.of("D:\\").guidName(), MachineFile.read(file("{\"volumes\": [\"D:\"]}"))
                .simulation().volumes().get(0).guidName(), "derived from the name: the same on every run");
    }
}
