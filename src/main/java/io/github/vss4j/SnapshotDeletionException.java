package io.github.vss4j;

import java.util.Optional;
import java.util.UUID;

/**
 * {@code DeleteSnapshots} failed part-way. VSS deletes copies one at a time and stops at the first one it cannot
 * delete: this says how many went before that and which copy stopped it, so that a product can report the copy
 * left behind, or retry from there.
 */
public final class SnapshotDeletionException extends VssException {
    private static final long serialVersionUID = 1L;

    private final int deletedCount;
    private final UUID notDeletedSnapshotId;

    SnapshotDeletionException(int hresult, UUID requested, int deletedCount, UUID notDeletedSnapshotId) {
        super(Operation.DELETE_SNAPSHOTS, hresult, deletedCount + " shadow copies deleted before "
                + (notDeletedSnapshotId != null ? notDeletedSnapshotId : requested) + " could not be");
        this.deletedCount = deletedCount;
        this.notDeletedSnapshotId = notDeletedSnapshotId;
    }

    /** Copies deleted before the failure ({@code plDeletedSnapshots}). */
    public int deletedCount() {
        return deletedCount;
    }

    /**
     * The first copy VSS could not delete ({@code pNondeletedSnapshotID}); empty when VSS named none (GUID_NULL).
     */
    public Optional<UUID> notDeletedSnapshotId() {
        return Optional.ofNullable(notDeletedSnapshotId);
    }
}
