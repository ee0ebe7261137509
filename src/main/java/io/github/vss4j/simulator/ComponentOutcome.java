package io.github.vss4j.simulator;

import java.util.Objects;
import java.util.UUID;

/**
 * What a simulated writer was told about one of its components with SetBackupSucceeded (the latest call).
 *
 * @param instanceId    the writer instance
 * @param writerId      the writer class
 * @param writerName    the writer's name
 * @param logicalPath   the component's logical path, or empty
 * @param componentName the component's name
 * @param succeeded     whether the requester said its backup succeeded
 */
public record ComponentOutcome(UUID instanceId, UUID writerId, String writerName, String logicalPath,
        String componentName, boolean succeeded) {

    /** Checks that nothing is missing. */
    public ComponentOutcome {
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(writerId, "writerId");
        Objects.requireNonNull(writerName, "writerName");
        logicalPath = Objects.requireNonNullElse(logicalPath, "");
        Objects.requireNonNull(componentName, "componentName");
    }
}
