package io.github.vss4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.vss4j.ProgressEvent.AttemptStarted;
import io.github.vss4j.ProgressEvent.CleanedUp;
import io.github.vss4j.ProgressEvent.Finished;
import io.github.vss4j.ProgressEvent.PhaseEnded;
import io.github.vss4j.ProgressEvent.PhaseStarted;
import io.github.vss4j.ProgressEvent.RetryScheduled;
import io.github.vss4j.ProgressEvent.WritersChecked;
import io.github.vss4j.internal.request.Progress;
import io.github.vss4j.simulator.Fault;
import io.github.vss4j.simulator.SimulatedWriter;
import io.github.vss4j.simulator.Simulation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Progress events in order, and the same story as JFR events. */
class ShadowCopyProgressTest extends ShadowCopyTestBase {

    private static String shape(ProgressEvent event) {
        if (event instanceof PhaseStarted s) {
            return "start " + s.phase();
        }
        if (event instanceof PhaseEnded e) {
            return "end " + e.phase() + (e.succeeded() ? "" : " " + Progress.errorName(e.hresult()));
        }
        if (event instanceof WritersChecked w) {
            return "writers " + w.phase() + " " + w.writers().size() + "/" + w.failed().size();
        }
        if (event instanceof AttemptStarted a) {
            return "attempt " + a.attempt();
        }
        if (event instanceof RetryScheduled r) {
            return "retry " + r.reason() + " " + r.failure().error() + " " + r.delay();
        }
        if (event instanceof ProgressEvent.SetReleased r) {
            return "released" + (r.persistent() ? " persistent" : "");
        }
        if (event instanceof CleanedUp c) {
            return "cleaned " + c.attempt() + (c.aborted() ? " aborted" : "");
        }
        return "finished " + ((Finished) event).outcome();
    }

    private static List<String> phases(String... phases) {
        List<String> shape = new ArrayList<>();
        for (String phase : phases) {
            if (phase.startsWith("writers")) {
                shape.add(shape.size() - 1, phase);
            } else if (phase.startsWith("!")) {
                shape.add(phase.substring(1));
            } else {
                shape.add("start " + phase);
                shape.add("end " + phase);
            }
        }
        return shape;
    }

    @Test
    void aSuccessfulRequestReportsEveryPhaseInOrder() throws Exception {
        Vss vss = vss(Simulation.builder().volume("C:\\").writer(SimulatedWriter.named("Writer")).build());
        RecordingListener listener = new RecordingListener();
        vss.shadowCopy().volumes("C:\\").listener(listener).create().close();
        List<String> expected = new ArrayList<>(List.of("attempt 1"));
        expected.addAll(phases("INITIALIZE", "GATHER_WRITER_METADATA", "START_SNAPSHOT_SET", "PREPARE_FOR_BACKUP",
                "WRITER_STATUS_AFTER_PREPARE", "writers WRITER_STATUS_AFTER_PREPARE 1/0", "DO_SNAPSHOT_SET",
                "WRITER_STATUS_AFTER_SNAPSHOT", "writers WRITER_STATUS_AFTER_SNAPSHOT 1/0", "GET_SNAPSHOT_PROPERTIES",
                "!finished SUCCEEDED", "BACKUP_COMPLETE", "!released"));
        assertEquals(expected, listener.events().stream().map(ShadowCopyProgressTest::shape).toList());
        assertTrue(listener.events(PhaseEnded.class).stream().allMatch(e -> !e.duration().isNegative()));
    }

    @Test
    void aRetryIsReportedAfterTheCleanUpOfTheFailedAttempt() throws Exception {
        Vss vss = vss(Simulation.builder().volume("C:\\").fault(Fault.on(Operation.DO_SNAPSHOT_SET)
                .fails(VssError.VSS_E_PROVIDER_VETO).throughQueryStatus()).build());
        RecordingListener listener = new RecordingListener();
        vss.shadowCopy().volumes("C:\\").context(VssContext.FILE_SHARE_BACKUP).listener(listener)
                .scheduler(VirtualScheduler.automatic()).create().close();
        List<String> expected = new ArrayList<>(List.of("attempt 1"));
        expected.addAll(phases("INITIALIZE", "START_SNAPSHOT_SET"));
        expected.addAll(List.of("start DO_SNAPSHOT_SET", "end DO_SNAPSHOT_SET VSS_E_PROVIDER_VETO", "cleaned 1 aborted", "retry PROVIDER VSS_E_PROVIDER_VETO PT10M", "attempt 2"));
        expected.addAll(phases("INITIALIZE", "START_SNAPSHOT_SET", "DO_SNAPSHOT_SET", "GET_SNAPSHOT_PROPERTIES",
                "!finished SUCCEEDED", "!released"));
        assertEquals(expected, listener.events().stream().map(ShadowCopyProgressTest::shape).toList());
        assertTrue(listener.events().stream().filter(e -> e.attempt() == 2).count() > 0);
    }

    @Test
    void aListenerThatThrowsHarmsNothing() throws Exception {
        Vss vss = vss("C:\\");
        try (ShadowCopySet set = vss.shadowCopy().volumes("C:\\").listener(e -> {
            throw new IllegalStateException("listener bug");
        }).create()) {
            assertEquals(1, set.copies().size());
        }
    }

    @Test
    void jfrRecordsPhasesWritersAndRetries(@TempDir Path dir) throws Exception {
        Vss vss = vss(Simulation.builder().volume("C:\\").writer(SimulatedWriter.named("Writer"))
                .fault(Fault.on(Operation.DO_SNAPSHOT_SET).fails(VssError.VSS_E_HOLD_WRITES_TIMEOUT)).build());
        Path file = dir.resolve("vss4j.jfr");
        try (Recording recording = new Recording()) {
            recording.enable("io.github.vss4j.Phase");
            recording.enable("io.github.vss4j.Retry");
            recording.enable("io.github.vss4j.WriterStatus");
            recording.start();
            vss.shadowCopy().volumes("C:\\").scheduler(VirtualScheduler.automatic()).create().close();
            recording.stop();
            recording.dump(file);
        }
        assertTrue(Files.size(file) > 0);
        List<RecordedEvent> events = RecordingFile.readAllEvents(file);
        List<RecordedEvent> phases = ofType(events, "io.github.vss4j.Phase");
        List<String> phaseNames = phases.stream().map(e -> e.getString("phase") + "#" + e.getInt("attempt"))
                .collect(Collectors.toList());
        assertTrue(phaseNames.contains("DO_SNAPSHOT_SET#1") && phaseNames.contains("DO_SNAPSHOT_SET#2"),
                phaseNames.toString());
        assertTrue(phaseNames.contains("BACKUP_COMPLETE#2"), phaseNames.toString());
        RecordedEvent failed = phases.stream().filter(e -> e.getString("phase").equals("DO_SNAPSHOT_SET")
                && e.getInt("attempt") == 1).findFirst().orElseThrow();
        assertEquals(VssError.VSS_E_HOLD_WRITES_TIMEOUT.hresult(), failed.getInt("hresult"));
        assertTrue(!failed.getDuration().isNegative());

        List<RecordedEvent> retries = ofType(events, "io.github.vss4j.Retry");
        assertEquals(1, retries.size());
        assertEquals("PROVIDER", retries.get(0).getString("reason"));
        assertEquals(VssError.VSS_E_HOLD_WRITES_TIMEOUT.hresult(), retries.get(0).getInt("hresult"));
        assertEquals(Duration.ofMinutes(10), retries.get(0).getDuration("wait"));

        List<RecordedEvent> writers = ofType(events, "io.github.vss4j.WriterStatus");
        assertTrue(writers.size() >= 2, "writer status after prepare and after the snapshot");
        assertEquals("Writer", writers.get(0).getString("writer"));
    }

    private static List<RecordedEvent> ofType(List<RecordedEvent> events, String name) {
        return events.stream().filter(e -> e.getEventType().getName().equals(name)).toList();
    }
}
