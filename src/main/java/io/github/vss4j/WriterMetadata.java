package io.github.vss4j;

import java.util.Objects;
import java.util.UUID;

/**
 * What a writer says about itself after GatherWriterMetadata.
 *
 * @param instanceId the writer instance's id
 * @param writerId   the writer class's id
 * @param writerName the writer's name, e.g. {@code SqlServerWriter}
 * @param usageType  the {@code VSS_USAGE_TYPE} value
 * @param sourceType the {@code VSS_SOURCE_TYPE} value
 */
public record WriterMetadata(UUID instanceId, UUID writerId, String writerName, int usageType, int sourceType) {

    /** Checks the ids; turns a missing name into an empty one. */
    public WriterMetadata {
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(writerId, "writerId");
        writerName = Objects.requireNonNullElse(writerName, "");
    }
}
