package io.github.vss4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.vss4j.simulator.Fault;
import io.github.vss4j.simulator.SimulatedWriter;
import io.github.vss4j.simulator.Simulation;
import io.github.vss4j.simulator.WriterPhase;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A failed request carries what the (simulated) machine wrote to its event log, within its bounds, or nothing. */
class FailureEventsTest extends SimulatedVssTest {

    private static Simulation failingWith(VssError error, Fault... more) {
        Simulation.Builder machine = Simulation.builder().volume(C).volume(D)
                .fault(Fault.on(Operation.DO_SNAPSHOT_SET).fails(error).always());
        for (Fault fault : more) {
            machine.fault(fault);
        }
        return machine.build();
    }

    private static VssException failedRequest(ShadowCopyRequest request) {
        return assertThrows(VssException.class, () -> request.retryPlan(RetryPlan.none()).create());
    }

    @Test
    void aHoldWritesTimeoutCarriesVolsnapAndVssEventsFromTheRequestsWindow() {
        Vss vss = vss(failingWith(VssError.VSS_E_HOLD_WRITES_TIMEOUT));
        Instant before = Instant.now();
        VssException thrown = failedRequest(vss.shadowCopy().volumes(C, D));
        Instant after = Instant.now();
        assertEquals(VssError.VSS_E_HOLD_WRITES_TIMEOUT, thrown.error());
        assertEquals(Phase.DO_SNAPSHOT_SET, thrown.phase().orElseThrow());
        List<LoggedEvent> events = thrown.events();
        assertEquals(4, events.size(), events::toString);
        assertEquals(2, events.stream().filter(e -> e.source().equals("volsnap") && e.eventId() == 8
                && e.channel().equals("System")).count(), events::toString);
        assertEquals(2, events.stream().filter(e -> e.source().equals("VSS") && e.eventId() == 12298
                && e.channel().equals("Application")).count(), events::toString);
        for (LoggedEvent event : events) {
            assertEquals(LoggedEvent.Level.ERROR, event.level());
            assertFalse(event.time().isBefore(before.minusMillis(1)), event::toString);
            assertFalse(event.time().isAfter(after.plusMillis(1)), event::toString);
        }
        assertTrue(thrown.getMessage().contains("volsnap 8: The flush and hold writes operation on volume C:"),
                thrown.getMessage());
    }

    @Test
    void aFlushTimeoutCarriesVss12297() {
        Vss vss = vss(failingWith(VssError.VSS_E_FLUSH_WRITES_TIMEOUT));
        VssException thrown = failedRequest(vss.shadowCopy().volumes(C));
        assertEquals(List.of(12297), thrown.events().stream().map(LoggedEvent::eventId).toList());
        assertTrue(thrown.events().get(0).message().contains("Flush[0x80042313]"), thrown::getMessage);
    }

    @Test
    void aWriterFailureCarriesTheWritersWarning() {
        Vss vss = vss(Simulation.builder().volume(C).writerFailureFailsSnapshotSet(true)
                .writer(SimulatedWriter.named("SqlServerWriter")
                        .failingAt(WriterPhase.FREEZE, VssError.VSS_E_WRITERERROR_RETRYABLE))
                .build());
        VssException thrown = failedRequest(vss.shadowCopy().volumes(C));
        assertEquals(VssError.VSS_E_UNEXPECTED_WRITER_ERROR, thrown.error());
        LoggedEvent warning = thrown.events().stream().filter(e -> e.eventId() == 8229).findFirst().orElseThrow();
        assertEquals(LoggedEvent.Level.WARNING, warning.level());
        assertTrue(warning.message().contains("Writer Name: SqlServerWriter"), warning::message);
    }

    // The log refuses its first reader only: a later read that is refused proves nobody read it before.
    private static Fault refusedOnce() {
        return Fault.on(Operation.READ_EVENT_LOG).fails(VssError.E_ACCESSDENIED);
    }

    private static void assertNotReadYet(Vss vss) {
        VssException first = assertThrows(VssException.class, () -> vss.events(EventLogQuery.of("VSS")));
        assertEquals(VssError.E_ACCESSDENIED, first.error());
        assertEquals(Operation.READ_EVENT_LOG, first.operation());
    }

    @Test
    void theRequestsOptOutReadsNothing() {
        Vss vss = vss(failingWith(VssError.VSS_E_HOLD_WRITES_TIMEOUT, refusedOnce()));
        VssException thrown = failedRequest(vss.shadowCopy().volumes(C).eventLog(false));
        assertEquals(VssError.VSS_E_HOLD_WRITES_TIMEOUT, thrown.error());
        assertTrue(thrown.events().isEmpty());
        assertNotReadYet(vss);
    }

    @Test
    void theSystemPropertyOptOutReadsNothing() {
        Vss vss = vss(failingWith(VssError.VSS_E_HOLD_WRITES_TIMEOUT, refusedOnce()));
        String earlier = System.getProperty(FailureEvents.PROPERTY);
        System.setProperty(FailureEvents.PROPERTY, "false");
        try {
            VssException thrown = failedRequest(vss.shadowCopy().volumes(C));
            assertTrue(thrown.events().isEmpty());
            assertNotReadYet(vss);
        } finally {
            if (earlier == null) {
                System.clearProperty(FailureEvents.PROPERTY);
            } else {
                System.setProperty(FailureEvents.PROPERTY, earlier);
            }
        }
    }

    @Test
    void aCodeWhoseReasonIsNotLoggedReadsNothing() {
        Vss vss = vss(failingWith(VssError.E_OUTOFMEMORY, refusedOnce()));
        VssException thrown = failedRequest(vss.shadowCopy().volumes(C));
        assertEquals(VssError.E_OUTOFMEMORY, thrown.error());
        assertTrue(thrown.events().isEmpty());
        assertNotReadYet(vss);
    }

    @Test
    void aLogThatRefusesTheReaderLeavesTheOriginalErrorIntact() throws Exception {
        Vss vss = vss(failingWith(VssError.VSS_E_HOLD_WRITES_TIMEOUT, refusedOnce()));
        VssException thrown = failedRequest(vss.shadowCopy().volumes(C));
        assertEquals(VssError.VSS_E_HOLD_WRITES_TIMEOUT, thrown.error());
        assertEquals(Operation.DO_SNAPSHOT_SET, thrown.operation());
        assertEquals(Phase.DO_SNAPSHOT_SET, thrown.phase().orElseThrow());
        assertTrue(thrown.events().isEmpty());
        assertEquals(2, vss.events(EventLogQuery.of("VSS", "volsnap")).size(), "the request used the refused read");
    }

    @Test
    void aLogThatDoesNotAnswerDelaysTheFailureOnlyByTheBound() {
        Vss vss = vss(Simulation.builder().volume(C)
                .fault(Fault.on(Operation.DO_SNAPSHOT_SET).fails(VssError.VSS_E_HOLD_WRITES_TIMEOUT))
                .duration(Operation.READ_EVENT_LOG, Duration.ofSeconds(30)).build());
        long start = System.nanoTime();
        VssException thrown = failedRequest(vss.shadowCopy().volumes(C));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertEquals(VssError.VSS_E_HOLD_WRITES_TIMEOUT, thrown.error());
        assertTrue(thrown.events().isEmpty());
        assertTrue(took.compareTo(FailureEvents.TIMEOUT.plusSeconds(5)) < 0, "took " + took);
    }

    @Test
    void theMessageShowsTheFiveNewestAndCountsTheRest() {
        VssException plain = new VssException(Operation.DO_SNAPSHOT_SET, VssError.VSS_E_UNEXPECTED.hresult());
        List<LoggedEvent> logged = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            logged.add(new LoggedEvent("Application", "VSS", 8193 + i, LoggedEvent.Level.ERROR,
                    Instant.ofEpochSecond(1_000_000 - i), "entry " + i + "\nsecond line"));
        }
        VssException withEvents = plain.withEvents(logged);
        String message = withEvents.getMessage();
        assertTrue(message.contains("VSS 8193: entry 0"), message);
        assertTrue(message.contains("VSS 8197: entry 4"), message);
        assertFalse(message.contains("entry 5"), message);
        assertFalse(message.contains("second line"), message);
        assertTrue(message.contains("... and 3 more"), message);
        assertEquals(8, withEvents.events().size());
        assertThrows(UnsupportedOperationException.class, () -> withEvents.events().clear());
        assertTrue(plain.events().isEmpty());
        assertTrue(withEvents.toString().contains("... and 3 more"));
        LoggedEvent huge = new LoggedEvent("Application", "VSS", 8229, LoggedEvent.Level.WARNING, Instant.EPOCH,
                "x".repeat(100_000));
        String bounded = plain.withEvents(List.of(huge)).getMessage();
        assertTrue(bounded.length() < plain.getMessage().length() + 300, "a huge event's line is cut: "
                + bounded.length());
        assertTrue(bounded.contains("VSS 8229: xxx") && bounded.endsWith("..."), bounded);
    }

    @Test
    void theEventsSurviveSerialization() throws Exception {
        Vss vss = vss(failingWith(VssError.VSS_E_PROVIDER_VETO));
        VssException thrown = failedRequest(vss.shadowCopy().volumes(C));
        assertEquals(List.of(12293), thrown.events().stream().map(LoggedEvent::eventId).toList());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(thrown);
        }
        VssException back;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            back = (VssException) in.readObject();
        }
        assertEquals(thrown.events(), back.events());
        assertEquals(thrown.getMessage(), back.getMessage());
    }

    @Test
    void eventsCanBeReadThroughThePublicQuery() throws Exception {
        LoggedEvent old = new LoggedEvent("Application", "vss4j-test", 999, LoggedEvent.Level.ERROR,
                Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.MILLIS), "vss4j event-log probe " + UUID.randomUUID());
        Vss vss = vss(Simulation.builder().volume(C).loggedEvent(old).build());
        assertEquals(List.of(old), vss.events(EventLogQuery.of("vss4j-test").since(Duration.ofHours(3))));
        assertTrue(vss.events(EventLogQuery.of("vss4j-test")).isEmpty(), "the default window is the last hour");
        assertTrue(vss.events(EventLogQuery.of("VSS").since(Duration.ofHours(3))).isEmpty());
    }

    @Test
    void badQueriesAreRefusedNamingTheValueAndTheRule() {
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> EventLogQuery.of("VSS'] or 1=1"));
        assertTrue(bad.getMessage().contains("VSS'] or 1=1") && bad.getMessage().contains("letters, digits"),
                bad.getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> EventLogQuery.of())
                .getMessage().contains("1 to 32 sources, was 0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> EventLogQuery.of("VSS").maxCount(0))
                .getMessage().contains("1 to 1000, was 0"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> EventLogQuery.of("VSS").timeout(Duration.ofMinutes(2))).getMessage().contains("PT2M"));
        Instant now = Instant.now();
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> EventLogQuery.of("VSS").between(now, now.minusSeconds(1))).getMessage().contains("from <= to"));
        assertThrows(IllegalArgumentException.class, () -> EventLogQuery.of("VSS").since(Duration.ZERO));
        assertThrows(IllegalArgumentException.class,
                () -> EventLogQuery.of("VSS").maxLevel(LoggedEvent.Level.LOG_ALWAYS));
        assertThrows(NullPointerException.class, () -> EventLogQuery.of("VSS", null));
        assertThrows(IllegalArgumentException.class, () -> EventLogQuery.of("x".repeat(256)));
        assertNotNull(EventLogQuery.of("x".repeat(255)));
    }
}
