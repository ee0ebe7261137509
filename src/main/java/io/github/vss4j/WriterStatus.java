package io.github.vss4j;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/**
 * One writer's status after a phase, as GetWriterStatus reports it.
 *
 * @param instanceId the writer instance's id
 * @param writerId   the writer class's id
 * @param writerName the writer's name, e.g. {@code SqlServerWriter}
 * @param state      the writer's state
 * @param failure    the HRESULT the writer reported, {@code S_OK} (0) when it did not fail
 */
public record WriterStatus(UUID instanceId, UUID writerId, String writerName, WriterState state, int failure)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Checks the ids and the state; turns a missing name into an empty one. */
    public WriterStatus {
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(writerId, "writerId");
        Objects.requireNonNull(state, "state");
        writerName = Objects.requireNonNullElse(writerName, "");
    }

    /** The writer's failure code, translated; {@link VssError#UNKNOWN} for a code vss4j does not know. */
    public VssError failureError() {
        return VssError.of(failure);
    }

    /** Whether the writer failed: its state is a failed one or it reported a failure code. */
    public boolean isFailed() {
        return state.isFailed() || failure < 0;
    }
}
