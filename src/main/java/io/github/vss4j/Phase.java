package io.github.vss4j;

/**
 * The steps of a {@link ShadowCopyRequest}, in the order it runs them, then those of a {@link RestoreRequest}
 * (which also runs {@link #GATHER_WRITER_METADATA}). Writer phases are skipped in contexts without writers
 * ({@link VssContext#involvesWriters()}).
 */
public enum Phase {
    /** CreateVssBackupComponents, InitializeForBackup, SetContext and (with writers) SetBackupState. */
    INITIALIZE(null),
    /** GatherWriterMetadata. */
    GATHER_WRITER_METADATA(Operation.GATHER_WRITER_METADATA),
    /**
     * Component mode only ({@link ShadowCopyRequest#component}): GetWriterMetadata, the request's components found
     * in it with their dependencies, the backup type checked against each writer's backup schema, AddComponent for
     * each.
     */
    SELECT_COMPONENTS(null),
    /** StartSnapshotSet and AddToSnapshotSet for every volume. */
    START_SNAPSHOT_SET(null),
    /** PrepareForBackup. */
    PREPARE_FOR_BACKUP(Operation.PREPARE_FOR_BACKUP),
    /** GatherWriterStatus and GetWriterStatus after PrepareForBackup, checked against the writer policy. */
    WRITER_STATUS_AFTER_PREPARE(Operation.GATHER_WRITER_STATUS),
    /** DoSnapshotSet. */
    DO_SNAPSHOT_SET(Operation.DO_SNAPSHOT_SET),
    /** GatherWriterStatus and GetWriterStatus after DoSnapshotSet, checked against the writer policy. */
    WRITER_STATUS_AFTER_SNAPSHOT(Operation.GATHER_WRITER_STATUS),
    /** GetSnapshotProperties for every shadow copy; in component mode SaveAsXML too (the document so far). */
    GET_SNAPSHOT_PROPERTIES(null),
    /**
     * Component mode only: SetBackupSucceeded for every component, then SaveAsXML, run by
     * {@link ShadowCopySet#close()} before BackupComplete.
     */
    SET_BACKUP_SUCCEEDED(null),
    /** BackupComplete, run by {@link ShadowCopySet#close()}. */
    BACKUP_COMPLETE(Operation.BACKUP_COMPLETE),
    /** Restore: CreateVssBackupComponents and InitializeForRestore with the Backup Components Document. */
    INITIALIZE_FOR_RESTORE(null),
    /**
     * Restore: GetWriterMetadata and GetWriterComponents, the request's components found in the document and the
     * writers' metadata, SetSelectedForRestore (and the options, additional restores, alternate location mappings
     * and new targets asked for) for each, SetRestoreState.
     */
    SELECT_FOR_RESTORE(null),
    /** Restore: PreRestore. */
    PRE_RESTORE(Operation.PRE_RESTORE),
    /**
     * Restore: GatherWriterStatus and GetWriterStatus after PreRestore, checked against the writer policy, and
     * GetWriterComponents for the targets the writers chose.
     */
    WRITER_STATUS_AFTER_PRE_RESTORE(Operation.GATHER_WRITER_STATUS),
    /** Restore: SetFileRestoreStatus for every component, run by {@link PreparedRestore#finish()}. */
    SET_FILE_RESTORE_STATUS(null),
    /** Restore: PostRestore, run by {@link PreparedRestore#finish()}. */
    POST_RESTORE(Operation.POST_RESTORE),
    /**
     * Restore: GatherWriterStatus, GetWriterStatus and GetWriterComponents after PostRestore (the writers' status
     * and failure messages).
     */
    WRITER_STATUS_AFTER_POST_RESTORE(Operation.GATHER_WRITER_STATUS);

    private final Operation asyncOperation;

    Phase(Operation asyncOperation) {
        this.asyncOperation = asyncOperation;
    }

    /** Whether the phase waits for an asynchronous VSS operation, so that a timeout for it applies. */
    public boolean isAsynchronous() {
        return asyncOperation != null;
    }

    /** Whether the phase exists only when writers take part. */
    public boolean involvesWriters() {
        // Restore phases always involve writers: a restore has no context without them.
        return this != INITIALIZE && this != START_SNAPSHOT_SET && this != DO_SNAPSHOT_SET
                && this != GET_SNAPSHOT_PROPERTIES;
    }

    /** Whether the phase belongs to a {@link RestoreRequest} ({@link #GATHER_WRITER_METADATA} belongs to both). */
    public boolean isRestorePhase() {
        return this == GATHER_WRITER_METADATA || ordinal() >= INITIALIZE_FOR_RESTORE.ordinal();
    }
}
