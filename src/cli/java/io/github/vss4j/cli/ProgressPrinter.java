package io.github.vss4j.cli;

import io.github.vss4j.Phase;
import io.github.vss4j.ProgressEvent;
import io.github.vss4j.ProgressListener;
import java.io.PrintStream;
import java.util.Locale;

/** Tells a person at a terminal what the request is doing, one line per step, on stderr. */
final class ProgressPrinter implements ProgressListener {
    private final PrintStream err;

    ProgressPrinter(PrintStream err) {
        this.err = err;
    }

    @Override
    public void onEvent(ProgressEvent event) {
        if (event instanceof ProgressEvent.AttemptStarted started && started.attempt() > 1) {
            err.println("vss4j: attempt " + started.attempt());
        } else if (event instanceof ProgressEvent.PhaseStarted started) {
            err.println("vss4j: " + phase(started.phase()) + " ...");
        } else if (event instanceof ProgressEvent.PhaseEnded ended && !ended.succeeded()) {
            err.println("vss4j: " + phase(ended.phase()) + " failed after " + ended.duration().toMillis() + " ms: "
                    + Reports.errorText(ended.hresult()));
        } else if (event instanceof ProgressEvent.RetryScheduled retry) {
            err.println("vss4j: trying again in " + retry.delay().toSeconds() + " s (" + retry.reason()
                    + "); Ctrl-C to give up");
        } else if (event instanceof ProgressEvent.CleanedUp cleaned) {
            err.println("vss4j: cleaned up attempt " + cleaned.attempt()
                    + (cleaned.aborted() ? " (backup aborted)" : ""));
        }
    }

    private static String phase(Phase phase) {
        return phase.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
