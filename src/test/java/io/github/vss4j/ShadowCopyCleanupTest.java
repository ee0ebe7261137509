package io.github.vss4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.vss4j.simulator.Fault;
import io.github.vss4j.simulator.SimulatedWriter;
import io.github.vss4j.simulator.Simulation;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** At each failure point: AbortBackup exactly when a set was started, BackupComplete never, the machine free. */
class ShadowCopyCleanupTest extends ShadowCopyTestBase {

    static Stream<Arguments> failurePoints() {
        return Stream.of(
                Arguments.of(Fault.on(Operation.INITIALIZE_FOR_BACKUP).fails(VssError.E_ACCESSDENIED), "INITIALIZE",
                        false),
                Arguments.of(Fault.on(Operation.SET_CONTEXT).fails(VssError.VSS_E_UNSUPPORTED_CONTEXT), "INITIALIZE",
                        false),
                Arguments.of(Fault.on(Operation.GATHER_WRITER_METADATA).fails(VssError.VSS_E_WRITER_INFRASTRUCTURE)
                        .throughQueryStatus(), "GATHER_WRITER_METADATA", false),
                Arguments.of(Fault.on(Operation.START_SNAPSHOT_SET).fails(VssError.VSS_E_BAD_STATE),
                        "START_SNAPSHOT_SET", false),
                Arguments.of(Fault.on(Operation.ADD_TO_SNAPSHOT_SET).fails(VssError.VSS_E_VOLUME_NOT_SUPPORTED),
                        "START_SNAPSHOT_SET", true),
                Arguments.of(Fault.on(Operation.PREPARE_FOR_BACKUP).fails(VssError.VSS_E_UNEXPECTED)
                        .throughQueryStatus(), "PREPARE_FOR_BACKUP", true),
                Arguments.of(Fault.on(Operation.GATHER_WRITER_STATUS).fails(VssError.VSS_E_WRITER_INFRASTRUCTURE)
                        .throughQueryStatus(), "WRITER_STATUS_AFTER_PREPARE", true),
                Arguments.of(Fault.on(Operation.DO_SNAPSHOT_SET).fails(VssError.VSS_E_UNEXPECTED),
                        "DO_SNAPSHOT_SET", true),
                Arguments.of(Fault.on(Operation.DO_SNAPSHOT_SET).fails(VssError.VSS_E_INSUFFICIENT_STORAGE)
                        .throughQueryStatus(), "DO_SNAPSHOT_SET", true),
                Arguments.of(Fault.on(Operation.GATHER_WRITER_STATUS).fails(VssError.VSS_E_WRITER_INFRASTRUCTURE)
                        .throughQueryStatus().onAttempt(2), "WRITER_STATUS_AFTER_SNAPSHOT", true),
                Arguments.of(Fault.on(Operation.GET_SNAPSHOT_PROPERTIES).fails(VssError.VSS_E_OBJECT_NOT_FOUND),
                        "GET_SNAPSHOT_PROPERTIES", true));
    }

    @ParameterizedTest(name = "{1}: {0}")
    @MethodSource("failurePoints")
    void aFailureAbortsWhereRequiredAndNeverCompletes(Fault fault, String phase, boolean aborts) throws Exception {
        Vss vss = vss(Simulation.builder().volume("C:\\").writer(SimulatedWriter.named("Writer")).fault(fault)
                .build());
        RecordingListener listener = new RecordingListener();
        VssException thrown = assertThrows(VssException.class, () -> vss.shadowCopy().volumes("C:\\")
                .retryPlan(RetryPlan.none()).listener(listener).create());
        assertEquals(fault.hresult(), thrown.hresult(), "the raw HRESULT");
        assertEquals(Phase.valueOf(phase), thrown.phase().orElseThrow());
        assertEquals(1, thrown.attempt());
        assertTrue(thrown.getMessage().contains(phase), thrown.getMessage());
        assertEquals(aborts, machine(vss).callLog().contains(Operation.ABORT_BACKUP),
                "AbortBackup in " + machine(vss).callLog());
        assertFalse(machine(vss).callLog().contains(Operation.BACKUP_COMPLETE));
        ProgressEvent.CleanedUp cleaned = listener.events(ProgressEvent.CleanedUp.class).get(0);
        assertEquals(aborts, cleaned.aborted());
        assertEquals(0, machine(vss).liveObjects());
        assertNoCopies(vss);
        assertMachineFree(vss);
    }

    @Test
    void aSuccessCompletesAndNeverAborts() throws Exception {
        Vss vss = vss(Simulation.builder().volume("C:\\").writer(SimulatedWriter.named("Writer")).build());
        vss.shadowCopy().volumes("C:\\").create().close();
        assertTrue(machine(vss).callLog().contains(Operation.BACKUP_COMPLETE));
        assertFalse(machine(vss).callLog().contains(Operation.ABORT_BACKUP));
    }
}
