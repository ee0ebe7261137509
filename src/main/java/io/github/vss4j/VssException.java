package io.github.vss4j;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A VSS call failed. Carries the translated {@link VssError}, the raw HRESULT (always, also when the error is
 * {@link VssError#UNKNOWN}), the {@link Operation} that failed and, when the high-level API adds them, the phase,
 * the attempt and the writers' states. Its message is written for an operator: what failed, what the code
 * means and what to do.
 */
public class VssException extends IOException {
    private static final long serialVersionUID = 1L;

    private final VssError error;
    private final int hresult;
    private final Operation operation;
    private final String detail;
    private final Phase phase;
    private final int attempt;
    // ArrayList, not List: the field's type has to be serializable for the exception to be.
    private final ArrayList<WriterStatus> writerStatus;
    // The event-log entries read around the failure, newest first; ArrayList for the same reason.
    private final ArrayList<LoggedEvent> events;

    /** How many of the events the message shows; the rest are counted. */
    static final int EVENTS_SHOWN = 5;
    /** The longest line the message gives one event; the whole text is in {@link #events()}. */
    static final int EVENT_LINE_CHARS = 200;

    /**
     * A failure of a VSS call.
     *
     * @param operation the call that failed
     * @param hresult   the HRESULT it returned
     */
    public VssException(Operation operation, int hresult) {
        this(operation, hresult, null);
    }

    /**
     * A failure of a VSS call, with extra words for the message.
     *
     * @param operation the call that failed
     * @param hresult   the HRESULT it returned
     * @param detail    what the call was about, e.g. the volume name; may be null
     */
    public VssException(Operation operation, int hresult, String detail) {
        this(operation, hresult, detail, null, 0, List.of(), List.of(), null);
    }

    private VssException(Operation operation, int hresult, String detail, Phase phase, int attempt,
            List<WriterStatus> writers, List<LoggedEvent> events, Throwable cause) {
        super(message(Objects.requireNonNull(operation, "operation"), hresult, detail, phase, attempt, writers)
                + eventLines(events), cause);
        this.error = VssError.of(hresult);
        this.hresult = hresult;
        this.operation = operation;
        this.detail = detail;
        this.phase = phase;
        this.attempt = attempt;
        this.writerStatus = new ArrayList<>(writers);
        this.events = new ArrayList<>(events);
    }

    /**
     * This failure again, with what the high-level API knows about where it happened. The new exception has the
     * same error, operation, HRESULT and detail, and this one as its cause. Not API: the one-call engine
     * ({@code internal.request}) adds the context through {@link ShadowCopyRequest}; users read it through
     * {@link #phase()}, {@link #attempt()} and {@link #writerStatus()}.
     *
     * @param phase   the phase of the request that failed, e.g. {@link Phase#DO_SNAPSHOT_SET}; may be null
     * @param attempt which attempt failed, counting from 1; 0 when not counted
     * @param writers the writers' status when it failed; may be null or empty
     * @return the exception with its context
     * @throws IllegalArgumentException if {@code attempt} is negative
     */
    VssException withContext(Phase phase, int attempt, List<WriterStatus> writers) {
        if (attempt < 0) {
            throw new IllegalArgumentException("attempt must not be negative, was " + attempt);
        }
        List<WriterStatus> copy = writers == null ? List.of() : List.copyOf(writers);
        return new VssException(operation, hresult, detail, phase, attempt, copy, events, this);
    }

    /**
     * This failure again, with what the shadow storage of its volumes held when it happened (for
     * VSS_E_INSUFFICIENT_STORAGE) added to its detail; the same error, operation, HRESULT and context, this one as
     * its cause. Not API: {@link ShadowCopyRequest} adds it.
     */
    VssException withStorage(String storage) {
        String more = detail == null ? storage : detail + "; " + storage;
        return new VssException(operation, hresult, more, phase, attempt, writerStatus, events, this);
    }

    /**
     * This failure again, with the event-log entries VSS, volsnap, the provider and the failed writers' services
     * wrote around it (newest first); the same error, operation, HRESULT, detail and context, this one as its
     * cause. Not API: {@link ShadowCopyRequest} adds them.
     */
    VssException withEvents(List<LoggedEvent> logged) {
        return new VssException(operation, hresult, detail, phase, attempt, writerStatus, List.copyOf(logged), this);
    }

    /** The translated error; {@link VssError#UNKNOWN} when the code is not in the table. */
    public VssError error() {
        return error;
    }

    /** The raw HRESULT, as Windows returned it. */
    public int hresult() {
        return hresult;
    }

    /** The call that failed. */
    public Operation operation() {
        return operation;
    }

    /** The extra words given when the exception was made, e.g. the volume name. */
    public Optional<String> detail() {
        return Optional.ofNullable(detail);
    }

    /** The phase of the {@link ShadowCopyRequest} that failed; empty when the failure did not come from one. */
    public Optional<Phase> phase() {
        return Optional.ofNullable(phase);
    }

    /** Which attempt failed, counting from 1; 0 when not counted. */
    public int attempt() {
        return attempt;
    }

    /** The writers' status when the call failed; empty when not known. Unmodifiable. */
    public List<WriterStatus> writerStatus() {
        return Collections.unmodifiableList(writerStatus);
    }

    /**
     * What Windows wrote to its event log about this failure, newest first: the entries of VSS, volsnap, the
     * provider and the failed writers' services from the minutes around it, read when the failure's code is one
     * whose documentation sends operators to the event log (see {@code docs/event-log.md}). Empty when none was
     * read: another code, reading turned off, nothing logged, or the log could not be read. Unmodifiable.
     */
    public List<LoggedEvent> events() {
        return Collections.unmodifiableList(events);
    }

    /** Whether trying again later may succeed; see {@link VssError#isTransient()}. */
    public boolean isTransient() {
        return error.isTransient();
    }

    // The newest few entries, one line each, and how many more there are.
    private static String eventLines(List<LoggedEvent> events) {
        if (events.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder(" Event log (newest first):");
        int shown = Math.min(EVENTS_SHOWN, events.size());
        for (int i = 0; i < shown; i++) {
            String line = events.get(i).toString();
            text.append(System.lineSeparator()).append("  ").append(line.length() <= EVENT_LINE_CHARS ? line
                    : line.substring(0, EVENT_LINE_CHARS - 3) + "...");
        }
        if (events.size() > shown) {
            text.append(System.lineSeparator()).append("  ... and ").append(events.size() - shown).append(" more");
        }
        return text.toString();
    }

    private static String message(Operation operation, int hresult, String detail, Phase phase, int attempt,
            List<WriterStatus> writers) {
        VssError error = VssError.of(hresult);
        StringBuilder text = new StringBuilder(operation.vssName()).append(" failed with ");
        if (error == VssError.UNKNOWN) {
            text.append("unknown HRESULT ").append(VssError.hex(hresult));
        } else {
            text.append(error.name()).append(" (").append(error.hex()).append(')');
        }
        if (detail != null && !detail.isEmpty()) {
            text.append(" [").append(detail).append(']');
        }
        if (phase != null) {
            text.append(" in phase ").append(phase.name());
        }
        if (attempt > 0) {
            text.append(phase != null ? ", " : " at ").append("attempt ").append(attempt);
        }
        text.append(": ").append(error.meaning()).append(' ').append(error.advice());
        StringBuilder failed = new StringBuilder();
        for (WriterStatus writer : writers) {
            if (!writer.isFailed()) {
                continue;
            }
            failed.append(failed.length() == 0 ? " Failed writers: " : "; ");
            failed.append(writer.writerName().isEmpty() ? writer.writerId().toString() : writer.writerName())
                    .append(" (").append(writer.state());
            if (writer.failure() != 0) {
                VssError failure = writer.failureError();
                failed.append(", ").append(failure == VssError.UNKNOWN ? "unknown HRESULT" : failure.name())
                        .append(' ').append(VssError.hex(writer.failure()));
            }
            failed.append(')');
        }
        if (failed.length() > 0) {
            text.append(failed).append('.');
        }
        return text.toString();
    }
}
