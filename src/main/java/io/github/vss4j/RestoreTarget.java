package io.github.vss4j;

/**
 * {@code VSS_RESTORE_TARGET}: where a writer wants a component's files put back, as it decides at PreRestore
 * ({@code IVssComponent::SetRestoreTarget}) and the requester reads in {@link RecordedComponent#restoreTarget()}.
 */
public enum RestoreTarget {
    /** {@code VSS_RT_UNDEFINED}: the writer said nothing (before PreRestore, or a writer that does not set it). */
    UNDEFINED(0),
    /** {@code VSS_RT_ORIGINAL}: to the files' original location, the default. */
    ORIGINAL(1),
    /** {@code VSS_RT_ALTERNATE}: to the writer's alternate location mappings. */
    ALTERNATE(2),
    /** {@code VSS_RT_DIRECTED}: a directed restore: the writer names the parts of files to restore. */
    DIRECTED(3),
    /** {@code VSS_RT_ORIGINAL_LOCATION}: to the original location (Microsoft's {@code VSS_RESTORE_TARGET}). */
    ORIGINAL_LOCATION(4);

    private final int value;

    RestoreTarget(int value) {
        this.value = value;
    }

    /** The {@code VSS_RESTORE_TARGET} value. */
    public int value() {
        return value;
    }

    /** The target of a {@code VSS_RESTORE_TARGET} value; an unknown value is {@link #UNDEFINED}. */
    public static RestoreTarget of(int value) {
        for (RestoreTarget target : values()) {
            if (target.value == value) {
                return target;
            }
        }
        return UNDEFINED;
    }
}
