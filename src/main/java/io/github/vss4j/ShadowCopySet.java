package io.github.vss4j;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
    private static final Logger LOG = LoggerFactory.getLogger(ShadowCopyRequest.class);

    private final RequestSpec spec;
    private final BackupComponents backup;
    private final Progress progress;
    private final UUID snapshotSetId;
    private final List<ShadowCopy> copies;
    private final List<WriterStatus> writerStatus;
    private final int attempts;
    private final AtomicBoolean closed = new AtomicBoolean();

    ShadowCopySet(RequestSpec spec, BackupComponents backup, Progress progress, UUID snapshotSetId,
            List<ShadowCopy> copies, List<WriterStatus> writerStatus, int attempts) {
        this.spec = spec;
        this.backup = backup;
        this.progress = progress;
        this.snapshotSetId = snapshotSetId;
        this.copies = List.copyOf(copies);
        this.writerStatus = List.copyOf(writerStatus);
        this.attempts = attempts;
    }

    /** The snapshot set's id. */
    public UUID snapshotSetId() {
        return snapshotSetId;
    }

    /** The copies, in the order the request named the volumes. */
    public List<ShadowCopy> copies() {
        return copies;
    }

    /** The copy of {@code volume} as the request named it (case-insensitive). */
    public Optional<ShadowCopy> copy(String volume) {
        return copies.stream().filter(c -> c.volume().equalsIgnoreCase(volume)).findFirst();
    }

    /** The writers' status after DoSnapshotSet; empty in contexts without writers. */
    public List<WriterStatus> writerStatus() {
        return writerStatus;
    }

    /** The context the copies were made in. */
    public VssContext context() {
        return spec.context();
    }

    /** Whether the copies outlive {@link #close()}. */
    public boolean isPersistent() {
        return spec.context().isPersistent();
    }

    /** How many attempts the request took. */
    public int attempts() {
        return attempts;
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
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            if (spec.context().involvesWriters()) {
                backupComplete();
            }
        } finally {
            backup.close();
            LOG.info("Released shadow copy set {}{}.", snapshotSetId,
                    isPersistent() ? "; its persistent copies stay" : " and its copies");
            progress.tell(new ProgressEvent.SetReleased(attempts, snapshotSetId, isPersistent()));
        }
    }

    private void backupComplete() {
        Waits waits = new Waits(spec.scheduler(), null, null);
        Progress.Span span = progress.start(Phase.BACKUP_COMPLETE, attempts, waits);
        int hresult = VssError.VSS_S_ASYNC_CANCELLED.hresult();
        VssAsync operation = null;
        try {
            operation = backup.backupComplete();
            Duration timeout = spec.timeouts().get(Phase.BACKUP_COMPLETE);
            if (waits.await(operation, timeout) == Waits.End.ENDED) {
                operation.await();
                hresult = 0;
            } else {
                hresult = ShadowCopyRequest.TIMEOUT_HRESULT;
                LOG.warn("BackupComplete gave no answer within {}; cancelling it and releasing the object.", timeout);
                operation.cancel();
                waits.awaitEndQuietly(operation, spec.cleanupTimeout());
            }
        } catch (VssException failed) {
            hresult = failed.hresult();
            LOG.warn("BackupComplete failed; the copies are valid but writers were not told: {}",
                    failed.getMessage());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            cancelQuietly(operation, waits);
        } catch (CancelledRun | CancellationException cannotHappen) {
            LOG.warn("BackupComplete was cancelled; releasing the object.");
        } finally {
            if (operation != null) {
                operation.close();
            }
            span.end(hresult);
        }
    }

    private void cancelQuietly(VssAsync operation, Waits waits) {
        if (operation == null) {
            return;
        }
        try {
            operation.cancel();
        } catch (VssException | RuntimeException refused) {
            LOG.warn("Could not cancel BackupComplete: {}", refused.getMessage());
        }
        boolean wasInterrupted = Thread.interrupted();
        waits.awaitEndQuietly(operation, spec.cleanupTimeout());
        if (wasInterrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "ShadowCopySet[" + snapshotSetId + ", " + copies.size() + " copies, " + spec.context() + "]";
    }
}
