package io.github.vss4j.cli;

import static io.github.vss4j.cli.CliTestSupport.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What Windows logged shows under a failed command, in its JSON, and in the doctor; machine files describe it. */
class CliEventLogTest {
    @TempDir
    Path dir;

    private Path machine(String json) throws Exception {
        return Files.writeString(dir.resolve("machine.json"), json);
    }

    private Path holdTimeout() throws Exception {
        return machine("""
                {"volumes": ["C:\\\\"],
                 "faults": [{"operation": "DoSnapshotSet", "error": "VSS_E_HOLD_WRITES_TIMEOUT", "attempts": "all"}]}
                """);
    }

    @Test
    void aFailedCreatePrintsTheLoggedEventsUnderItsError() throws Exception {
        CliRun run = run("create", "--simulate=" + holdTimeout(), "--no-retry", "C:");
        assertEquals(5, run.exitCode(), run::toString);
        String err = run.err();
        assertTrue(err.contains("DoSnapshotSet failed with VSS_E_HOLD_WRITES_TIMEOUT"), run::toString);
        assertTrue(err.contains("Windows logged around the failure"), run::toString);
        assertTrue(err.contains("TIME") && err.contains("SOURCE") && err.contains("MESSAGE"), run::toString);
        assertTrue(err.matches("(?s).*ERROR +volsnap +8 +The flush and hold writes operation on volume C:.*"),
                run::toString);
        assertTrue(err.matches("(?s).*ERROR +VSS +12298 +Volume Shadow Copy Service error.*"), run::toString);
        assertFalse(err.contains("Event log (newest first)"), "the table replaces the message's lines: " + run);
    }

    @Test
    void theJsonErrorCarriesTheEvents() throws Exception {
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        CliRun run = run("create", "--simulate=" + holdTimeout(), "--no-retry", "--json", "C:");
        JsonNode events = run.json().get("error").get("events");
        assertEquals(2, events.size(), run::toString);
        for (JsonNode event : events) {
            assertEquals("ERROR", event.get("level").asText());
            Instant time = Instant.parse(event.get("time").asText());
            assertFalse(time.isBefore(before), event::toString);
        }
        JsonNode volsnap = events.get(0).get("source").asText().equals("volsnap") ? events.get(0) : events.get(1);
        assertEquals("System", volsnap.get("channel").asText());
        assertEquals(8, volsnap.get("id").asInt());
        assertTrue(volsnap.get("message").asText().contains("volume C:"), volsnap::toString);
    }

    @Test
    void aFailureWhoseReasonIsNotLoggedHasAnEmptyEventsArray() throws Exception {
        CliRun run = run("create", "--simulate=" + CliRun.exampleMachine(), "--json", "X:");
        assertEquals(0, run.json().get("error").get("events").size(), run::toString);
        assertFalse(run.err().contains("Windows logged"), run::toString);
    }

    @Test
    void doctorShowsADisabledVssAndTheRecentVssErrors() throws Exception {
        Path file = machine("""
                {"volumes": ["C:\\\\"],
                 "services": {"VSS": "disabled"},
                 "events": [{"source": "VSS", "id": 8193, "level": "error", "age": "PT2H",
                             "message": "Volume Shadow Copy Service error: Unexpected error calling routine X."},
                            {"source": "volsnap", "channel": "System", "id": 25, "level": "error", "age": "PT1H",
                             "message": "The shadow copies of volume C: were deleted."},
                            {"source": "VSS", "id": 8224, "level": "information", "age": "PT1H",
                             "message": "The VSS service is shutting down due to idle timeout."},
                            {"source": "VSS", "id": 12289, "level": "error", "age": "P3D", "message": "too old"}]}
                """);
        CliRun text = run("doctor", "--simulate=" + file, "--quiet");
        assertEquals(1, text.exitCode(), text::toString);
        assertTrue(text.out().contains("service VSS") && text.out().contains("disabled"), text::toString);
        assertTrue(text.out().contains("2 errors of VSS, volsnap or swprv in the last 24 hours"), text::toString);
        assertTrue(text.out().contains("volsnap 25: The shadow copies of volume C: were deleted."), text::toString);
        JsonNode report = run("doctor", "--simulate=" + file, "--json").json();
        JsonNode log = null;
        for (JsonNode finding : report.get("findings")) {
            if (finding.get("subject").asText().equals("event log")) {
                log = finding;
            }
        }
        assertTrue(log != null, report::toString);
        assertEquals("WARNING", log.get("severity").asText());
        assertTrue(log.get("action").asText().contains("Event Viewer"), log::toString);
    }

    @Test
    void onlyOldOrHarmlessEntriesLeaveTheDoctorHealthy() throws Exception {
        Path file = machine("""
                {"volumes": ["C:\\\\"],
                 "events": [{"source": "VSS", "id": 8224, "level": "information", "age": "PT1H", "message": "idle"},
                            {"source": "VSS", "id": 12289, "level": "error", "time": "2020-01-01T00:00:00Z"}]}
                """);
        CliRun run = run("doctor", "--simulate=" + file, "--quiet");
        assertEquals(0, run.exitCode(), run::toString);
        assertFalse(run.out().contains("event log"), run::toString);
    }

    @Test
    void badServicesAndEventsAreNamedWithTheRule() throws Exception {
        CliRun start = run("doctor", "--simulate=" + machine("""
                {"volumes": ["C:\\\\"], "services": {"VSS": "sometimes"}}"""), "--quiet");
        assertEquals(2, start.exitCode(), start::toString);
        assertTrue(start.err().contains("services.VSS") && start.err().contains("is not a start type"), start::toString);
        CliRun level = run("doctor", "--simulate=" + machine("""
                {"volumes": ["C:\\\\"], "events": [{"source": "VSS", "id": 1, "level": "loud", "age": "PT1H"}]}"""));
        assertEquals(2, level.exitCode(), level::toString);
        assertTrue(level.err().contains("is not a level"), level::toString);
        CliRun both = run("doctor", "--simulate=" + machine("""
                {"volumes": ["C:\\\\"], "events": [{"source": "VSS", "id": 1, "level": "error"}]}"""));
        assertEquals(2, both.exitCode(), both::toString);
        assertTrue(both.err().contains("exactly one of \"time\""), both::toString);
        CliRun source = run("doctor", "--simulate=" + machine("""
                {"volumes": ["C:\\\\"], "events": [{"source": "", "id": 1, "level": "error", "age": "PT1H"}]}"""));
        assertEquals(2, source.exitCode(), source::toString);
    }
}
