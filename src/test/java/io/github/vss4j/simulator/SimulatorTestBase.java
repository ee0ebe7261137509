package io.github.vss4j.simulator;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.vss4j.BackupComponents;
import io.github.vss4j.BackupType;
import io.github.vss4j.SimulatedVssTest;
import io.github.vss4j.VssAsync;
import io.github.vss4j.VssContext;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Base of the test kit's tests, which use only the public API, as a backup vendor would; the release check after
 * each test comes from {@link SimulatedVssTest}.
 */
abstract class SimulatorTestBase extends SimulatedVssTest {
    static final String C = "C:\\";
    static final String D = "D:\\";

    static void await(VssAsync async) throws Exception {
        try (async) {
            assertTrue(async.await(BOUND), async + " still running after " + BOUND);
        }
    }

    /** InitializeForBackup, SetContext, SetBackupState and, in writer contexts, GatherWriterMetadata. */
    protected static void initialize(BackupComponents backup, VssContext context) throws Exception {
        backup.initializeForBackup();
        backup.setContext(context);
        backup.setBackupState(false, false, BackupType.FULL, false);
        if (context.involvesWriters()) {
            await(backup.gatherWriterMetadata());
        }
    }

    /** Everything up to DoSnapshotSet; the snapshot ids in volume order. */
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

    /** A whole successful set in {@code context}; the snapshot ids in volume order. */
    static List<UUID> snapshot(BackupComponents backup, VssContext context, String... volumes) throws Exception {
        List<UUID> ids = prepareSet(backup, context, volumes);
        await(backup.doSnapshotSet());
        return ids;
    }
}
