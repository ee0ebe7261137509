package io.github.vss4j;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link ShadowCopyRequest} or a {@link RestoreRequest} reports to its {@link ProgressListener}. Durations are
 * measured on the request's {@link Scheduler}. A restore has one attempt (VSS documents no retry for it): its events
 * carry attempt 1.
 */
public sealed interface ProgressEvent {

    /** The attempt the event belongs to, counting from 1. */
    int attempt();

    /** How a request ended. */
    enum Outcome {
        /** The shadow copies exist and were handed over. */
        SUCCEEDED,
        /** It failed; the failure went to the caller. */
        FAILED,
        /** It was cancelled. */
        CANCELLED
    }

    /**
     * A new attempt begins, with a new backup-components object.
     *
     * @param attempt the attempt, counting from 1
     */
    record AttemptStarted(int attempt) implements ProgressEvent {
    }

    /**
     * A phase begins.
     *
     * @param phase   the phase
     * @param attempt the attempt
     */
    record PhaseStarted(Phase phase, int attempt) implements ProgressEvent {
        /** Checks the phase. */
        public PhaseStarted {
            Objects.requireNonNull(phase, "phase");
        }
    }

    /**
     * A phase ended.
     *
     * @param phase    the phase
     * @param attempt  the attempt
     * @param duration how long it took
     * @param hresult  0 when it succeeded, else its error (vss4j's timeout is
     *                 {@link ShadowCopyRequest#TIMEOUT_HRESULT}, a cancel {@link VssError#VSS_S_ASYNC_CANCELLED})
     */
    record PhaseEnded(Phase phase, int attempt, Duration duration, int hresult) implements ProgressEvent {
        /** Checks the phase and duration. */
        public PhaseEnded {
            Objects.requireNonNull(phase, "phase");
            Objects.requireNonNull(duration, "duration");
        }

        /** Whether the phase succeeded. */
        public boolean succeeded() {
            return hresult == 0;
        }
    }

    /**
     * Writer status was read and checked against the request's writer selection and policy.
     *
     * @param phase   {@link Phase#WRITER_STATUS_AFTER_PREPARE} or {@link Phase#WRITER_STATUS_AFTER_SNAPSHOT}
     * @param attempt the attempt
     * @param writers every writer's status
     * @param failed  the failed writers the request does not ignore
     */
    record WritersChecked(Phase phase, int attempt, List<WriterStatus> writers, List<WriterStatus> failed)
            implements ProgressEvent {
        /** Keeps unmodifiable copies. */
        public WritersChecked {
            Objects.requireNonNull(phase, "phase");
            writers = List.copyOf(writers);
            failed = List.copyOf(failed);
        }
    }

    /**
     * An attempt failed and the request will try again after {@code delay}.
     *
     * @param attempt the attempt that failed
     * @param reason  which rule of the {@link RetryPlan} applies
     * @param failure the failure, with its HRESULT, phase and writer states
     * @param delay   how long the request waits before the next attempt
     */
    record RetryScheduled(int attempt, RetryReason reason, VssException failure, Duration delay)
            implements ProgressEvent {
        /** Checks that nothing is missing. */
        public RetryScheduled {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(failure, "failure");
            Objects.requireNonNull(delay, "delay");
        }
    }

    /**
     * A failed or cancelled attempt was cleaned up: its object is released.
     *
     * @param attempt        the attempt
     * @param cancelledAsync whether an asynchronous operation still running was cancelled
     * @param aborted        whether AbortBackup was called
     */
    record CleanedUp(int attempt, boolean cancelledAsync, boolean aborted) implements ProgressEvent {
    }

    /**
     * The request ended: the last event of creating the set. Only the set's {@link ShadowCopySet#close()}
     * reports after it ({@link Phase#BACKUP_COMPLETE}, then {@link SetReleased}). For a restore, the end of
     * {@link RestoreRequest#prepare()}; {@link PreparedRestore#finish()} or {@link PreparedRestore#close()} report
     * after it, ending with {@link RestoreReleased}.
     *
     * @param attempt the last attempt
     * @param outcome how it ended
     */
    record Finished(int attempt, Outcome outcome) implements ProgressEvent {
        /** Checks the outcome. */
        public Finished {
            Objects.requireNonNull(outcome, "outcome");
        }
    }

    /**
     * A {@link ShadowCopySet} was closed and its object released: auto-release copies are gone now.
     *
     * @param attempt       the attempt that made the set
     * @param snapshotSetId the set's id
     * @param persistent    whether its copies stay
     */
    record SetReleased(int attempt, java.util.UUID snapshotSetId, boolean persistent) implements ProgressEvent {
        /** Checks the id. */
        public SetReleased {
            Objects.requireNonNull(snapshotSetId, "snapshotSetId");
        }
    }

    /**
     * Component mode: the request's components were found in the writers' metadata and added to the backup
     * (AddComponent), with the components they depend on.
     *
     * @param attempt    the attempt
     * @param components the components added, chosen ones first, then their dependencies
     * @param volumes    every volume of the snapshot set: those the request named, then the components' volumes
     */
    record ComponentsSelected(int attempt, List<SelectedComponent> components, List<String> volumes)
            implements ProgressEvent {
        /** Keeps unmodifiable copies. */
        public ComponentsSelected {
            components = List.copyOf(components);
            volumes = List.copyOf(volumes);
        }
    }

    /**
     * Component mode: closing the set told each writer how the backup of its components went (SetBackupSucceeded),
     * before BackupComplete.
     *
     * @param attempt   the attempt that made the set
     * @param succeeded the components told they were backed up
     * @param failed    the components told they were not (those the product reported failed or never reported)
     * @param untold    the components SetBackupSucceeded failed for (logged): their writers were told nothing
     */
    record BackupOutcomesTold(int attempt, List<SelectedComponent> succeeded, List<SelectedComponent> failed,
            List<SelectedComponent> untold) implements ProgressEvent {
        /** Keeps unmodifiable copies. */
        public BackupOutcomesTold {
            succeeded = List.copyOf(succeeded);
            failed = List.copyOf(failed);
            untold = List.copyOf(untold);
        }
    }

    /**
     * Restore: the request's components were found in the Backup Components Document and the writers' metadata, and
     * selected for restore (SetSelectedForRestore, with what the request asked for each), then SetRestoreState.
     *
     * @param attempt    always 1
     * @param components the components selected, targets not chosen yet
     */
    record RestoreSelected(int attempt, List<RestoreComponent> components) implements ProgressEvent {
        /** Keeps an unmodifiable copy. */
        public RestoreSelected {
            components = List.copyOf(components);
        }
    }

    /**
     * Restore: PreRestore ran and the writers were checked; the components carry the targets their writers chose.
     * The product copies the files now.
     *
     * @param attempt    always 1
     * @param components the components to restore, with their targets
     */
    record RestorePrepared(int attempt, List<RestoreComponent> components) implements ProgressEvent {
        /** Keeps an unmodifiable copy. */
        public RestorePrepared {
            components = List.copyOf(components);
        }
    }

    /**
     * Restore: each component's writer was told how the copy went (SetFileRestoreStatus), before PostRestore.
     *
     * @param attempt    always 1
     * @param all        the components told {@link FileRestoreStatus#ALL}
     * @param failed     the components told {@link FileRestoreStatus#FAILED} (reported failed, or not reported)
     * @param none       the components told {@link FileRestoreStatus#NONE}
     * @param untold     the components SetFileRestoreStatus failed for (logged)
     */
    record RestoreStatusTold(int attempt, List<RestoreComponent> all, List<RestoreComponent> failed,
            List<RestoreComponent> none, List<RestoreComponent> untold) implements ProgressEvent {
        /** Keeps unmodifiable copies. */
        public RestoreStatusTold {
            all = List.copyOf(all);
            failed = List.copyOf(failed);
            none = List.copyOf(none);
            untold = List.copyOf(untold);
        }
    }

    /**
     * Restore: the backup-components object was released; the last event of a restore.
     *
     * @param attempt    always 1
     * @param finished   whether {@link PreparedRestore#finish()} ran to its end (else a failure, a cancel or
     *                   {@link PreparedRestore#close()} ended it)
     * @param postRestoreRan whether PostRestore was run (it is whenever PreRestore was)
     */
    record RestoreReleased(int attempt, boolean finished, boolean postRestoreRan) implements ProgressEvent {
    }

    /** Why a request tries again. */
    enum RetryReason {
        /** DoSnapshotSet failed with one of its four documented retry codes. */
        PROVIDER,
        /** Another snapshot set was being created on the machine. */
        SNAPSHOT_SET_IN_PROGRESS,
        /** Writers reported a transient error. */
        WRITER
    }
}
