package io.github.vss4j.internal;

import io.github.vss4j.BackupType;
import io.github.vss4j.LoggedEvent;
import io.github.vss4j.Operation;
import io.github.vss4j.SnapshotProperties;
import io.github.vss4j.WriterStatus;
import io.github.vss4j.internal.loader.NativeLibrary;
import io.github.vss4j.simulator.ComponentFault;
import io.github.vss4j.simulator.ComponentOutcome;
import io.github.vss4j.simulator.ComponentRestore;
import io.github.vss4j.simulator.ComponentRestoreTarget;
import io.github.vss4j.simulator.Fault;
import io.github.vss4j.simulator.SimulatedMachine;
import io.github.vss4j.simulator.SimulatedVolume;
import io.github.vss4j.simulator.SimulatedWriter;
import io.github.vss4j.simulator.ServiceStart;
import io.github.vss4j.simulator.Simulation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.WeakHashMap;

/** A native simulated machine built from a {@link Simulation}. */
public final class SimulatedMachineImpl implements SimulatedMachine {
    private static final Operation[] OPERATIONS = Operation.values();
    private static final int SERVICE_STOPPED = 1;
    private static final int SERVICE_RUNNING = 4;
    // Whether each machine's process holds SeBackupPrivilege, by its backend, for SimulatedCopyAccess (which is
    // given the backend only); a machine's entry goes with its backend.
    private static final Map<OwnedHandle, Boolean> BACKUP_PRIVILEGE = Collections.synchronizedMap(new WeakHashMap<>());

    // The same owner as the system backend's: released once no Vss and no SimulatedMachine of it is reachable;
    // objects made from it keep the native machine alive natively.
    private final OwnedHandle backend;
    // Instance id to name, for the outcomes: the machine records ids, a test asks by name.
    private final Map<UUID, String> writerNames = new HashMap<>();

    private SimulatedMachineImpl(OwnedHandle backend, Simulation simulation) {
        this.backend = backend;
        simulation.writers().forEach(w -> writerNames.putIfAbsent(w.instanceId(), w.name()));
    }

    public static SimulatedMachineImpl start(Simulation simulation) {
        NativeLibrary.load();
        SimulatedMachineImpl machine = new SimulatedMachineImpl(OwnedHandle.untilUnreachable(
                NativeBridge.simulatorCreate(), NativeBridge::backendRelease, "the simulated machine is released"),
                simulation);
        machine.backend.use(m -> {
            describe(m, simulation);
            return null;
        });
        BACKUP_PRIVILEGE.put(machine.backend, simulation.backupPrivilege());
        return machine;
    }

    /**
     * Whether the simulated process of the machine with this backend holds SeBackupPrivilege.
     *
     * @throws IllegalArgumentException if {@code backend} is no simulated machine's
     */
    public static boolean backupPrivilege(OwnedHandle backend) {
        Boolean held = BACKUP_PRIVILEGE.get(backend);
        if (held == null) {
            throw new IllegalArgumentException("backend " + backend + " is not a simulated machine's");
        }
        return held;
    }

    private static void describe(long m, Simulation simulation) {
        for (SimulatedVolume v : simulation.volumes()) {
            NativeBridge.simulatorAddVolume(m, v.name(), v.guidName(), v.supported(), v.diffAreaBytes(),
                    v.bytesPerCopy(), v.maxShadowCopies());
        }
        describeFiles(m, simulation);
        for (SnapshotProperties copy : simulation.existingCopies()) {
            if (!NativeBridge.simulatorAddExistingCopy(m, Decode.snapshotLongs(copy), Decode.snapshotStrings(copy))) {
                throw new IllegalStateException("existing copy " + copy.snapshotId() + " of "
                        + copy.originalVolumeName() + " could not be added to the machine");
            }
        }
        for (SimulatedWriter w : simulation.writers()) {
            NativeBridge.simulatorAddWriter(m, w.name(), Guids.hi(w.writerId()), Guids.lo(w.writerId()),
                    Guids.hi(w.instanceId()), Guids.lo(w.instanceId()), w.failsAt().ordinal(), w.failure(), w.hangs(),
                    WriterTables.write(w.restoreMethod(), w.backupSchema(), w.excludeFiles(), w.components()));
            for (ComponentFault f : w.componentFaults()) {
                if (!NativeBridge.simulatorAddComponentFault(m, Guids.hi(w.instanceId()), Guids.lo(w.instanceId()),
                        f.type().value(), f.logicalPath(), f.componentName(), f.phase().ordinal(), f.failure())) {
                    throw new IllegalStateException("the fault of component " + f.componentName() + " of writer "
                            + w.name() + " could not be added to the machine");
                }
            }
            for (ComponentRestoreTarget t : w.restoreTargets()) {
                if (!NativeBridge.simulatorSetRestoreTarget(m, Guids.hi(w.instanceId()), Guids.lo(w.instanceId()),
                        t.type().value(), t.logicalPath(), t.componentName(), t.target().value())) {
                    throw new IllegalStateException("the restore target of component " + t.componentName()
                            + " of writer " + w.name() + " could not be set on the machine");
                }
            }
        }
        for (Fault f : simulation.faults()) {
            NativeBridge.simulatorAddFault(m, f.operation().ordinal(), f.hresult(), f.viaQueryStatus(),
                    f.firstAttempt(), f.attempts());
        }
        for (Map.Entry<Operation, Duration> d : simulation.durations().entrySet()) {
            NativeBridge.simulatorSetDuration(m, d.getKey().ordinal(), Saturated.nanos(d.getValue()));
        }
        simulation.writerTimeout().ifPresent(t -> NativeBridge.simulatorSetWriterTimeout(m, Saturated.nanos(t)));
        simulation.waitTimeoutResult().ifPresent(r -> NativeBridge.simulatorSetWaitTimeoutResult(m, r));
        NativeBridge.simulatorSetWriterFailureFailsSnapshotSet(m, simulation.writerFailureFailsSnapshotSet());
        simulation.machineName().ifPresent(name -> NativeBridge.simulatorSetMachineName(m, name));
        for (UUID provider : simulation.providers()) {
            NativeBridge.simulatorAddProvider(m, Guids.hi(provider), Guids.lo(provider));
        }
        for (Map.Entry<String, ServiceStart> s : simulation.services().entrySet()) {
            ServiceStart start = s.getValue();
            boolean installed = start != ServiceStart.NOT_INSTALLED;
            int state = !installed ? 0 : start == ServiceStart.DISABLED ? SERVICE_STOPPED : SERVICE_RUNNING;
            NativeBridge.simulatorSetService(m, s.getKey(), installed, state, installed ? start.startType() : 0);
        }
        for (LoggedEvent e : simulation.loggedEvents()) {
            NativeBridge.simulatorLogEvent(m, e.channel(), e.source(), e.eventId(), e.level().value(),
                    e.time().toEpochMilli(), e.message());
        }
    }

    // Only a machine with a backed volume makes a folder for its copies' files.
    private static void describeFiles(long m, Simulation simulation) {
        if (simulation.volumes().stream().allMatch(v -> v.content() == null)) {
            return;
        }
        try {
            NativeBridge.simulatorSetContentFolder(m, SimulatedCopyFolders.newMachineFolder().toString());
        } catch (IOException e) {
            throw new UncheckedIOException("the simulated machine has volumes with files but no private folder "
                    + "for its copies' files: " + e.getMessage(), e);
        }
        for (SimulatedVolume v : simulation.volumes()) {
            if (v.content() != null && !NativeBridge.simulatorSetVolumeContent(m, v.name(), v.content().toString())) {
                throw new IllegalStateException("volume " + v.name() + " could not be backed by " + v.content());
            }
        }
    }

    /** The owner of the native machine, which every Vss of this machine shares. */
    public OwnedHandle backend() {
        return backend;
    }

    @Override
    public long liveObjects() {
        return backend.use(NativeBridge::simulatorLiveObjects);
    }

    @Override
    public List<Operation> callLog() {
        List<Operation> calls = new ArrayList<>();
        for (int call : backend.use(NativeBridge::simulatorCallLog)) {
            calls.add(OPERATIONS[call]);
        }
        return List.copyOf(calls);
    }

    @Override
    public List<SnapshotProperties> existingSnapshots() {
        Object[] holder = new Object[2];
        backend.use(m -> {
            NativeBridge.simulatorExistingSnapshots(m, holder);
            return null;
        });
        return Decode.snapshots(holder);
    }

    @Override
    public String machineName() {
        return backend.use(NativeBridge::simulatorMachineName);
    }

    @Override
    public List<WriterStatus> writerStates() {
        Object[] holder = new Object[2];
        backend.use(m -> {
            NativeBridge.simulatorWriterStates(m, holder);
            return null;
        });
        return Decode.writerStatus(holder);
    }

    @Override
    public List<ComponentOutcome> componentOutcomes() {
        Object[] holder = new Object[2];
        backend.use(m -> {
            NativeBridge.simulatorComponentOutcomes(m, holder);
            return null;
        });
        long[] longs = (long[]) holder[0];
        String[] strings = (String[]) holder[1];
        List<ComponentOutcome> outcomes = new ArrayList<>();
        for (int row = 0; row < strings.length / Rows.OutcomeStrings.COUNT; row++) {
            int l = row * Rows.OutcomeLongs.COUNT;
            int s = row * Rows.OutcomeStrings.COUNT;
            UUID instance = Guids.read(longs, l + Rows.OutcomeLongs.INSTANCE_ID);
            outcomes.add(new ComponentOutcome(instance, Guids.read(longs, l + Rows.OutcomeLongs.WRITER_ID),
                    writerNames.getOrDefault(instance, ""), strings[s + Rows.OutcomeStrings.LOGICAL_PATH],
                    strings[s + Rows.OutcomeStrings.COMPONENT_NAME], longs[l + Rows.OutcomeLongs.SUCCEEDED] != 0,
                    BackupType.of((int) longs[l + Rows.OutcomeLongs.BACKUP_TYPE]),
                    strings[s + Rows.OutcomeStrings.BACKUP_STAMP], strings[s + Rows.OutcomeStrings.PREVIOUS_BACKUP_STAMP],
                    strings[s + Rows.OutcomeStrings.BACKUP_OPTIONS], (int) longs[l + Rows.OutcomeLongs.FAILURE]));
        }
        return List.copyOf(outcomes);
    }

    @Override
    public List<ComponentRestore> componentRestores() {
        Object[] holder = new Object[4];
        backend.use(m -> {
            NativeBridge.simulatorRestoreRecords(m, holder);
            return null;
        });
        return RestoreRecords.read(holder, writerNames);
    }
}
