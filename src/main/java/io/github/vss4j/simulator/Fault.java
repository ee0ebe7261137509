package io.github.vss4j.simulator;

import io.github.vss4j.Operation;
import io.github.vss4j.VssError;
import java.util.Objects;

/**
 * A planned failure: {@code operation} returns {@code hresult}, at once or (for asynchronous operations) through
 * {@code IVssAsync::QueryStatus}, on chosen attempts. Attempts are counted per operation across the simulated
 * machine, so a retry with a new BackupComponents is the next attempt. A call refused by the state machine
 * ({@code VSS_E_BAD_STATE}) is no attempt. DeleteSnapshots counts one attempt per copy it deletes, so a plan can
 * stop the deletion of a set half-way, as Windows stops at the first copy it cannot delete.
 *
 * <pre>{@code
 * Fault.on(Operation.DO_SNAPSHOT_SET).fails(VssError.VSS_E_FLUSH_WRITES_TIMEOUT)           // first attempt, at once
 * Fault.on(Operation.DO_SNAPSHOT_SET).fails(VssError.VSS_E_PROVIDER_VETO).throughQueryStatus()
 * Fault.on(Operation.DO_SNAPSHOT_SET).fails(VssError.VSS_E_HOLD_WRITES_TIMEOUT).times(3)   // attempts 1 to 3
 * Fault.on(Operation.PREPARE_FOR_BACKUP).fails(VssError.VSS_E_UNEXPECTED).onAttempt(2)     // the second only
 * Fault.on(Operation.CREATE_BACKUP_COMPONENTS).fails(VssError.E_ACCESSDENIED).always()     // not elevated
 * Fault.on(Operation.DELETE_SNAPSHOTS).fails(VssError.VSS_E_OBJECT_NOT_FOUND).onAttempt(2) // the set's 2nd copy
 * }</pre>
 *
 * <p>Through QueryStatus the call itself succeeds and its {@code VssAsync} ends with the error, as the errors
 * Windows documents as "QueryStatus only" always do ({@code VSS_E_INSUFFICIENT_STORAGE},
 * {@code VSS_E_PROVIDER_VETO}, {@code VSS_E_UNEXPECTED_PROVIDER_ERROR} from DoSnapshotSet come that way even when
 * planned without {@link #throughQueryStatus()}). A failed DoSnapshotSet releases the machine's snapshot-set lock
 * and makes no copies; the requester is expected to call AbortBackup, then release its object.
 *
 * @param operation          the call that fails
 * @param hresult            what it returns
 * @param viaQueryStatus     whether the call itself succeeds and its IVssAsync ends with {@code hresult}
 * @param firstAttempt       the first attempt hit, counting from 1
 * @param attempts           how many attempts from {@code firstAttempt} are hit; -1 for all of them
 */
public record Fault(Operation operation, int hresult, boolean viaQueryStatus, int firstAttempt, int attempts) {

    /** Checks the operation and the attempts. */
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

    /**
     * The same fault, delivered through QueryStatus: the call succeeds, its IVssAsync ends with the error.
     *
     * @throws IllegalArgumentException if the operation is synchronous (it has no IVssAsync)
     */
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

    /** The first half of a fault, which names the operation: {@code Fault.on(operation).fails(error)}. */
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
