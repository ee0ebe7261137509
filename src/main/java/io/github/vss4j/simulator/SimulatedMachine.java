package io.github.vss4j.simulator;

import io.github.vss4j.Operation;
import io.github.vss4j.SnapshotProperties;
import java.util.List;

/** A running simulated machine, for tests to look into. */
public interface SimulatedMachine {
    /** VSS objects alive now ({@code IVssBackupComponents} and {@code IVssAsync}); zero once all are released. */
    long liveObjects();

    /** Every call made on the machine's objects so far, in order. */
    List<Operation> callLog();

    /** The shadow copies that exist on the machine now. */
    List<SnapshotProperties> existingSnapshots();
}
