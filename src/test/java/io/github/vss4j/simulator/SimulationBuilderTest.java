package io.github.vss4j.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.vss4j.BackupComponents;
import io.github.vss4j.Operation;
import io.github.vss4j.VssError;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The description itself: defaults, what each method records, and what it refuses. */
class SimulationBuilderTest {

    @Test
    void anEmptyDescriptionHasWindowsDefaults() {
        Simulation simulation = Simulation.builder().build();
        assertEquals(List.of(), simulation.volumes());
        assertEquals(List.of(), simulation.writers());
        assertEquals(List.of(), simulation.faults());
        assertEquals(Map.of(), simulation.durations());
        assertEquals(Optional.empty(), simulation.writerTimeout());
        assertEquals(Optional.empty(), simulation.waitTimeoutResult());
        assertEquals(Optional.empty(), simulation.machineName());
        assertEquals(List.of(), simulation.providers());
        assertFalse(simulation.writerFailureFailsSnapshotSet());
    }

    @Test
    void everyPartIsRecordedInOrder() {
        UUID provider = UUID.fromString("2f6c1b9e-5a3d-4c8e-9f10-0a1b2c3d4e5f");
        SimulatedWriter sql = SimulatedWriter.named("SqlServerWriter")
                .failingAt(WriterPhase.THAW, VssError.VSS_E_WRITERERROR_OUTOFRESOURCES);
        Fault fault = Fault.on(Operation.DO_SNAPSHOT_SET).fails(VssError.VSS_E_PROVIDER_VETO).onAttempt(2).times(3);
        Simulation simulation = Simulation.builder()
                .volume("C:\\")
                .volume(SimulatedVolume.of("D:\\").withDiffArea(100, 10).withMaxShadowCopies(4).unsupported())
                .writer(sql)
                .fault(fault)
                .duration(Operation.DO_SNAPSHOT_SET, Duration.ofMillis(5))
                .writerTimeout(Duration.ofSeconds(1))
                .waitTimeoutResult(0x80070102)
                .writerFailureFailsSnapshotSet(true)
                .machineName("SRV")
                .provider(provider)
                .provider(provider)
                .build();
        assertEquals(List.of(SimulatedVolume.of("C:\\"), new SimulatedVolume("D:\\", false, 100, 10, 4)),
                simulation.volumes());
        assertEquals(List.of(sql), simulation.writers());
        assertEquals(WriterPhase.THAW, sql.failsAt());
        assertEquals(VssError.VSS_E_WRITERERROR_OUTOFRESOURCES.hresult(), sql.failure());
        assertEquals(List.of(new Fault(Operation.DO_SNAPSHOT_SET, VssError.VSS_E_PROVIDER_VETO.hresult(), false, 2,
                3)), simulation.faults());
        assertEquals(Map.of(Operation.DO_SNAPSHOT_SET, Duration.ofMillis(5)), simulation.durations());
        assertEquals(Optional.of(Duration.ofSeconds(1)), simulation.writerTimeout());
        assertEquals(Optional.of(0x80070102), simulation.waitTimeoutResult());
        assertTrue(simulation.writerFailureFailsSnapshotSet());
        assertEquals(Optional.of("SRV"), simulation.machineName());
        assertEquals(List.of(provider), simulation.providers(), "registered once");
        assertEquals(List.of("C:\\", "D:\\"), Simulation.withVolumes("C:\\", "D:\\").volumes().stream()
                .map(SimulatedVolume::name).toList());
    }

    @Test
    void faultsDescribeAttempts() {
        Fault first = Fault.on(Operation.PREPARE_FOR_BACKUP).fails(VssError.VSS_E_UNEXPECTED);
        assertEquals(1, first.firstAttempt());
        assertEquals(1, first.attempts());
        assertFalse(first.viaQueryStatus());
        assertTrue(first.throughQueryStatus().viaQueryStatus());
        assertEquals(-1, first.onAttempt(3).always().attempts());
        assertEquals(3, first.onAttempt(3).always().firstAttempt());
        assertEquals(0x80070015, Fault.on(Operation.QUERY).fails(0x80070015).hresult());
        assertThrows(IllegalArgumentException.class, () -> first.onAttempt(0));
        assertThrows(IllegalArgumentException.class, () -> first.times(0));
        assertThrows(IllegalArgumentException.class, () -> Fault.on(Operation.QUERY).fails(VssError.UNKNOWN));
    }

    @Test
    void writersAndVolumesDescribeTheirFailures() {
        SimulatedWriter hung = SimulatedWriter.named("W").hangingAt(WriterPhase.PREPARE_BACKUP);
        assertTrue(hung.hangs());
        assertEquals(VssError.VSS_E_WRITERERROR_TIMEOUT.hresult(), hung.failure());
        assertEquals(0x800423F3, SimulatedWriter.named("W").failingAt(WriterPhase.FREEZE, 0x800423F3).failure());
        assertThrows(IllegalArgumentException.class, () -> SimulatedWriter.named("W").hangingAt(WriterPhase.NONE));
        assertFalse(SimulatedVolume.of("E:\\").unsupported().supported());
        assertThrows(IllegalArgumentException.class, () -> SimulatedVolume.of(""));
        assertThrows(IllegalArgumentException.class, () -> SimulatedVolume.of("E:\\").withDiffArea(-2, 0));
    }

    @Test
    void nonsenseIsRefusedWhenDescribed() {
        Simulation.Builder builder = Simulation.builder().volume("C:\\");
        assertThrows(IllegalArgumentException.class, () -> builder.volume("c:\\"), "the same volume twice");
        assertThrows(IllegalArgumentException.class, () -> builder.duration(Operation.ADD_TO_SNAPSHOT_SET,
                Duration.ofSeconds(1)), "a synchronous call takes no time");
        assertThrows(IllegalArgumentException.class, () -> builder.duration(Operation.DO_SNAPSHOT_SET,
                Duration.ofSeconds(-1)));
        assertThrows(IllegalArgumentException.class, () -> builder.writerTimeout(Duration.ofSeconds(-1)));
        assertThrows(IllegalArgumentException.class, () -> builder.machineName(" "));
        assertThrows(IllegalArgumentException.class, () -> builder.waitTimeoutResult(VssError.UNKNOWN));
        assertThrows(NullPointerException.class, () -> builder.provider(null));
        assertEquals(List.of(BackupComponents.SYSTEM_PROVIDER), Simulation.builder()
                .provider(BackupComponents.SYSTEM_PROVIDER).build().providers(), "harmless: it is there anyway");
    }
}
