package io.github.vss4j.internal.health;

import io.github.vss4j.EventLogQuery;
import io.github.vss4j.HealthFinding;
import io.github.vss4j.HealthFinding.Severity;
import io.github.vss4j.LoggedEvent;
import io.github.vss4j.Vss;
import io.github.vss4j.VssError;
import io.github.vss4j.VssException;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;

/**
 * The doctor's "recent VSS errors": the errors and criticals VSS, volsnap and the system provider wrote in the last
 * 24 hours, as one WARNING finding with their count and the newest (a past failure says what may fail again; it
 * does not stop copies now). A log that cannot be read is a finding only when it refuses the reader (so the operator
 * knows the check was not made); a build without a reader, a late log or a thrown error adds nothing.
 */
final class RecentErrors {
    static final Duration WINDOW = Duration.ofHours(24);
    static final int MAX_COUNT = 100;
    static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final int SHOWN_CHARS = 300;

    private RecentErrors() {
    }

    static void into(Vss vss, List<HealthFinding> findings) throws InterruptedException {
        List<LoggedEvent> errors;
        try {
            errors = vss.events(EventLogQuery.of(EventLogQuery.VSS_SOURCES).since(WINDOW)
                    .maxLevel(LoggedEvent.Level.ERROR).maxCount(MAX_COUNT).timeout(TIMEOUT));
        } catch (VssException unreadable) {
            if (unreadable.error() == VssError.E_ACCESSDENIED) {
                findings.add(new HealthFinding(Severity.WARNING, "event log",
                        "the Application and System logs could not be read, so recent VSS errors were not checked",
                        "run elevated or as a member of Event Log Readers to see them, or read them in the Event"
                                + " Viewer", OptionalInt.of(unreadable.hresult())));
            }
            return;
        } catch (RuntimeException | LinkageError unreadable) {
            return;
        }
        if (errors.isEmpty()) {
            return;
        }
        String newest = errors.get(0).toString();
        if (newest.length() > SHOWN_CHARS) {
            newest = newest.substring(0, SHOWN_CHARS) + "...";
        }
        String count = errors.size() >= MAX_COUNT ? "at least " + MAX_COUNT : String.valueOf(errors.size());
        findings.add(new HealthFinding(Severity.WARNING, "event log",
                count + " error" + (errors.size() == 1 ? "" : "s") + " of VSS, volsnap or swprv in the last 24 hours;"
                        + " the newest: " + newest,
                "read the entries' text in the Event Viewer (Windows Logs, Application and System, sources VSS and"
                        + " volsnap): it names the writer, provider or volume to fix; if it is old and copies succeed"
                        + " now, nothing is to do", OptionalInt.empty()));
    }
}
