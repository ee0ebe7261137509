package io.github.vss4j.internal.request;

import io.github.vss4j.BackupComponents;
import io.github.vss4j.Phase;
import io.github.vss4j.ProgressEvent;
import io.github.vss4j.ShadowCopy;
import io.github.vss4j.ShadowCopyRequest;
import io.github.vss4j.VssAsync;
import io.github.vss4j.VssContext;
import io.github.vss4j.VssError;
import io.github.vss4j.VssException;
import io.github.vss4j.WriterStatus;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shadow copies an attempt made, and the backup-components object that holds them until {@link #release()}.
 * The public {@code ShadowCopySet} shows them; this keeps the clean-up that belongs to the engine.
 */
public final class MadeSet {
    private static final Logger LOG = LoggerFactory.getLogger(ShadowCopyRequest.class);

    private final RequestSpec spec;
    private final BackupComponents backup;
    private final Progress progress;
    private final UUID snapshotSetId;
    private final List<ShadowCopy> copies;
    private final List<WriterStatus> writerStatus;
    private final int attempts;

    MadeSet(RequestSpec spec, BackupComponents backup, Progress progress, UUID snapshotSetId, List<ShadowCopy> copies,
            List<WriterStatus> writerStatus, int attempts) {
        this.spec = spec;
        this.backup = backup;
        this.progress = progress;
        this.snapshotSetId = snapshotSetId;
        this.copies = List.copyOf(copies);
        this.writerStatus = List.copyOf(writerStatus);
        this.attempts = attempts;
    }

    public UUID snapshotSetId() {
        return snapshotSetId;
    }

    public List<ShadowCopy> copies() {
        return copies;
    }

    public List<WriterStatus> writerStatus() {
        return writerStatus;
    }

    public VssContext context() {
        return spec.context();
    }

    public int attempts() {
        return attempts;
    }

    /**
     * Runs BackupComplete where it applies (under the request's {@link Phase#BACKUP_COMPLETE} timeout) and
     * releases the object; a failed BackupComplete is logged, the copies stay valid. The caller calls it once.
     */
    public void release() {
        try {
            if (spec.context().involvesWriters()) {
                backupComplete();
            }
        } finally {
            backup.close();
            boolean persistent = spec.context().isPersistent();
            LOG.info("Released shadow copy set {}{}.", snapshotSetId,
                    persistent ? "; its persistent copies stay" : " and its copies");
            progress.tell(new ProgressEvent.SetReleased(attempts, snapshotSetId, persistent));
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
}
