package io.github.vss4j;

import io.github.vss4j.internal.request.MadeSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The shadow copies a {@link ShadowCopyRequest} made, one per volume, all in one snapshot set. It holds the
 * backup-components object that made them until {@link #close()}.
 *
 * <p>Closing runs BackupComplete (in contexts with writers) and releases the object: auto-release copies
 * ({@link VssContext#BACKUP}, {@link VssContext#FILE_SHARE_BACKUP}) are then gone; persistent ones stay, and can
 * be listed with {@link BackupComponents#query()} and deleted with {@link BackupComponents#deleteSnapshotSet} from
 * a new object in the same context. Thread-safe.
 */
public final class ShadowCopySet implements AutoCloseable {
    private final MadeSet made;
    private final AtomicBoolean closed = new AtomicBoolean();

    ShadowCopySet(MadeSet made) {
        this.made = made;
    }

    /** The snapshot set's id. */
    public UUID snapshotSetId() {
        return made.snapshotSetId();
    }

    /** The copies, in the order the request named the volumes. */
    public List<ShadowCopy> copies() {
        return made.copies();
    }

    /** The copy of {@code volume} as the request named it (case-insensitive). */
    public Optional<ShadowCopy> copy(String volume) {
        return copies().stream().filter(c -> c.volume().equalsIgnoreCase(volume)).findFirst();
    }

    /** The writers' status after DoSnapshotSet; empty in contexts without writers. */
    public List<WriterStatus> writerStatus() {
        return made.writerStatus();
    }

    /** The context the copies were made in. */
    public VssContext context() {
        return made.context();
    }

    /** Whether the copies outlive {@link #close()}. */
    public boolean isPersistent() {
        return context().isPersistent();
    }

    /** How many attempts the request took. */
    public int attempts() {
        return made.attempts();
    }

    /** Whether {@link #close()} has been called. */
    public boolean isClosed() {
        return closed.get();
    }

    /**
     * Runs BackupComplete where it applies (under the request's {@link Phase#BACKUP_COMPLETE} timeout) and
     * releases the object. A failed BackupComplete is logged: the copies stay valid. Idempotent.
     */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            made.release();
        }
    }

    @Override
    public String toString() {
        return "ShadowCopySet[" + snapshotSetId() + ", " + copies().size() + " copies, " + context() + "]";
    }
}
