package io.github.vss4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.TimeUnit;

/** Helpers for the high-level request's tests; the base class checks that no VSS object outlives a test. */
abstract class ShadowCopyTestBase extends SimulatedVssTest {

    static long count(Vss vss, Operation operation) {
        return machine(vss).callLog().stream().filter(operation::equals).count();
    }

    /** The machine-wide snapshot set is free: a new object can start one. */
    void assertMachineFree(Vss vss) throws Exception {
        try (BackupComponents backup = holdingTheSet(vss)) {
            backup.abortBackup();
        }
    }

    /** Another requester's object (closed after the test) that has started the machine's one snapshot set. */
    BackupComponents holdingTheSet(Vss vss) throws VssException {
        BackupComponents other = components(vss);
        other.initializeForBackup();
        other.setContext(VssContext.FILE_SHARE_BACKUP);
        other.startSnapshotSet();
        return other;
    }

    static ProgressEvent.Finished awaitEnd(RecordingListener listener) throws Exception {
        return listener.finished().get(BOUND.toSeconds(), TimeUnit.SECONDS);
    }

    static void assertNoCopies(Vss vss) {
        assertEquals(List.of(), machine(vss).existingSnapshots(), "shadow copies left on the machine");
    }
}
