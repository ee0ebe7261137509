package io.github.vss4j;

import java.util.Objects;
import java.util.UUID;

/**
 * One component as its writer recorded it in the Backup Components Document ({@code GetWriterComponents}:
 * {@code IVssWriterComponentsExt} and {@code IVssComponent}), what a restore and the next incremental or
 * differential backup need.
 *
 * @param instanceId          the writer instance
 * @param writerId            the writer class
 * @param type                the component's type
 * @param logicalPath         its logical path, or empty
 * @param componentName       its name
 * @param backupSucceeded     what SetBackupSucceeded recorded (false until then)
 * @param backupStamp         the stamp the writer recorded for this backup, or empty (keep it: the next
 *                            incremental or differential backup passes it to
 *                            {@link BackupComponents#setPreviousBackupStamp})
 * @param previousBackupStamp the stamp SetPreviousBackupStamp set, or empty
 * @param backupOptions       the options SetBackupOptions set, or empty
 * @param failure             the error the writer reported for this component alone
 *                            ({@code IVssComponentEx2::GetFailure}'s writer error), 0 for none; always 0 before
 *                            Windows 7 and Windows Server 2008 R2, whose components lack that interface
 * @param selectedForRestore  in a restore, whether the requester selected it (IsSelectedForRestore)
 * @param additionalRestores  in a restore, whether more restores of it follow (GetAdditionalRestores)
 * @param restoreOptions      in a restore, the options SetRestoreOptions set, or empty
 * @param restoreTarget       in a restore, where its writer wants the files put back, decided at PreRestore
 *                            (GetRestoreTarget); {@link RestoreTarget#UNDEFINED} before
 * @param fileRestoreStatus   in a restore, what SetFileRestoreStatus reported (GetFileRestoreStatus)
 * @param preRestoreFailureMessage  the writer's message when PreRestore failed for it, or empty
 * @param postRestoreFailureMessage the writer's message when PostRestore failed for it, or empty
 */
public record RecordedComponent(UUID instanceId, UUID writerId, ComponentType type, String logicalPath,
        String componentName, boolean backupSucceeded, String backupStamp, String previousBackupStamp,
        String backupOptions, int failure, boolean selectedForRestore, boolean additionalRestores,
        String restoreOptions, RestoreTarget restoreTarget, FileRestoreStatus fileRestoreStatus,
        String preRestoreFailureMessage, String postRestoreFailureMessage) {

    /** Checks the ids and type; turns missing text into empty text and a missing target or status into UNDEFINED. */
    public RecordedComponent {
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(writerId, "writerId");
        Objects.requireNonNull(type, "type");
        logicalPath = Objects.requireNonNullElse(logicalPath, "");
        componentName = Objects.requireNonNullElse(componentName, "");
        backupStamp = Objects.requireNonNullElse(backupStamp, "");
        previousBackupStamp = Objects.requireNonNullElse(previousBackupStamp, "");
        backupOptions = Objects.requireNonNullElse(backupOptions, "");
        restoreOptions = Objects.requireNonNullElse(restoreOptions, "");
        restoreTarget = Objects.requireNonNullElse(restoreTarget, RestoreTarget.UNDEFINED);
        fileRestoreStatus = Objects.requireNonNullElse(fileRestoreStatus, FileRestoreStatus.UNDEFINED);
        preRestoreFailureMessage = Objects.requireNonNullElse(preRestoreFailureMessage, "");
        postRestoreFailureMessage = Objects.requireNonNullElse(postRestoreFailureMessage, "");
    }

    /** A component as a backup recorded it: nothing of a restore yet. */
    public RecordedComponent(UUID instanceId, UUID writerId, ComponentType type, String logicalPath,
            String componentName, boolean backupSucceeded, String backupStamp, String previousBackupStamp,
            String backupOptions, int failure) {
        this(instanceId, writerId, type, logicalPath, componentName, backupSucceeded, backupStamp,
                previousBackupStamp, backupOptions, failure, false, false, "", RestoreTarget.UNDEFINED,
                FileRestoreStatus.UNDEFINED, "", "");
    }

    /** A component whose writer reported no failure for it. */
    public RecordedComponent(UUID instanceId, UUID writerId, ComponentType type, String logicalPath,
            String componentName, boolean backupSucceeded, String backupStamp, String previousBackupStamp,
            String backupOptions) {
        this(instanceId, writerId, type, logicalPath, componentName, backupSucceeded, backupStamp,
                previousBackupStamp, backupOptions, 0);
    }

    /** Whether the writer reported a failure for this component. */
    public boolean failed() {
        return failure != 0;
    }

    /** {@link #failure()} as a known constant ({@link VssError#UNKNOWN} for none or one not in the table). */
    public VssError failureError() {
        return VssError.of(failure);
    }
}
