package io.github.vss4j.simulator;

import io.github.vss4j.BackupType;
import io.github.vss4j.VssError;
import java.util.Objects;
import java.util.UUID;

/**
 * What a simulated writer was told about one of its components, and what it recorded: the requester's
 * SetBackupSucceeded (the latest call), the backup type of SetBackupState, the options and previous backup stamp
 * the requester set, the stamp the writer gave this backup, and a failure it reported for this component alone.
 *
 * @param instanceId          the writer instance
 * @param writerId            the writer class
 * @param writerName          the writer's name
 * @param logicalPath         the component's logical path, or empty
 * @param componentName       the component's name
 * @param succeeded           whether the requester said its backup succeeded
 * @param backupType          the backup type the requester set ({@link BackupType#UNDEFINED} if unknown)
 * @param backupStamp         the stamp the writer recorded for this backup, or empty (none: the component failed
 *                            before the copies existed)
 * @param previousBackupStamp the stamp the requester passed with SetPreviousBackupStamp, or empty
 * @param backupOptions       the options the requester passed with SetBackupOptions, or empty
 * @param failure             the HRESULT the writer reported for this component
 *                            ({@link SimulatedComponent#failingAt(WriterPhase, VssError)}), 0 for none
 */
public record ComponentOutcome(UUID instanceId, UUID writerId, String writerName, String logicalPath,
        String componentName, boolean succeeded, BackupType backupType, String backupStamp,
        String previousBackupStamp, String backupOptions, int failure) {

    /** Checks that nothing is missing; missing text becomes empty text. */
    public ComponentOutcome {
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(writerId, "writerId");
        Objects.requireNonNull(writerName, "writerName");
        logicalPath = Objects.requireNonNullElse(logicalPath, "");
        Objects.requireNonNull(componentName, "componentName");
        backupType = Objects.requireNonNullElse(backupType, BackupType.UNDEFINED);
        backupStamp = Objects.requireNonNullElse(backupStamp, "");
        previousBackupStamp = Objects.requireNonNullElse(previousBackupStamp, "");
        backupOptions = Objects.requireNonNullElse(backupOptions, "");
    }

    /** The outcome of SetBackupSucceeded alone: no backup type, stamps, options or failure known. */
    public ComponentOutcome(UUID instanceId, UUID writerId, String writerName, String logicalPath,
            String componentName, boolean succeeded) {
        this(instanceId, writerId, writerName, logicalPath, componentName, succeeded, BackupType.UNDEFINED, "", "",
                "", 0);
    }

    /** Whether the writer reported a failure for this component. */
    public boolean failed() {
        return failure != 0;
    }
}
