package io.github.vss4j.simulator;

import io.github.vss4j.VssError;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/**
 * A VSS writer on a simulated machine.
 *
 * @param name       the writer's name, e.g. {@code SqlServerWriter}
 * @param writerId   its class id
 * @param instanceId its instance id
 * @param failsAt    the phase where it fails (or hangs), {@link WriterPhase#NONE} for a healthy writer
 * @param failure    the writer error it reports when it fails, e.g. {@code VSS_E_WRITERERROR_RETRYABLE}
 * @param hangs      whether it hangs at {@code failsAt} until the writer timeout instead of failing at once
 */
public record SimulatedWriter(String name, UUID writerId, UUID instanceId, WriterPhase failsAt, int failure,
        boolean hangs) {

    public SimulatedWriter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(writerId, "writerId");
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(failsAt, "failsAt");
        if (hangs && failsAt == WriterPhase.NONE) {
            throw new IllegalArgumentException("writer " + name + " cannot hang at phase NONE: name a phase");
        }
    }

    /** A healthy writer; its ids are derived from its name, so that the same name gives the same ids. */
    public static SimulatedWriter named(String name) {
        Objects.requireNonNull(name, "name");
        UUID id = UUID.nameUUIDFromBytes(("vss4j-writer:" + name).getBytes(StandardCharsets.UTF_8));
        UUID instance = UUID.nameUUIDFromBytes(("vss4j-writer-instance:" + name).getBytes(StandardCharsets.UTF_8));
        return new SimulatedWriter(name, id, instance, WriterPhase.NONE, 0, false);
    }

    /** The same writer, failing at {@code phase} with {@code error}. */
    public SimulatedWriter failingAt(WriterPhase phase, VssError error) {
        Objects.requireNonNull(error, "error");
        return new SimulatedWriter(name, writerId, instanceId, phase, error.hresult(), false);
    }

    /** The same writer, hanging at {@code phase} until the writer timeout. */
    public SimulatedWriter hangingAt(WriterPhase phase) {
        return new SimulatedWriter(name, writerId, instanceId, phase, VssError.VSS_E_WRITERERROR_TIMEOUT.hresult(),
                true);
    }
}
