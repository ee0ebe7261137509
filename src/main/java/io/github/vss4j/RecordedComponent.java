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
 */
public record RecordedComponent(UUID instanceId, UUID writerId, ComponentType type, String logicalPath,
        String componentName, boolean backupSucceeded, String backupStamp, String previousBackupStamp,
        String backupOptions, int failure) {

    /** Checks the ids and type; turns missing text into empty text. */
    public RecordedComponent {
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(writerId, "writerId");
        Objects.requireNonNull(type, "type");
        logicalPath = Objects.requireNonNullElse(logicalPath, "");
        componentName = Objects.requireNonNullElse(componentName, "");
        backupStamp = Objects.requireNonNullElse(backupStamp, "");
        previousBackupStamp = Objects.requireNonNullElse(previousBackupStamp, "");
        backupOptions = Objects.requireNonNullElse(backupOptions, "");
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
