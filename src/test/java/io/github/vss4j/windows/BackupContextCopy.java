package io.github.vss4j.windows;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.vss4j.BackupComponents;
import io.github.vss4j.BackupType;
import io.github.vss4j.SnapshotProperties;
import io.github.vss4j.VssAsync;
import io.github.vss4j.VssContext;
import java.time.Duration;
import java.util.UUID;

/** The real-VSS tests' common step: one auto-release copy of a volume in the BACKUP context, the documented way. */
final class BackupContextCopy {
    static final Duration BOUND = Duration.ofMinutes(5);

    private BackupContextCopy() {
    }

    /** Everything from InitializeForBackup to DoSnapshotSet on {@code backup}; the copy lives until it is released. */
    static SnapshotProperties of(BackupComponents backup, String volume) throws Exception {
        backup.initializeForBackup();
        backup.setContext(VssContext.BACKUP);
        backup.setBackupState(false, false, BackupType.COPY, false);
        await(backup.gatherWriterMetadata());
        backup.startSnapshotSet();
        UUID id = backup.addToSnapshotSet(volume);
        await(backup.prepareForBackup());
        await(backup.doSnapshotSet());
        return backup.getSnapshotProperties(id);
    }

    static void await(VssAsync async) throws Exception {
        try (async) {
            assertTrue(async.await(BOUND), async + " did not end within " + BOUND);
        }
    }
}
