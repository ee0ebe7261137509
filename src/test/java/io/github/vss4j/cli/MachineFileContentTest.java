package io.github.vss4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.vss4j.simulator.Simulation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The machine file's {@code content} of a volume and {@code backupPrivilege}. */
class MachineFileContentTest {
    @TempDir
    Path dir;

    private Path file(String json) throws IOException {
        return Files.writeString(dir.resolve("m.json"), json);
    }

    @Test
    void aRelativeContentIsTheMachineFilesNeighbour() throws Exception {
        Path disk = Files.createDirectories(dir.resolve("disk"));
        Path absolute = Files.createDirectories(dir.resolve("other"));
        Simulation simulation = MachineFile.read(file("{\"volumes\": [{\"name\": \"C:\\\\\", \"content\": \"disk\"},"
                + " {\"name\": \"D:\\\\\", \"content\": " + quoted(absolute.toString()) + "}, \"E:\\\\\"],"
                + " \"backupPrivilege\": false}")).simulation();
        assertEquals(disk, simulation.volumes().get(0).content());
        assertEquals(absolute, simulation.volumes().get(1).content());
        assertNull(simulation.volumes().get(2).content());
        assertFalse(simulation.backupPrivilege());
        assertTrue(MachineFile.read(file("{\"volumes\": [\"C:\\\\\"]}")).simulation().backupPrivilege(),
                "held unless the file says otherwise");
    }

    @Test
    void aContentThatIsNoFolderIsRefusedWithTheField() throws Exception {
        Path file = file("{\"volumes\": [{\"name\": \"C:\\\\\", \"content\": \"nowhere\"}]}");
        CliException refused = assertThrows(CliException.class, () -> MachineFile.read(file));
        assertEquals(ExitCode.USAGE, refused.exitCode());
        assertTrue(refused.getMessage().contains("volumes[0].content"), refused::getMessage);
        assertTrue(refused.getMessage().contains(dir.resolve("nowhere") + " does not exist"), refused::getMessage);

        Path empty = file("{\"volumes\": [{\"name\": \"C:\\\\\", \"content\": \"\"}]}");
        CliException none = assertThrows(CliException.class, () -> MachineFile.read(empty));
        assertTrue(none.getMessage().contains("volumes[0].content"), none::getMessage);
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\") + "\"";
    }
}
