package io.github.vss4j;

/** The kind of backup, as {@code VSS_BACKUP_TYPE} tells writers in SetBackupState. */
public enum BackupType {
    UNDEFINED(0),
    FULL(1),
    INCREMENTAL(2),
    DIFFERENTIAL(3),
    LOG(4),
    COPY(5),
    OTHER(6);

    private final int value;

    BackupType(int value) {
        this.value = value;
    }

    /** The {@code VSS_BACKUP_TYPE} value. */
    public int value() {
        return value;
    }

    /**
     * The backup type for a {@code VSS_BACKUP_TYPE} value.
     *
     * @param value the value
     * @return its backup type
     * @throws IllegalArgumentException if the value is not a backup type
     */
    public static BackupType of(int value) {
        for (BackupType type : values()) {
            if (type.value == value) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown VSS backup type " + value + "; known: 0 (UNDEFINED) to 6 (OTHER)");
    }
}
