package io.github.vss4j.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.vss4j.EventLogQuery;
import io.github.vss4j.LoggedEvent;
import io.github.vss4j.Vss;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * Reading the real event log through the public API: an entry written with {@code eventcreate} under a source of
 * the test's own is read back with its id, level, channel, message and time. Runs only on Windows, elevated (only
 * an administrator may create an event source), through the workflow (profile real-vss).
 */
class RealEventLogIT {
    private static final String SOURCE = "vss4j-test";

    @Test
    @DisabledIfSystemProperty(named = "vss4j.expectAccessDenied", matches = "true",
            disabledReason = "eventcreate needs an administrator to register its source")
    void anEntryWrittenWithEventcreateIsReadBack() throws Exception {
        String probe = "vss4j event-log probe " + UUID.randomUUID();
        // The log stamps entries with a precision the clock of this process may round the other way.
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(1);
        WindowsCommand.run("eventcreate", "/T", "ERROR", "/ID", "999", "/L", "APPLICATION", "/SO", SOURCE, "/D", probe);
        Instant after = Instant.now().plusSeconds(1);
        Vss vss = Vss.system();
        List<LoggedEvent> events = vss.events(EventLogQuery.of(SOURCE).between(before, after.plusSeconds(5))
                .maxLevel(LoggedEvent.Level.ERROR).maxCount(50).timeout(Duration.ofSeconds(10)));
        events.forEach(e -> System.out.println("event: " + e));
        LoggedEvent found = events.stream().filter(e -> e.message().contains(probe)).findFirst()
                .orElseThrow(() -> new AssertionError("the probe " + probe + " is not among " + events));
        assertEquals(SOURCE, found.source());
        assertEquals(999, found.eventId());
        assertEquals(LoggedEvent.Level.ERROR, found.level());
        assertEquals("Application", found.channel());
        assertFalse(found.time().isBefore(before), found::toString);
        assertFalse(found.time().isAfter(after), found::toString);
        assertTrue(events.stream().allMatch(e -> e.source().equalsIgnoreCase(SOURCE)), events::toString);
    }

    @Test
    @DisabledIfSystemProperty(named = "vss4j.expectAccessDenied", matches = "true",
            disabledReason = "eventcreate needs an administrator to register its source")
    void aWarningIsOutsideAnErrorsOnlyQueryAndTheWindowBounds() throws Exception {
        String probe = "vss4j event-log warning probe " + UUID.randomUUID();
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(1);
        WindowsCommand.run("eventcreate", "/T", "WARNING", "/ID", "998", "/L", "APPLICATION", "/SO", SOURCE, "/D",
                probe);
        Vss vss = Vss.system();
        EventLogQuery window = EventLogQuery.of(SOURCE).between(before, Instant.now().plusSeconds(5))
                .timeout(Duration.ofSeconds(10));
        assertTrue(vss.events(window.maxLevel(LoggedEvent.Level.ERROR)).stream()
                .noneMatch(e -> e.message().contains(probe)), "an errors-only query returned the warning");
        LoggedEvent warning = vss.events(window.maxLevel(LoggedEvent.Level.WARNING)).stream()
                .filter(e -> e.message().contains(probe)).findFirst().orElseThrow();
        assertEquals(LoggedEvent.Level.WARNING, warning.level());
        assertTrue(vss.events(EventLogQuery.of(SOURCE).between(Instant.EPOCH, before.minusSeconds(60))
                .maxLevel(LoggedEvent.Level.WARNING).timeout(Duration.ofSeconds(10))).stream()
                .noneMatch(e -> e.message().contains(probe)), "an entry outside the window was returned");
        assertThrows(IllegalArgumentException.class, () -> EventLogQuery.of("Application'] or *[System"));
    }
}
