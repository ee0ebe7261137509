package io.github.vss4j.simulator;

import io.github.vss4j.LoggedEvent;
import io.github.vss4j.Operation;
import io.github.vss4j.SnapshotProperties;
import io.github.vss4j.VssError;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The description of a simulated Windows machine: its volumes, providers, writers, fault plan and timings.
 * Immutable; build it with {@link #builder()} and start a machine from it with
 * {@link io.github.vss4j.Vss#simulator(Simulation)}. Each call of {@code Vss.simulator} starts a new, empty
 * machine (no copies, attempt counters at zero); one {@code Vss} may be shared by any number of
 * {@code BackupComponents} and threads, which then meet the machine-wide rules of VSS (one snapshot set in
 * creation at a time: {@code VSS_E_SNAPSHOT_SET_IN_PROGRESS}).
 *
 * <p>What the machine does without being told, as Windows does: only the system provider is registered; writers
 * take part in writer contexts only; a volume holds at most 512 copies (64 in client-accessible contexts);
 * asynchronous operations finish at once; a hanging writer holds its phase for 60 seconds; a writer's failure
 * shows in writer status while DoSnapshotSet itself succeeds.
 *
 * <pre>{@code
 * Simulation simulation = Simulation.builder()
 *         .machineName("FILESERVER01")
 *         .volume("C:\\")
 *         .volume(SimulatedVolume.of("D:\\").withDiffArea(10_000, 4_000))   // the third copy: no room
 *         .volume(SimulatedVolume.of("E:\\").unsupported())                 // e.g. FAT32
 *         .writer(SimulatedWriter.named("SqlServerWriter")
 *                 .failingAt(WriterPhase.FREEZE, VssError.VSS_E_WRITERERROR_RETRYABLE))
 *         .writer(SimulatedWriter.named("Microsoft Exchange Writer").hangingAt(WriterPhase.PREPARE_SNAPSHOT))
 *         .writerTimeout(Duration.ofMillis(200))                               // instead of 60 s
 *         .duration(Operation.DO_SNAPSHOT_SET, Duration.ofMillis(50))
 *         .fault(Fault.on(Operation.DO_SNAPSHOT_SET).fails(VssError.VSS_E_FLUSH_WRITES_TIMEOUT).times(2))
 *         .build();
 * Vss vss = Vss.simulator(simulation);
 * SimulatedMachine machine = vss.simulatedMachine().orElseThrow();   // for assertions: calls, copies, writers
 * }</pre>
 */
public final class Simulation {
    private final List<SimulatedVolume> volumes;
    private final List<SimulatedWriter> writers;
    private final List<Fault> faults;
    private final Map<Operation, Duration> durations;
    private final Duration writerTimeout;
    private final Integer waitTimeoutResult;
    private final boolean writerFailureFailsSnapshotSet;
    private final String machineName;
    private final List<UUID> providers;
    private final List<SnapshotProperties> existingCopies;
    private final boolean backupPrivilege;
    private final Map<String, ServiceStart> services;
    private final List<LoggedEvent> loggedEvents;

    private Simulation(Builder builder) {
        this.machineName = builder.machineName;
        this.providers = List.copyOf(builder.providers);
        this.volumes = List.copyOf(builder.volumes);
        this.writers = List.copyOf(builder.writers);
        this.faults = List.copyOf(builder.faults);
        this.durations = Collections.unmodifiableMap(new EnumMap<>(builder.durations));
        this.writerTimeout = builder.writerTimeout;
        this.waitTimeoutResult = builder.waitTimeoutResult;
        this.writerFailureFailsSnapshotSet = builder.writerFailureFailsSnapshotSet;
        this.existingCopies = List.copyOf(builder.existingCopies);
        this.backupPrivilege = builder.backupPrivilege;
        this.services = Collections.unmodifiableMap(new LinkedHashMap<>(builder.services));
        this.loggedEvents = List.copyOf(builder.loggedEvents);
    }

    /** Starts an empty description: no volumes, no writers, no faults. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A machine with these supported volumes and nothing else, e.g.
     * {@code Vss.simulator(Simulation.withVolumes("C:\\", "D:\\"))}.
     */
    public static Simulation withVolumes(String... names) {
        Builder builder = builder();
        for (String name : names) {
            builder.volume(name);
        }
        return builder.build();
    }

    /** The volumes, in the order they were described. */
    public List<SimulatedVolume> volumes() {
        return volumes;
    }

    /** The writers, in the order they were described (the order writer metadata and status list them in). */
    public List<SimulatedWriter> writers() {
        return writers;
    }

    /** The fault plan, in the order it was described. */
    public List<Fault> faults() {
        return faults;
    }

    /** The name copies report as originating and service machine; empty for the default, {@code VSS4J-SIM}. */
    public Optional<String> machineName() {
        return Optional.ofNullable(machineName);
    }

    /** The providers registered besides the system one ({@code BackupComponents.SYSTEM_PROVIDER}). */
    public List<UUID> providers() {
        return providers;
    }

    /** How long each asynchronous operation takes; those not listed finish at once. */
    public Map<Operation, Duration> durations() {
        return durations;
    }

    /** How long a hanging writer holds its phase before it times out; empty for VSS's 60 seconds. */
    public Optional<Duration> writerTimeout() {
        return Optional.ofNullable(writerTimeout);
    }

    /** What {@code IVssAsync::Wait} returns when its timeout passes first; empty for S_OK. */
    public Optional<Integer> waitTimeoutResult() {
        return Optional.ofNullable(waitTimeoutResult);
    }

    /** The persistent copies the machine holds when it starts, in the order they were described. */
    public List<SnapshotProperties> existingCopies() {
        return existingCopies;
    }

    /** Whether a writer failing during DoSnapshotSet fails DoSnapshotSet itself (else it only shows in status). */
    public boolean writerFailureFailsSnapshotSet() {
        return writerFailureFailsSnapshotSet;
    }

    /**
     * Whether the simulated process holds {@code SeBackupPrivilege} (the default, as an elevated backup agent does):
     * reading a copy's file with backup semantics then passes a file whose ACL denies the account.
     */
    public boolean backupPrivilege() {
        return backupPrivilege;
    }

    /**
     * The services described with {@link Builder#service}, by name as given; the others are as on a default
     * install (VSS and swprv: manual and running; anything else: missing).
     */
    public Map<String, ServiceStart> services() {
        return services;
    }

    /** The entries the machine's event log holds from the start, as described with {@link Builder#loggedEvent}. */
    public List<LoggedEvent> loggedEvents() {
        return loggedEvents;
    }

    /**
     * Collects the parts of a {@link Simulation}; every method returns the builder, so that a machine reads as
     * one expression. Not thread-safe; the {@link Simulation} it builds is.
     */
    public static final class Builder {
        private final List<SimulatedVolume> volumes = new ArrayList<>();
        private final List<SimulatedWriter> writers = new ArrayList<>();
        private final List<Fault> faults = new ArrayList<>();
        private final Map<Operation, Duration> durations = new EnumMap<>(Operation.class);
        private Duration writerTimeout;
        private Integer waitTimeoutResult;
        private boolean writerFailureFailsSnapshotSet;
        private String machineName;
        private final List<UUID> providers = new ArrayList<>();
        private final List<SnapshotProperties> existingCopies = new ArrayList<>();
        private boolean backupPrivilege = true;
        private final Map<String, ServiceStart> services = new LinkedHashMap<>();
        private final List<LoggedEvent> loggedEvents = new ArrayList<>();

        private Builder() {
        }

        /**
         * A supported volume, e.g. {@code C:\}, with unlimited shadow storage.
         *
         * @throws IllegalArgumentException if the name breaks a rule of volume names (see {@link SimulatedVolume})
         */
        public Builder volume(String name) {
            return volume(SimulatedVolume.of(name));
        }

        /**
         * A volume described in full, e.g. {@code SimulatedVolume.of("D:\\").withMaxShadowCopies(2)}.
         *
         * @throws IllegalArgumentException if a volume of either of its names (ignoring case) is already described
         */
        public Builder volume(SimulatedVolume volume) {
            Objects.requireNonNull(volume, "volume");
            for (SimulatedVolume existing : volumes) {
                if (existing.isNamed(volume.name()) || existing.isNamed(volume.guidName())) {
                    throw new IllegalArgumentException("volume " + volume.name() + " (" + volume.guidName()
                            + ") is already on the machine as " + existing.name() + " (" + existing.guidName() + ")");
                }
            }
            volumes.add(volume);
            return this;
        }

        /** A writer; writer metadata and writer status list writers in the order they were added. */
        public Builder writer(SimulatedWriter writer) {
            writers.add(Objects.requireNonNull(writer, "writer"));
            return this;
        }

        /**
         * A planned failure, e.g. {@code Fault.on(Operation.DO_SNAPSHOT_SET).fails(VssError.VSS_E_PROVIDER_VETO)}.
         * Several faults of the same operation may be planned; the first that covers an attempt decides it.
         */
        public Builder fault(Fault fault) {
            faults.add(Objects.requireNonNull(fault, "fault"));
            return this;
        }

        /**
         * How long {@code operation}'s IVssAsync stays pending (zero, the default: it finishes at once); only
         * asynchronous operations take time. While an operation is pending, its object refuses every other call
         * with {@code VSS_E_BAD_STATE}, and a pending DoSnapshotSet keeps the machine's snapshot-set lock.
         * {@link Operation#READ_EVENT_LOG} too: a read of the machine's event log then takes this long whatever
         * its own timeout, as a hung log would (a fault of READ_EVENT_LOG makes the log refuse the reader).
         *
         * @throws IllegalArgumentException if the operation is synchronous or the duration negative
         */
        public Builder duration(Operation operation, Duration duration) {
            Objects.requireNonNull(operation, "operation");
            Objects.requireNonNull(duration, "duration");
            if (!operation.isAsynchronous() && operation != Operation.READ_EVENT_LOG) {
                throw new IllegalArgumentException(operation.vssName() + " is not asynchronous: it takes no time");
            }
            if (duration.isNegative()) {
                throw new IllegalArgumentException("duration of " + operation.vssName() + " is negative: " + duration);
            }
            durations.put(operation, duration);
            return this;
        }

        /**
         * How long a writer described with {@link SimulatedWriter#hangingAt(WriterPhase)} holds its phase before
         * it fails with {@code VSS_E_WRITERERROR_TIMEOUT} (VSS's default: 60 seconds). The asynchronous operation
         * that runs that phase takes this much longer.
         */
        public Builder writerTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative()) {
                throw new IllegalArgumentException("writer timeout is negative: " + timeout);
            }
            this.writerTimeout = timeout;
            return this;
        }

        /**
         * What {@code IVssAsync::Wait(milliseconds)} returns when its timeout passes before the operation ends
         * (undocumented on real Windows: {@code S_OK} by default, the operation still pending). The operation
         * goes on either way. vss4j's own waiter waits without a timeout, so this shapes the simulated
         * {@code IVssAsync} for code that calls Wait with a timeout, not the outcome of
         * {@code VssAsync.await(Duration)}, which returns {@code false} while the operation runs.
         */
        public Builder waitTimeoutResult(VssError result) {
            Objects.requireNonNull(result, "result");
            if (result == VssError.UNKNOWN) {
                throw new IllegalArgumentException("UNKNOWN has no HRESULT: use waitTimeoutResult(int)");
            }
            return waitTimeoutResult(result.hresult());
        }

        /**
         * {@link #waitTimeoutResult(VssError)} with a raw HRESULT, e.g. {@code 0x80070102}
         * ({@code HRESULT_FROM_WIN32(WAIT_TIMEOUT)}).
         */
        public Builder waitTimeoutResult(int hresult) {
            this.waitTimeoutResult = hresult;
            return this;
        }

        /**
         * Whether a writer that fails during DoSnapshotSet fails DoSnapshotSet itself, which then ends with
         * {@code VSS_E_UNEXPECTED_WRITER_ERROR} through QueryStatus and leaves no copies ({@code true}), or only
         * shows its failure in writer status while the copies are made ({@code false}, the default: Windows
         * documents this).
         */
        public Builder writerFailureFailsSnapshotSet(boolean fails) {
            this.writerFailureFailsSnapshotSet = fails;
            return this;
        }

        /**
         * The name the machine's copies report as originating and service machine ({@code VSS4J-SIM} by
         * default), e.g. the host name a backup catalogue records.
         */
        public Builder machineName(String name) {
            Objects.requireNonNull(name, "name");
            if (name.isBlank()) {
                throw new IllegalArgumentException("a simulated machine's name must not be blank");
            }
            this.machineName = name;
            return this;
        }

        /**
         * Registers a provider besides the system one, e.g. a storage array's hardware provider: AddToSnapshotSet
         * and IsVolumeSupported accept its id and the copies made through it report it. An id never registered
         * gives {@code VSS_E_PROVIDER_NOT_REGISTERED}. Registering the system provider or the same id twice
         * changes nothing. {@code BackupComponents.queryProviders()} lists it after the system provider, as a
         * {@code HARDWARE} provider named "vss4j simulated hardware provider" (only its id is known).
         */
        public Builder provider(UUID providerId) {
            Objects.requireNonNull(providerId, "providerId");
            if (!providers.contains(providerId)) {
                providers.add(providerId);
            }
            return this;
        }

        /**
         * A persistent copy the machine holds from the start, e.g. one {@code existingSnapshots()} of an earlier
         * machine reported, so that a machine can go on where another left off: Query lists it in the context its
         * attributes name, DeleteSnapshots removes it, it counts towards its volume's limits, and new copies get
         * device numbers after its. Its {@code originalVolumeName} must name a volume of the machine (checked by
         * {@link #build()}); the copy then reports that volume's GUID path.
         *
         * @throws IllegalArgumentException if the copy is not persistent (an auto-release copy cannot outlive the
         *                                  object that made it) or its id is already described
         */
        public Builder existingCopy(SnapshotProperties copy) {
            Objects.requireNonNull(copy, "copy");
            if (!copy.isPersistent()) {
                throw new IllegalArgumentException("copy " + copy.snapshotId() + " is not persistent (attributes 0x"
                        + Integer.toHexString(copy.attributeBits()) + "): only persistent copies outlive their object");
            }
            for (SnapshotProperties existing : existingCopies) {
                if (existing.snapshotId().equals(copy.snapshotId())) {
                    throw new IllegalArgumentException("copy " + copy.snapshotId() + " is already on the machine");
                }
            }
            existingCopies.add(copy);
            return this;
        }

        /**
         * Whether the simulated process holds {@code SeBackupPrivilege} ({@code true} by default, as an elevated
         * backup agent does). A file of a volume's backing folder without owner-read permission stands for a file
         * whose ACL denies the account (see {@link SimulatedVolume#backedBy}): opened with backup semantics, it
         * reads when the process holds the privilege and is refused with an
         * {@link java.nio.file.AccessDeniedException} naming the file and {@code SeBackupPrivilege} when it does
         * not. Files the account may read open either way.
         */
        public Builder backupPrivilege(boolean held) {
            this.backupPrivilege = held;
            return this;
        }

        /**
         * How a Windows service is set to start on the machine, e.g. {@code service("VSS", ServiceStart.DISABLED)}
         * for a machine whose VSS cannot start (what {@code vss4j doctor} reports). Without it VSS and swprv are
         * installed, set to Manual and running, and any other service is missing. Names compare ignoring case, as
         * Windows compares service names; describing a service again replaces it.
         *
         * @throws IllegalArgumentException if the name is blank, longer than 256 characters (Windows' limit) or
         *                                  holds '/' or ''
         */
        public Builder service(String name, ServiceStart start) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(start, "start");
            if (name.isBlank() || name.length() > 256 || name.indexOf('/') >= 0 || name.indexOf('\\') >= 0) {
                throw new IllegalArgumentException("service name \"" + (name.length() > 80 ? name.substring(0, 80)
                        + "..." : name) + "\" must be 1 to 256 characters without '/' or '\\'");
            }
            services.keySet().removeIf(known -> known.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)));
            services.put(name, start);
            return this;
        }

        /**
         * An entry the machine's event log holds from the start, e.g. an old VSS error, as if Windows had written
         * it: {@code Vss.events} and the doctor read it with those the machine's faults write. The log keeps its
         * newest 10,000 entries.
         *
         * @throws IllegalArgumentException if the event's time is before 1970, its id negative, or its source one no
         *                                  query could name (see {@link io.github.vss4j.EventLogQuery#of})
         */
        public Builder loggedEvent(LoggedEvent event) {
            Objects.requireNonNull(event, "event");
            io.github.vss4j.EventLogQuery.of(event.source());
            if (event.time().isBefore(java.time.Instant.EPOCH) || event.eventId() < 0) {
                throw new IllegalArgumentException("a logged event needs a time from 1970 on and an id of 0 or more,"
                        + " was " + event.time() + " and " + event.eventId());
            }
            loggedEvents.add(event);
            return this;
        }

        /**
         * The immutable description; the builder may go on to describe another machine.
         *
         * @throws IllegalArgumentException if an existing copy names a volume the machine does not have
         */
        public Simulation build() {
            for (SnapshotProperties copy : existingCopies) {
                if (volumes.stream().noneMatch(v -> v.isNamed(copy.originalVolumeName()))) {
                    throw new IllegalArgumentException("copy " + copy.snapshotId() + " is of volume "
                            + copy.originalVolumeName() + ", which the machine does not have");
                }
            }
            return new Simulation(this);
        }
    }
}
