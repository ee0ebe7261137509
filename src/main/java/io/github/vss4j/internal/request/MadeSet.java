package io.github.vss4j.internal.request;

import io.github.vss4j.BackupComponents;
import io.github.vss4j.Phase;
import io.github.vss4j.ProgressEvent;
import io.github.vss4j.RecordedComponent;
import io.github.vss4j.SelectedComponent;
import io.github.vss4j.ShadowCopy;
import io.github.vss4j.ShadowCopyRequest;
import io.github.vss4j.VssAsync;
import io.github.vss4j.VssContext;
import io.github.vss4j.VssError;
import io.github.vss4j.VssException;
import io.github.vss4j.WriterStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicReference;
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
    private final Made made;
    private final int attempts;
    private final ComponentOutcomes outcomes;
    private final AtomicReference<String> document;

    /**
     * What an attempt made.
     *
     * @param components the components added (component mode), else empty
     * @param document   the Backup Components Document saved after DoSnapshotSet (component mode), else null
     * @param recorded   what the writers recorded for their components by then (component mode), else empty
     */
    record Made(UUID snapshotSetId, List<ShadowCopy> copies, List<WriterStatus> writerStatus,
            List<SelectedComponent> components, String document, List<RecordedComponent> recorded) {
        Made {
            recorded = List.copyOf(recorded);
            copies = List.copyOf(copies);
            writerStatus = List.copyOf(writerStatus);
            components = List.copyOf(components);
        }
    }

    MadeSet(RequestSpec spec, BackupComponents backup, Progress progress, Made made, int attempts) {
        this.spec = spec;
        this.backup = backup;
        this.progress = progress;
        this.made = made;
        this.attempts = attempts;
        this.outcomes = new ComponentOutcomes(made.components());
        this.document = new AtomicReference<>(made.document());
    }

    public UUID snapshotSetId() {
        return made.snapshotSetId();
    }

    public List<ShadowCopy> copies() {
        return made.copies();
    }

    public List<WriterStatus> writerStatus() {
        return made.writerStatus();
    }

    public VssContext context() {
        return spec.context();
    }

    public int attempts() {
        return attempts;
    }

    /** The components in the backup (component mode), else empty. */
    public List<SelectedComponent> components() {
        return made.components();
    }

    /** What the writers recorded for their components after DoSnapshotSet (component mode), else empty. */
    public List<RecordedComponent> recorded() {
        return made.recorded();
    }

    /** What the product says about its components' backups until release tells the writers. */
    public ComponentOutcomes outcomes() {
        return outcomes;
    }

    /**
     * The Backup Components Document: the one saved after DoSnapshotSet until release, then the one release saved
     * after SetBackupSucceeded (if SaveAsXML failed then, the earlier one stays). Null outside component mode.
     */
    public String document() {
        return document.get();
    }

    /**
     * Runs BackupComplete where it applies (under the request's {@link Phase#BACKUP_COMPLETE} timeout) and
     * releases the object; a failed BackupComplete is logged, the copies stay valid. The caller calls it once.
     */
    public void release() {
        try {
            if (spec.context().involvesWriters()) {
                if (!made.components().isEmpty()) {
                    tellOutcomes();
                }
                backupComplete();
            }
        } finally {
            backup.close();
            boolean persistent = spec.context().isPersistent();
            LOG.info("Released shadow copy set {}{}.", made.snapshotSetId(),
                    persistent ? "; its persistent copies stay" : " and its copies");
            progress.tell(new ProgressEvent.SetReleased(attempts, made.snapshotSetId(), persistent));
        }
    }

    /** SetBackupSucceeded for every component (false for those not reported succeeded), then SaveAsXML. */
    private void tellOutcomes() {
        Progress.Span span = progress.start(Phase.SET_BACKUP_SUCCEEDED, attempts, new Waits(spec.scheduler(), null,
                null));
        List<SelectedComponent> succeeded = new ArrayList<>();
        List<SelectedComponent> failed = new ArrayList<>();
        List<SelectedComponent> untold = new ArrayList<>();
        int firstFailure = 0;
        for (SelectedComponent c : made.components()) {
            boolean ok = outcomes.succeeded(c);
            int hresult = 0;
            try {
                backup.setBackupSucceeded(c.instanceId(), c.writerId(), c.type(), c.logicalPath(), c.name(), ok);
                (ok ? succeeded : failed).add(c);
            } catch (VssException | RuntimeException refused) {
                // Closing never throws: a writer not told keeps its logs, which is safe; the log says so.
                hresult = refused instanceof VssException vss ? vss.hresult() : VssError.E_UNEXPECTED.hresult();
                untold.add(c);
            }
            firstFailure = firstFailure != 0 ? firstFailure : hresult;
            progress.outcomeTold(attempts, c, ok, hresult);
        }
        try {
            document.set(backup.saveAsXml());
        } catch (VssException | RuntimeException unsaved) {
            int hresult = unsaved instanceof VssException vss ? vss.hresult() : VssError.E_UNEXPECTED.hresult();
            firstFailure = firstFailure != 0 ? firstFailure : hresult;
            LOG.warn("SaveAsXML failed after SetBackupSucceeded; the document saved after DoSnapshotSet stays, without"
                    + " the outcomes: {}", unsaved.getMessage());
        }
        progress.outcomesTold(attempts, succeeded, failed, untold);
        span.end(firstFailure);
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
