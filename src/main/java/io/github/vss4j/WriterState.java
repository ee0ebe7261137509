package io.github.vss4j;

/** A writer's state, as {@code VSS_WRITER_STATE} reports it in writer status. */
public enum WriterState {
    // Declared in value order: value() is the ordinal, which of() relies on.
    UNKNOWN,
    STABLE,
    WAITING_FOR_FREEZE,
    WAITING_FOR_THAW,
    WAITING_FOR_POST_SNAPSHOT,
    WAITING_FOR_BACKUP_COMPLETE,
    FAILED_AT_IDENTIFY,
    FAILED_AT_PREPARE_BACKUP,
    FAILED_AT_PREPARE_SNAPSHOT,
    FAILED_AT_FREEZE,
    FAILED_AT_THAW,
    FAILED_AT_POST_SNAPSHOT,
    FAILED_AT_BACKUP_COMPLETE,
    FAILED_AT_PRE_RESTORE,
    FAILED_AT_POST_RESTORE,
    FAILED_AT_BACKUPSHUTDOWN;

    private static final WriterState[] BY_VALUE = values();

    /** The {@code VSS_WRITER_STATE} value. */
    public int value() {
        return ordinal();
    }

    /** Whether the writer failed at some phase ({@code VSS_WS_FAILED_AT_*}). */
    public boolean isFailed() {
        return compareTo(FAILED_AT_IDENTIFY) >= 0;
    }

    /**
     * The state for a {@code VSS_WRITER_STATE} value.
     *
     * @param value the value Windows reported
     * @return its state, or {@link #UNKNOWN} for a value outside 0..15 (never throws: the value comes from Windows)
     */
    public static WriterState of(int value) {
        return value >= 0 && value < BY_VALUE.length ? BY_VALUE[value] : UNKNOWN;
    }
}
