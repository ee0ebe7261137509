package io.github.vss4j;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * One thing {@link Vss#checkHealth} found that stands in the way of shadow copies, with what to do about it.
 *
 * @param severity whether copies fail now ({@link Severity#PROBLEM}) or may fail later ({@link Severity#WARNING})
 * @param subject  what it is about, e.g. {@code writer "System Writer"} or {@code volume C:\}
 * @param problem  what is wrong, in a sentence
 * @param action   what an operator does about it, in a sentence
 * @param hresult  the HRESULT behind it, when there is one
 */
public record HealthFinding(Severity severity, String subject, String problem, String action, OptionalInt hresult) {

    /** How much a finding matters. */
    public enum Severity {
        /** Shadow copies may fail later, or fail only sometimes, if nothing is done. */
        WARNING,
        /** Shadow copies fail now. */
        PROBLEM
    }

    public HealthFinding {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(hresult, "hresult");
    }

    /** The HRESULT translated; {@link VssError#UNKNOWN} for an unknown code, empty when there is none. */
    public java.util.Optional<VssError> error() {
        return hresult.isPresent() ? java.util.Optional.of(VssError.of(hresult.getAsInt())) : java.util.Optional.empty();
    }

    /** One line for a log: {@code PROBLEM writer "System Writer": ... Do: ...}. */
    @Override
    public String toString() {
        return severity + " " + subject + ": " + problem
                + (hresult.isPresent() ? " (" + VssError.of(hresult.getAsInt()).name() + ", "
                        + VssError.hex(hresult.getAsInt()) + ")" : "")
                + ". Do: " + action;
    }
}
