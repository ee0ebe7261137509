package io.github.vss4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.vss4j.HealthFinding.Severity;
import io.github.vss4j.simulator.CommonWriters;
import io.github.vss4j.simulator.Fault;
import io.github.vss4j.simulator.SimulatedVolume;
import io.github.vss4j.simulator.SimulatedWriter;
import io.github.vss4j.simulator.Simulation;
import io.github.vss4j.simulator.WriterPhase;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Vss.checkHealth against simulated machines, each with one thing in the way of shadow copies. */
class HealthCheckTest extends SimulatedVssTest {
    private static final long MB = 1024L * 1024;

    private static HealthFinding only(HealthReport report) {
        assertEquals(1, report.findings().size(), report.toString());
        return report.findings().get(0);
    }

    @Test
    void aHealthyMachineHasNoFindingAndShowsWritersProvidersAndStorage() throws Exception {
        Vss vss = vss(Simulation.builder().volume(C).writer(SimulatedWriter.named("Healthy Writer")).build());
        HealthReport report = vss.checkHealth(List.of(C), BOUND);
        assertTrue(report.isHealthy(), report.toString());
        assertEquals(List.of(), report.findings());
        assertEquals(1, report.writers().size());
        assertEquals(WriterState.STABLE, report.writers().get(0).state());
        assertFalse(report.providers().isEmpty());
        assertEquals(C, report.volumes().get(0).volume());
        assertEquals(0, report.volumes().get(0).copies());
        assertTrue(report.simulated());
        assertEquals(0, machine(vss).liveObjects());
    }

    @Test
    void aFailedInBoxWriterNamesTheServiceToRestart() throws Exception {
        Vss vss = vss(Simulation.builder().volume(C).writer(CommonWriters.systemWriter()
                .failingAt(WriterPhase.PREPARE_BACKUP, VssError.VSS_E_WRITERERROR_RETRYABLE)).build());
        HealthReport report = vss.checkHealth(List.of(C), BOUND);
        assertFalse(report.isHealthy());
        HealthFinding failed = only(report);
        assertEquals(Severity.PROBLEM, failed.severity());
        assertEquals("writer \"System Writer\"", failed.subject());
        assertTrue(failed.action().contains("CryptSvc"), failed.action());
        assertEquals(VssError.VSS_E_WRITERERROR_RETRYABLE.hresult(), failed.hresult().getAsInt());
        assertEquals(0, machine(vss).liveObjects());
    }

    @Test
    void anotherWriterIsToldToRestartItsHost() throws Exception {
        Vss vss = vss(Simulation.builder().volume(C).writer(SimulatedWriter.named("Vendor Writer")
                .failingAt(WriterPhase.PREPARE_BACKUP, VssError.VSS_E_WRITERERROR_NONRETRYABLE)).build());
        HealthFinding failed = only(vss.checkHealth(List.of(C), BOUND));
        assertTrue(failed.action().contains("hosts writer \"Vendor Writer\""), failed.action());
    }

    @Test
    void anotherRequestersSetInProgressIsFound() throws Exception {
        Vss vss = vss(Simulation.withVolumes(C));
        try (BackupComponents other = components(vss)) {
            initialize(other, VssContext.FILE_SHARE_BACKUP);
            other.startSnapshotSet();
            HealthReport report = vss.checkHealth(List.of(C), BOUND);
            HealthFinding busy = only(report);
            assertEquals("snapshot set", busy.subject());
            assertEquals(VssError.VSS_E_SNAPSHOT_SET_IN_PROGRESS, busy.error().orElseThrow());
            assertFalse(report.isHealthy());
            other.abortBackup();
        }
        assertTrue(vss.checkHealth(List.of(C), BOUND).isHealthy());
        assertEquals(0, machine(vss).liveObjects());
    }

    @Test
    void aFullDiffAreaIsFoundAndHowManyMoreCopiesFitIsCounted() throws Exception {
        Vss vss = vss(Simulation.builder().volume(SimulatedVolume.of(C).withDiffArea(350 * MB, 100 * MB)).build());
        try (BackupComponents backup = components(vss)) {
            snapshot(backup, VssContext.CLIENT_ACCESSIBLE, C);
        }
        HealthReport roomy = vss.checkHealth(List.of(C), BOUND);
        assertTrue(roomy.isHealthy(), roomy.toString());
        assertEquals(1, roomy.volumes().get(0).copies());
        assertEquals(OptionalLong.of(2), roomy.volumes().get(0).copiesThatFit());
        for (int i = 0; i < 2; i++) {
            try (BackupComponents backup = components(vss)) {
                snapshot(backup, VssContext.CLIENT_ACCESSIBLE, C);
            }
        }
        HealthReport full = vss.checkHealth(List.of(C), BOUND);
        HealthFinding finding = only(full);
        assertEquals(VssError.VSS_E_INSUFFICIENT_STORAGE, finding.error().orElseThrow());
        assertTrue(finding.action().contains("vss4j storage resize"), finding.action());
        assertEquals(OptionalLong.of(0), full.volumes().get(0).copiesThatFit());
        assertEquals(0, machine(vss).liveObjects());
    }

    @Test
    void aProcessWithoutBackupRightsIsToldToRunElevated() throws Exception {
        Vss vss = vss(Simulation.builder().volume(C)
                .fault(Fault.on(Operation.INITIALIZE_FOR_BACKUP).fails(VssError.E_ACCESSDENIED).always()).build());
        HealthReport report = vss.checkHealth(List.of(C), BOUND);
        HealthFinding denied = report.findings().get(0);
        assertEquals(VssError.E_ACCESSDENIED, denied.error().orElseThrow());
        assertTrue(denied.action().contains("elevated"), denied.action());
        assertFalse(report.isHealthy());
        assertEquals(0, machine(vss).liveObjects());
    }

    @Test
    void anUnknownVolumeIsAFindingNotAnException() throws Exception {
        Vss vss = vss(Simulation.withVolumes(C));
        HealthReport report = vss.checkHealth(List.of(C, "Q:\\"), BOUND);
        HealthFinding unknown = only(report);
        assertEquals("volume Q:\\", unknown.subject());
        assertEquals(1, report.volumes().size());
    }

    @Test
    void badArgumentsAreRefusedWithTheRule() {
        Vss vss = vss(Simulation.withVolumes(C));
        assertThrows(NullPointerException.class, () -> vss.checkHealth(null, BOUND));
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> vss.checkHealth(List.of(C), java.time.Duration.ZERO));
        assertTrue(zero.getMessage().contains("positive"), zero.getMessage());
    }
}
