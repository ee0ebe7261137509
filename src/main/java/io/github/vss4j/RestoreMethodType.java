package io.github.vss4j;

/**
 * How a writer wants its files put back ({@code VSS_RESTOREMETHOD_ENUM}, from {@code GetRestoreMethod}). What the
 * product must do for each is in docs/using-the-api.md, section "Restore".
 */
public enum RestoreMethodType {
    /** The writer declared no method: restore the files over the originals. */
    UNDEFINED(0),
    /** Restore a file only where none exists at its place. */
    RESTORE_IF_NOT_THERE(1),
    /** Restore over the original files where they can be replaced. */
    RESTORE_IF_CAN_REPLACE(2),
    /** Stop the writer's service, restore, then start it again. */
    STOP_RESTORE_START(3),
    /** Restore to the alternate locations the writer declared. */
    RESTORE_TO_ALTERNATE_LOCATION(4),
    /** Put the files in place at the next reboot (MoveFileEx with MOVEFILE_DELAY_UNTIL_REBOOT). */
    RESTORE_AT_REBOOT(5),
    /** Replace where possible, else at the next reboot. */
    RESTORE_AT_REBOOT_IF_CANNOT_REPLACE(6),
    /** The writer's own procedure ({@link RestoreInstructions#userProcedure()}); VSS does not describe it. */
    CUSTOM(7),
    /** Restore, then stop and start the writer's service. */
    RESTORE_STOP_START(8);

    private final int value;

    RestoreMethodType(int value) {
        this.value = value;
    }

    /** The {@code VSS_RESTOREMETHOD_ENUM} value. */
    public int value() {
        return value;
    }

    /** The constant for a {@code VSS_RESTOREMETHOD_ENUM} value; {@link #UNDEFINED} for one not known. */
    public static RestoreMethodType of(int value) {
        for (RestoreMethodType type : values()) {
            if (type.value == value) {
                return type;
            }
        }
        return UNDEFINED;
    }

    /** Whether the writer's service must be stopped around the copy ({@link #STOP_RESTORE_START}, {@link #RESTORE_STOP_START}). */
    public boolean stopsService() {
        return this == STOP_RESTORE_START || this == RESTORE_STOP_START;
    }

    /** Whether files may have to be put in place at the next reboot. */
    public boolean atReboot() {
        return this == RESTORE_AT_REBOOT || this == RESTORE_AT_REBOOT_IF_CANNOT_REPLACE;
    }
}
