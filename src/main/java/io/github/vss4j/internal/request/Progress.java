package io.github.vss4j.internal.request;

import io.github.vss4j.FileRestoreStatus;
import io.github.vss4j.Phase;
import io.github.vss4j.ProgressEvent;
import io.github.vss4j.ProgressListener;
import io.github.vss4j.RestoreComponent;
import io.github.vss4j.SelectedComponent;
import io.github.vss4j.ShadowCopyRequest;
import io.github.vss4j.VssError;
import io.github.vss4j.VssException;
import io.github.vss4j.WriterStatus;
import io.github.vss4j.internal.Saturated;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells one request's progress three ways: to its listener, as JFR events (where the runtime has JFR), and in the
 * log.
 */
public final class Progress {
    private static final Logger LOG = LoggerFactory.getLogger(ShadowCopyRequest.class);
    private static final RequestEvents EVENTS = RequestEvents.forThisRuntime();

    private final ProgressListener listener;
    private final WriterSelection selection;
    private final String noun;

    Progress(ProgressListener listener, WriterSelection selection) {
        this(listener, selection, "Shadow copy");
    }

    /** @param noun what the log calls the request's phases, e.g. {@code Restore} */
    Progress(ProgressListener listener, WriterSelection selection, String noun) {
        this.listener = listener;
        this.selection = selection;
        this.noun = noun;
    }

    /** A phase under way: ends exactly once with {@link #end(int)}. */
    final class Span {
        private final Phase phase;
        private final int attempt;
        private final long startNanos;
        private final Waits clock;
        private final RequestEvents.PhaseRecord event;

        private Span(Phase phase, int attempt, Waits clock) {
            this.phase = phase;
            this.attempt = attempt;
            this.clock = clock;
            this.startNanos = clock.now();
            this.event = EVENTS.beginPhase();
        }

        void end(int hresult) {
            Duration took = clock.since(startNanos);
            event.end(phase.name(), attempt, hresult);
            if (hresult == 0) {
                LOG.info("{} phase {} finished in {} ms (attempt {}).", noun, phase, took.toMillis(), attempt);
            } else {
                LOG.info("{} phase {} ended with {} after {} ms (attempt {}).", noun, phase, errorName(hresult),
                        took.toMillis(), attempt);
            }
            tell(new ProgressEvent.PhaseEnded(phase, attempt, took, hresult));
        }
    }

    Span start(Phase phase, int attempt, Waits clock) {
        LOG.debug("{} phase {} starts (attempt {}).", noun, phase, attempt);
        tell(new ProgressEvent.PhaseStarted(phase, attempt));
        return new Span(phase, attempt, clock);
    }

    void attemptStarted(int attempt) {
        LOG.info("Shadow copy attempt {} starts with a new backup-components object.", attempt);
        tell(new ProgressEvent.AttemptStarted(attempt));
    }

    void writersChecked(Phase phase, int attempt, List<WriterStatus> writers, List<WriterStatus> failed) {
        for (WriterStatus writer : writers) {
            EVENTS.writer(phase.name(), attempt, writer.writerName(), writer.state().name(), writer.failure(),
                    selection.checks(writer));
        }
        if (failed.isEmpty()) {
            LOG.info("All {} writers are fine after {} (attempt {}).", writers.size(), phase, attempt);
        } else {
            LOG.warn("{} of {} writers failed after {} (attempt {}): {}.", failed.size(), writers.size(), phase,
                    attempt, describe(failed));
        }
        tell(new ProgressEvent.WritersChecked(phase, attempt, writers, failed));
    }

    void retryScheduled(int attempt, ProgressEvent.RetryReason reason, VssException failure, Duration wait) {
        EVENTS.retry(attempt, reason.name(), failure.phase().map(Phase::name).orElse(""), failure.hresult(),
                failure.error().name(), Saturated.nanos(wait));
        LOG.warn("Shadow copy attempt {} failed with {} ({}); trying again with a new object in {} s ({} rule).",
                attempt, failure.error(), VssError.hex(failure.hresult()), wait.toSeconds(), reason);
        tell(new ProgressEvent.RetryScheduled(attempt, reason, failure, wait));
    }

    void componentsSelected(int attempt, List<SelectedComponent> components, List<String> volumes) {
        for (SelectedComponent component : components) {
            componentEvent("ADDED", attempt, component, 0);
        }
        LOG.info("Added {} writer component(s) to the backup (attempt {}): {}; snapshot set volumes {}.",
                components.size(), attempt, components, volumes);
        tell(new ProgressEvent.ComponentsSelected(attempt, components, volumes));
    }

    /** One SetBackupSucceeded call: {@code hresult} 0 when the writer was told. */
    void outcomeTold(int attempt, SelectedComponent component, boolean succeeded, int hresult) {
        componentEvent(succeeded ? "TOLD_SUCCEEDED" : "TOLD_FAILED", attempt, component, hresult);
        if (hresult != 0) {
            LOG.warn("Could not tell writer {} that the backup of {} {}: {}; it will not count it as backed up.",
                    component.writerName(), component.path(), succeeded ? "succeeded" : "failed",
                    errorName(hresult));
        }
    }

    void outcomesTold(int attempt, List<SelectedComponent> succeeded, List<SelectedComponent> failed,
            List<SelectedComponent> untold) {
        LOG.info("Told the writers how the backup went (attempt {}): succeeded {}, failed {}{}.", attempt, succeeded,
                failed, untold.isEmpty() ? "" : ", not told (SetBackupSucceeded failed) " + untold);
        tell(new ProgressEvent.BackupOutcomesTold(attempt, succeeded, failed, untold));
    }

    private static void componentEvent(String step, int attempt, SelectedComponent component, int hresult) {
        componentEvent(step, attempt, component.writerName(), component.path(), component.selectedAsDependency(),
                hresult);
    }

    private static void componentEvent(String step, int attempt, String writer, String path, boolean dependency,
            int hresult) {
        EVENTS.component(step, attempt, writer, path, dependency, hresult);
    }

    void restoreSelected(List<RestoreComponent> components) {
        for (RestoreComponent c : components) {
            componentEvent("SELECTED_FOR_RESTORE", 1, c.writerName(), c.path(), false, 0);
        }
        LOG.info("Selected {} component(s) for restore: {}.", components.size(), components);
        tell(new ProgressEvent.RestoreSelected(1, components));
    }

    void restorePrepared(List<RestoreComponent> components) {
        for (RestoreComponent c : components) {
            LOG.info("Restore {}: target {}, method {}{}{}; {} file set(s).", c, c.restoreTarget(),
                    c.instructions().method(),
                    c.instructions().serviceToStop().isEmpty() ? "" : ", stop service " + c.instructions().serviceToStop(),
                    c.instructions().rebootRequired() ? ", reboot required" : "", c.files().size());
        }
        tell(new ProgressEvent.RestorePrepared(1, components));
    }

    /** One SetFileRestoreStatus call: {@code hresult} 0 when the writer was told. */
    void restoreStatusTold(RestoreComponent component, FileRestoreStatus status, int hresult) {
        componentEvent("TOLD_RESTORE_" + status.name(), 1, component.writerName(), component.path(), false, hresult);
        if (hresult != 0) {
            LOG.warn("Could not tell writer {} that the restore of {} ended {}: {}.", component.writerName(),
                    component.path(), status, errorName(hresult));
        }
    }

    void restoreStatusesTold(List<RestoreComponent> all, List<RestoreComponent> failed, List<RestoreComponent> none,
            List<RestoreComponent> untold) {
        LOG.info("Told the writers how the restore went: all files {}, failed {}, none {}{}.", all, failed, none,
                untold.isEmpty() ? "" : ", not told (SetFileRestoreStatus failed) " + untold);
        tell(new ProgressEvent.RestoreStatusTold(1, all, failed, none, untold));
    }

    void restoreReleased(boolean finished, boolean postRestoreRan) {
        LOG.info("Released the restore's backup-components object ({}{}).",
                finished ? "the restore finished" : "the restore did not finish",
                postRestoreRan ? ", after PostRestore" : ", PostRestore not needed");
        tell(new ProgressEvent.RestoreReleased(1, finished, postRestoreRan));
    }

    void cleanedUp(int attempt, boolean cancelledAsync, boolean aborted) {
        LOG.info("Cleaned up {} attempt {}: {}{}released the backup-components object.",
                noun.toLowerCase(java.util.Locale.ROOT), attempt,
                cancelledAsync ? "cancelled the running operation, " : "",
                aborted ? "aborted the backup, " : "");
        tell(new ProgressEvent.CleanedUp(attempt, cancelledAsync, aborted));
    }

    void finished(int attempt, ProgressEvent.Outcome outcome) {
        LOG.info("{} request {} after {} attempt(s).", noun, outcome.name().toLowerCase(java.util.Locale.ROOT),
                attempt);
        tell(new ProgressEvent.Finished(attempt, outcome));
    }

    void tell(ProgressEvent event) {
        try {
            listener.onEvent(event);
        } catch (RuntimeException broken) {
            LOG.warn("A shadow copy progress listener threw on {}; the request goes on.", event, broken);
        }
    }

    /** How the log, JFR and the tests name an HRESULT: S_OK, timeout, the VssError's name, or its hex. */
    public static String errorName(int hresult) {
        if (hresult == 0) {
            return "S_OK";
        }
        if (hresult == ShadowCopyRequest.TIMEOUT_HRESULT) {
            return "timeout";
        }
        VssError error = VssError.of(hresult);
        return error == VssError.UNKNOWN ? VssError.hex(hresult) : error.name();
    }

    static String describe(List<WriterStatus> writers) {
        return writers.stream().map(w -> w.writerName() + " " + w.state() + " " + errorName(w.failure()))
                .collect(Collectors.joining(", "));
    }
}
