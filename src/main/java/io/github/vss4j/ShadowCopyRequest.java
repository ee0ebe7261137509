package io.github.vss4j;

import io.github.vss4j.internal.VolumeNames;
import io.github.vss4j.internal.request.AsyncRun;
import io.github.vss4j.internal.request.ComponentChoice;
import io.github.vss4j.internal.request.MadeSet;
import io.github.vss4j.internal.request.RequestSpec;
import io.github.vss4j.internal.request.Results;
import io.github.vss4j.internal.request.ShadowCopyRun;
import io.github.vss4j.internal.request.WriterSelection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.random.RandomGenerator;

/**
 * Shadow copies of one or more volumes in one call: the whole documented VSS sequence, writer checks, the
 * documented retries, timeouts, cancellation and clean-up. Get one from {@link Vss#shadowCopy()}:
 *
 * <pre>{@code
 * try (ShadowCopySet set = vss.shadowCopy().volumes("C:\\", "D:\\").create()) {
 *     String c = set.copy("C:\\").orElseThrow().deviceObject();
 *     ... read the files under c ...
 * }
 * }</pre>
 *
 * <p>A request is a builder: each setter changes it and returns it; it is not thread-safe. {@link #create()} and
 * {@link #createAsync()} take a copy of its settings, so a request can be changed and run again.
 *
 * <p>Defaults: context {@link VssContext#BACKUP}, backup type {@link BackupType#COPY} (application logs are not
 * truncated), every writer checked, the default provider, no timeouts, no deadline, {@link WriterPolicy#FAIL},
 * {@link RetryPlan#documented()}, real time.
 *
 * <p><b>Writers.</b> {@link #excludeWriter} and {@link #includeWriter} keep writers out of the backup itself,
 * through VSS's {@code DisableWriterClasses}/{@code EnableWriterClasses} before GatherWriterMetadata: an excluded
 * writer is never frozen and cannot make the request fail. Writers given by name are first looked up with a
 * separate backup-components object (one more GatherWriterMetadata); class ids need no look-up.
 *
 * <p><b>Components.</b> {@link #component} and {@link #everyComponentOf} make it a component-mode backup, the way
 * backup products back up databases: after GatherWriterMetadata the request finds each chosen component in its
 * writer's metadata (names compared ignoring case, as Windows compares them), adds the components they depend on
 * as the writers declare, checks the backup type against each writer's backup schema, calls
 * {@code SetBackupState(selectComponents = true)} and AddComponent for each, and puts the volumes the components'
 * files live on into the snapshot set with any volumes named here. A choice the writers cannot serve (unknown
 * writer or component, a component not selectable for backup or chosen twice, a backup type a writer's schema
 * lacks) fails the request with an {@link IllegalArgumentException} naming it, before any copy is made. The set
 * then carries the components and the Backup Components Document; say which components were backed up
 * ({@link ShadowCopySet#componentSucceeded}) before closing it. Each attempt resolves the components again with its
 * new object. Component mode needs a context with writers ({@link VssContext#BACKUP} and the like).
 *
 * <p><b>Failures</b> are {@link VssException}s carrying the raw HRESULT, the {@link Phase}, the attempt and the
 * writers' status. A timeout is a VssException with {@link #TIMEOUT_HRESULT}.
 *
 * <p><b>Durations</b> of any length are accepted: one beyond what a {@code long} of nanoseconds holds (about 292
 * years, e.g. {@code ChronoUnit.FOREVER.getDuration()}) means "no limit". A timeout, deadline or clean-up timeout
 * of zero or less is refused with an {@link IllegalArgumentException} naming the value: a request cannot finish in
 * no time, and a limit that has passed before the request starts is a mistake, not a wish.
 */
public final class ShadowCopyRequest {
    /**
     * The HRESULT of vss4j's own timeouts (per phase, or the deadline): {@code HRESULT_FROM_WIN32(ERROR_TIMEOUT)},
     * "This operation returned because the timeout period expired".
     */
    public static final int TIMEOUT_HRESULT = VssError.ERROR_TIMEOUT.hresult();
    /** The most volumes one snapshot set may hold. */
    public static final int MAX_VOLUMES = 64;

    private final Vss vss;
    private final List<String> volumes = new ArrayList<>();
    private final List<ComponentChoice> components = new ArrayList<>();
    private VssContext context = VssContext.BACKUP;
    private BackupType backupType = BackupType.COPY;
    private final Set<String> includedWriters = new LinkedHashSet<>();
    private final Set<String> excludedWriters = new LinkedHashSet<>();
    private UUID provider;
    private final Map<Phase, Duration> timeouts = new EnumMap<>(Phase.class);
    private Duration deadline;
    private Duration cleanupTimeout = Duration.ofMinutes(1);
    private WriterPolicy writerPolicy = WriterPolicy.FAIL;
    private RetryPlan retryPlan = RetryPlan.documented();
    private Scheduler scheduler = Scheduler.system();
    private RandomGenerator jitter;
    private ProgressListener listener = ProgressListener.none();
    private boolean eventLog = true;

    // The engine (internal.request) runs the request; what it hands back that is not public API is made here. A
    // DoSnapshotSet that ran out of shadow storage says what the storage of the set's volumes holds; a failure whose
    // reason Windows logs carries the event-log entries written since the request started.
    private Results results() {
        List<String> names = List.copyOf(volumes);
        boolean readEvents = eventLog && FailureEvents.allowedByProperty();
        Instant started = Instant.now();
        return new Results() {
            @Override
            public VssException inContext(VssException failure, Phase phase, int attempt, List<WriterStatus> writers) {
                VssException located = failure.withContext(phase, attempt, writers);
                if (failure.error() == VssError.VSS_E_INSUFFICIENT_STORAGE
                        && failure.operation() == Operation.DO_SNAPSHOT_SET) {
                    located = StorageDiagnosis.describe(vss, names).map(located::withStorage).orElse(located);
                }
                return readEvents ? FailureEvents.attach(vss, located, started, writers) : located;
            }

            @Override
            public ShadowCopySet shadowCopySet(MadeSet made) {
                return new ShadowCopySet(made, vss.copyAccess());
            }
        };
    }

    ShadowCopyRequest(Vss vss) {
        this.vss = Objects.requireNonNull(vss, "vss");
    }

    /**
     * Adds volumes to the one snapshot set, e.g. {@code C:\}, a mount point or {@code \\?\Volume{GUID}\}: each ends
     * with a backslash.
     */
    public ShadowCopyRequest volumes(String... names) {
        for (String name : Objects.requireNonNull(names, "names")) {
            String checked = VolumeNames.check(name);
            for (String existing : volumes) {
                if (existing.equalsIgnoreCase(checked)) {
                    throw new IllegalArgumentException("volume " + VolumeNames.printable(checked)
                            + " is already in the request");
                }
            }
            if (volumes.size() == MAX_VOLUMES) {
                throw new IllegalArgumentException("a snapshot set holds at most " + MAX_VOLUMES + " volumes");
            }
            volumes.add(checked);
        }
        return this;
    }

    /**
     * Backs up one component of a writer in component mode (see the class comment).
     *
     * @param writer    the writer's name (e.g. {@code SqlServerWriter}) or class id in its usual text form
     * @param component {@code LogicalPath\Name}, or {@code Name} for a component without a logical path, e.g.
     *                  {@code SQLHOST\SQLEXPRESS\sales}
     * @throws IllegalArgumentException if either is blank or malformed, or the same component was chosen already
     */
    public ShadowCopyRequest component(String writer, String component) {
        return choose(ComponentChoice.of(writer, component));
    }

    /** {@link #component(String, String)} with the writer's class id. */
    public ShadowCopyRequest component(UUID writerClassId, String component) {
        return component(Objects.requireNonNull(writerClassId, "writerClassId").toString(), component);
    }

    /**
     * Backs up every component of the writer that is selectable for backup, in component mode (see the class
     * comment).
     *
     * @param writer the writer's name or class id in its usual text form
     */
    public ShadowCopyRequest everyComponentOf(String writer) {
        return choose(ComponentChoice.everyComponentOf(writer));
    }

    /** {@link #everyComponentOf(String)} with the writer's class id. */
    public ShadowCopyRequest everyComponentOf(UUID writerClassId) {
        return everyComponentOf(Objects.requireNonNull(writerClassId, "writerClassId").toString());
    }

    private ShadowCopyRequest choose(ComponentChoice choice) {
        for (ComponentChoice earlier : components) {
            if (earlier.sameAs(choice)) {
                throw new IllegalArgumentException("component " + choice + " is already in the request; choose each"
                        + " component once");
            }
        }
        components.add(choice);
        return this;
    }

    /** The context (default {@link VssContext#BACKUP}); {@link VssContext#ALL} cannot create copies. */
    public ShadowCopyRequest context(VssContext context) {
        Objects.requireNonNull(context, "context");
        if (context == VssContext.ALL) {
            throw new IllegalArgumentException("VssContext.ALL is for queries and deletes; choose the context the"
                    + " copies should have, e.g. BACKUP or CLIENT_ACCESSIBLE");
        }
        this.context = context;
        return this;
    }

    /** The backup type told to writers (default {@link BackupType#COPY}: logs are not truncated). */
    public ShadowCopyRequest backupType(BackupType backupType) {
        this.backupType = Objects.requireNonNull(backupType, "backupType");
        return this;
    }

    /**
     * Only the writers named here take part (by writer name, or writer class id in its usual text form); see the
     * class comment.
     */
    public ShadowCopyRequest includeWriter(String nameOrClassId) {
        includedWriters.add(key(nameOrClassId));
        return this;
    }

    /** Only this writer class (and others included) takes part, see {@link #includeWriter(String)}. */
    public ShadowCopyRequest includeWriter(UUID writerClassId) {
        return includeWriter(Objects.requireNonNull(writerClassId, "writerClassId").toString());
    }

    /** Keeps this writer (by writer name, or writer class id) out of the backup; see the class comment. */
    public ShadowCopyRequest excludeWriter(String nameOrClassId) {
        excludedWriters.add(key(nameOrClassId));
        return this;
    }

    /** Keeps this writer class out of the backup. */
    public ShadowCopyRequest excludeWriter(UUID writerClassId) {
        return excludeWriter(Objects.requireNonNull(writerClassId, "writerClassId").toString());
    }

    /** The provider for every volume (default: VSS chooses), e.g. {@link BackupComponents#SYSTEM_PROVIDER}. */
    public ShadowCopyRequest provider(UUID providerId) {
        this.provider = Objects.requireNonNull(providerId, "providerId");
        return this;
    }

    /**
     * The longest an asynchronous phase may take before the request cancels it, cleans up and fails (no timeout
     * by default). Only phases with {@link Phase#isAsynchronous()} wait.
     *
     * @throws IllegalArgumentException if {@code timeout} is zero or negative, or the phase does not wait
     */
    public ShadowCopyRequest timeout(Phase phase, Duration timeout) {
        Objects.requireNonNull(phase, "phase");
        if (!phase.isAsynchronous()) {
            throw new IllegalArgumentException(phase + " does not wait for VSS, so it takes no timeout");
        }
        if (phase.isRestorePhase() && phase != Phase.GATHER_WRITER_METADATA) {
            throw new IllegalArgumentException(phase + " is a restore phase: set its timeout on the RestoreRequest");
        }
        timeouts.put(phase, positive(timeout, "timeout"));
        return this;
    }

    /**
     * The longest the whole request may take, retries and their waits included (no deadline by default). It bounds
     * every wait of the request; a synchronous VSS call already under way (e.g. AddToSnapshotSet) is not cut short.
     *
     * @throws IllegalArgumentException if {@code deadline} is zero or negative
     */
    public ShadowCopyRequest deadline(Duration deadline) {
        this.deadline = positive(deadline, "deadline");
        return this;
    }

    /**
     * How long clean-up waits for a cancelled operation to end before it releases the object anyway (1 min).
     *
     * @throws IllegalArgumentException if {@code timeout} is zero or negative
     */
    public ShadowCopyRequest cleanupTimeout(Duration timeout) {
        this.cleanupTimeout = positive(timeout, "cleanupTimeout");
        return this;
    }

    /** What to do when writers fail (default {@link WriterPolicy#FAIL}). */
    public ShadowCopyRequest writerPolicy(WriterPolicy policy) {
        this.writerPolicy = Objects.requireNonNull(policy, "policy");
        return this;
    }

    /** How to retry (default {@link RetryPlan#documented()}). */
    public ShadowCopyRequest retryPlan(RetryPlan plan) {
        this.retryPlan = Objects.requireNonNull(plan, "plan");
        return this;
    }

    /** The time to read and wait on (default {@link Scheduler#system()}). */
    public ShadowCopyRequest scheduler(Scheduler scheduler) {
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        return this;
    }

    /** The random source of the back-off's jitter (default: a new {@link Random}); seed it for repeatable tests. */
    public ShadowCopyRequest jitter(RandomGenerator random) {
        this.jitter = Objects.requireNonNull(random, "random");
        return this;
    }

    /**
     * Whether a failure reads Windows' event log (default on): when the request fails with a code whose
     * documentation puts the reason in the event log (flush or hold timeouts, a provider's veto or unexpected error,
     * VSS_E_UNEXPECTED, a writer's failure, insufficient shadow storage), the {@link VssException} carries the
     * entries VSS, volsnap, the provider and the failed writers' services wrote since the request started
     * ({@link VssException#events()}): at most 20, read within about 2 seconds, never in place of the failure.
     * The system property {@code vss4j.eventLog=false} turns it off for the whole process.
     */
    public ShadowCopyRequest eventLog(boolean read) {
        this.eventLog = read;
        return this;
    }

    /** Who hears about progress (default: nobody; the log and JFR always do). */
    public ShadowCopyRequest listener(ProgressListener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
        return this;
    }

    /**
     * Runs the request on this thread and returns the shadow copies; close them when done.
     *
     * @throws VssException         if it failed for good: raw HRESULT, phase, attempt and writer states inside
     * @throws InterruptedException if this thread was interrupted; everything was cleaned up first
     * @throws IllegalStateException if no volume and no component was given, or components were given in a context
     *                               without writers
     * @throws IllegalArgumentException if the writers cannot serve the components chosen (see the class comment)
     */
    public ShadowCopySet create() throws VssException, InterruptedException {
        return new ShadowCopyRun(spec(), null, results()).run();
    }

    /**
     * Runs the request on a new daemon thread. Cancelling the future stops the request wherever it is and cleans
     * up (the listener's {@link ProgressEvent.Finished} tells when clean-up is over); a set that was made just as
     * the future was cancelled is closed at once.
     *
     * @return a future of the shadow copies; it fails with the {@link VssException} when the request fails
     * @throws IllegalStateException if no volume and no component was given, or components were given in a context
     *                               without writers
     */
    public CompletableFuture<ShadowCopySet> createAsync() {
        RequestSpec spec = spec();
        return AsyncRun.start("vss4j-shadow-copy", cancelled -> new ShadowCopyRun(spec, cancelled, results())::runInto);
    }

    private RequestSpec spec() {
        if (volumes.isEmpty() && components.isEmpty()) {
            throw new IllegalStateException("no volume to copy: call volumes(\"C:\\\\\", ...) or component(...) first");
        }
        if (!components.isEmpty() && !context.involvesWriters()) {
            throw new IllegalStateException("components " + components + " need writers, but context " + context
                    + " has none: use BACKUP, APP_ROLLBACK or CLIENT_ACCESSIBLE_WRITERS");
        }
        return new RequestSpec(vss, List.copyOf(volumes), context, backupType,
                new WriterSelection(Set.copyOf(includedWriters), Set.copyOf(excludedWriters)), List.copyOf(components),
                provider,
                Map.copyOf(timeouts), deadline, cleanupTimeout, writerPolicy, retryPlan, scheduler,
                jitter != null ? jitter : new Random(), listener);
    }

    private static String key(String nameOrClassId) {
        Objects.requireNonNull(nameOrClassId, "nameOrClassId");
        if (nameOrClassId.isBlank()) {
            throw new IllegalArgumentException("a writer name or class id must not be blank");
        }
        return nameOrClassId.toLowerCase(Locale.ROOT);
    }

    /** {@code duration}, refused with an IllegalArgumentException naming {@code what} unless positive. */
    static Duration positive(Duration duration, String what) {
        Objects.requireNonNull(duration, what);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, was " + duration);
        }
        return duration;
    }
}
