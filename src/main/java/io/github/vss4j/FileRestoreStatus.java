package io.github.vss4j;

/**
 * {@code VSS_FILE_RESTORE_STATUS}: how the files of a component came back, as the requester tells its writer with
 * {@link BackupComponents#setFileRestoreStatus} between PreRestore and PostRestore.
 */
public enum FileRestoreStatus {
    /** {@code VSS_RS_UNDEFINED}: not told, or the restore has not started. */
    UNDEFINED(0),
    /** {@code VSS_RS_NONE}: no file was restored; the files on disk are as they were. */
    NONE(1),
    /** {@code VSS_RS_ALL}: every file was restored. */
    ALL(2),
    /** {@code VSS_RS_FAILED}: some files were restored and some not; the component on disk is damaged. */
    FAILED(3);

    private final int value;

    FileRestoreStatus(int value) {
        this.value = value;
    }

    /** The {@code VSS_FILE_RESTORE_STATUS} value. */
    public int value() {
        return value;
    }

    /** The status of a {@code VSS_FILE_RESTORE_STATUS} value; an unknown value is {@link #UNDEFINED}. */
    public static FileRestoreStatus of(int value) {
        for (FileRestoreStatus status : values()) {
            if (status.value == value) {
                return status;
            }
        }
        return UNDEFINED;
    }
}
