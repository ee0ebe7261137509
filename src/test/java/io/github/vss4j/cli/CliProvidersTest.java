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

/** {@code providers}, in-process against a simulated machine. */
class CliProvidersTest {
    @Test
    void aTableOfTheRegisteredProviders() {
        CliRun run = run("providers", "--simulate", "--quiet");
        assertEquals(0, run.exitCode(), run::toString);
        List<String> lines = run.out().lines().toList();
        assertTrue(lines.get(0).startsWith("PROVIDER"), run::toString);
        assertTrue(lines.get(1).startsWith("Microsoft Software Shadow Copy provider 1.0 ")
                && lines.get(1).contains(" SYSTEM ") && lines.get(1).contains("b5946137-7b9f-4925-af80-51abd60b20d5"),
                run::toString);
    }

    @Test
    void jsonNamesEveryField() throws Exception {
        JsonNode report = run("providers", "--simulate", "--json").json();
        assertEquals("providers", report.get("command").asText());
        assertTrue(report.get("simulated").asBoolean());
        JsonNode system = report.get("providers").get(0);
        assertEquals("b5946137-7b9f-4925-af80-51abd60b20d5", system.get("providerId").asText());
        assertEquals("SYSTEM", system.get("type").asText());
        assertEquals("1.0.0.7", system.get("version").asText());
        assertEquals(6, system.size(), system::toString);
    }

    @Test
    void theHelpListsItAndItsOwnHelpIsItsPart() {
        String all = run("--help").out();
        assertTrue(all.contains("  providers   "), all);
        CliRun help = run("providers", "--help");
        assertEquals(0, help.exitCode(), help::toString);
        assertTrue(help.out().startsWith("Usage: vss4j providers"), help::toString);
        assertTrue(help.out().length() < all.length(), "providers' help is not the whole help");
        CliRun unknown = run("bogus");
        assertTrue(unknown.err().contains("the commands are create, restore, list, delete, expose, unexpose, writers, "
                + "providers, storage and doctor"),
                unknown::toString);
    }

    @Test
    void operandsAndOtherCommandsOptionsAreRefused() {
        CliRun operand = run("providers", "--simulate", "C:\\");
        assertEquals(2, operand.exitCode(), operand::toString);
        assertTrue(operand.err().contains("providers takes no operands"), operand::toString);
        CliRun option = run("providers", "--simulate", "--components");
        assertEquals(2, option.exitCode(), option::toString);
        assertTrue(option.err().contains("providers does not take --components"), option::toString);
    }

    @Test
    void aFailedQueryIsReportedWithTheCallAndTheError(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("machine.json");
        Files.writeString(file, """
                {
                  "volumes": ["C:\\\\"],
                  "faults": [{ "operation": "Query", "error": "VSS_E_UNEXPECTED_PROVIDER_ERROR" }]
                }
                """);
        CliRun run = run("providers", "--simulate=" + file, "--json");
        assertEquals(ExitCode.TRANSIENT.code(), run.exitCode(), run::toString);
        JsonNode error = run.json().get("error");
        assertEquals("Query", error.get("operation").asText(), run::toString);
        assertEquals("VSS_E_UNEXPECTED_PROVIDER_ERROR", error.get("name").asText(), run::toString);
    }
}
