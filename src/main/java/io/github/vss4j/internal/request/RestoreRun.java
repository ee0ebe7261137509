package io.github.vss4j.internal.request;

import io.github.vss4j.AlternateLocation;
import io.github.vss4j.BackupComponents;
import io.github.vss4j.NewTarget;
import io.github.vss4j.Operation;
import io.github.vss4j.Phase;
import io.github.vss4j.PreparedRestore;
import io.github.vss4j.ProgressEvent;
import io.github.vss4j.RecordedComponent;
import io.github.vss4j.RestoreComponent;
import io.github.vss4j.RestoreRequest;
import io.github.vss4j.RestoreTarget;
import io.github.vss4j.VssAsync;
import io.github.vss4j.VssError;
import io.github.vss4j.VssException;
import io.github.vss4j.WriterMetadata;
import io.github.vss4j.WriterPolicy;
import io.github.vss4j.WriterStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prepares one restore ("Overview of Processing a Restore Under VSS"): InitializeForRestore with the document,
 * GatherWriterMetadata, the components selected, SetRestoreState, PreRestore, the writers checked. It hands over a
 * {@link RestoreSession}; on the way out of a failure, timeout or cancel it cleans up: the running operation
 * cancelled and, once PreRestore finished, each writer told that no file was restored (NONE) and PostRestore run, so
 * that no writer stays in its restore state; then the object released. [I] After a PreRestore that failed or was
 * cancelled VSS takes neither call (VSS_E_BAD_STATE): the object is released alone.
 */
public final class RestoreRun {
    private static final Logger LOG = LoggerFactory.getLogger(RestoreRequest.class);

    private final RestoreSpec spec;
    private final RestoreResults results;
    private final Waits waits;
    private final Progress progress;
    private final PhaseSteps steps;
    private BackupComponents backup;
    private List<RestoreComponent> components = List.of();
    private List<WriterStatus> writers = List.of();
    private boolean preRestoreDone;

    /**
     * @param cancelled completes when the caller cancels; null when only an interrupt stops it
     * @param results   makes the prepared restore and the failures the caller receives
     */
    public RestoreRun(RestoreSpec spec, CompletableFuture<Void> cancelled, RestoreResults results) {
        this.spec = spec;
        this.results = results;
        this.waits = new Waits(spec.scheduler(), cancelled, spec.deadline());
        this.progress = new Progress(spec.listener(), new WriterSelection(Set.of(), Set.of()), "Restore");
        this.steps = new PhaseSteps(progress, waits, spec.timeouts(), spec.deadline(), 1,
                Phase.INITIALIZE_FOR_RESTORE);
    }

    /** Runs on this thread. */
    public PreparedRestore run() throws VssException, InterruptedException {
        try {
            PreparedRestore prepared = prepare();
            progress.finished(1, ProgressEvent.Outcome.SUCCEEDED);
            return prepared;
        } catch (VssException failure) {
            LOG.warn("The restore could not be prepared: {}", failure.getMessage());
            progress.finished(1, ProgressEvent.Outcome.FAILED);
            throw failure;
        } catch (CancelledRun | InterruptedException stopped) {
            LOG.info("The restore was cancelled while it was prepared, and cleaned up.");
            progress.finished(1, ProgressEvent.Outcome.CANCELLED);
            if (stopped instanceof InterruptedException interrupted) {
                throw interrupted;
            }
            throw new CancellationException("the restore was cancelled");
        } catch (RuntimeException | Error bug) {
            progress.finished(1, ProgressEvent.Outcome.FAILED);
            throw bug;
        }
    }

    /** Runs on this thread and completes {@code result}; a prepared restore nobody can receive any more is closed. */
    public void runInto(CompletableFuture<PreparedRestore> result) {
        try {
            PreparedRestore prepared = run();
            if (!result.complete(prepared)) {
                LOG.info("The restore was cancelled as its preparation succeeded; closing it.");
                prepared.close();
            }
        } catch (Throwable failure) {
            result.completeExceptionally(failure);
        }
    }

    private PreparedRestore prepare() throws VssException, CancelledRun, InterruptedException {
        boolean handedOver = false;
        try {
            PreparedRestore prepared = results.prepared(sequence());
            handedOver = true;
            return prepared;
        } catch (VssException failure) {
            throw results.inContext(failure, steps.phase(), 0, writers);
        } finally {
            if (!handedOver) {
                cleanUp();
            }
        }
    }

    private RestoreSession sequence() throws VssException, CancelledRun, InterruptedException {
        steps.run(Phase.INITIALIZE_FOR_RESTORE, () -> {
            backup = spec.vss().createBackupComponents();
            backup.initializeForRestore(spec.document());
            return null;
        });
        steps.run(Phase.GATHER_WRITER_METADATA, () -> steps.await(backup::gatherWriterMetadata));
        steps.run(Phase.SELECT_FOR_RESTORE, this::select);
        steps.run(Phase.PRE_RESTORE, () -> {
            steps.await(backup::preRestore);
            preRestoreDone = true;
            return null;
        });
        List<RecordedComponent> recorded = steps.run(Phase.WRITER_STATUS_AFTER_PRE_RESTORE, this::checkWriters);
        progress.restorePrepared(components);
        return new RestoreSession(spec, results, backup, progress, components, writers, recorded);
    }

    private Void select() throws VssException, CancelledRun, InterruptedException {
        List<WriterMetadata> metadata = backup.getWriterMetadata();
        List<RecordedComponent> inDocument = backup.getWriterComponents();
        components = RestoreResolver.resolve(spec.choices(), inDocument, metadata);
        for (RestoreComponent c : components) {
            waits.checkCancelled();
            backup.setSelectedForRestore(RestoreResolver.instanceToName(c, metadata), c.writerId(), c.type(),
                    c.logicalPath(), c.name(), true);
            if (!c.restoreOptions().isEmpty()) {
                backup.setRestoreOptions(c.writerId(), c.type(), c.logicalPath(), c.name(), c.restoreOptions());
            }
            if (c.additionalRestores()) {
                backup.setAdditionalRestores(c.writerId(), c.type(), c.logicalPath(), c.name(), true);
            }
            for (AlternateLocation m : c.alternateLocations()) {
                backup.addAlternativeLocationMapping(c.writerId(), c.type(), c.logicalPath(), c.name(), m.path(),
                        m.filespec(), m.recursive(), m.destination());
            }
            for (NewTarget t : c.newTargets()) {
                backup.addNewTarget(c.writerId(), c.type(), c.logicalPath(), c.name(), t.path(), t.fileName(),
                        t.recursive(), t.alternatePath());
            }
        }
        backup.setRestoreState(spec.restoreType());
        progress.restoreSelected(components);
        return null;
    }

    /**
     * Writer status after PreRestore, and the targets and failure messages the writers recorded. Only the writers of
     * the components restored are checked [I]: other writers take no part, and a machine often has one failed from
     * an earlier backup.
     */
    private List<RecordedComponent> checkWriters() throws VssException, CancelledRun, InterruptedException {
        steps.await(backup::gatherWriterStatus);
        writers = backup.getWriterStatus();
        List<RecordedComponent> recorded = backup.getWriterComponents();
        List<RestoreComponent> withTargets = new ArrayList<>();
        List<String> preRestoreFailures = new ArrayList<>();
        for (RestoreComponent c : components) {
            Optional<RecordedComponent> r = recordOf(c, recorded);
            withTargets.add(c.withRestoreTarget(r.map(RecordedComponent::restoreTarget).orElse(RestoreTarget.UNDEFINED)));
            r.map(RecordedComponent::preRestoreFailureMessage).filter(m -> !m.isEmpty())
                    .ifPresent(m -> preRestoreFailures.add(c + ": " + m));
        }
        components = List.copyOf(withTargets);
        Set<String> involved = components.stream().map(c -> c.writerId().toString().toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        List<WriterStatus> failed = new WriterSelection(involved, Set.of()).failed(writers);
        progress.writersChecked(Phase.WRITER_STATUS_AFTER_PRE_RESTORE, 1, writers, failed);
        preRestoreFailures.forEach(m -> LOG.warn("A writer reports that PreRestore failed for {}", m));
        if ((!failed.isEmpty() || !preRestoreFailures.isEmpty()) && spec.writerPolicy() == WriterPolicy.FAIL) {
            int code = !failed.isEmpty() && failed.get(0).failure() < 0 ? failed.get(0).failure()
                    : VssError.VSS_E_UNEXPECTED_WRITER_ERROR.hresult();
            throw new VssException(Operation.GET_WRITER_STATUS, code, "writer policy FAIL; "
                    + (failed.isEmpty() ? "" : "failed writers: " + Progress.describe(failed) + "; ")
                    + (preRestoreFailures.isEmpty() ? "" : "PreRestore failures: " + preRestoreFailures + "; ")
                    + "no file should be restored");
        }
        return recorded;
    }

    /** The document's record of {@code component}, if the list holds it. */
    static Optional<RecordedComponent> recordOf(RestoreComponent component, List<RecordedComponent> recorded) {
        return recorded.stream().filter(r -> component.is(r.writerId(), r.logicalPath(), r.componentName()))
                .findFirst();
    }

    // A cancel or timeout can cross PreRestore's own end: the writers are then prepared and must hear the end.
    private static boolean finishedAnyway(VssAsync cancelled) {
        if (cancelled.operation() != Operation.PRE_RESTORE) {
            return false;
        }
        try {
            return cancelled.queryStatus().state() == io.github.vss4j.AsyncStatus.State.FINISHED;
        } catch (VssException | RuntimeException unknown) {
            LOG.warn("Could not learn whether the cancelled PreRestore finished: {}", unknown.getMessage());
            return false;
        }
    }

    private void cleanUp() {
        boolean interrupted = Thread.interrupted();
        VssAsync cancelled = steps.cancelRunning(spec.cleanupTimeout());
        if (cancelled != null) {
            preRestoreDone |= finishedAnyway(cancelled);
            cancelled.close();
        }
        interrupted |= steps.interruptedWhileCancelling();
        if (backup != null) {
            try {
                if (preRestoreDone) {
                    // [I] Nothing was copied yet: NONE tells each writer so; PostRestore lets it leave its restore
                    // state as after any restore.
                    RestoreEnding.tell(backup, components, c -> io.github.vss4j.FileRestoreStatus.NONE, progress);
                    interrupted |= !RestoreEnding.postRestoreQuietly(backup, waits, spec.cleanupTimeout());
                }
            } finally {
                backup.close();
            }
        }
        progress.cleanedUp(1, steps.cancelledAsync(), false);
        progress.restoreReleased(false, preRestoreDone);
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
