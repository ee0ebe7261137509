package io.github.vss4j;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The context of a shadow copy ({@code VSS_SNAPSHOT_CONTEXT}): whether writers take part, whether the copy
 * outlives the object that made it, and who may see it.
 *
 * <p>In a context without writers ({@link #involvesWriters()} false) the writer calls have no place:
 * {@link BackupComponents#prepareForBackup()} (and BackupComplete) fail with {@link VssError#VSS_E_BAD_STATE};
 * the sequence goes from AddToSnapshotSet straight to DoSnapshotSet.
 */
public enum VssContext {
    /** Writers take part; the copy is deleted when the object is released. The default. */
    BACKUP(0x00000000),
    /** No writers; the copy is deleted when the object is released. */
    FILE_SHARE_BACKUP(0x00000010),
    /** No writers; the copy persists, for network-attached storage rollback. */
    NAS_ROLLBACK(0x00000019),
    /** Writers take part; the copy persists, for application rollback. */
    APP_ROLLBACK(0x00000009),
    /** No writers; the copy persists and users can see it (Shadow Copies for Shared Folders). */
    CLIENT_ACCESSIBLE(0x0000001D),
    /** Writers take part; the copy persists and users can see it. */
    CLIENT_ACCESSIBLE_WRITERS(0x0000000D),
    /** Every context: for Query, DeleteSnapshots, BreakSnapshotSet and ExposeSnapshot only, not for creating copies. */
    ALL(0xFFFFFFFF);

    private final int value;

    VssContext(int value) {
        this.value = value;
    }

    /** The {@code VSS_SNAPSHOT_CONTEXT} value. */
    public int value() {
        return value;
    }

    /** Whether writers take part in creating copies in this context (false for {@link #ALL}). */
    public boolean involvesWriters() {
        return this != ALL && !has(SnapshotAttribute.NO_WRITERS);
    }

    /** Whether copies made in this context outlive the object that made them (false for {@link #ALL}). */
    public boolean isPersistent() {
        return this != ALL && has(SnapshotAttribute.PERSISTENT);
    }

    /** Whether copies made in this context are deleted when their object is released (false for {@link #ALL}). */
    public boolean isAutoRelease() {
        return this != ALL && !has(SnapshotAttribute.NO_AUTO_RELEASE);
    }

    // A context value is made of the attribute bits its copies get, so the flags are read from the value itself.
    private boolean has(SnapshotAttribute attribute) {
        return (value & attribute.bit()) != 0;
    }

    /**
     * The context for a {@code VSS_SNAPSHOT_CONTEXT} value.
     *
     * @param value the value
     * @return its context
     * @throws IllegalArgumentException if the value is not a known context
     */
    public static VssContext of(int value) {
        for (VssContext context : values()) {
            if (context.value == value) {
                return context;
            }
        }
        throw new IllegalArgumentException("unknown VSS context " + VssError.hex(value) + "; known: "
                + Arrays.stream(values()).map(c -> c.name() + " (" + VssError.hex(c.value) + ")")
                        .collect(Collectors.joining(", ")));
    }
}
