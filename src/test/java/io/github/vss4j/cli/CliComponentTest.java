package io.github.vss4j.cli;

import static io.github.vss4j.cli.CliTestSupport.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code create --component}: a component-mode backup on a fresh simulated machine with the ready-made writers,
 * {@code --exec}'s exit code deciding what each writer is told, the document saved with {@code --save-document}.
 */
class CliComponentTest {
    private static final String SALES = "SqlServerWriter:VSS4J-SIM\\sales";

    @TempDir
    Path dir;

    @Test
    void aCommandThatSucceedsTellsTheWriterSoAndTheDocumentSaysIt() throws Exception {
        Path document = dir.resolve("backup.xml");
        CliRun run = run("create", "--simulate", "--component", SALES, "--backup-type", "full",
                "--save-document", document.toString(), "--exec", "exit 0");
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains("Component " + SALES + ": writer told backup succeeded"), run::toString);
        String xml = Files.readString(document, StandardCharsets.UTF_8);
        assertTrue(xml.contains("componentName=\"sales\"") && xml.contains("backupSucceeded=\"yes\""), xml);
    }

    @Test
    void aCommandThatFailsTellsEveryWriterTheBackupFailed() throws Exception {
        Path document = dir.resolve("backup.xml");
        CliRun run = run("create", "--simulate", "--json", "--component", SALES, "--component", "System Writer:*",
                "--backup-type", "full", "--save-document", document.toString(), "--exec", "exit 3");
        assertEquals(3, run.exitCode(), run::toString);
        JsonNode components = run.json().get("components");
        assertEquals(3, components.size(), run::toString);
        assertEquals("sales", components.get(0).get("name").asText());
        assertEquals("System Files", components.get(1).get("name").asText());
        for (JsonNode component : components) {
            assertFalse(component.get("backupSucceeded").asBoolean(), component::toString);
        }
        assertEquals(document.toString(), run.json().get("document").asText());
        assertFalse(Files.readString(document, StandardCharsets.UTF_8).contains("backupSucceeded=\"yes\""));
    }

    @Test
    void aComponentAndAVolumeTogether() {
        CliRun run = run("create", "--simulate", "--component", SALES, "--backup-type", "full", "E:");
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains("E:\\ "), run::toString);
        assertTrue(run.out().contains("\\\\?\\Volume{"), "the database's volume by its GUID path: " + run);
        assertTrue(run.out().contains("writer told backup failed"), "no --exec: nothing was copied. " + run);
    }

    @Test
    void badComponentOptionsAreUsageErrors() {
        CliRun noColon = run("create", "--simulate", "--component", "SqlServerWriter");
        assertEquals(2, noColon.exitCode(), noColon::toString);
        assertTrue(noColon.err().contains("WRITER:COMPONENT"), noColon::toString);
        CliRun noComponent = run("create", "--simulate", "--save-document", "x.xml", "C:");
        assertEquals(2, noComponent.exitCode(), noComponent::toString);
        assertTrue(noComponent.err().contains("--save-document needs --component"), noComponent::toString);
        CliRun unknown = run("create", "--simulate", "--backup-type", "full", "--component",
                "SqlServerWriter:VSS4J-SIM\\nope");
        assertEquals(2, unknown.exitCode(), unknown::toString);
        assertTrue(unknown.err().contains("nope"), unknown::toString);
        CliRun schema = run("create", "--simulate", "--component", "Registry Writer:Registry");
        assertEquals(2, schema.exitCode(), schema::toString);
        assertTrue(schema.err().contains("VSS_BS_COPY"), schema::toString);
        CliRun nothing = run("create", "--simulate");
        assertEquals(2, nothing.exitCode(), nothing::toString);
        assertTrue(nothing.err().contains("at least one volume or --component"), nothing::toString);
    }
}
