package io.github.vss4j.internal.request;

import io.github.vss4j.BackupComponents;
import io.github.vss4j.FileRestoreStatus;
import io.github.vss4j.Phase;
import io.github.vss4j.RecordedComponent;
import io.github.vss4j.RestoreComponent;
import io.github.vss4j.RestoreRequest;
import io.github.vss4j.RestoreResult;
import io.github.vss4j.RestoredComponent;
import io.github.vss4j.VssAsync;
import io.github.vss4j.VssException;
import io.github.vss4j.WriterStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A restore between PreRestore and PostRestore: the backup-components object, the components with the targets the
 * writers chose, and what the product reports about each until {@link #finish} or {@link #abandon} tells the
 * writers, runs PostRestore and releases the object. The public {@code PreparedRestore} guards that one of them runs
 * once.
 */
public final class RestoreSession {
    private static final Logger LOG = LoggerFactory.getLogger(RestoreRequest.class);

    private final RestoreSpec spec;
    private final FailureContext failures;
    private final BackupComponents backup;
    private final Progress progress;
    private final List<RestoreComponent> components;
    private final List<WriterStatus> writers;
    private final List<RecordedComponent> afterPreRestore;
    private final Map<RestoreComponent, FileRestoreStatus> reported = new ConcurrentHashMap<>();
    // Only the finishing thread reads and writes it.
    private boolean postRestoreStarted;

    RestoreSession(RestoreSpec spec, FailureContext failures, BackupComponents backup, Progress progress,
            List<RestoreComponent> components, List<WriterStatus> writers, List<RecordedComponent> afterPreRestore) {
        this.spec = spec;
        this.failures = failures;
        this.backup = backup;
        this.progress = progress;
        this.components = List.copyOf(components);
        this.writers = List.copyOf(writers);
        this.afterPreRestore = List.copyOf(afterPreRestore);
    }

    public List<RestoreComponent> components() {
        return components;
    }

    /** The writers' status after PreRestore. */
    public List<WriterStatus> writerStatus() {
        return writers;
    }

    /**
     * Records how the copy of {@code component} went; the latest word counts.
     *
     * @throws IllegalArgumentException if it is not one of this restore's components, or the status is UNDEFINED
     */
    public void report(RestoreComponent component, FileRestoreStatus status) {
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(status, "status");
        if (status == FileRestoreStatus.UNDEFINED) {
            throw new IllegalArgumentException("FileRestoreStatus.UNDEFINED tells a writer nothing: report ALL, FAILED"
                    + " or NONE");
        }
        if (!components.contains(component)) {
            throw new IllegalArgumentException("component " + component + " is not in this restore; its components: "
                    + components);
        }
        reported.put(component, status);
    }

    /** Records every component's copy as {@code status}. */
    public void reportAll(FileRestoreStatus status) {
        components.forEach(c -> report(c, status));
    }

    // [I] A component the product said nothing about may have been partly copied: FAILED ("some files were
    // restored") makes its writer treat it as not restored, without claiming that nothing changed.
    private FileRestoreStatus statusOf(RestoreComponent component) {
        return reported.getOrDefault(component, FileRestoreStatus.FAILED);
    }

    /**
     * SetFileRestoreStatus for each component, PostRestore, then the writers' status and failure messages; the object
     * is released whatever happens.
     *
     * @param cancelled completes when the caller cancels; null when only an interrupt stops it
     * @throws VssException          if PostRestore failed or timed out (phase inside)
     * @throws CancellationException if cancelled; PostRestore was cancelled or, if it had not started, run
     */
    public RestoreResult finish(CompletableFuture<Void> cancelled) throws VssException, InterruptedException {
        Waits waits = new Waits(spec.scheduler(), cancelled, spec.deadline());
        PhaseSteps steps = new PhaseSteps(progress, waits, spec.timeouts(), spec.deadline(), 1,
                Phase.SET_FILE_RESTORE_STATUS);
        Map<RestoreComponent, Boolean> told = null;
        boolean finished = false;
        postRestoreStarted = false;
        try {
            told = steps.run(Phase.SET_FILE_RESTORE_STATUS,
                    () -> RestoreEnding.tell(backup, components, this::statusOf, progress));
            steps.run(Phase.POST_RESTORE, () -> steps.await(() -> {
                VssAsync started = backup.postRestore();
                postRestoreStarted = true;
                return started;
            }));
            Map<RestoreComponent, Boolean> toldNow = told;
            RestoreResult result = steps.run(Phase.WRITER_STATUS_AFTER_POST_RESTORE, () -> result(steps, toldNow));
            finished = true;
            return result;
        } catch (VssException failed) {
            throw failures.inContext(failed, steps.phase(), 0, writers);
        } catch (CancelledRun stopped) {
            throw new CancellationException("the restore's finish was cancelled");
        } finally {
            if (finished) {
                backup.close();
                progress.restoreReleased(true, true);
            } else {
                endUnfinished(steps, told == null, !postRestoreStarted);
            }
        }
    }

    /**
     * Closes a restore the product did not finish: tells each writer what was reported ({@code FAILED} for the
     * rest), runs PostRestore (bounded by the clean-up timeout) and releases the object.
     */
    public void abandon() {
        LOG.warn("A prepared restore of {} was closed without finish(); telling the writers what was reported"
                + " (FAILED for the rest) and running PostRestore.", components);
        Waits waits = new Waits(spec.scheduler(), null, null);
        endUnfinished(new PhaseSteps(progress, waits, spec.timeouts(), null, 1, Phase.SET_FILE_RESTORE_STATUS), true,
                true);
    }

    private void endUnfinished(PhaseSteps steps, boolean tell, boolean postRestore) {
        boolean interrupted = Thread.interrupted();
        VssAsync cancelled = steps.cancelRunning(spec.cleanupTimeout());
        if (cancelled != null) {
            cancelled.close();
        }
        interrupted |= steps.interruptedWhileCancelling();
        try {
            if (tell) {
                RestoreEnding.tell(backup, components, this::statusOf, progress);
            }
            if (postRestore) {
                interrupted |= !RestoreEnding.postRestoreQuietly(backup, steps.waits(), spec.cleanupTimeout());
            }
        } finally {
            backup.close();
            progress.cleanedUp(1, steps.cancelledAsync(), false);
            progress.restoreReleased(false, true);
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** What the writers say after PostRestore; a failed read is logged: the restore is over either way. */
    private RestoreResult result(PhaseSteps steps, Map<RestoreComponent, Boolean> told)
            throws CancelledRun, InterruptedException {
        List<WriterStatus> after = List.of();
        List<RecordedComponent> recorded = List.of();
        try {
            steps.await(backup::gatherWriterStatus);
            after = backup.getWriterStatus();
            recorded = backup.getWriterComponents();
        } catch (VssException unreadable) {
            LOG.warn("Could not read the writers' status after PostRestore; the restore is over, its outcome as the"
                    + " writers see it is not known: {}", unreadable.getMessage());
        }
        List<RestoredComponent> outcomes = new ArrayList<>();
        for (RestoreComponent c : components) {
            String pre = RestoreRun.recordOf(c, afterPreRestore).map(RecordedComponent::preRestoreFailureMessage)
                    .orElse("");
            String post = RestoreRun.recordOf(c, recorded).map(RecordedComponent::postRestoreFailureMessage)
                    .orElse("");
            if (!post.isEmpty()) {
                LOG.warn("Writer {} reports that PostRestore of {} failed: {}", c.writerName(), c.path(), post);
            }
            outcomes.add(new RestoredComponent(c, statusOf(c), told.getOrDefault(c, false), pre, post));
        }
        progress.writersChecked(Phase.WRITER_STATUS_AFTER_POST_RESTORE, 1, after,
                after.stream().filter(WriterStatus::isFailed).toList());
        return new RestoreResult(outcomes, after);
    }
}
