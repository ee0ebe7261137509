package io.github.vss4j;

import io.github.vss4j.internal.copy.CopyAccess;
import io.github.vss4j.internal.request.MadeSet;
import java.util.List;
import java.util.Objects;
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
 *
 * <p>A component-mode set ({@link ShadowCopyRequest#component}) also holds the {@link #components()} and the
 * {@link #backupComponentsDocument()}: copy the components' files from the copies, say which were backed up, then
 * close.
 */
public final class ShadowCopySet implements AutoCloseable {
    private final MadeSet made;
    private final List<ShadowCopy> copies;
    private final AtomicBoolean closed = new AtomicBoolean();

    /** @param access how the backend makes each copy readable ({@link ShadowCopy#root()}) */
    ShadowCopySet(MadeSet made, CopyAccess access) {
        this.made = made;
        this.copies = made.copies().stream().map(c -> c.readableThrough(access)).toList();
    }

    /** The snapshot set's id. */
    public UUID snapshotSetId() {
        return made.snapshotSetId();
    }

    /** The copies, in the order the request named the volumes; each readable through {@link ShadowCopy#root()}. */
    public List<ShadowCopy> copies() {
        return copies;
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

    /**
     * The writer components in the backup (component mode): those the request chose, then those they depend on.
     * Empty for a volume backup.
     */
    public List<SelectedComponent> components() {
        return made.components();
    }

    /**
     * What each writer recorded for its components in the Backup Components Document by the end of DoSnapshotSet
     * (GetWriterComponents): the backup stamp to keep for the next incremental or differential backup
     * ({@link RecordedComponent#backupStamp()}), and a failure a writer reported for one component alone
     * ({@link RecordedComponent#failed()}): the copy of such a component's files may not be consistent, so report it
     * with {@link #componentFailed}. Empty for a volume backup.
     */
    public List<RecordedComponent> writerComponents() {
        return made.recorded();
    }

    /**
     * The Backup Components Document (SaveAsXML), the XML a restore needs: which components were backed up, the
     * writers' backup stamps and (once closed) whether each backup succeeded. Keep it with the backup. While the set
     * is open it is the document saved after DoSnapshotSet; after {@link #close()} it is the one saved after the
     * writers were told the outcomes, the one Microsoft says to store with the backup. Empty for a volume backup.
     */
    public Optional<String> backupComponentsDocument() {
        return Optional.ofNullable(made.document());
    }

    /**
     * Says that {@code component} was backed up: closing tells its writer so (SetBackupSucceeded true), and a writer
     * such as SQL Server's may then truncate its logs (for a full, incremental or log backup). The latest word
     * counts.
     *
     * @throws IllegalArgumentException if {@code component} is not in this set
     * @throws IllegalStateException    if the set is closed already
     */
    public void componentSucceeded(SelectedComponent component) {
        tell(component, true);
    }

    /**
     * Says that {@code component} was not backed up: closing tells its writer so (SetBackupSucceeded false). A
     * component nothing was said about counts as failed too.
     *
     * @throws IllegalArgumentException if {@code component} is not in this set
     * @throws IllegalStateException    if the set is closed already
     */
    public void componentFailed(SelectedComponent component) {
        tell(component, false);
    }

    /**
     * Says that every component was backed up.
     *
     * @throws IllegalStateException if the set is closed already
     */
    public void allComponentsSucceeded() {
        requireOpen();
        made.outcomes().recordAllSucceeded();
    }

    private void tell(SelectedComponent component, boolean succeeded) {
        Objects.requireNonNull(component, "component");
        requireOpen();
        made.outcomes().record(component, succeeded);
    }

    private void requireOpen() {
        if (closed.get()) {
            throw new IllegalStateException("this shadow copy set is closed: its writers were told already");
        }
    }

    /** Whether {@link #close()} has been called. */
    public boolean isClosed() {
        return closed.get();
    }

    /**
     * In component mode, first tells each component's writer how its backup went (SetBackupSucceeded: true for
     * those reported with {@link #componentSucceeded}, false for all others) and saves the final Backup Components
     * Document. Then runs BackupComplete where it applies (under the request's {@link Phase#BACKUP_COMPLETE} timeout) and
     * releases the object. A failed BackupComplete is logged: the copies stay valid. Idempotent.
     *
     * <p>Before anything else it unmounts every copy's {@link ShadowCopy#root()} (removing the links it made), so
     * nothing of vss4j's points at a released copy; the copies' roots then throw {@link IllegalStateException}.
     */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                copies.forEach(ShadowCopy::unmount);
            } finally {
                made.release();
            }
        }
    }

    @Override
    public String toString() {
        return "ShadowCopySet[" + snapshotSetId() + ", " + copies().size() + " copies, " + context() + "]";
    }
}
