package io.github.vss4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.vss4j.simulator.Fault;
import io.github.vss4j.simulator.Simulation;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every documented result of DoSnapshotSet, returned at once and through QueryStatus, seen through every path. */
class DoSnapshotSetOutcomesTest extends SimulatedVssTest {

    /** DoSnapshotSet's documented errors (VSS-BEHAVIOUR.md). */
    static final Set<VssError> DOCUMENTED = EnumSet.of(VssError.E_ACCESSDENIED, VssError.E_INVALIDARG,
            VssError.E_OUTOFMEMORY, VssError.VSS_E_BAD_STATE, VssError.VSS_E_INSUFFICIENT_STORAGE,
            VssError.VSS_E_FLUSH_WRITES_TIMEOUT, VssError.VSS_E_HOLD_WRITES_TIMEOUT,
            VssError.VSS_E_NESTED_VOLUME_LIMIT, VssError.VSS_E_PROVIDER_VETO, VssError.VSS_E_REBOOT_REQUIRED,
            VssError.VSS_E_TRANSACTION_FREEZE_TIMEOUT, VssError.VSS_E_TRANSACTION_THAW_TIMEOUT,
            VssError.VSS_E_UNEXPECTED, VssError.E_UNEXPECTED, VssError.VSS_E_UNEXPECTED_PROVIDER_ERROR);

    /** Documented to arrive through QueryStatus only. */
    static final Set<VssError> QUERY_STATUS_ONLY = EnumSet.of(VssError.VSS_E_INSUFFICIENT_STORAGE,
            VssError.VSS_E_PROVIDER_VETO, VssError.VSS_E_UNEXPECTED_PROVIDER_ERROR);

    static Stream<VssError> immediate() {
        return DOCUMENTED.stream().filter(e -> !QUERY_STATUS_ONLY.contains(e));
    }

    static Stream<VssError> throughQueryStatus() {
        return DOCUMENTED.stream();
    }

    @ParameterizedTest
    @MethodSource("immediate")
    void anImmediateFailureIsThrownByDoSnapshotSet(VssError error) throws Exception {
        Vss vss = vss(Simulation.builder().volume("C:\\")
                .fault(Fault.on(Operation.DO_SNAPSHOT_SET).fails(error)).build());
        BackupComponents backup = prepared(vss, VssContext.BACKUP, "C:\\");
        VssException thrown = assertThrows(VssException.class, backup::doSnapshotSet);
        assertEquals(error, thrown.error());
        assertEquals(error.hresult(), thrown.hresult());
        assertEquals(Operation.DO_SNAPSHOT_SET, thrown.operation());
        assertTrue(thrown.getMessage().contains(error.name()), thrown.getMessage());
    }

    @ParameterizedTest
    @MethodSource("throughQueryStatus")
    void aFailureThroughQueryStatusReachesAwaitTheFutureAndTheCallback(VssError error) throws Exception {
        Vss vss = vss(Simulation.builder().volume("C:\\")
                .fault(Fault.on(Operation.DO_SNAPSHOT_SET).fails(error).throughQueryStatus()).build());
        BackupComponents backup = prepared(vss, VssContext.BACKUP, "C:\\");
        try (VssAsync snapshot = backup.doSnapshotSet()) {
            CompletableFuture<AsyncStatus> callback = callbackOf(snapshot);
            CompletableFuture<Void> future = snapshot.toCompletableFuture();

            VssException awaited = assertThrows(VssException.class, () -> snapshot.await(BOUND));
            assertEquals(error, awaited.error());
            assertEquals(Operation.DO_SNAPSHOT_SET, awaited.operation());

            ExecutionException failed = assertThrows(ExecutionException.class,
                    () -> future.get(BOUND.toSeconds(), TimeUnit.SECONDS));
            assertEquals(error, assertInstanceOf(VssException.class, failed.getCause()).error());

            AsyncStatus status = callback.get(BOUND.toSeconds(), TimeUnit.SECONDS);
            assertEquals(AsyncStatus.State.FAILED, status.state());
            assertEquals(error, status.error());
            assertEquals(error.hresult(), status.hresult());

            AsyncStatus queried = snapshot.queryStatus();
            assertEquals(AsyncStatus.State.FAILED, queried.state());
            assertEquals(error, queried.error());
        }
        // VSS requires AbortBackup after a failed DoSnapshotSet.
        backup.abortBackup();
    }

    @Test
    void successReachesAwaitTheFutureAndTheCallbackAsFinished() throws Exception {
        Vss vss = vss("C:\\");
        BackupComponents backup = prepared(vss, VssContext.BACKUP, "C:\\");
        try (VssAsync snapshot = backup.doSnapshotSet()) {
            CompletableFuture<AsyncStatus> callback = callbackOf(snapshot);
            assertNull(snapshot.toCompletableFuture().get(BOUND.toSeconds(), TimeUnit.SECONDS));
            snapshot.await();
            AsyncStatus status = callback.get(BOUND.toSeconds(), TimeUnit.SECONDS);
            assertEquals(AsyncStatus.State.FINISHED, status.state());
            assertEquals(VssError.VSS_S_ASYNC_FINISHED, status.error());
        }
    }

    @Test
    void bothUnexpectedCodesReadAsUnexpected() throws Exception {
        for (VssError error : new VssError[] {VssError.VSS_E_UNEXPECTED, VssError.E_UNEXPECTED}) {
            Vss vss = vss(Simulation.builder().volume("C:\\")
                    .fault(Fault.on(Operation.DO_SNAPSHOT_SET).fails(error).throughQueryStatus()).build());
            try (BackupComponents backup = vss.createBackupComponents()) {
                prepareSet(backup, VssContext.BACKUP, "C:\\");
                try (VssAsync snapshot = backup.doSnapshotSet()) {
                    VssException thrown = assertThrows(VssException.class, snapshot::await);
                    assertTrue(thrown.error().isUnexpected(), error.name());
                }
            }
        }
    }

    @Test
    void aFaultOnTheSecondAttemptLeavesTheFirstAlone() throws Exception {
        Vss vss = vss(Simulation.builder().volume("C:\\")
                .fault(Fault.on(Operation.DO_SNAPSHOT_SET).fails(VssError.VSS_E_FLUSH_WRITES_TIMEOUT)
                        .throughQueryStatus().onAttempt(2))
                .build());
        try (BackupComponents first = vss.createBackupComponents()) {
            prepareSet(first, VssContext.BACKUP, "C:\\");
            try (VssAsync snapshot = first.doSnapshotSet()) {
                snapshot.await();
            }
        }
        try (BackupComponents second = vss.createBackupComponents()) {
            prepareSet(second, VssContext.BACKUP, "C:\\");
            try (VssAsync snapshot = second.doSnapshotSet()) {
                VssException thrown = assertThrows(VssException.class, snapshot::await);
                assertEquals(VssError.VSS_E_FLUSH_WRITES_TIMEOUT, thrown.error());
                assertTrue(thrown.isTransient());
            }
            second.abortBackup();
        }
    }
}
