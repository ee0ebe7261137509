package io.github.vss4j.stress;

import io.github.vss4j.Operation;
import io.github.vss4j.VssContext;
import io.github.vss4j.VssError;
import io.github.vss4j.simulator.Fault;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A reference model of one simulated machine: VSS-BEHAVIOUR.md's "One object's states", the machine-wide
 * one-set rule, and the fault plan's attempt counting, written from the documentation, independently of the
 * C++ simulator. Each method predicts a call's outcome as an HRESULT (0 for success, {@link #CLOSED} for the
 * IllegalStateException of a closed object) and moves the model as the call moves the machine.
 */
final class Model {
    static final int OK = 0;
    /** Not an HRESULT: the call must throw IllegalStateException. */
    static final int CLOSED = 1;
    static final int BAD_STATE = VssError.VSS_E_BAD_STATE.hresult();
    static final int SET_IN_PROGRESS = VssError.VSS_E_SNAPSHOT_SET_IN_PROGRESS.hresult();
    static final int NOT_FOUND = VssError.VSS_E_OBJECT_NOT_FOUND.hresult();
    static final int ALREADY_EXISTS = VssError.VSS_E_OBJECT_ALREADY_EXISTS.hresult();

    // VSS-BEHAVIOUR.md: these DoSnapshotSet errors arrive only through QueryStatus, whatever the plan says.
    private static final Set<Integer> QUERY_STATUS_ONLY = Set.of(VssError.VSS_E_INSUFFICIENT_STORAGE.hresult(),
            VssError.VSS_E_PROVIDER_VETO.hresult(), VssError.VSS_E_UNEXPECTED_PROVIDER_ERROR.hresult());

    enum Phase { CREATED, INIT, METADATA, SET_OPEN, PREPARED, SNAPSHOT_DONE, SNAPSHOT_FAILED, FAILED, COMPLETE, ABORTED }

    enum OpState { PENDING, FINISHED, FAILED, CANCELLED }

    /** One IVssAsync. */
    static final class Op {
        final Operation operation;
        final Obj owner;
        final int planned;
        OpState state = OpState.PENDING;
        int error;
        boolean released;

        Op(Operation operation, Obj owner, int planned) {
            this.operation = operation;
            this.owner = owner;
            this.planned = planned;
        }

        /** What QueryStatus reports. */
        int status() {
            return switch (state) {
                case PENDING -> VssError.VSS_S_ASYNC_PENDING.hresult();
                case FINISHED -> VssError.VSS_S_ASYNC_FINISHED.hresult();
                case CANCELLED -> VssError.VSS_S_ASYNC_CANCELLED.hresult();
                case FAILED -> error;
            };
        }
    }

    /** One IVssBackupComponents. */
    static final class Obj {
        final String name;
        Phase phase = Phase.CREATED;
        VssContext context = VssContext.BACKUP;
        boolean contextSet;
        boolean backupStateSet;
        boolean metadataGathered;
        boolean metadataFreed;
        boolean statusGathered;
        int writersSeen;
        final List<String> members = new ArrayList<>();
        final List<UUID> memberIds = new ArrayList<>();
        Op pending;
        boolean closed;

        Obj(String name) {
            this.name = name;
        }

        @Override
        public String toString() {
            return name + "[" + phase + ", " + context + (pending != null ? ", pending " + pending.operation : "")
                    + (closed ? ", closed" : "") + "]";
        }
    }

    private record Copy(UUID id, Obj owner, VssContext context) {
    }

    private final Set<String> volumes;
    private final int writers;
    private final List<Fault> faults;
    private final Set<Operation> slow;
    private final Map<Operation, Integer> attempts = new EnumMap<>(Operation.class);
    private final List<Copy> copies = new ArrayList<>();
    private Obj setOwner;
    int faultsInjected;

    Model(Set<String> volumes, int writers, List<Fault> faults, Set<Operation> slow) {
        this.volumes = volumes;
        this.writers = writers;
        this.faults = faults;
        this.slow = slow;
    }

    static boolean writersTakePart(VssContext context) {
        return context.involvesWriters();
    }

    private static boolean autoReleased(VssContext context) {
        return context.isAutoRelease();
    }

    private static boolean in(Phase phase, Phase... allowed) {
        for (Phase p : allowed) {
            if (p == phase) {
                return true;
            }
        }
        return false;
    }

    /** The fault plan's next attempt of {@code operation}: the first planned fault that covers it, or null. */
    private Fault attempt(Operation operation) {
        int number = attempts.merge(operation, 1, Integer::sum);
        for (Fault f : faults) {
            if (f.operation() != operation || number < f.firstAttempt()) {
                continue;
            }
            if (f.attempts() >= 0 && number >= f.firstAttempt() + f.attempts()) {
                continue;
            }
            return f;
        }
        return null;
    }

    private Integer immediateFault(Operation operation) {
        Fault f = attempt(operation);
        if (f == null) {
            return null;
        }
        faultsInjected++;
        return f.hresult();
    }

    /** Outcome before the call reaches its state check: closed objects throw, busy ones are BAD_STATE. */
    private Integer gate(Obj o, Operation operation) {
        if (o.closed) {
            return CLOSED;
        }
        if (o.pending != null && operation != Operation.ABORT_BACKUP) {
            return BAD_STATE;
        }
        return null;
    }

    int initializeForBackup(Obj o) {
        Integer gated = gate(o, Operation.INITIALIZE_FOR_BACKUP);
        if (gated != null) {
            return gated;
        }
        if (o.phase != Phase.CREATED) {
            return BAD_STATE;
        }
        Integer fault = immediateFault(Operation.INITIALIZE_FOR_BACKUP);
        if (fault != null) {
            return fault;
        }
        o.phase = Phase.INIT;
        return OK;
    }

    int setContext(Obj o, VssContext context) {
        Integer gated = gate(o, Operation.SET_CONTEXT);
        if (gated != null) {
            return gated;
        }
        if (o.phase != Phase.INIT || o.contextSet) {
            return BAD_STATE;
        }
        Integer fault = immediateFault(Operation.SET_CONTEXT);
        if (fault != null) {
            return fault;
        }
        o.context = context;
        o.contextSet = true;
        return OK;
    }

    int setBackupState(Obj o) {
        Integer gated = gate(o, Operation.SET_BACKUP_STATE);
        if (gated != null) {
            return gated;
        }
        if (!in(o.phase, Phase.INIT, Phase.METADATA)) {
            return BAD_STATE;
        }
        Integer fault = immediateFault(Operation.SET_BACKUP_STATE);
        if (fault != null) {
            return fault;
        }
        o.backupStateSet = true;
        return OK;
    }

    /** The op started by the last successful asynchronous call. */
    Op started;

    private int startAsync(Obj o, Operation operation) {
        started = null;
        Fault f = attempt(operation);
        int planned = OK;
        if (f != null) {
            faultsInjected++;
            boolean viaQueryStatus = f.viaQueryStatus()
                    || operation == Operation.DO_SNAPSHOT_SET && QUERY_STATUS_ONLY.contains(f.hresult());
            if (!viaQueryStatus) {
                return f.hresult();
            }
            planned = f.hresult();
        }
        Op op = new Op(operation, o, planned);
        o.pending = op;
        started = op;
        if (!slow.contains(operation)) {
            finish(op);
        }
        return OK;
    }

    private void fail(Op op, int error) {
        op.state = OpState.FAILED;
        op.error = error;
    }

    private void finish(Op op) {
        op.state = OpState.FINISHED;
        Obj o = op.owner;
        o.pending = null;
        int planned = op.planned;
        switch (op.operation) {
            case GATHER_WRITER_METADATA -> {
                if (planned != OK) {
                    fail(op, planned);
                    o.phase = Phase.FAILED;
                } else {
                    o.metadataGathered = true;
                    o.phase = Phase.METADATA;
                }
            }
            case PREPARE_FOR_BACKUP -> {
                if (planned != OK) {
                    fail(op, planned);
                    o.phase = Phase.FAILED;
                    releaseSet(o);
                } else {
                    o.phase = Phase.PREPARED;
                }
            }
            case DO_SNAPSHOT_SET -> {
                if (planned != OK) {
                    fail(op, planned);
                    o.phase = Phase.SNAPSHOT_FAILED;
                } else {
                    for (UUID id : o.memberIds) {
                        copies.add(new Copy(id, o, o.context));
                    }
                    o.phase = Phase.SNAPSHOT_DONE;
                }
                releaseSet(o);
            }
            case GATHER_WRITER_STATUS -> {
                if (planned != OK) {
                    fail(op, planned);
                } else {
                    o.statusGathered = true;
                }
            }
            case BACKUP_COMPLETE -> {
                if (planned != OK) {
                    fail(op, planned);
                }
                o.phase = Phase.COMPLETE;
            }
            default -> throw new AssertionError(op.operation);
        }
    }

    private void cancelPending(Op op) {
        op.state = OpState.CANCELLED;
        Obj o = op.owner;
        if (o.pending != op) {
            return;
        }
        o.pending = null;
        switch (op.operation) {
            case GATHER_WRITER_METADATA -> o.phase = Phase.FAILED;
            case PREPARE_FOR_BACKUP -> {
                o.phase = Phase.FAILED;
                releaseSet(o);
            }
            case DO_SNAPSHOT_SET -> {
                o.phase = Phase.SNAPSHOT_FAILED;
                releaseSet(o);
            }
            case BACKUP_COMPLETE -> o.phase = Phase.COMPLETE;
            default -> {
            }
        }
    }

    private void releaseSet(Obj o) {
        if (setOwner == o) {
            setOwner = null;
        }
    }

    int gatherWriterMetadata(Obj o) {
        started = null;
        Integer gated = gate(o, Operation.GATHER_WRITER_METADATA);
        if (gated != null) {
            return gated;
        }
        if (o.phase != Phase.INIT || o.metadataGathered) {
            return BAD_STATE;
        }
        o.writersSeen = writersTakePart(o.context) ? writers : 0;
        return startAsync(o, Operation.GATHER_WRITER_METADATA);
    }

    /** GetWriterMetadata; on success {@link #writerCount} is how many writers it lists. */
    int getWriterMetadata(Obj o) {
        Integer gated = gate(o, Operation.GET_WRITER_METADATA);
        if (gated != null) {
            return gated;
        }
        if (o.phase != Phase.METADATA || o.metadataFreed) {
            return BAD_STATE;
        }
        Integer fault = immediateFault(Operation.GET_WRITER_METADATA);
        if (fault != null) {
            return fault;
        }
        writerCount = o.writersSeen;
        return OK;
    }

    int writerCount;

    int freeWriterMetadata(Obj o) {
        Integer gated = gate(o, Operation.FREE_WRITER_METADATA);
        if (gated != null) {
            return gated;
        }
        if (o.phase != Phase.METADATA || o.metadataFreed) {
            return BAD_STATE;
        }
        Integer fault = immediateFault(Operation.FREE_WRITER_METADATA);
        if (fault != null) {
            return fault;
        }
        o.metadataFreed = true;
        return OK;
    }

    int startSnapshotSet(Obj o) {
        Integer gated = gate(o, Operation.START_SNAPSHOT_SET);
        if (gated != null) {
            return gated;
        }
        if (o.context == VssContext.ALL || !in(o.phase, Phase.INIT, Phase.METADATA)) {
            return BAD_STATE;
        }
        if (setOwner != null && setOwner != o) {
            return SET_IN_PROGRESS;
        }
        Integer fault = immediateFault(Operation.START_SNAPSHOT_SET);
        if (fault != null) {
            return fault;
        }
        setOwner = o;
        o.phase = Phase.SET_OPEN;
        return OK;
    }

    /** AddToSnapshotSet; on success the caller records the id with {@link #added}. */
    int addToSnapshotSet(Obj o, String volume) {
        Integer gated = gate(o, Operation.ADD_TO_SNAPSHOT_SET);
        if (gated != null) {
            return gated;
        }
        if (o.phase != Phase.SET_OPEN) {
            return BAD_STATE;
        }
        Integer fault = immediateFault(Operation.ADD_TO_SNAPSHOT_SET);
        if (fault != null) {
            return fault;
        }
        if (!volumes.contains(volume)) {
            return NOT_FOUND;
        }
        if (o.members.contains(volume)) {
            return ALREADY_EXISTS;
        }
        o.members.add(volume);
        return OK;
    }

    void added(Obj o, UUID snapshotId) {
        o.memberIds.add(snapshotId);
    }

    int isVolumeSupported(Obj o, String volume) {
        Integer gated = gate(o, Operation.IS_VOLUME_SUPPORTED);
        if (gated != null) {
            return gated;
        }
        if (!in(o.phase, Phase.INIT, Phase.SET_OPEN)) {
            return BAD_STATE;
        }
        Integer fault = immediateFault(Operation.IS_VOLUME_SUPPORTED);
        if (fault != null) {
            return fault;
        }
        return volumes.contains(volume) ? OK : NOT_FOUND;
    }

    int prepareForBackup(Obj o) {
        started = null;
        Integer gated = gate(o, Operation.PREPARE_FOR_BACKUP);
        if (gated != null) {
            return gated;
        }
        if (o.phase != Phase.SET_OPEN || !writersTakePart(o.context) || !o.backupStateSet) {
            return BAD_STATE;
        }
        return startAsync(o, Operation.PREPARE_FOR_BACKUP);
    }

    int doSnapshotSet(Obj o) {
        started = null;
        Integer gated = gate(o, Operation.DO_SNAPSHOT_SET);
        if (gated != null) {
            return gated;
        }
        boolean ready = writersTakePart(o.context) ? o.phase == Phase.PREPARED && o.metadataGathered
                : o.phase == Phase.SET_OPEN;
        if (!ready) {
            return BAD_STATE;
        }
        int result = startAsync(o, Operation.DO_SNAPSHOT_SET);
        if (result != OK) {
            o.phase = Phase.SNAPSHOT_FAILED;
            releaseSet(o);
        }
        return result;
    }

    int gatherWriterStatus(Obj o) {
        started = null;
        Integer gated = gate(o, Operation.GATHER_WRITER_STATUS);
        if (gated != null) {
            return gated;
        }
        if (!in(o.phase, Phase.PREPARED, Phase.SNAPSHOT_DONE, Phase.SNAPSHOT_FAILED, Phase.COMPLETE)) {
            return BAD_STATE;
        }
        return startAsync(o, Operation.GATHER_WRITER_STATUS);
    }

    int getWriterStatus(Obj o) {
        Integer gated = gate(o, Operation.GET_WRITER_STATUS);
        if (gated != null) {
            return gated;
        }
        if (!o.statusGathered
                || !in(o.phase, Phase.PREPARED, Phase.SNAPSHOT_DONE, Phase.SNAPSHOT_FAILED, Phase.COMPLETE)) {
            return BAD_STATE;
        }
        Integer fault = immediateFault(Operation.GET_WRITER_STATUS);
        if (fault != null) {
            return fault;
        }
        o.statusGathered = false;  // read and freed: the next read needs a new GatherWriterStatus
        return OK;
    }

    int getSnapshotProperties(Obj o, UUID id) {
        Integer gated = gate(o, Operation.GET_SNAPSHOT_PROPERTIES);
        if (gated != null) {
            return gated;
        }
        if (!in(o.phase, Phase.INIT, Phase.SNAPSHOT_DONE)) {
            return BAD_STATE;
        }
        Integer fault = immediateFault(Operation.GET_SNAPSHOT_PROPERTIES);
        if (fault != null) {
            return fault;
        }
        return copies.stream().anyMatch(c -> c.id().equals(id)) ? OK : NOT_FOUND;
    }

    int backupComplete(Obj o) {
        started = null;
        Integer gated = gate(o, Operation.BACKUP_COMPLETE);
        if (gated != null) {
            return gated;
        }
        if (o.phase != Phase.SNAPSHOT_DONE || !writersTakePart(o.context)) {
            return BAD_STATE;
        }
        return startAsync(o, Operation.BACKUP_COMPLETE);
    }

    int abortBackup(Obj o) {
        Integer gated = gate(o, Operation.ABORT_BACKUP);
        if (gated != null) {
            return gated;
        }
        if (in(o.phase, Phase.CREATED, Phase.ABORTED, Phase.COMPLETE)) {
            return BAD_STATE;
        }
        Integer fault = immediateFault(Operation.ABORT_BACKUP);
        if (fault != null) {
            return fault;
        }
        // "Ignored if nothing is in progress."
        if (o.phase == Phase.INIT && o.pending == null || o.phase == Phase.METADATA) {
            return OK;
        }
        if (o.pending != null) {
            cancelPending(o.pending);
        }
        releaseSet(o);
        o.phase = Phase.ABORTED;
        return OK;
    }

    /** Query; on success {@link #queried} is how many copies it lists. */
    int query(Obj o) {
        Integer gated = gate(o, Operation.QUERY);
        if (gated != null) {
            return gated;
        }
        if (!in(o.phase, Phase.INIT, Phase.SNAPSHOT_DONE)) {
            return BAD_STATE;
        }
        Integer fault = immediateFault(Operation.QUERY);
        if (fault != null) {
            return fault;
        }
        queried = (int) copies.stream().filter(c -> o.context == VssContext.ALL || c.context() == o.context).count();
        return OK;
    }

    int queried;

    /** IVssAsync::Cancel as VssAsync.cancel() reports it: the status after the call. */
    int cancel(Op op) {
        if (op.released || op.owner.closed) {
            return CLOSED;
        }
        if (op.state == OpState.PENDING) {
            cancelPending(op);
            return VssError.VSS_S_ASYNC_CANCELLED.hresult();
        }
        return op.status();
    }

    int queryStatus(Op op) {
        if (op.released || op.owner.closed) {
            return CLOSED;
        }
        return op.status();
    }

    /** Release: a pending operation is cancelled, the set lock freed, the auto-release copies deleted. */
    void close(Obj o) {
        if (o.closed) {
            return;
        }
        if (o.pending != null) {
            cancelPending(o.pending);
        }
        releaseSet(o);
        copies.removeIf(c -> c.owner() == o && autoReleased(c.context()));
        o.closed = true;
    }

    List<UUID> knownSnapshotIds() {
        List<UUID> ids = new ArrayList<>();
        for (Copy c : copies) {
            ids.add(c.id());
        }
        return ids;
    }
}
