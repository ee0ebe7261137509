package io.github.vss4j.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.vss4j.BackupComponents;
import io.github.vss4j.BackupType;
import io.github.vss4j.Vss;
import io.github.vss4j.VssAsync;
import io.github.vss4j.VssContext;
import io.github.vss4j.VssException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;

/**
 * Base of the test kit's tests, which use only the public API, as a backup vendor would: after each test every
 * VSS object is released on every machine the test started.
 */
abstract class SimulatorTestBase {
    static final Duration BOUND = Duration.ofSeconds(10);
    static final String C = "C:\\";
    static final String D = "D:\\";

    private final List<Vss> machines = new ArrayList<>();
    private final List<AutoCloseable> toClose = new ArrayList<>();

    Vss vss(Simulation simulation) {
        Vss vss = Vss.simulator(simulation);
        synchronized (machines) {
            machines.add(vss);
        }
        return vss;
    }

    BackupComponents components(Vss vss) throws VssException {
        BackupComponents components = vss.createBackupComponents();
        synchronized (toClose) {
            toClose.add(components);
        }
        return components;
    }

    static SimulatedMachine machine(Vss vss) {
        return vss.simulatedMachine().orElseThrow();
    }

    static void await(VssAsync async) throws Exception {
        try (async) {
            assertTrue(async.await(BOUND), async + " still running after " + BOUND);
        }
    }

    /** InitializeForBackup, SetContext, SetBackupState and, in writer contexts, GatherWriterMetadata. */
    static void initialize(BackupComponents backup, VssContext context) throws Exception {
        backup.initializeForBackup();
        backup.setContext(context);
        backup.setBackupState(false, false, BackupType.FULL, false);
        if (context.involvesWriters()) {
            await(backup.gatherWriterMetadata());
        }
    }

    /** Everything up to DoSnapshotSet; the snapshot ids in volume order. */
    static List<UUID> prepareSet(BackupComponents backup, VssContext context, String... volumes) throws Exception {
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

    /** A whole successful set in {@code context}; the snapshot ids in volume order. */
    static List<UUID> snapshot(BackupComponents backup, VssContext context, String... volumes) throws Exception {
        List<UUID> ids = prepareSet(backup, context, volumes);
        await(backup.doSnapshotSet());
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
