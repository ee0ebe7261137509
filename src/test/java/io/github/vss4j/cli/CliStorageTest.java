package io.github.vss4j.cli;

import static io.github.vss4j.cli.CliTestSupport.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code storage} (list, resize, add), in-process against a simulated machine. */
class CliStorageTest {
    private static Path machine(Path dir) throws Exception {
        Path file = dir.resolve("machine.json");
        Files.writeString(file, """
                {
                  "volumes": ["C:\\\\", { "name": "D:\\\\", "diffAreaBytes": 1073741824, "bytesPerCopy": 1048576 }]
                }
                """);
        return file;
    }

    @Test
    void listsEveryVolumeOfTheMachineFileAsATable(@TempDir Path dir) throws Exception {
        CliRun run = run("storage", "--simulate=" + machine(dir), "--quiet");
        assertEquals(0, run.exitCode(), run::toString);
        List<String> lines = run.out().lines().toList();
        assertTrue(lines.get(0).startsWith("VOLUME"), run::toString);
        assertTrue(lines.get(1).startsWith("C:\\") && lines.get(1).contains("UNBOUNDED"), run::toString);
        assertTrue(lines.get(2).startsWith("D:\\") && lines.get(2).contains("1.00 GB"), run::toString);
    }

    @Test
    void jsonNamesEveryField(@TempDir Path dir) throws Exception {
        JsonNode report = run("storage", "--simulate=" + machine(dir), "--json", "D:\\").json();
        assertEquals("storage", report.get("command").asText());
        JsonNode d = report.get("storage").get(0);
        assertEquals("D:\\", d.get("named").asText());
        assertTrue(d.get("volume").asText().startsWith("\\\\?\\Volume{"), d::toString);
        assertEquals(d.get("volume").asText(), d.get("diffAreaVolume").asText());
        assertEquals(1073741824L, d.get("maximumBytes").asLong());
        assertEquals(0, d.get("usedBytes").asLong());
        assertEquals(7, d.size(), d::toString);
    }

    @Test
    void resizeTakesVssadminsSizesAndShowsTheResult(@TempDir Path dir) throws Exception {
        Path file = machine(dir);
        JsonNode resized = run("storage", "resize", "D:\\", "--on", "D:\\", "--max", "2GB", "--simulate=" + file,
                "--json").json();
        assertEquals(2L << 30, resized.get("storage").get(0).get("maximumBytes").asLong(), resized::toString);
        JsonNode unbounded = run("storage", "resize", "D:\\", "--on", "D:\\", "--max", "unbounded",
                "--simulate=" + file, "--json").json();
        assertTrue(unbounded.get("storage").get(0).get("unbounded").asBoolean(), unbounded::toString);
    }

    @Test
    void addPutsTheStorageOnAnotherVolume(@TempDir Path dir) throws Exception {
        JsonNode added = run("storage", "add", "C:\\", "--on", "D:\\", "--max", "500MB", "--simulate=" + machine(dir),
                "--json").json();
        JsonNode c = added.get("storage").get(0);
        JsonNode d = run("storage", "--simulate=" + dir.resolve("machine.json"), "--json", "D:\\").json();
        assertEquals(d.get("storage").get(0).get("volume").asText(), c.get("diffAreaVolume").asText(),
                added::toString);
        assertEquals(500L << 20, c.get("maximumBytes").asLong());
    }

    @Test
    void vssRefusalsAreReportedWithTheCallAndTheError(@TempDir Path dir) throws Exception {
        CliRun wrongHost = run("storage", "resize", "C:\\", "--on", "D:\\", "--max", "1GB", "--simulate=" + machine(dir),
                "--json");
        assertEquals(ExitCode.FAILED.code(), wrongHost.exitCode(), wrongHost::toString);
        JsonNode error = wrongHost.json().get("error");
        assertEquals("ChangeDiffAreaMaximumSize", error.get("operation").asText(), wrongHost::toString);
        assertEquals("VSS_E_OBJECT_NOT_FOUND", error.get("name").asText(), wrongHost::toString);
        CliRun unknown = run("storage", "Q:\\", "--simulate=" + machine(dir));
        assertEquals(ExitCode.FAILED.code(), unknown.exitCode(), unknown::toString);
        assertTrue(unknown.err().contains("Q:\\"), unknown::toString);
    }

    @Test
    void badCommandLinesAreUsageErrorsNamingTheValue(@TempDir Path dir) throws Exception {
        Path file = machine(dir);
        CliRun noMax = run("storage", "resize", "D:\\", "--on", "D:\\", "--simulate=" + file);
        assertEquals(2, noMax.exitCode(), noMax::toString);
        assertTrue(noMax.err().contains("--max"), noMax::toString);
        CliRun badSize = run("storage", "resize", "D:\\", "--on", "D:\\", "--max", "lots", "--simulate=" + file);
        assertEquals(2, badSize.exitCode(), badSize::toString);
        assertTrue(badSize.err().contains("lots"), badSize::toString);
        CliRun percent = run("storage", "resize", "D:\\", "--on", "D:\\", "--max", "15%", "--simulate=" + file);
        assertEquals(2, percent.exitCode(), percent::toString);
        assertTrue(percent.err().contains("simulated machine"), percent::toString);
        CliRun small = run("storage", "add", "C:\\", "--on", "D:\\", "--max", "1MB", "--simulate=" + file);
        assertEquals(2, small.exitCode(), small::toString);
        assertTrue(small.err().contains("320 MB"), small::toString);
        CliRun overflow = run("storage", "resize", "D:\\", "--on", "D:\\", "--max", "99999999999EB",
                "--simulate=" + file);
        assertEquals(2, overflow.exitCode(), overflow::toString);
    }
}
