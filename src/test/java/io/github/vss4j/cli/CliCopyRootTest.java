package io.github.vss4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.github.vss4j.CopyAccessForTests;
import io.github.vss4j.ShadowCopySet;
import io.github.vss4j.Vss;
import io.github.vss4j.internal.copy.CopyAccess;
import io.github.vss4j.internal.copy.FolderCopyAccess;
import io.github.vss4j.simulator.Simulation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** create's readable roots: VSS4J_SHADOW_N_ROOT for --exec, root or rootError in --json, the backup unharmed. */
class CliCopyRootTest {
    @TempDir
    Path content;

    /** A backend whose copies have no content, as a simulated volume without a folder. */
    private static final CopyAccess NO_CONTENT = new CopyAccess() {
        @Override
        public Path mount(String deviceObject, Path link) {
            throw new IllegalStateException("the simulated volume C:\\ has no content (test)");
        }

        @Override
        public void unmount(Path link) {
        }

        @Override
        public SeekableByteChannel openForBackup(Path file) throws IOException {
            throw new IOException("no content");
        }
    };

    @Test
    void execSeesEachCopysRootAndJsonShowsIt() throws Exception {
        Files.writeString(content.resolve("file.txt"), "in the copy");
        Vss vss = CopyAccessForTests.with(Vss.simulator(Simulation.withVolumes("C:\\", "D:\\")),
                FolderCopyAccess.linking(content));
        try (ShadowCopySet set = vss.shadowCopy().volumes("C:\\", "D:\\").create()) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            CopyRoots roots = CopyRoots.make(set, new PrintStream(err, true, StandardCharsets.UTF_8), false);
            Map<String, String> environment = new HashMap<>();
            Exec.describe(set, roots, true, environment);
            Path root = Path.of(environment.get("VSS4J_SHADOW_1_ROOT"));
            assertEquals("in the copy", Files.readString(root.resolve("file.txt")));
            assertEquals(set.copies().get(1).mountPoint().toString(), environment.get("VSS4J_SHADOW_2_ROOT"));
            assertEquals("", err.toString(StandardCharsets.UTF_8));
            ArrayNode json = Reports.copies(List.of(new Reports.Copy("C:\\", set.copies().get(0).properties(),
                    roots.root(0), roots.error(0))));
            assertEquals(root.toString(), json.get(0).get("root").asText());
            assertFalse(json.get(0).has("rootError"));
        }
    }

    @Test
    void aCopyWithoutRootIsReportedAndTheBackupGoesOn() throws Exception {
        Vss vss = CopyAccessForTests.with(Vss.simulator(Simulation.withVolumes("C:\\")), NO_CONTENT);
        try (ShadowCopySet set = vss.shadowCopy().volumes("C:\\").create()) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            CopyRoots roots = CopyRoots.make(set, new PrintStream(err, true, StandardCharsets.UTF_8), false);
            Map<String, String> environment = new HashMap<>();
            Exec.describe(set, roots, true, environment);
            assertNull(environment.get("VSS4J_SHADOW_1_ROOT"));
            assertEquals(set.copies().get(0).deviceObject(), environment.get("VSS4J_SHADOW_1"));
            String warning = err.toString(StandardCharsets.UTF_8);
            assertTrue(warning.contains("C:\\") && warning.contains("has no content"), warning);
            ArrayNode json = Reports.copies(List.of(new Reports.Copy("C:\\", set.copies().get(0).properties(),
                    roots.root(0), roots.error(0))));
            assertTrue(json.get(0).get("rootError").asText().contains("has no content"), json.toString());
            assertFalse(json.get(0).has("root"));
        }
    }

    @Test
    void createWithJsonAndExecReportsARootOrWhyNotForEachCopy() throws Exception {
        CliRun run = CliTestSupport.run("create", "--simulate", "--json", "C:", "D:", "--exec", "exit 0");
        assertEquals(0, run.exitCode(), run::toString);
        JsonNode report = new ObjectMapper().readTree(run.out());
        for (JsonNode copy : report.get("copies")) {
            // The default simulated machine's volumes have no folder behind them.
            assertTrue(copy.get("rootError").asText().contains("has no content"), copy::toString);
            assertFalse(copy.has("root"), copy::toString);
        }
        assertEquals(0, report.get("exec").get("exitCode").asInt());
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "the command is a POSIX shell line")
    void execReadsTheBackedVolumesCopyAsItWasThroughItsRoot() throws Exception {
        Files.createDirectories(content.resolve("disk"));
        Files.writeString(content.resolve("disk/file.txt"), "as it was");
        Path machine = Files.writeString(content.resolve("machine.json"),
                "{ \"volumes\": [{ \"name\": \"C:\\\\\", \"content\": \"disk\" }] }");
        Path out = content.resolve("read.txt");
        CliRun run = CliTestSupport.run("create", "--simulate=" + machine, "--json", "C:", "--exec",
                "echo changed > '" + content.resolve("disk/file.txt") + "' && cat \"$VSS4J_SHADOW_1_ROOT/file.txt\" > '"
                        + out + "'");
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals("as it was", Files.readString(out));
        JsonNode copy = new ObjectMapper().readTree(run.out()).get("copies").get(0);
        assertFalse(Files.exists(Path.of(copy.get("root").asText())), "the root is gone after the command");
    }
}
