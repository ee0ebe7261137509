package io.github.vss4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.vss4j.simulator.SimulatedMachine;
import io.github.vss4j.simulator.Simulation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;

/** Base of tests against the simulator: after each test, every VSS object the test made is released. */
public abstract class SimulatedVssTest {
    protected static final Duration BOUND = Duration.ofSeconds(10);

    private final List<Vss> machines = new ArrayList<>();
    private final List<AutoCloseable> toClose = new ArrayList<>();

    protected SimulatedVssTest() {
    }

    protected Vss vss(Simulation simulation) {
        Vss vss = Vss.simulator(simulation);
        synchronized (machines) {
            machines.add(vss);
        }
        return vss;
    }

    protected Vss vss(String... volumes) {
        return vss(Simulation.withVolumes(volumes));
    }

    /** A BackupComponents closed after the test (tests close it earlier where that is the point). */
    protected BackupComponents components(Vss vss) throws VssException {
        return closeLater(vss.createBackupComponents());
    }

    protected <T extends AutoCloseable> T closeLater(T closeable) {
        synchronized (toClose) {
            toClose.add(closeable);
        }
        return closeable;
    }

    protected static SimulatedMachine machine(Vss vss) {
        return vss.simulatedMachine().orElseThrow();
    }

    /** InitializeForBackup, SetContext, SetBackupState and (writer contexts) GatherWriterMetadata. */
    protected static void initialize(BackupComponents backup, VssContext context) throws Exception {
        backup.initializeForBackup();
        backup.setContext(context);
        backup.setBackupState(false, false, BackupType.COPY, false);
        if (context.involvesWriters()) {
            try (VssAsync gather = backup.gatherWriterMetadata()) {
                assertTrue(gather.await(BOUND));
            }
        }
    }

    /** Everything up to DoSnapshotSet: returns the snapshot ids in volume order. */
    protected static List<UUID> prepareSet(BackupComponents backup, VssContext context, String... volumes) throws Exception {
        initialize(backup, context);
        backup.startSnapshotSet();
        List<UUID> ids = new ArrayList<>();
        for (String volume : volumes) {
            ids.add(backup.addToSnapshotSet(volume));
        }
        if (context.involvesWriters()) {
            try (VssAsync prepare = backup.prepareForBackup()) {
                assertTrue(prepare.await(BOUND));
            }
        }
        return ids;
    }

    @AfterEach
    void everyVssObjectIsReleased() throws Exception {
        for (AutoCloseable closeable : toClose) {
            closeable.close();
        }
        for (Vss vss : machines) {
            assertEquals(0, machine(vss).liveObjects(), "live VSS objects after the test");
        }
    }
}
