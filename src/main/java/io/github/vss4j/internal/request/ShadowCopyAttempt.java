package io.github.vss4j.internal.request;

import io.github.vss4j.AsyncStatus;
import io.github.vss4j.BackupComponents;
import io.github.vss4j.Operation;
import io.github.vss4j.Phase;
import io.github.vss4j.RecordedComponent;
import io.github.vss4j.SelectedComponent;
import io.github.vss4j.ShadowCopy;
import io.github.vss4j.ShadowCopyRequest;
import io.github.vss4j.SnapshotProperties;
import io.github.vss4j.VssAsync;
import io.github.vss4j.VssError;
import io.github.vss4j.VssException;
import io.github.vss4j.WriterMetadata;
import io.github.vss4j.WriterPolicy;
import io.github.vss4j.WriterStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of the documented sequence with one new backup-components object. On the way out of any failure,
 * timeout or cancel it cleans up as VSS documents: cancel the running operation, AbortBackup once a snapshot set
 * was started, delete persistent copies a failed attempt made, release the object. It never calls BackupComplete.
 */
final class ShadowCopyAttempt {
    private static final Logger LOG = LoggerFactory.getLogger(ShadowCopyRequest.class);

    private final RequestSpec spec;
    private final Results results;
    private final Waits waits;
    private final Progress progress;
    private final int number;
    private final boolean writersTakePart;

    private BackupComponents backup;
    private final PhaseSteps steps;
    private boolean setStarted;
    private boolean snapshotTaken;
    private UUID snapshotSetId;
    private List<WriterStatus> writers = List.of();
    private BackupComponents survey;
    private List<String> volumes;
    private List<SelectedComponent> components = List.of();
    private String document;
    private List<RecordedComponent> recorded = List.of();

    ShadowCopyAttempt(RequestSpec spec, Results results, Waits waits, Progress progress, int number) {
        this.spec = spec;
        this.results = results;
        this.waits = waits;
        this.progress = progress;
        this.number = number;
        this.writersTakePart = spec.context().involvesWriters();
        this.volumes = spec.volumes();
        this.steps = new PhaseSteps(progress, waits, spec.timeouts(), spec.deadline(), number, Phase.INITIALIZE);
    }

    /** Runs the sequence; the set it returns owns the object. */
    MadeSet run() throws VssException, CancelledRun, InterruptedException {
        boolean handedOver = false;
        try {
            MadeSet set = sequence();
            handedOver = true;
            return set;
        } catch (VssException failure) {
            throw results.inContext(failure, steps.phase(), number, writers);
        } finally {
            if (!handedOver) {
                cleanUp();
            }
        }
    }

    private MadeSet sequence() throws VssException, CancelledRun, InterruptedException {
        step(Phase.INITIALIZE, () -> {
            List<WriterMetadata> known = writersTakePart && spec.writers().needsNames() ? surveyWriters() : List.of();
            backup = spec.vss().createBackupComponents();
            backup.initializeForBackup();
            backup.setContext(spec.context());
            if (writersTakePart) {
                spec.writers().applyTo(backup, known);
                backup.setBackupState(spec.componentMode(), false, spec.backupType(), false);
            }
            return null;
        });
        if (writersTakePart) {
            step(Phase.GATHER_WRITER_METADATA, () -> awaitOperation(backup::gatherWriterMetadata));
        }
        if (writersTakePart && spec.componentMode()) {
            step(Phase.SELECT_COMPONENTS, this::selectComponents);
        }
        List<UUID> ids = step(Phase.START_SNAPSHOT_SET, () -> {
            snapshotSetId = backup.startSnapshotSet();
            setStarted = true;
            List<UUID> added = new ArrayList<>();
            for (String volume : volumes) {
                waits.checkCancelled();
                added.add(backup.addToSnapshotSet(volume, spec.provider()));
            }
            return added;
        });
        if (writersTakePart) {
            step(Phase.PREPARE_FOR_BACKUP, () -> awaitOperation(backup::prepareForBackup));
            step(Phase.WRITER_STATUS_AFTER_PREPARE, this::checkWriters);
        }
        step(Phase.DO_SNAPSHOT_SET, () -> {
            try {
                awaitOperation(backup::doSnapshotSet);
            } catch (VssException failed) {
                if (writersTakePart && failed.hresult() != ShadowCopyRequest.TIMEOUT_HRESULT) {
                    // Microsoft tells requesters to read writer status to learn why DoSnapshotSet failed.
                    writers = readWritersQuietly();
                }
                throw failed;
            }
            snapshotTaken = true;
            return null;
        });
        if (writersTakePart) {
            step(Phase.WRITER_STATUS_AFTER_SNAPSHOT, this::checkWriters);
        }
        List<ShadowCopy> copies = step(Phase.GET_SNAPSHOT_PROPERTIES, () -> {
            List<ShadowCopy> made = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                waits.checkCancelled();
                made.add(copyOf(volumes.get(i), backup.getSnapshotProperties(ids.get(i))));
            }
            if (spec.componentMode()) {
                // The writers have written their part (backup stamps, a component's own failure) by the end of
                // DoSnapshotSet.
                document = backup.saveAsXml();
                recorded = readRecorded();
            }
            return made;
        });
        return new MadeSet(spec, backup, progress, new MadeSet.Made(snapshotSetId, copies, writers, components,
                document, recorded), number);
    }

    /**
     * GetWriterComponents after DoSnapshotSet: what the writers recorded, a component's own failure logged. It only
     * informs: the copies and the document exist, so a failed read is logged and leaves the list empty.
     */
    private List<RecordedComponent> readRecorded() {
        List<RecordedComponent> read;
        try {
            read = backup.getWriterComponents();
        } catch (VssException failed) {
            LOG.warn("Could not read what the writers recorded for their components (GetWriterComponents); the copies"
                    + " and the Backup Components Document are made, the components' stamps and failures are not"
                    + " known: {}", failed.getMessage());
            return List.of();
        }
        for (RecordedComponent r : read) {
            if (r.failed()) {
                LOG.warn("Writer {} reported that its component {} failed ({}, 0x{}); the copies exist, but its files"
                        + " may not be consistent: do not report it backed up.", writerName(r.writerId()),
                        r.logicalPath().isEmpty() ? r.componentName() : r.logicalPath() + "\\" + r.componentName(),
                        r.failureError(), Integer.toHexString(r.failure()));
            }
        }
        return read;
    }

    private String writerName(UUID writerId) {
        for (SelectedComponent c : components) {
            if (c.writerId().equals(writerId)) {
                return c.writerName();
            }
        }
        return writerId.toString();
    }

    /**
     * Component mode: the request's components resolved against this object's metadata (a retry resolves again:
     * its writers may have changed), checked, added; their volumes join the request's own.
     */
    private Void selectComponents() throws VssException, CancelledRun, InterruptedException {
        List<WriterMetadata> metadata = backup.getWriterMetadata();
        List<SelectedComponent> chosen = ComponentResolver.resolve(spec.components(), metadata);
        BackupSchema.check(spec.backupType(), chosen, metadata);
        List<String> all = new ArrayList<>(spec.volumes());
        for (SelectedComponent component : chosen) {
            warnAboutFilesOnNoVolume(component);
            for (String volume : component.volumes()) {
                if (all.stream().noneMatch(volume::equalsIgnoreCase)) {
                    all.add(volume);
                }
            }
        }
        if (all.size() > ShadowCopyRequest.MAX_VOLUMES) {
            throw new IllegalArgumentException("the components' files live on " + all.size() + " volumes; a snapshot"
                    + " set holds at most " + ShadowCopyRequest.MAX_VOLUMES);
        }
        if (all.isEmpty()) {
            throw new IllegalArgumentException("the components " + chosen + " have no file on a volume, and the"
                    + " request names no volume: there is nothing to copy");
        }
        for (SelectedComponent c : chosen) {
            waits.checkCancelled();
            backup.addComponent(c.instanceId(), c.writerId(), c.type(), c.logicalPath(), c.name());
        }
        components = chosen;
        volumes = List.copyOf(all);
        progress.componentsSelected(number, components, volumes);
        return null;
    }

    private static void warnAboutFilesOnNoVolume(SelectedComponent component) {
        component.files().stream().filter(f -> f.volume().isEmpty()).forEach(f -> LOG.warn(
                "File {}\\{} of component {} lies on no volume vss4j could resolve; it is not in the snapshot set.",
                f.path(), f.fileSpec(), component));
    }

    private static ShadowCopy copyOf(String volume, SnapshotProperties p) {
        return new ShadowCopy(volume, p.snapshotDeviceObject(), p.snapshotId(), p.snapshotSetId(), p.providerId(),
                p.attributes(), p.creationTime(), p);
    }

    private <T> T step(Phase next, PhaseSteps.Step<T> body) throws VssException, CancelledRun,
            InterruptedException {
        return steps.run(next, body);
    }

    private Void awaitOperation(PhaseSteps.Start start) throws VssException, CancelledRun, InterruptedException {
        return steps.await(start);
    }

    /**
     * The writers on the machine, to turn writer names into class ids: VSS ignores writer selection made after
     * GatherWriterMetadata, so the names are learnt from another object, as Microsoft advises.
     */
    private List<WriterMetadata> surveyWriters() throws VssException, CancelledRun, InterruptedException {
        survey = spec.vss().createBackupComponents();
        survey.initializeForBackup();
        survey.setContext(spec.context());
        awaitOperation(survey::gatherWriterMetadata);
        List<WriterMetadata> known = survey.getWriterMetadata();
        survey.close();
        survey = null;
        return known;
    }

    private Void checkWriters() throws VssException, CancelledRun, InterruptedException {
        awaitOperation(backup::gatherWriterStatus);
        writers = backup.getWriterStatus();
        List<WriterStatus> failed = spec.writers().failed(writers);
        progress.writersChecked(steps.phase(), number, writers, failed);
        if (!failed.isEmpty() && spec.writerPolicy() == WriterPolicy.FAIL) {
            int code = failed.get(0).failure() < 0 ? failed.get(0).failure()
                    : VssError.VSS_E_UNEXPECTED_WRITER_ERROR.hresult();
            throw new VssException(Operation.GET_WRITER_STATUS, code,
                    "writer policy FAIL; failed writers: " + Progress.describe(failed));
        }
        return null;
    }

    private List<WriterStatus> readWritersQuietly() throws CancelledRun, InterruptedException {
        try {
            awaitOperation(backup::gatherWriterStatus);
            return backup.getWriterStatus();
        } catch (VssException unreadable) {
            LOG.warn("Could not read writer status after DoSnapshotSet failed: {}", unreadable.getMessage());
            return List.of();
        }
    }

    private void cleanUp() {
        boolean interrupted = Thread.interrupted();
        boolean aborted = false;
        VssAsync cancelled = steps.cancelRunning(spec.cleanupTimeout());
        if (cancelled != null) {
            noteSnapshotThatFinishedAnyway(cancelled);
            cancelled.close();
        }
        interrupted |= steps.interruptedWhileCancelling();
        if (survey != null) {
            survey.close();
            survey = null;
        }
        if (backup != null) {
            if (snapshotTaken && spec.context().isPersistent()) {
                deletePersistentCopies();
            }
            if (setStarted) {
                try {
                    backup.abortBackup();
                    aborted = true;
                } catch (VssException | RuntimeException refused) {
                    LOG.warn("AbortBackup failed during clean-up; releasing the object anyway: {}",
                            refused.getMessage());
                }
            }
            backup.close();
        }
        progress.cleanedUp(number, steps.cancelledAsync(), aborted);
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    // A cancel or timeout can cross DoSnapshotSet's own end: its copies then exist and must not be forgotten.
    private void noteSnapshotThatFinishedAnyway(VssAsync running) {
        if (running.operation() != Operation.DO_SNAPSHOT_SET) {
            return;
        }
        try {
            if (running.queryStatus().state() == AsyncStatus.State.FINISHED) {
                snapshotTaken = true;
            }
        } catch (VssException | RuntimeException unknown) {
            LOG.warn("Could not learn whether the cancelled DoSnapshotSet finished: {}", unknown.getMessage());
        }
    }

    private void deletePersistentCopies() {
        try {
            backup.deleteSnapshotSet(snapshotSetId, true);
            LOG.info("Deleted the persistent shadow copies of failed attempt {} (set {}).", number, snapshotSetId);
        } catch (VssException | RuntimeException refused) {
            LOG.warn("Could not delete the persistent shadow copies of set {}; delete them by hand: {}",
                    snapshotSetId, refused.getMessage());
        }
    }
}
