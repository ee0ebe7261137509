package io.github.vss4j.cli;

import static io.github.vss4j.cli.CliTestSupport.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.vss4j.simulator.SimulatedVolume;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code writers --components} as a table and as JSON, on a machine file with writer components. */
class CliWriterComponentsTest {
    static final String MACHINE = """
            {"volumes": ["C:\\\\", "D:\\\\", "L:\\\\"],
             "writers": ["System Writer",
               {"name": "SqlServerWriter", "components": [
                 {"type": "database", "logicalPath": "INSTANCE1", "name": "db1", "caption": "Sales",
                  "databaseFiles": [{"path": "D:\\\\SQL\\\\Data", "fileSpec": "db1.mdf"}],
                  "logFiles": [{"path": "L:\\\\SQL\\\\Logs", "fileSpec": "db1.ldf"}]},
                 {"type": "database", "logicalPath": "INSTANCE1", "name": "db2",
                  "databaseFiles": [{"path": "D:\\\\SQL\\\\Data", "fileSpec": "db2.mdf"}],
                  "failsAt": "FREEZE", "failure": "VSS_E_WRITERERROR_NONRETRYABLE"},
                 {"type": "fileGroup", "name": "Config", "selectable": false,
                  "files": [{"path": "C:\\\\App", "fileSpec": "*.ini", "recursive": true}]}]}]}
            """;

    @Test
    void writersComponentsListsEachComponentWithItsFilesAndVolumes(@TempDir Path dir) throws Exception {
        String machine = "--simulate=" + Files.writeString(dir.resolve("sql.json"), MACHINE);
        CliRun table = run("writers", "--components", machine);
        assertEquals(0, table.exitCode(), table::toString);
        String dataVolume = SimulatedVolume.of("D:\\").guidName();
        String logVolume = SimulatedVolume.of("L:\\").guidName();
        assertTrue(table.out().lines().anyMatch(l -> l.startsWith("SqlServerWriter") && l.contains("INSTANCE1")
                && l.contains("db1") && l.contains("database") && l.contains("D:\\SQL\\Data\\db1.mdf")
                && l.contains("L:\\SQL\\Logs\\db1.ldf") && l.contains(dataVolume) && l.contains(logVolume)),
                table::toString);
        assertTrue(table.out().lines().anyMatch(l -> l.contains("Config") && l.contains("file_group")
                && l.contains(" no ") && l.contains("C:\\App\\*.ini (recursive)")), table::toString);
        CliRun plain = run("writers", machine);
        assertFalse(plain.out().contains("db1"), "components only when asked: " + plain);

        JsonNode writers = run("writers", "--components", machine, "--json").json().get("writers");
        assertEquals(0, writers.get(0).get("components").size(), "the System Writer declares none here");
        JsonNode components = writers.get(1).get("components");
        assertEquals(3, components.size());
        JsonNode db1 = components.get(0);
        assertEquals("DATABASE", db1.get("type").asText());
        assertEquals("INSTANCE1", db1.get("logicalPath").asText());
        assertEquals("Sales", db1.get("caption").asText());
        assertTrue(db1.get("selectableForBackup").asBoolean());
        assertEquals("db1.ldf", db1.get("logFiles").get(0).get("fileSpec").asText());
        assertEquals(logVolume, db1.get("logFiles").get(0).get("volume").asText());
        assertEquals(List.of(dataVolume, logVolume), List.of(db1.get("volumes").get(0).asText(),
                db1.get("volumes").get(1).asText()));
        assertFalse(components.get(2).get("selectableForBackup").asBoolean());
        assertFalse(run("writers", machine, "--json").json().get("writers").get(1).has("components"));
    }
}
