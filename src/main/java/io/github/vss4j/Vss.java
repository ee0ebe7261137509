package io.github.vss4j;

import io.github.vss4j.internal.NativeBridge;
import io.github.vss4j.internal.OwnedHandle;
import io.github.vss4j.internal.SimulatedMachineImpl;
import io.github.vss4j.internal.completion.CallbackExecutor;
import io.github.vss4j.internal.copy.CopyAccess;
import io.github.vss4j.internal.copy.CopyAccesses;
import io.github.vss4j.internal.copy.CopyRoot;
import io.github.vss4j.internal.events.EventLogRead;
import io.github.vss4j.internal.health.HealthCheck;
import io.github.vss4j.internal.loader.NativeLibrary;
import io.github.vss4j.simulator.SimulatedMachine;
import io.github.vss4j.simulator.Simulation;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * Where shadow copies come from: the real Volume Shadow Copy Service ({@link #system()}, Windows only) or a
 * simulated machine ({@link #simulator(Simulation)}, any OS). Immutable and thread-safe.
 *
 * <pre>{@code
 * Vss vss = Vss.simulator(Simulation.withVolumes("C:\\"));
 * try (BackupComponents backup = vss.createBackupComponents()) {
 *     backup.initializeForBackup();
 *     ...
 * }
 * }</pre>
 */
public final class Vss {
    // Shared with every Vss derived from this one: the backend lives while any of them is reachable.
    private final OwnedHandle backend;
    private final SimulatedMachineImpl machine;
    private final CallbackExecutor callbackExecutor;
    private final CopyAccess copyAccess;

    private Vss(OwnedHandle backend, SimulatedMachineImpl machine, CallbackExecutor callbackExecutor,
            CopyAccess copyAccess) {
        this.backend = backend;
        this.machine = machine;
        this.callbackExecutor = callbackExecutor;
        this.copyAccess = copyAccess;
    }

    /**
     * The real VSS of this Windows machine, with vss4j initializing COM security for the process the way
     * Microsoft recommends for requesters.
     *
     * @throws UnsupportedOperationException on an OS other than Windows (use {@link #simulator(Simulation)}), and
     *                                       in a 32-bit JVM on Windows (VSS refuses WOW64 requesters: run a 64-bit JVM)
     * @throws VssException                  if VSS cannot be used here: the message says why and what to do
     *                                       (e.g. a process without backup rights)
     */
    public static Vss system() throws VssException {
        return system(true);
    }

    /**
     * The real VSS of this Windows machine.
     *
     * @param initializeComSecurity {@code false} for hosts that call {@code CoInitializeSecurity} themselves
     */
    public static Vss system(boolean initializeComSecurity) throws VssException {
        NativeLibrary.checkRequester();
        NativeLibrary.load();
        long[] out = new long[1];
        String[] message = new String[1];
        int hresult = NativeBridge.systemBackend(initializeComSecurity, out, message);
        if (hresult < 0) {
            throw new VssException(Operation.CREATE_BACKUP_COMPONENTS, hresult, message[0]);
        }
        OwnedHandle backend = OwnedHandle.untilUnreachable(out[0], NativeBridge::backendRelease,
                "the VSS backend is released");
        return new Vss(backend, null, CallbackExecutor.vss4jThreads(), CopyAccesses.of(backend, false));
    }

    /**
     * A new simulated machine as {@code simulation} describes it.
     *
     * @throws UnsupportedOperationException in a 32-bit JVM on Windows, as {@link #system()} does: run a 64-bit JVM
     */
    public static Vss simulator(Simulation simulation) {
        Objects.requireNonNull(simulation, "simulation");
        NativeLibrary.checkRequester();
        SimulatedMachineImpl machine = SimulatedMachineImpl.start(simulation);
        return new Vss(machine.backend(), machine, CallbackExecutor.vss4jThreads(),
                CopyAccesses.of(machine.backend(), true));
    }

    /**
     * The same VSS, with completion callbacks and futures run on {@code executor} (by default on vss4j's daemon
     * threads named {@code vss4j-callback-N}, the thread that learns of the end running its callbacks). One that
     * runs tasks inline (such as {@code Runnable::run}) runs them on that vss4j thread too; either way a callback
     * may block or wait for another operation: another thread takes the next ends meanwhile.
     *
     * <p>The new Vss shares this one's backend (the real VSS or the simulated machine): it stays usable when this
     * one is no longer referenced, and the backend is released only once neither is.
     */
    public Vss withCallbackExecutor(Executor executor) {
        return new Vss(backend, machine, CallbackExecutor.callers(executor), copyAccess);
    }

    /** How this backend makes a copy readable (ShadowCopy.root, mount). */
    CopyAccess copyAccess() {
        return copyAccess;
    }

    /** The same VSS with another way to reach copies' files: for tests of what sits above the backends. */
    Vss withCopyAccess(CopyAccess access) {
        return new Vss(backend, machine, callbackExecutor, Objects.requireNonNull(access, "access"));
    }

    /**
     * Makes a copy of the low-level API readable, as {@link ShadowCopy#root()} does for a request's copies: any
     * copy this machine still holds (one from {@link BackupComponents#query()}, a persistent copy made earlier).
     * Close the result before the copy is deleted or released; it does not keep the copy alive.
     *
     * @throws IllegalArgumentException if {@code copy} has no device object (nothing to mount)
     * @throws IllegalStateException    for a simulated volume without content
     * @throws IOException              if the copy cannot be made reachable
     */
    public MountedCopy mount(SnapshotProperties copy) throws IOException {
        Objects.requireNonNull(copy, "copy");
        if (copy.snapshotDeviceObject().isBlank()) {
            throw new IllegalArgumentException("the shadow copy " + copy.snapshotId() + " has no device object"
                    + " (snapshotDeviceObject is empty): there is nothing to mount");
        }
        CopyRoot root = new CopyRoot(copyAccess, copy.snapshotDeviceObject(), () -> "its MountedCopy is closed");
        MountedCopy mounted = new MountedCopy(copy, root);
        root.root();
        return mounted;
    }

    /** {@code CreateVssBackupComponents}: a new object for one backup. */
    public BackupComponents createBackupComponents() throws VssException {
        return BackupComponents.create(backend, callbackExecutor);
    }

    /**
     * A new request for shadow copies in one call: set its volumes and options, then
     * {@link ShadowCopyRequest#create()} or {@link ShadowCopyRequest#createAsync()}.
     */
    public ShadowCopyRequest shadowCopy() {
        return new ShadowCopyRequest(this);
    }

    /**
     * A new restore through the writers, from the Backup Components Document a component-mode backup saved
     * ({@link ShadowCopySet#backupComponentsDocument()}): choose components, then {@link RestoreRequest#prepare()}.
     *
     * @throws IllegalArgumentException if {@code backupComponentsDocument} is blank
     */
    public RestoreRequest restore(String backupComponentsDocument) {
        return new RestoreRequest(this, backupComponentsDocument);
    }

    /** The simulated machine behind this Vss; empty for the real one. */
    /**
     * The system provider's shadow storage of {@code volume} (QueryDiffAreasForVolume): where its copies keep their
     * data, and how much they use, have allocated and may take. Usually one row.
     *
     * @param volume a drive letter, mounted folder or {@code \\?\Volume{GUID}\} name, with its trailing backslash
     * @throws VssException e.g. {@link VssError#E_ACCESSDENIED} without administrator rights
     */
    public List<ShadowStorage> shadowStorage(String volume) throws VssException {
        return ShadowStorageCalls.query(backend, volume);
    }

    /**
     * Changes the maximum size of the shadow storage of {@code volume} on {@code diffAreaVolume}
     * (ChangeDiffAreaMaximumSize), as {@code vssadmin resize shadowstorage} does. A maximum below what the copies
     * use makes VSS delete the oldest copies; 0 deletes the area ({@link VssError#VSS_E_VOLUME_IN_USE} while copies
     * use it); {@link ShadowStorage#UNBOUNDED} lifts the limit.
     *
     * @throws VssException {@link VssError#VSS_E_OBJECT_NOT_FOUND} when the volume's storage is not on
     *                      {@code diffAreaVolume}
     */
    public void changeShadowStorageMaximum(String volume, String diffAreaVolume, long maximumBytes)
            throws VssException {
        ShadowStorageCalls.changeMaximum(backend, volume, diffAreaVolume, maximumBytes);
    }

    /**
     * Puts the shadow storage of {@code volume} on {@code diffAreaVolume} (AddDiffArea), as {@code vssadmin add
     * shadowstorage} does; at least {@link ShadowStorage#MINIMUM_BYTES} or {@link ShadowStorage#UNBOUNDED}.
     *
     * @throws VssException {@link VssError#VSS_E_OBJECT_ALREADY_EXISTS} when the volume has storage already (once it
     *                      has copies it has), {@link VssError#VSS_E_VOLUME_NOT_SUPPORTED} for a volume without
     *                      shadow copies
     */
    public void addShadowStorage(String volume, String diffAreaVolume, long maximumBytes) throws VssException {
        ShadowStorageCalls.add(backend, volume, diffAreaVolume, maximumBytes);
    }

    /**
     * Windows event-log entries (read-only): those of the query's sources in the Application and System logs, in
     * its window and up to its level, newest first, at most its count, read within its timeout. On the simulator,
     * what its faults wrote (the events Windows writes for them) and the entries its description gives.
     *
     * @throws VssException the reader's failure with its HRESULT, e.g. {@link VssError#E_ACCESSDENIED};
     *                      {@link VssError#E_NOTIMPL} where this build has no event-log reader;
     *                      {@code ERROR_TIMEOUT} when the log did not answer within the query's timeout
     * @throws InterruptedException if this thread is interrupted while it waits for the log
     */
    public List<LoggedEvent> events(EventLogQuery query) throws VssException, InterruptedException {
        Objects.requireNonNull(query, "query");
        return EventLogRead.read(backend, query.sources(), query.from(), query.to(), query.maxLevel().value(),
                query.maxCount(), query.timeout());
    }

    /**
     * Whether this machine can take shadow copies now and, if not, what to do: the VSS and system provider services
     * not disabled, VSS reachable with this process's rights, providers registered, no other snapshot set in progress, no writer left failed (with the service to
     * restart), and room in each volume's shadow storage; the errors VSS, volsnap and swprv logged in the last 24
     * hours are a warning (docs/event-log.md). Writers answer only to a prepared backup, so this prepares
     * an empty snapshot set and aborts it; no shadow copy is made. Never throws for what it finds: a refusal is a
     * finding in the report.
     *
     * @param volumes the volumes whose shadow storage to check, e.g. {@code C:\}; none checks no storage
     * @param bound   how long each writer round may take before it is cancelled and reported, e.g. 60 s
     * @throws InterruptedException if this thread is interrupted while writers answer
     */
    public HealthReport checkHealth(List<String> volumes, Duration bound) throws InterruptedException {
        return HealthCheck.run(this, backend, volumes, bound);
    }

    public Optional<SimulatedMachine> simulatedMachine() {
        return Optional.ofNullable(machine);
    }

    public boolean isSimulated() {
        return machine != null;
    }

    @Override
    public String toString() {
        return isSimulated() ? "Vss[simulated]" : "Vss[system]";
    }
}
