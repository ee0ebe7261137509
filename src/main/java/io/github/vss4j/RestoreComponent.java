package io.github.vss4j;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One component of a {@link PreparedRestore}: what to restore where, as the writer declared it and chose at
 * PreRestore. The product copies {@link #files()} from its backup to their places (or to the
 * {@link #alternateLocations()} and {@link #newTargets()} the request gave), following {@link #instructions()}, then
 * reports the outcome with {@link PreparedRestore#componentRestored}.
 *
 * @param writerName         the writer's name, e.g. {@code SqlServerWriter}
 * @param writerId           the writer class
 * @param instanceId         the writer instance
 * @param type               database or file group
 * @param logicalPath        its logical path, or empty
 * @param name               its name
 * @param files              its files as the writer declares them now (GetWriterMetadata): a file group's files, a
 *                           database's data files then its log files; path, file specification, recursive, and
 *                           the writer's own alternate location if it declared one
 * @param restoreTarget      where the writer wants the files at PreRestore ({@code GetRestoreTarget});
 *                           {@link RestoreTarget#UNDEFINED} if it said nothing, which means the original location
 * @param alternateLocations the alternate location mappings the request added for it
 * @param newTargets         the new targets the request added for it
 * @param restoreOptions     the options the request set for it, or empty
 * @param additionalRestores whether the request said more restores of it follow (e.g. differentials or logs)
 * @param instructions       its writer's restore method, as values
 */
public record RestoreComponent(String writerName, UUID writerId, UUID instanceId, ComponentType type,
        String logicalPath, String name, List<FileDescriptor> files, RestoreTarget restoreTarget,
        List<AlternateLocation> alternateLocations, List<NewTarget> newTargets, String restoreOptions,
        boolean additionalRestores, RestoreInstructions instructions) {

    /** Checks that nothing is missing; copies the lists. */
    public RestoreComponent {
        SelectedComponent.requireIdentity(writerName, writerId, instanceId, type, name);
        logicalPath = Objects.requireNonNullElse(logicalPath, "");
        files = List.copyOf(files);
        Objects.requireNonNull(restoreTarget, "restoreTarget");
        alternateLocations = List.copyOf(alternateLocations);
        newTargets = List.copyOf(newTargets);
        restoreOptions = Objects.requireNonNullElse(restoreOptions, "");
        Objects.requireNonNull(instructions, "instructions");
    }

    /** The component as a request names it: {@code LogicalPath\Name}, or {@code Name} without a logical path. */
    public String path() {
        return logicalPath.isEmpty() ? name : logicalPath + "\\" + name;
    }

    /** The same component with the target its writer chose at PreRestore. */
    public RestoreComponent withRestoreTarget(RestoreTarget target) {
        return new RestoreComponent(writerName, writerId, instanceId, type, logicalPath, name, files, target,
                alternateLocations, newTargets, restoreOptions, additionalRestores, instructions);
    }

    /** Whether this is the component {@code writerId} / {@code logicalPath} / {@code name} (names ignoring case). */
    public boolean is(UUID writerId, String logicalPath, String name) {
        return this.writerId.equals(writerId) && this.logicalPath.equalsIgnoreCase(
                Objects.requireNonNullElse(logicalPath, "")) && this.name.equalsIgnoreCase(name);
    }

    @Override
    public String toString() {
        return writerName + ":" + path();
    }
}
