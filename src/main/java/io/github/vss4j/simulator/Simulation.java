package io.github.vss4j.simulator;

import io.github.vss4j.Operation;
import io.github.vss4j.VssError;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The description of a simulated machine: its volumes, writers, fault plan and timings. Immutable; build it with
 * {@link #builder()} and run it with {@code Vss.simulator(simulation)}.
 */
public final class Simulation {
    private final List<SimulatedVolume> volumes;
    private final List<SimulatedWriter> writers;
    private final List<Fault> faults;
    private final Map<Operation, Duration> durations;
    private final Duration writerTimeout;
    private final Integer waitTimeoutResult;
    private final boolean writerFailureFailsSnapshotSet;

    private Simulation(Builder builder) {
        this.volumes = List.copyOf(builder.volumes);
        this.writers = List.copyOf(builder.writers);
        this.faults = List.copyOf(builder.faults);
        this.durations = Collections.unmodifiableMap(new EnumMap<>(builder.durations));
        this.writerTimeout = builder.writerTimeout;
        this.waitTimeoutResult = builder.waitTimeoutResult;
        this.writerFailureFailsSnapshotSet = builder.writerFailureFailsSnapshotSet;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A machine with these supported volumes and nothing else. */
    public static Simulation withVolumes(String... names) {
        Builder builder = builder();
        for (String name : names) {
            builder.volume(name);
        }
        return builder.build();
    }

    public List<SimulatedVolume> volumes() {
        return volumes;
    }

    public List<SimulatedWriter> writers() {
        return writers;
    }

    public List<Fault> faults() {
        return faults;
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

    /** Whether a writer failing during DoSnapshotSet fails DoSnapshotSet itself (else it only shows in status). */
    public boolean writerFailureFailsSnapshotSet() {
        return writerFailureFailsSnapshotSet;
    }

    /** Collects the parts of a {@link Simulation}. */
    public static final class Builder {
        private final List<SimulatedVolume> volumes = new ArrayList<>();
        private final List<SimulatedWriter> writers = new ArrayList<>();
        private final List<Fault> faults = new ArrayList<>();
        private final Map<Operation, Duration> durations = new EnumMap<>(Operation.class);
        private Duration writerTimeout;
        private Integer waitTimeoutResult;
        private boolean writerFailureFailsSnapshotSet;

        private Builder() {
        }

        /** A supported volume, e.g. {@code C:\}, with unlimited shadow storage. */
        public Builder volume(String name) {
            return volume(SimulatedVolume.of(name));
        }

        public Builder volume(SimulatedVolume volume) {
            Objects.requireNonNull(volume, "volume");
            for (SimulatedVolume existing : volumes) {
                if (existing.name().equalsIgnoreCase(volume.name())) {
                    throw new IllegalArgumentException("volume " + volume.name() + " is already on the machine");
                }
            }
            volumes.add(volume);
            return this;
        }

        public Builder writer(SimulatedWriter writer) {
            writers.add(Objects.requireNonNull(writer, "writer"));
            return this;
        }

        public Builder fault(Fault fault) {
            faults.add(Objects.requireNonNull(fault, "fault"));
            return this;
        }

        /** How long {@code operation}'s IVssAsync stays pending; only asynchronous operations take time. */
        public Builder duration(Operation operation, Duration duration) {
            Objects.requireNonNull(operation, "operation");
            Objects.requireNonNull(duration, "duration");
            if (!operation.isAsynchronous()) {
                throw new IllegalArgumentException(operation.vssName() + " is not asynchronous: it takes no time");
            }
            if (duration.isNegative()) {
                throw new IllegalArgumentException("duration of " + operation.vssName() + " is negative: " + duration);
            }
            durations.put(operation, duration);
            return this;
        }

        public Builder writerTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative()) {
                throw new IllegalArgumentException("writer timeout is negative: " + timeout);
            }
            this.writerTimeout = timeout;
            return this;
        }

        /** What IVssAsync::Wait returns on timeout (undocumented on real Windows). */
        public Builder waitTimeoutResult(VssError result) {
            this.waitTimeoutResult = Objects.requireNonNull(result, "result").hresult();
            return this;
        }

        public Builder writerFailureFailsSnapshotSet(boolean fails) {
            this.writerFailureFailsSnapshotSet = fails;
            return this;
        }

        public Simulation build() {
            return new Simulation(this);
        }
    }
}
