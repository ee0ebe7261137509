package io.github.vss4j.stress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.vss4j.AsyncStatus;
import io.github.vss4j.BackupComponents;
import io.github.vss4j.BackupType;
import io.github.vss4j.Operation;
import io.github.vss4j.Vss;
import io.github.vss4j.VssAsync;
import io.github.vss4j.VssContext;
import io.github.vss4j.VssError;
import io.github.vss4j.VssException;
import io.github.vss4j.internal.completion.Completions;
import io.github.vss4j.simulator.Fault;
import io.github.vss4j.simulator.SimulatedMachine;
import io.github.vss4j.simulator.SimulatedWriter;
import io.github.vss4j.simulator.Simulation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;

/**
 * Thousands of random call sequences against the simulator, each checked call by call against {@link Model}.
 *
 * <p>Each sequence has a machine of its own (random volumes, writers, fault plan and slow operations) and one or
 * two BackupComponents on it, so the machine-wide one-set rule is exercised and every outcome is deterministic:
 * a sequence depends only on its seed, whichever thread runs it. Sequences mix valid and out-of-order calls,
 * injected faults (immediate and through QueryStatus), cancels, releases of IVssAsync objects, AbortBackup and
 * close while another thread waits, and completion callbacks that throw. Every future must end within
 * {@link #BOUND} as the model says, and every machine must be back to zero live VSS objects.
 *
 * <p>{@code -Dvss4j.stress.seed=N} repeats a run, {@code -Dvss4j.stress.only=K} one sequence of it;
 * {@code -Dvss4j.stress.sequences} and {@code -Dvss4j.stress.threads} size it.
 */
class StateMachineStressTest {
    static final Duration BOUND = Duration.ofSeconds(10);
    private static final Duration SLOW = Duration.ofHours(1);
    private static final String[] VOLUMES = {"C:\\", "D:\\", "E:\\"};
    private static final String UNKNOWN_VOLUME = "Q:\\";
    private static final Operation[] FAULTABLE = {Operation.INITIALIZE_FOR_BACKUP, Operation.SET_CONTEXT,
        Operation.SET_BACKUP_STATE, Operation.GATHER_WRITER_METADATA, Operation.GET_WRITER_METADATA,
        Operation.FREE_WRITER_METADATA, Operation.START_SNAPSHOT_SET, Operation.ADD_TO_SNAPSHOT_SET,
        Operation.IS_VOLUME_SUPPORTED, Operation.PREPARE_FOR_BACKUP, Operation.DO_SNAPSHOT_SET,
        Operation.GATHER_WRITER_STATUS, Operation.GET_WRITER_STATUS, Operation.GET_SNAPSHOT_PROPERTIES,
        Operation.BACKUP_COMPLETE, Operation.ABORT_BACKUP, Operation.QUERY};
    private static final Operation[] ASYNC = {Operation.GATHER_WRITER_METADATA, Operation.PREPARE_FOR_BACKUP,
        Operation.DO_SNAPSHOT_SET, Operation.GATHER_WRITER_STATUS, Operation.BACKUP_COMPLETE};
    private static final VssError[] FAULT_ERRORS = {VssError.E_ACCESSDENIED, VssError.E_OUTOFMEMORY,
        VssError.VSS_E_UNEXPECTED, VssError.VSS_E_PROVIDER_VETO, VssError.VSS_E_INSUFFICIENT_STORAGE,
        VssError.VSS_E_HOLD_WRITES_TIMEOUT, VssError.VSS_E_WRITER_INFRASTRUCTURE,
        VssError.VSS_E_UNEXPECTED_PROVIDER_ERROR, VssError.VSS_E_BAD_STATE};

    /** A callback failure that costs no stack trace in the log: thousands of them are thrown on purpose. */
    private static final class CallbackFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CallbackFailure() {
            super("stress test: a completion callback that throws", null, false, false);
        }
    }

    // The run's figures.
    private final LongAdder calls = new LongAdder();
    private final LongAdder refused = new LongAdder();
    private final LongAdder setInProgress = new LongAdder();
    private final LongAdder faultsInjected = new LongAdder();
    private final LongAdder cancels = new LongAdder();
    private final LongAdder aborts = new LongAdder();
    private final LongAdder closesDuringWaits = new LongAdder();
    private final LongAdder throwingCallbacks = new LongAdder();
    private final LongAdder futures = new LongAdder();
    private final LongAdder snapshotsTaken = new LongAdder();
    private final LongAdder useAfterClose = new LongAdder();

    private final ExecutorService waiters = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "stress-waiter");
        thread.setDaemon(true);
        return thread;
    });

    @Test
    void randomSequencesFollowTheStateMachine() throws Exception {
        long seed = Long.getLong("vss4j.stress.seed", System.nanoTime() ^ System.currentTimeMillis());
        int sequences = Integer.getInteger("vss4j.stress.sequences", 2000);
        int threads = Integer.getInteger("vss4j.stress.threads", 4);
        Integer only = Integer.getInteger("vss4j.stress.only");
        System.out.println("vss4j stress: seed " + seed + " (repeat with -Dvss4j.stress.seed=" + seed + "), "
                + sequences + " sequences on " + threads + " threads");
        long started = System.nanoTime();

        AtomicInteger next = new AtomicInteger(only != null ? only : 0);
        int end = only != null ? only + 1 : sequences;
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < end && failures.isEmpty(); i = next.getAndIncrement()) {
                    Sequence sequence = new Sequence(seed, i);
                    try {
                        sequence.run();
                    } catch (Throwable e) {
                        failures.add(sequence.describe(e));
                    }
                }
                return null;
            }));
        }
        pool.shutdown();
        for (Future<?> worker : workers) {
            // Bounded: a hang anywhere shows as a timeout with the seed, not as a stuck build.
            worker.get(5, TimeUnit.MINUTES);
        }
        waiters.shutdownNow();
        if (!failures.isEmpty()) {
            fail("seed " + seed + ": " + failures.peek());
        }
        // A token is removed before its future completes, and every future of the run has been seen complete.
        assertEquals(0, Completions.pending(), "seed " + seed + ": completions still pending");

        double seconds = (System.nanoTime() - started) / 1e9;
        String figures = String.format("vss4j stress: seed %d, %d sequences on %d threads in %.1f s: %d calls "
                + "(%d refused by the state machine, %d SNAPSHOT_SET_IN_PROGRESS), %d faults injected, %d snapshot "
                + "sets taken, %d cancels, %d aborts, %d closes during waits, %d calls after close, %d throwing "
                + "callbacks, %d futures all ended within %d s as the model predicted; live VSS objects at the end: "
                + "0, pending completions: 0, mismatches: 0", seed, end - (only != null ? only : 0), threads,
                seconds, calls.sum(), refused.sum(), setInProgress.sum(), faultsInjected.sum(), snapshotsTaken.sum(),
                cancels.sum(), aborts.sum(), closesDuringWaits.sum(), useAfterClose.sum(), throwingCallbacks.sum(),
                futures.sum(), BOUND.toSeconds());
        System.out.println(figures);
        Figures.write("stress", figures);
    }

    /** One random sequence: its own machine, one or two objects, 10 to 60 steps, then everything closed. */
    private final class Sequence {
        private final long seed;
        private final int index;
        private final Random random;
        private final Deque<String> trail = new ArrayDeque<>();
        private Model model;
        private String current = "";

        Sequence(long runSeed, int index) {
            this.index = index;
            // A sequence's seed depends only on the run's seed and its number, not on thread timing.
            this.seed = runSeed * 0x9E3779B97F4A7C15L + index;
            this.random = new Random(seed);
        }

        /** One object, its model and the asynchronous operations it started. */
        private final class Subject {
            final BackupComponents real;
            final Model.Obj modelled;
            final List<Started> ops = new ArrayList<>();

            Subject(BackupComponents real, String name) {
                this.real = real;
                this.modelled = new Model.Obj(name);
            }
        }

        private record Started(VssAsync real, Model.Op modelled, CompletableFuture<Void> future,
                CompletableFuture<AsyncStatus> afterThrowingCallback) {
        }

        void run() throws Exception {
            Simulation.Builder simulation = Simulation.builder();
            int volumeCount = 1 + random.nextInt(VOLUMES.length);
            Set<String> volumes = new java.util.HashSet<>();
            for (int i = 0; i < volumeCount; i++) {
                simulation.volume(VOLUMES[i]);
                volumes.add(VOLUMES[i]);
            }
            int writers = random.nextInt(3);
            for (int i = 0; i < writers; i++) {
                simulation.writer(SimulatedWriter.named("Stress Writer " + i));
            }
            List<Fault> faults = new ArrayList<>();
            int faultCount = random.nextInt(4);
            for (int i = 0; i < faultCount; i++) {
                Operation operation = FAULTABLE[random.nextInt(FAULTABLE.length)];
                int hresult = FAULT_ERRORS[random.nextInt(FAULT_ERRORS.length)].hresult();
                boolean viaQueryStatus = operation.isAsynchronous() && random.nextBoolean();
                int first = 1 + random.nextInt(3);
                int attempts = random.nextInt(4) == 0 ? -1 : 1 + random.nextInt(2);
                Fault fault = new Fault(operation, hresult, viaQueryStatus, first, attempts);
                faults.add(fault);
                simulation.fault(fault);
            }
            Set<Operation> slow = EnumSet.noneOf(Operation.class);
            for (Operation operation : ASYNC) {
                if (random.nextInt(5) == 0) {
                    slow.add(operation);
                    simulation.duration(operation, SLOW);
                }
            }
            note("machine: volumes " + volumes + ", " + writers + " writers, faults " + faults + ", slow " + slow);
            model = new Model(volumes, writers, faults, slow);
            Vss vss = Vss.simulator(simulation.build());
            SimulatedMachine machine = vss.simulatedMachine().orElseThrow();

            List<Subject> subjects = new ArrayList<>();
            int objects = 1 + random.nextInt(2);
            for (int i = 0; i < objects; i++) {
                subjects.add(new Subject(vss.createBackupComponents(), "object" + i));
            }
            List<UUID> snapshotIds = new ArrayList<>();
            try {
                int steps = 10 + random.nextInt(51);
                for (int step = 0; step < steps; step++) {
                    step(subjects.get(random.nextInt(subjects.size())), snapshotIds);
                }
            } finally {
                for (Subject subject : subjects) {
                    subject.real.close();
                    model.close(subject.modelled);
                }
            }
            for (Subject subject : subjects) {
                for (Started started : subject.ops) {
                    checkEnded(started);
                    started.real().close();
                }
            }
            assertEquals(0, machine.liveObjects(), "live VSS objects once everything is closed");
            faultsInjected.add(model.faultsInjected);
        }

        private void step(Subject s, List<UUID> snapshotIds) throws Exception {
            Model.Obj o = s.modelled;
            current = o.name;
            // Mostly the call the documented order asks for next, so that sequences get far; otherwise any call.
            int choice = random.nextInt(10) < 6 ? guided(o) : random.nextInt(24);
            switch (choice) {
                case 0, 1 -> sync("InitializeForBackup", model.initializeForBackup(o), s.real::initializeForBackup);
                case 2 -> {
                    VssContext context = random.nextInt(3) == 0
                            ? VssContext.values()[random.nextInt(VssContext.values().length)]
                            : random.nextBoolean() ? VssContext.BACKUP : VssContext.FILE_SHARE_BACKUP;
                    sync("SetContext " + context, model.setContext(o, context), () -> s.real.setContext(context));
                }
                case 3 -> {
                    BackupType type = BackupType.values()[random.nextInt(BackupType.values().length)];
                    sync("SetBackupState " + type, model.setBackupState(o),
                            () -> s.real.setBackupState(random.nextBoolean(), false, type, false));
                }
                case 4, 5 -> async(s, "GatherWriterMetadata", model.gatherWriterMetadata(o),
                        s.real::gatherWriterMetadata);
                case 6 -> {
                    int[] listed = {-1};
                    int expected = model.getWriterMetadata(o);
                    sync("GetWriterMetadata", expected, () -> listed[0] = s.real.getWriterMetadata().size());
                    if (expected == Model.OK) {
                        assertEquals(model.writerCount, listed[0], "writers listed by GetWriterMetadata");
                    }
                }
                case 7 -> sync("FreeWriterMetadata", model.freeWriterMetadata(o), s.real::freeWriterMetadata);
                case 8, 9 -> sync("StartSnapshotSet", model.startSnapshotSet(o), s.real::startSnapshotSet);
                case 10, 11 -> {
                    String volume = random.nextInt(6) == 0 ? UNKNOWN_VOLUME : VOLUMES[random.nextInt(VOLUMES.length)];
                    UUID[] id = new UUID[1];
                    int expected = model.addToSnapshotSet(o, volume);
                    sync("AddToSnapshotSet " + volume, expected, () -> id[0] = s.real.addToSnapshotSet(volume));
                    if (expected == Model.OK) {
                        model.added(o, id[0]);
                        snapshotIds.add(id[0]);
                    }
                }
                case 12 -> {
                    String volume = random.nextInt(4) == 0 ? UNKNOWN_VOLUME : VOLUMES[random.nextInt(VOLUMES.length)];
                    sync("IsVolumeSupported " + volume, model.isVolumeSupported(o, volume),
                            () -> assertTrue(s.real.isVolumeSupported(volume)));
                }
                case 13 -> async(s, "PrepareForBackup", model.prepareForBackup(o), s.real::prepareForBackup);
                case 14, 15 -> {
                    async(s, "DoSnapshotSet", model.doSnapshotSet(o), s.real::doSnapshotSet);
                }
                case 16 -> async(s, "GatherWriterStatus", model.gatherWriterStatus(o), s.real::gatherWriterStatus);
                case 17 -> sync("GetWriterStatus", model.getWriterStatus(o), s.real::getWriterStatus);
                case 18 -> {
                    UUID id = snapshotIds.isEmpty() || random.nextInt(4) == 0 ? UUID.randomUUID()
                            : snapshotIds.get(random.nextInt(snapshotIds.size()));
                    sync("GetSnapshotProperties", model.getSnapshotProperties(o, id),
                            () -> assertEquals(id, s.real.getSnapshotProperties(id).snapshotId()));
                }
                case 19 -> async(s, "BackupComplete", model.backupComplete(o), s.real::backupComplete);
                case 20 -> {
                    aborts.increment();
                    closeWhileWaiting(s, "AbortBackup", () -> sync("AbortBackup", model.abortBackup(o),
                            s.real::abortBackup));
                }
                case 21 -> {
                    int[] listed = {-1};
                    int expected = model.query(o);
                    sync("Query", expected, () -> listed[0] = s.real.query().size());
                    if (expected == Model.OK) {
                        assertEquals(model.queried, listed[0], "copies listed by Query");
                    }
                }
                case 22 -> onAnOperation(s);
                default -> {
                    if (random.nextInt(8) == 0) {
                        // Close, then go on calling: every later call must be an IllegalStateException.
                        closeWhileWaiting(s, "close", () -> {
                            note(o.name + ": close");
                            s.real.close();
                            model.close(o);
                        });
                    } else {
                        onAnOperation(s);
                    }
                }
            }
        }

        /** The step (as numbered in {@link #step}) that the documented call order takes next from here. */
        private int guided(Model.Obj o) {
            if (o.pending != null) {
                return 22;
            }
            boolean writers = Model.writersTakePart(o.context);
            return switch (o.phase) {
                case CREATED -> 0;
                case INIT -> !o.contextSet ? 2 : !o.backupStateSet ? 3 : writers && !o.metadataGathered ? 4 : 8;
                case METADATA -> random.nextInt(4) == 0 ? 6 : 8;
                case SET_OPEN -> o.members.isEmpty() || random.nextInt(3) == 0 ? 10 : writers ? 13 : 14;
                case PREPARED -> random.nextInt(4) == 0 ? 16 : 14;
                case SNAPSHOT_DONE -> new int[] {18, 19, 16, 21}[random.nextInt(4)];
                case SNAPSHOT_FAILED, FAILED -> random.nextBoolean() ? 20 : 23;
                case COMPLETE, ABORTED -> 23;
            };
        }

        /** Cancel, QueryStatus, await or release one of the object's operations. */
        private void onAnOperation(Subject s) throws Exception {
            if (s.ops.isEmpty()) {
                return;
            }
            Started started = s.ops.get(random.nextInt(s.ops.size()));
            Model.Op op = started.modelled();
            switch (random.nextInt(4)) {
                case 0 -> {
                    cancels.increment();
                    int expected = model.cancel(op);
                    checkStatus("Cancel " + op.operation, expected, started.real()::cancel);
                }
                case 1 -> checkStatus("QueryStatus " + op.operation, model.queryStatus(op),
                        started.real()::queryStatus);
                case 2 -> {
                    note("Release IVssAsync of " + op.operation);
                    started.real().close();
                    op.released = true;
                }
                default -> {
                    note("await " + op.operation + " (" + op.state + ")");
                    if (op.state == Model.OpState.PENDING) {
                        assertEquals(false, started.real().await(Duration.ZERO), "await of a pending operation");
                    } else {
                        checkEnded(started);
                    }
                }
            }
        }

        /** While another thread waits for the object's pending operation, end it by {@code action}. */
        private void closeWhileWaiting(Subject s, String what, Step action) throws Exception {
            Started waitedFor = null;
            for (Started started : s.ops) {
                if (started.modelled().state == Model.OpState.PENDING) {
                    waitedFor = started;
                }
            }
            if (waitedFor == null) {
                action.run();
                return;
            }
            VssAsync async = waitedFor.real();
            CompletableFuture<Boolean> waiting = new CompletableFuture<>();
            Future<Object> waiter = waiters.submit(() -> {
                waiting.complete(true);
                try {
                    async.await();
                    return "finished";
                } catch (CancellationException e) {
                    return "cancelled";
                } catch (VssException e) {
                    return e.error();
                }
            });
            waiting.get(BOUND.toMillis(), TimeUnit.MILLISECONDS);
            action.run();
            if (waitedFor.modelled().state != Model.OpState.PENDING) {
                closesDuringWaits.increment();
                assertEquals(waitedFor.modelled().state == Model.OpState.CANCELLED ? "cancelled" : "finished",
                        waiter.get(BOUND.toMillis(), TimeUnit.MILLISECONDS), what + " while a thread waits");
            } else {
                waiter.cancel(true);
            }
        }

        private void async(Subject s, String what, int expected, AsyncStep call) throws Exception {
            Model.Op op = model.started;
            VssAsync[] made = new VssAsync[1];
            sync(what, expected, () -> made[0] = call.run());
            if (expected != Model.OK) {
                return;
            }
            VssAsync async = made[0];
            assertEquals(op.operation, async.operation(), what);
            CompletableFuture<AsyncStatus> after = null;
            if (random.nextInt(3) == 0) {
                // A throwing callback must not stop the ones after it, nor the future.
                async.onComplete(status -> {
                    throwingCallbacks.increment();
                    throw new CallbackFailure();
                });
                after = new CompletableFuture<>();
                async.onComplete(after::complete);
            }
            s.ops.add(new Started(async, op, async.toCompletableFuture(), after));
        }

        /** The operation has ended (or ends within the bound) exactly as the model says. */
        private void checkEnded(Started started) throws Exception {
            Model.Op op = started.modelled();
            futures.increment();
            String what = op.operation + " of " + op.owner;
            try {
                started.future().get(BOUND.toMillis(), TimeUnit.MILLISECONDS);
                assertEquals(Model.OpState.FINISHED, op.state, what + " finished");
                if (op.operation == Operation.DO_SNAPSHOT_SET) {
                    snapshotsTaken.increment();
                }
            } catch (CancellationException e) {
                assertEquals(Model.OpState.CANCELLED, op.state, what + " was cancelled");
            } catch (ExecutionException e) {
                assertEquals(Model.OpState.FAILED, op.state, what + " failed: " + e.getCause());
                assertEquals(name(op.error), name(((VssException) e.getCause()).hresult()), what);
            } catch (TimeoutException e) {
                throw new AssertionError(what + " did not end within " + BOUND + " (model: " + op.state + ")");
            }
            if (started.afterThrowingCallback() != null) {
                AsyncStatus status = started.afterThrowingCallback().get(BOUND.toMillis(), TimeUnit.MILLISECONDS);
                assertEquals(op.state.name(), status.state().name(), what + ": the callback after a throwing one");
                if (op.state == Model.OpState.FAILED) {
                    assertEquals(name(op.error), name(status.hresult()), what + ": the callback after a throwing one");
                }
            }
        }

        private void checkStatus(String what, int expected, StatusStep call) throws Exception {
            calls.increment();
            note(what + " expecting " + name(expected));
            AsyncStatus status;
            try {
                status = call.run();
            } catch (IllegalStateException e) {
                useAfterClose.increment();
                assertEquals(name(expected), name(Model.CLOSED), what);
                return;
            }
            assertEquals(name(expected), name(status.hresult()), what);
        }

        private void sync(String what, int expected, Step call) throws Exception {
            calls.increment();
            note(what + " expecting " + name(expected));
            int actual;
            try {
                call.run();
                actual = Model.OK;
            } catch (VssException e) {
                actual = e.hresult();
            } catch (IllegalStateException e) {
                actual = Model.CLOSED;
            }
            if (actual == Model.BAD_STATE) {
                refused.increment();
            } else if (actual == Model.SET_IN_PROGRESS) {
                setInProgress.increment();
            } else if (actual == Model.CLOSED) {
                useAfterClose.increment();
            }
            assertEquals(name(expected), name(actual), what);
        }

        private String name(int hresult) {
            if (hresult == Model.CLOSED) {
                return "IllegalStateException (closed)";
            }
            return hresult == Model.OK ? "OK" : VssError.of(hresult) + String.format(" (0x%08X)", hresult);
        }

        private void note(String line) {
            trail.addLast(current + ": " + line);
            if (trail.size() > 40) {
                trail.removeFirst();
            }
        }

        String describe(Throwable e) {
            StringBuilder out = new StringBuilder();
            out.append("sequence ").append(index).append(" (repeat it alone with -Dvss4j.stress.only=").append(index)
                    .append(") failed: ").append(e).append("\nits last steps:\n");
            for (String line : trail) {
                out.append("  ").append(line).append('\n');
            }
            StackTraceElement[] stack = e.getStackTrace();
            for (int i = 0; i < Math.min(8, stack.length); i++) {
                out.append("    at ").append(stack[i]).append('\n');
            }
            return out.toString();
        }
    }

    @FunctionalInterface
    private interface Step {
        void run() throws Exception;
    }

    @FunctionalInterface
    private interface AsyncStep {
        VssAsync run() throws Exception;
    }

    @FunctionalInterface
    private interface StatusStep {
        AsyncStatus run() throws Exception;
    }

    /** The figures a run prints, kept under target/reliability for the build log and docs/reliability.md. */
    static final class Figures {
        private Figures() {
        }

        static void write(String name, String line) throws IOException {
            Path dir = Path.of(System.getProperty("vss4j.figuresDir", "target/reliability"));
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(name + ".txt"), line + System.lineSeparator());
        }
    }
}
