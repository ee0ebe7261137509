package io.github.vss4j;

/**
 * {@code VSS_RESTORE_TYPE}: the kind of restore, as {@link BackupComponents#setRestoreState} tells writers. Most
 * restores leave it {@link #UNDEFINED}, which writers treat as {@link #BY_COPY}.
 */
public enum RestoreType {
    /** {@code VSS_RTYPE_UNDEFINED}: the default; writers read it as {@link #BY_COPY}. */
    UNDEFINED(0),
    /** {@code VSS_RTYPE_BY_COPY}: the files are copied back from the backup. */
    BY_COPY(1),
    /** {@code VSS_RTYPE_IMPORT}: the files are imported (a transportable shadow copy), not copied. */
    IMPORT(2),
    /** {@code VSS_RTYPE_OTHER}: any other kind of restore. */
    OTHER(3);

    private final int value;

    RestoreType(int value) {
        this.value = value;
    }

    /** The {@code VSS_RESTORE_TYPE} value. */
    public int value() {
        return value;
    }

    /**
     * The restore type for a {@code VSS_RESTORE_TYPE} value.
     *
     * @param value the value
     * @return its restore type
     * @throws IllegalArgumentException if the value is not a restore type
     */
    public static RestoreType of(int value) {
        for (RestoreType type : values()) {
            if (type.value == value) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown VSS restore type " + value + "; known: 0 (UNDEFINED) to 3 (OTHER)");
    }
}
