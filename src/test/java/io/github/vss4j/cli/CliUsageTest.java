package io.github.vss4j.cli;

import static io.github.vss4j.cli.CliTestSupport.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Bad arguments: exit code 2, a message naming what is wrong, and the usage line; nothing is done. */
class CliUsageTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "                                        | no command given",
        "frobnicate                              | unknown command \"frobnicate\"",
        "create --simulate                       | create needs at least one volume",
        "create --simulate --bogus C:            | unknown option --bogus",
        "create --simulate --context nope C:     | --context: \"nope\" is not one of",
        "create --simulate --backup-type        | --backup-type needs a value",
        "create --simulate --timeout soon C:     | --timeout: \"soon\" is not a duration",
        "create --simulate --keep --context backup C: | --keep needs a persistent context",
        "create --simulate --context all C:      | --context all is for list only",
        "create --simulate --json=yes C:         | --json takes no value",
        "create --simulate C: c:\\               | is already",
        "create --simulate relative\\path        | must end with a backslash",
        "list --simulate --all                   | list does not take --all",
        "list --simulate extra                   | list takes no operands",
        "delete --simulate                       | delete needs the ids",
        "writers --simulate --keep               | writers does not take --keep",
    })
    void refused(String line, String expected) {
        String[] args = line == null ? new String[0] : line.trim().split("\\s+");
        CliRun run = run(args);
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains(expected), () -> "expected \"" + expected + "\" in " + run);
        assertTrue(run.err().contains("Usage: vss4j COMMAND"), run::toString);
        assertEquals("", run.out());
    }

    @Test
    void usageErrorWithJsonIsAJsonDocumentToo() throws Exception {
        CliRun run = run("create", "--json", "--simulate", "--context", "nope", "C:");
        assertEquals(2, run.exitCode());
        assertEquals("usage", run.json().get("error").get("class").asText());
        assertEquals(2, run.json().get("error").get("exitCode").asInt());
    }

    @Test
    void helpListsCommandsAndExitCodes() {
        CliRun run = run("--help");
        assertEquals(0, run.exitCode());
        for (String text : new String[] {"create VOLUME...", "list", "delete ID...", "writers", "--exec COMMAND",
            "VSS4J_SHADOW_N", "--simulate=FILE", "access-denied", "transient", "not-available"}) {
            assertTrue(run.out().contains(text), () -> text + " missing from\n" + run.out());
        }
        assertEquals(run.out(), run("help").out());
    }

    @Test
    void aUsageErrorNamesTheCommandThatWasGiven() throws Exception {
        for (String[] line : new String[][] {{"create", "--bogus", "--json"}, {"--bogus", "create", "--json", "C:"},
            {"--machine", "m.json", "create", "--timeout", "--json"}}) {
            CliRun run = run(line);
            assertEquals(2, run.exitCode(), run::toString);
            assertEquals("create", run.json().get("command").asText(), run::toString);
        }
        assertTrue(run("--bogus", "--json").json().get("command").isNull(), "no command given, none named");
    }

    @Test
    void eachCommandsHelpIsItsOwn() {
        String all = run("--help").out();
        for (String command : new String[] {"create", "list", "delete", "writers"}) {
            CliRun help = run(command, "--help");
            assertEquals(0, help.exitCode(), help::toString);
            assertTrue(help.out().startsWith("Usage: vss4j " + command), help::toString);
            assertTrue(help.out().contains("Exit codes:") && help.out().contains("--simulate"), help::toString);
            assertEquals(help.out(), run("help", command).out());
            assertTrue(help.out().length() < all.length(), command + "'s help is not the whole help");
        }
        assertTrue(run("create", "--help").out().contains("--exec COMMAND"));
        assertTrue(!run("list", "--help").out().contains("--exec COMMAND"), "list's help leaves create's out");
        assertEquals(all, run("help").out());
    }

    @Test
    void durationsInEveryForm() {
        assertEquals(Duration.ofMillis(250), Durations.parse("250"));
        assertEquals(Duration.ofMillis(250), Durations.parse("250ms"));
        assertEquals(Duration.ofSeconds(90), Durations.parse("90s"));
        assertEquals(Duration.ofMinutes(5), Durations.parse("5m"));
        assertEquals(Duration.ofHours(1), Durations.parse("1h"));
        assertEquals(Duration.ofMinutes(5), Durations.parse("PT5M"));
        assertEquals(Duration.ofMillis(1500), Durations.parse("pt1.5s"));
    }

    @Test
    void durationsTooLargeForADurationMeanNoLimit() {
        Duration longest = Duration.ofSeconds(Long.MAX_VALUE, 999_999_999);
        assertEquals(longest, Durations.parse("9223372036854775807h"));
        assertEquals(longest, Durations.parse("99999999999999999999999s"));
        CliRun run = run("create", "--simulate", "C:", "--timeout", "9223372036854775807h");
        assertEquals(0, run.exitCode(), run::toString);
        run = run("create", "--simulate", "C:", "--timeout", "PT9223372036854775807S");
        assertEquals(0, run.exitCode(), run::toString);
    }

    @Test
    void optionsMayComeBeforeTheCommandAndAfterTheVolumes() throws Exception {
        Options options = Args.parse("--json", "create", "C:", "--keep", "--", "--not-an-option");
        assertEquals("create", options.command);
        assertTrue(options.json && options.keep);
        assertEquals(java.util.List.of("C:", "--not-an-option"), options.operands);
    }
}
