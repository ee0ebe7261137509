package io.github.vss4j;

import io.github.vss4j.internal.health.WriterServices;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event-log entries a failed request's exception carries: read only for the codes whose documentation says the
 * reason is in the event log, from the request's start to a moment after the failure, bounded in count and time.
 * A read that fails, times out or throws leaves the original failure as it was (logged once, in a sentence).
 */
final class FailureEvents {
    /** The system property that turns the reading off for the whole process: {@code -Dvss4j.eventLog=false}. */
    static final String PROPERTY = "vss4j.eventLog";
    static final int MAX_COUNT = 20;
    static final Duration TIMEOUT = Duration.ofSeconds(2);
    /** Clocks of VSS's service and this process agree to within this; the window is widened by it both ways. */
    static final Duration CLOCK_SLACK = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(ShadowCopyRequest.class);
    private static final AtomicBoolean WARNED = new AtomicBoolean();

    // Checked against Microsoft's documentation of each code (VSS-BEHAVIOUR.md, vsserror.h's descriptions, the
    // provider rules that a veto is explained in the Application log) and VssError's own advice: these send the
    // operator to the Application or System event log. UNKNOWN: an undocumented code's advice is the log too.
    private static final Set<VssError> LOGGED = EnumSet.of(
            VssError.UNKNOWN,
            VssError.VSS_E_WRITER_INFRASTRUCTURE,
            VssError.VSS_E_TRANSACTION_FREEZE_TIMEOUT,
            VssError.VSS_E_TRANSACTION_THAW_TIMEOUT,
            VssError.VSS_E_FLUSH_WRITES_TIMEOUT,
            VssError.VSS_E_HOLD_WRITES_TIMEOUT,
            VssError.VSS_E_PROVIDER_VETO,
            VssError.VSS_E_UNEXPECTED_PROVIDER_ERROR,
            VssError.VSS_E_UNEXPECTED,
            VssError.VSS_E_UNEXPECTED_WRITER_ERROR,
            VssError.VSS_E_INSUFFICIENT_STORAGE);

    private FailureEvents() {
    }

    /** Whether the process allows reading (the system property is not {@code false}). */
    static boolean allowedByProperty() {
        return !"false".equalsIgnoreCase(System.getProperty(PROPERTY, "true").trim());
    }

    /** Whether {@code failure} (and the writers' status) is one whose reason Windows writes to its event log. */
    static boolean concerns(VssException failure, List<WriterStatus> writers) {
        if (LOGGED.contains(failure.error()) || failure.error().name().startsWith("VSS_E_WRITERERROR_")) {
            return true;
        }
        return writers != null && writers.stream().anyMatch(WriterStatus::isFailed);
    }

    /**
     * The sources to read: VSS, volsnap, the system provider's service, and the services hosting the failed
     * writers. [I] The in-box writers' hosting services are assumed to log under their service names.
     */
    static List<String> sources(List<WriterStatus> writers) {
        Set<String> sources = new LinkedHashSet<>(EventLogQuery.VSS_SOURCES);
        if (writers != null) {
            for (WriterStatus writer : writers) {
                if (writer.isFailed()) {
                    WriterServices.serviceName(writer.writerId()).ifPresent(sources::add);
                }
            }
        }
        return List.copyOf(sources);
    }

    /** {@code located} with the events of its failure attached, or {@code located} itself when none were read. */
    static VssException attach(Vss vss, VssException located, Instant started, List<WriterStatus> writers) {
        if (!concerns(located, writers)) {
            return located;
        }
        Instant now = Instant.now();
        Instant from = started.minus(CLOCK_SLACK);
        if (from.isBefore(Instant.EPOCH)) {
            from = Instant.EPOCH;
        }
        try {
            EventLogQuery query = EventLogQuery.of(sources(writers)).between(from, now.plus(CLOCK_SLACK))
                    .maxLevel(LoggedEvent.Level.WARNING).maxCount(MAX_COUNT).timeout(TIMEOUT);
            List<LoggedEvent> events = vss.events(query);
            return events.isEmpty() ? located : located.withEvents(events);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return located;
        } catch (VssException | RuntimeException | LinkageError unreadable) {
            if (unreadable instanceof VssException refused && refused.error() == VssError.E_NOTIMPL) {
                return located;
            }
            String sentence = "vss4j could not read the event log to explain " + located.error().name()
                    + " of " + located.operation().vssName() + " (" + unreadable.getMessage() + "); the failure is"
                    + " reported without Windows' own entries. Read them in the Event Viewer (Application and System"
                    + " logs, sources VSS and volsnap).";
            if (WARNED.compareAndSet(false, true)) {
                LOG.warn(sentence);
            } else {
                LOG.debug(sentence);
            }
            return located;
        }
    }
}
