package io.github.vss4j;

import io.github.vss4j.internal.request.AsyncRun;
import io.github.vss4j.internal.request.ComponentChoice;
import io.github.vss4j.internal.request.RestoreChoice;
import io.github.vss4j.internal.request.RestoreResults;
import io.github.vss4j.internal.request.RestoreRun;
import io.github.vss4j.internal.request.RestoreSession;
import io.github.vss4j.internal.request.RestoreSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * A restore through the writers in two calls, from the Backup Components Document a component-mode backup saved
 * ({@link ShadowCopySet#backupComponentsDocument()}). Get one from {@link Vss#restore(String)}:
 *
 * <pre>{@code
 * try (PreparedRestore restore = vss.restore(document).component("SqlServerWriter", "SQLHOST\\sales").prepare()) {
 *     for (RestoreComponent c : restore.components()) {
 *         ... copy c.files() from the backup, as c.instructions() and c.restoreTarget() say ...
 *         restore.componentRestored(c);
 *     }
 *     RestoreResult result = restore.finish();
 * }
 * }</pre>
 *
 * <p>{@link #prepare()} runs InitializeForRestore with the document, GatherWriterMetadata, finds each chosen
 * component in the document (GetWriterComponents; names compared ignoring case) and its files in its writer's
 * metadata, calls SetSelectedForRestore for each (with the restore options, additional restores, alternate location
 * mappings and new targets asked for here), SetRestoreState and PreRestore, then checks the writers of the chosen
 * components and reads the target each writer chose. It hands back a {@link PreparedRestore}: what to restore where.
 * The product copies the files, reports each component, and calls {@link PreparedRestore#finish()}, which tells the
 * writers (SetFileRestoreStatus) and runs PostRestore.
 *
 * <p>Without a {@link #component} every component the document holds is restored. A request is a builder: each
 * setter changes it and returns it; it is not thread-safe. {@link #prepare()} takes a copy of its settings.
 *
 * <p>Defaults: {@link RestoreType#BY_COPY}, {@link WriterPolicy#FAIL}, no timeouts, no deadline, a clean-up timeout
 * of one minute, real time. VSS documents no retry for restore: there is one attempt.
 *
 * <p><b>Failures</b> are {@link VssException}s carrying the raw HRESULT, the restore {@link Phase} and the writers'
 * status: a damaged document or one from another machine fails {@link Phase#INITIALIZE_FOR_RESTORE} with VSS's own
 * error; a writer that failed at PreRestore, or reported a PreRestore failure for a chosen component, fails
 * {@link Phase#WRITER_STATUS_AFTER_PRE_RESTORE} under {@link WriterPolicy#FAIL}. A choice the document or the
 * writers cannot serve is an {@link IllegalArgumentException} naming it. Whatever fails, nothing is left half-done:
 * once PreRestore ran, each writer is told no file was restored and PostRestore runs before the object is released.
 */
public final class RestoreRequest {
    // The engine (internal.request) runs the restore; what it hands back that is not public API is made here. A
    // failure whose reason Windows logs (a writer failing at PreRestore, above all) carries the event-log entries
    // written since the restore started, as a backup's does.
    private RestoreResults results() {
        boolean readEvents = eventLog && FailureEvents.allowedByProperty();
        Instant started = Instant.now();
        return new RestoreResults() {
            @Override
            public VssException inContext(VssException failure, Phase phase, int attempt, List<WriterStatus> writers) {
                VssException located = failure.withContext(phase, attempt, writers);
                return readEvents ? FailureEvents.attach(vss, located, started, writers) : located;
            }

            @Override
            public PreparedRestore prepared(RestoreSession session) {
                return new PreparedRestore(session);
            }
        };
    }

    private final Vss vss;
    private final String document;
    private final List<RestoreChoice> choices = new ArrayList<>();
    private RestoreType restoreType = RestoreType.BY_COPY;
    private final Map<Phase, Duration> timeouts = new EnumMap<>(Phase.class);
    private Duration deadline;
    private Duration cleanupTimeout = Duration.ofMinutes(1);
    private WriterPolicy writerPolicy = WriterPolicy.FAIL;
    private boolean eventLog = true;
    private Scheduler scheduler = Scheduler.system();
    private ProgressListener listener = ProgressListener.none();

    RestoreRequest(Vss vss, String document) {
        this.vss = Objects.requireNonNull(vss, "vss");
        Objects.requireNonNull(document, "document");
        if (document.isBlank()) {
            throw new IllegalArgumentException("the Backup Components Document is empty: pass the XML a component-mode"
                    + " backup saved (ShadowCopySet.backupComponentsDocument())");
        }
        this.document = document;
    }

    /**
     * Restores one component the document holds.
     *
     * @param writer    the writer's name (e.g. {@code SqlServerWriter}) or class id in its usual text form
     * @param component {@code LogicalPath\Name}, or {@code Name} for a component without a logical path
     * @throws IllegalArgumentException if either is blank or malformed, or the component was chosen already
     */
    public RestoreRequest component(String writer, String component) {
        return choose(ComponentChoice.of(writer, component));
    }

    /** {@link #component(String, String)} with the writer's class id. */
    public RestoreRequest component(UUID writerClassId, String component) {
        return component(Objects.requireNonNull(writerClassId, "writerClassId").toString(), component);
    }

    /** Restores every component of the writer that the document holds. */
    public RestoreRequest everyComponentOf(String writer) {
        return choose(ComponentChoice.everyComponentOf(writer));
    }

    /** {@link #everyComponentOf(String)} with the writer's class id. */
    public RestoreRequest everyComponentOf(UUID writerClassId) {
        return everyComponentOf(Objects.requireNonNull(writerClassId, "writerClassId").toString());
    }

    private RestoreRequest choose(ComponentChoice choice) {
        for (RestoreChoice earlier : choices) {
            if (earlier.choice().sameAs(choice)) {
                throw new IllegalArgumentException("component " + choice + " is already in the restore; choose each"
                        + " component once");
            }
        }
        choices.add(RestoreChoice.of(choice));
        return this;
    }

    /**
     * The writer-specific restore options of a component chosen with {@link #component} (SetRestoreOptions).
     *
     * @throws IllegalArgumentException if that component was not chosen, or {@code options} is blank
     */
    public RestoreRequest restoreOptions(String writer, String component, String options) {
        Objects.requireNonNull(options, "options");
        if (options.isBlank()) {
            throw new IllegalArgumentException("restore options must not be blank");
        }
        return change(writer, component, c -> new RestoreChoice(c.choice(), options, c.additionalRestores(),
                c.mappings(), c.newTargets()));
    }

    /**
     * Says that more restores of a component chosen with {@link #component} follow this one, e.g. differential or
     * log backups (SetAdditionalRestores true): its writer then waits for them before recovering.
     *
     * @throws IllegalArgumentException if that component was not chosen
     */
    public RestoreRequest additionalRestores(String writer, String component) {
        return change(writer, component, c -> new RestoreChoice(c.choice(), c.restoreOptions(), true, c.mappings(),
                c.newTargets()));
    }

    /**
     * Restores one file set of a component chosen with {@link #component} to another place
     * (AddAlternativeLocationMapping); the mapping's path, file specification and recursion must be one of the
     * component's file sets as its writer declares them (checked by {@link #prepare()}).
     *
     * @throws IllegalArgumentException if that component was not chosen
     */
    public RestoreRequest alternateLocation(String writer, String component, AlternateLocation mapping) {
        Objects.requireNonNull(mapping, "mapping");
        return change(writer, component, c -> new RestoreChoice(c.choice(), c.restoreOptions(),
                c.additionalRestores(), append(c.mappings(), mapping), c.newTargets()));
    }

    /**
     * Restores files of a component chosen with {@link #component} to a new place (AddNewTarget), for writers whose
     * backup schema accepts new targets (checked by {@link #prepare()}).
     *
     * @throws IllegalArgumentException if that component was not chosen
     */
    public RestoreRequest newTarget(String writer, String component, NewTarget target) {
        Objects.requireNonNull(target, "target");
        return change(writer, component, c -> new RestoreChoice(c.choice(), c.restoreOptions(),
                c.additionalRestores(), c.mappings(), append(c.newTargets(), target)));
    }

    private RestoreRequest change(String writer, String component,
            java.util.function.UnaryOperator<RestoreChoice> change) {
        ComponentChoice named = ComponentChoice.of(writer, component);
        for (int i = 0; i < choices.size(); i++) {
            if (choices.get(i).choice().sameAs(named)) {
                choices.set(i, change.apply(choices.get(i)));
                return this;
            }
        }
        throw new IllegalArgumentException("component " + named + " is not in the restore: choose it with"
                + " component(writer, component) first");
    }

    private static <T> List<T> append(List<T> list, T item) {
        List<T> longer = new ArrayList<>(list);
        longer.add(item);
        return longer;
    }

    /** How the files come back (default {@link RestoreType#BY_COPY}); SetRestoreState. */
    public RestoreRequest restoreType(RestoreType type) {
        Objects.requireNonNull(type, "type");
        if (type == RestoreType.UNDEFINED) {
            throw new IllegalArgumentException("RestoreType.UNDEFINED is not a restore type: choose BY_COPY, IMPORT or"
                    + " OTHER");
        }
        this.restoreType = type;
        return this;
    }

    /**
     * The longest an asynchronous restore phase may take ({@link Phase#GATHER_WRITER_METADATA},
     * {@link Phase#PRE_RESTORE}, {@link Phase#WRITER_STATUS_AFTER_PRE_RESTORE}, {@link Phase#POST_RESTORE},
     * {@link Phase#WRITER_STATUS_AFTER_POST_RESTORE}) before the restore cancels it, cleans up and fails.
     *
     * @throws IllegalArgumentException if {@code timeout} is not positive, or the phase is not an asynchronous
     *                                  restore phase
     */
    public RestoreRequest timeout(Phase phase, Duration timeout) {
        Objects.requireNonNull(phase, "phase");
        if (!phase.isAsynchronous() || !phase.isRestorePhase()) {
            throw new IllegalArgumentException(phase + " is not an asynchronous restore phase, so it takes no restore"
                    + " timeout");
        }
        timeouts.put(phase, ShadowCopyRequest.positive(timeout, "timeout"));
        return this;
    }

    /**
     * The longest {@link #prepare()} may take, and again {@link PreparedRestore#finish()} (no deadline by default).
     *
     * @throws IllegalArgumentException if {@code deadline} is not positive
     */
    public RestoreRequest deadline(Duration deadline) {
        this.deadline = ShadowCopyRequest.positive(deadline, "deadline");
        return this;
    }

    /**
     * How long clean-up waits for a cancelled operation, and for PostRestore after a failure, before it releases the
     * object anyway (1 min).
     *
     * @throws IllegalArgumentException if {@code timeout} is not positive
     */
    public RestoreRequest cleanupTimeout(Duration timeout) {
        this.cleanupTimeout = ShadowCopyRequest.positive(timeout, "cleanupTimeout");
        return this;
    }

    /**
     * What to do when a writer of a chosen component fails at PreRestore (default {@link WriterPolicy#FAIL}: clean up
     * and throw). {@link WriterPolicy#REPORT} hands the prepared restore over anyway: the product reads the writers'
     * status and decides.
     */
    public RestoreRequest writerPolicy(WriterPolicy policy) {
        this.writerPolicy = Objects.requireNonNull(policy, "policy");
        return this;
    }

    /**
     * Whether a failure reads Windows' event log (default on), as {@link ShadowCopyRequest#eventLog(boolean)}
     * describes: a writer's failure at PreRestore, for one, carries what VSS and the writer's service logged
     * ({@link VssException#events()}). The system property {@code vss4j.eventLog=false} turns it off for the whole
     * process.
     */
    public RestoreRequest eventLog(boolean read) {
        this.eventLog = read;
        return this;
    }

    /** The time to read and wait on (default {@link Scheduler#system()}). */
    public RestoreRequest scheduler(Scheduler scheduler) {
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        return this;
    }

    /** Who hears about progress (default: nobody; the log and JFR always do). */
    public RestoreRequest listener(ProgressListener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
        return this;
    }

    /**
     * Prepares the restore on this thread (see the class comment): when it returns, the writers are ready for the
     * files. Close the result (try-with-resources) after {@link PreparedRestore#finish()}.
     *
     * @throws VssException             if a VSS call failed, or a writer failed under {@link WriterPolicy#FAIL}:
     *                                  raw HRESULT, phase and writer states inside; everything was cleaned up
     * @throws IllegalArgumentException if the document or the writers cannot serve a choice
     * @throws InterruptedException     if this thread was interrupted; everything was cleaned up first
     */
    public PreparedRestore prepare() throws VssException, InterruptedException {
        return new RestoreRun(spec(), null, results()).run();
    }

    /**
     * Prepares the restore on a new daemon thread. Cancelling the future stops it wherever it is and cleans up (the
     * listener's {@link ProgressEvent.RestoreReleased} tells when clean-up is over); a restore prepared just as the
     * future was cancelled is closed at once.
     */
    public CompletableFuture<PreparedRestore> prepareAsync() {
        RestoreSpec spec = spec();
        RestoreResults results = results();
        return AsyncRun.start("vss4j-restore", cancelled -> new RestoreRun(spec, cancelled, results)::runInto);
    }

    private RestoreSpec spec() {
        return new RestoreSpec(vss, document, List.copyOf(choices), restoreType, Map.copyOf(timeouts), deadline,
                cleanupTimeout, writerPolicy, scheduler, listener);
    }
}
