package io.github.vss4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.vss4j.simulator.SimulatedMachine;
import io.github.vss4j.simulator.Simulation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;

/**
 * The one fixture of tests against the simulator, the API's and the test kit's alike: the steps of the documented
 * sequence through the public API, as a backup vendor would write them, and after each test the check that every
 * VSS object the test made is released.
 */
public abstract class SimulatedVssTest {
    protected static final Duration BOUND = Duration.ofSeconds(10);
    protected static final String C = "C:\\";
    protected static final String D = "D:\\";

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

    /** A BackupComponents closed after the test, with everything up to DoSnapshotSet done for {@code volumes}. */
    protected BackupComponents prepared(Vss vss, VssContext context, String... volumes) throws Exception {
        BackupComponents backup = components(vss);
        prepareSet(backup, context, volumes);
        return backup;
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

    /** Waits for {@code async} to finish successfully within {@link #BOUND}, then closes it. */
    protected static void await(VssAsync async) throws Exception {
        try (async) {
            assertTrue(async.await(BOUND), async + " still running after " + BOUND);
        }
    }

    /** The status {@code async}'s callback receives. */
    protected static CompletableFuture<AsyncStatus> callbackOf(VssAsync async) {
        CompletableFuture<AsyncStatus> callback = new CompletableFuture<>();
        async.onComplete(callback::complete);
        return callback;
    }

    /** InitializeForBackup, SetContext, SetBackupState and (writer contexts) GatherWriterMetadata. */
    protected static void initialize(BackupComponents backup, VssContext context) throws Exception {
        backup.initializeForBackup();
        backup.setContext(context);
        backup.setBackupState(false, false, BackupType.COPY, false);
        if (context.involvesWriters()) {
            await(backup.gatherWriterMetadata());
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
            await(backup.prepareForBackup());
        }
        return ids;
    }

    /** A whole successful set in {@code context}: the snapshot ids in volume order. */
    protected static List<UUID> snapshot(BackupComponents backup, VssContext context, String... volumes)
            throws Exception {
        List<UUID> ids = prepareSet(backup, context, volumes);
        await(backup.doSnapshotSet());
        return ids;
    }

    /** A call through the API that may throw. */
    @FunctionalInterface
    protected interface Call {
        void run() throws Exception;
    }

    /** Runs {@code call}, which must fail with {@code error} in {@code operation}; returns what it threw. */
    protected static VssException assertError(VssError error, Operation operation, Call call) {
        VssException thrown = assertThrows(VssException.class, call::run);
        assertEquals(error, thrown.error(), thrown.getMessage());
        assertEquals(operation, thrown.operation());
        return thrown;
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
