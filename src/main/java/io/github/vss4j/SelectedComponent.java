package io.github.vss4j;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A writer's component in a component-mode {@link ShadowCopySet}: added to the backup with AddComponent, its
 * volumes in the snapshot set. Tell the set how its backup went ({@link ShadowCopySet#componentSucceeded}) before
 * closing the set.
 *
 * @param writerName           the writer's name, e.g. {@code SqlServerWriter}
 * @param writerId             the writer class
 * @param instanceId           the writer instance
 * @param type                 database or file group
 * @param logicalPath          its logical path, or empty
 * @param name                 its name
 * @param files                its files as the writer declared them: a file group's files, a database's data files
 *                             then its log files, each with the volume it lives on
 * @param volumes              the volumes its files live on (volume GUID paths), in the snapshot set
 * @param selectedAsDependency whether it is in the backup only because a selected component depends on it
 */
public record SelectedComponent(String writerName, UUID writerId, UUID instanceId, ComponentType type,
        String logicalPath, String name, List<FileDescriptor> files, List<String> volumes,
        boolean selectedAsDependency) {

    /** Checks that nothing is missing; copies the lists. */
    public SelectedComponent {
        requireIdentity(writerName, writerId, instanceId, type, name);
        logicalPath = Objects.requireNonNullElse(logicalPath, "");
        files = List.copyOf(files);
        volumes = List.copyOf(volumes);
    }

    /** Refuses a component value without its writer, instance, type or name (a restore's too). */
    static void requireIdentity(String writerName, UUID writerId, UUID instanceId, ComponentType type, String name) {
        Objects.requireNonNull(writerName, "writerName");
        Objects.requireNonNull(writerId, "writerId");
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
    }

    /** The component as a request names it: {@code LogicalPath\Name}, or {@code Name} without a logical path. */
    public String path() {
        return logicalPath.isEmpty() ? name : logicalPath + "\\" + name;
    }

    @Override
    public String toString() {
        return writerName + ":" + path();
    }
}
