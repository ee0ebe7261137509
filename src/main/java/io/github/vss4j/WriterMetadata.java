package io.github.vss4j;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * What a writer says about itself after GatherWriterMetadata ({@code IVssExamineWriterMetadata}).
 *
 * @param instanceId    the writer instance's id
 * @param writerId      the writer class's id
 * @param writerName    the writer's name, e.g. {@code SqlServerWriter}
 * @param usageType     the {@code VSS_USAGE_TYPE} value
 * @param sourceType    the {@code VSS_SOURCE_TYPE} value
 * @param restoreMethod how it wants to be restored ({@link RestoreMethod#NONE} when it declared nothing)
 * @param backupSchema  the {@code VSS_BACKUP_SCHEMA} bits: which backup types beyond full it supports (0x1
 *                      differential, 0x2 incremental, 0x4 exclusive incremental/differential, 0x8 log, 0x10 copy,
 *                      0x20 timestamped, ...)
 * @param excludeFiles  files it asks the requester not to back up
 * @param components    its components, in the order it declared them
 */
public record WriterMetadata(UUID instanceId, UUID writerId, String writerName, int usageType, int sourceType,
        RestoreMethod restoreMethod, int backupSchema, List<FileDescriptor> excludeFiles,
        List<WriterComponent> components) {

    /** Checks the ids; turns a missing name into an empty one and a missing restore method into NONE. */
    public WriterMetadata {
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(writerId, "writerId");
        writerName = Objects.requireNonNullElse(writerName, "");
        restoreMethod = Objects.requireNonNullElse(restoreMethod, RestoreMethod.NONE);
        excludeFiles = List.copyOf(excludeFiles);
        components = List.copyOf(components);
    }

    /** The identity alone: no restore method, no schema, no files, no components. */
    public WriterMetadata(UUID instanceId, UUID writerId, String writerName, int usageType, int sourceType) {
        this(instanceId, writerId, writerName, usageType, sourceType, RestoreMethod.NONE, 0, List.of(), List.of());
    }

    /** The component with that logical path (empty or null for none) and name, if the writer declared it. */
    public Optional<WriterComponent> component(String logicalPath, String name) {
        String path = Objects.requireNonNullElse(logicalPath, "");
        return components.stream().filter(c -> c.logicalPath().equals(path) && c.name().equals(name)).findFirst();
    }
}
