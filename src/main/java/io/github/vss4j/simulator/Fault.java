package io.github.vss4j.simulator;

import io.github.vss4j.Operation;
import io.github.vss4j.VssError;
import java.util.Objects;

/**
 * A planned failure: {@code operation} returns {@code hresult}, at once or (for asynchronous operations) through
 * {@code IVssAsync::QueryStatus}, on chosen attempts. Attempts are counted per operation across the simulated
 * machine, so a retry with a new BackupComponents is the next attempt.
 *
 * @param operation          the call that fails
 * @param hresult            what it returns
 * @param viaQueryStatus     whether the call itself succeeds and its IVssAsync ends with {@code hresult}
 * @param firstAttempt       the first attempt hit, counting from 1
 * @param attempts           how many attempts from {@code firstAttempt} are hit; -1 for all of them
 */
public record Fault(Operation operation, int hresult, boolean viaQueryStatus, int firstAttempt, int attempts) {

    public Fault {
        Objects.requireNonNull(operation, "operation");
        if (viaQueryStatus && !operation.isAsynchronous()) {
            throw new IllegalArgumentException(operation.vssName()
                    + " returns no IVssAsync, so its fault cannot come through QueryStatus");
        }
        if (firstAttempt < 1) {
            throw new IllegalArgumentException("firstAttempt " + firstAttempt + " must be 1 or more");
        }
        if (attempts < -1 || attempts == 0) {
            throw new IllegalArgumentException("attempts " + attempts + " must be 1 or more, or -1 for all");
        }
    }

    /** Starts describing a fault of {@code operation}. */
    public static Builder on(Operation operation) {
        return new Builder(Objects.requireNonNull(operation, "operation"));
    }

    /** The same fault, delivered through QueryStatus. */
    public Fault throughQueryStatus() {
        return new Fault(operation, hresult, true, firstAttempt, attempts);
    }

    /** The same fault, hitting attempt {@code attempt} (counting from 1) only. */
    public Fault onAttempt(int attempt) {
        return new Fault(operation, hresult, viaQueryStatus, attempt, 1);
    }

    /** The same fault, hitting {@code count} attempts in a row from its first. */
    public Fault times(int count) {
        return new Fault(operation, hresult, viaQueryStatus, firstAttempt, count);
    }

    /** The same fault, hitting every attempt from its first on. */
    public Fault always() {
        return new Fault(operation, hresult, viaQueryStatus, firstAttempt, -1);
    }

    /** The first half of a fault: which operation. */
    public static final class Builder {
        private final Operation operation;

        private Builder(Operation operation) {
            this.operation = operation;
        }

        /** Fails the first attempt with {@code error}, returned at once. */
        public Fault fails(VssError error) {
            Objects.requireNonNull(error, "error");
            if (error == VssError.UNKNOWN) {
                throw new IllegalArgumentException("UNKNOWN has no HRESULT: use fails(int) with the raw value");
            }
            return fails(error.hresult());
        }

        /** Fails the first attempt with the raw {@code hresult}, returned at once. */
        public Fault fails(int hresult) {
            return new Fault(operation, hresult, false, 1, 1);
        }
    }
}
