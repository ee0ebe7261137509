package io.github.vss4j.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.vss4j.BackupType;
import io.github.vss4j.FileRestoreStatus;
import io.github.vss4j.Phase;
import io.github.vss4j.PreparedRestore;
import io.github.vss4j.RestoreComponent;
import io.github.vss4j.RestoreResult;
import io.github.vss4j.RestoredComponent;
import io.github.vss4j.ShadowCopySet;
import io.github.vss4j.Vss;
import io.github.vss4j.WriterStatus;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * The one-call restore against a real Windows machine, without copying anything back (a real restore of system
 * files on a runner is not wanted): a component-mode backup of the Registry Writer (else the System Writer) through
 * {@code ShadowCopyRequest}, its document restored through {@code RestoreRequest} up to PreRestore, every component
 * reported not restored (NONE), PostRestore, the writers' status read. Runs only on Windows, elevated, through the
 * workflow (profile real-vss).
 */
@DisabledIfSystemProperty(named = "vss4j.expectAccessDenied", matches = "true",
        disabledReason = "a restricted token cannot gather writer metadata")
class RealRestoreIT {
    private static final Duration BOUND = Duration.ofMinutes(5);
    private static final List<String> WRITERS = List.of("Registry Writer", "System Writer");

    @Test
    void aComponentBackupIsRestoredUpToPostRestoreWithoutCopying() throws Exception {
        Vss vss = Vss.system();
        String document = backUp(vss);
        RestoreResult result;
        try (PreparedRestore restore = vss.restore(document).timeout(Phase.PRE_RESTORE, BOUND)
                .timeout(Phase.POST_RESTORE, BOUND).prepare()) {
            assertFalse(restore.components().isEmpty());
            for (RestoreComponent c : restore.components()) {
                System.out.println("restore: " + c + " target " + c.restoreTarget() + ", " + c.instructions()
                        + ", " + c.files().size() + " file set(s)");
                restore.componentNotRestored(c);
            }
            result = restore.finish();
        }
        for (RestoredComponent r : result.components()) {
            System.out.println("restored: " + r);
            assertEquals(FileRestoreStatus.NONE, r.status());
            assertTrue(r.told(), "SetFileRestoreStatus accepted for " + r.component());
        }
        for (WriterStatus writer : result.writerStatus()) {
            System.out.println("writer after PostRestore: " + writer);
        }
        assertTrue(result.writerStatus().stream().filter(w -> WRITERS.contains(w.writerName()))
                .noneMatch(WriterStatus::isFailed), result.writerStatus().toString());
    }

    /** A FULL component-mode backup of the first writer of {@link #WRITERS} that takes one; its final document. */
    private static String backUp(Vss vss) throws Exception {
        IllegalArgumentException refused = null;
        for (String writer : WRITERS) {
            ShadowCopySet set;
            try {
                set = vss.shadowCopy().everyComponentOf(writer).backupType(BackupType.FULL).create();
            } catch (IllegalArgumentException cannot) {
                System.out.println("component backup of " + writer + " refused: " + cannot.getMessage());
                refused = cannot;
                continue;
            }
            try {
                set.allComponentsSucceeded();
            } finally {
                set.close();
            }
            System.out.println("backed up " + set.components());
            return set.backupComponentsDocument().orElseThrow();
        }
        throw new AssertionError("no writer of " + WRITERS + " could be backed up in component mode", refused);
    }
}
