package io.github.vss4j;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * One component of a writer ({@code IVssWMComponent} and its {@code VSS_COMPONENTINFO}), as GetWriterMetadata
 * reports it. A requester in component mode adds it with
 * {@link BackupComponents#addComponent(UUID, UUID, ComponentType, String, String)} by writer, type, logical path
 * and name, and adds the volumes its files live on ({@link #volumes()}) to the snapshot set.
 *
 * @param type                   database or file group
 * @param logicalPath            its logical path (where it sits in the writer's tree), or empty
 * @param name                   its name, unique under its logical path
 * @param caption                its display name, or empty
 * @param selectableForBackup    whether a requester may choose to back it up (else it goes with its writer or
 *                               its selectable ancestor)
 * @param selectableForRestore   whether it may be restored on its own
 * @param notifyOnBackupComplete whether the writer wants to hear about BackupComplete
 * @param componentFlags         the {@code VSS_COMPONENT_FLAGS} bits
 * @param files                  a file group's files ({@code GetFile})
 * @param databaseFiles          a database's data files ({@code GetDatabaseFile})
 * @param logFiles               a database's log files ({@code GetDatabaseLogFile})
 * @param dependencies           the components it depends on ({@code GetDependency})
 */
public record WriterComponent(ComponentType type, String logicalPath, String name, String caption,
        boolean selectableForBackup, boolean selectableForRestore, boolean notifyOnBackupComplete,
        int componentFlags, List<FileDescriptor> files, List<FileDescriptor> databaseFiles,
        List<FileDescriptor> logFiles, List<ComponentDependency> dependencies) {

    /** Checks that nothing is missing; copies the lists. */
    public WriterComponent {
        Objects.requireNonNull(type, "type");
        logicalPath = Objects.requireNonNullElse(logicalPath, "");
        Objects.requireNonNull(name, "name");
        caption = Objects.requireNonNullElse(caption, "");
        files = List.copyOf(files);
        databaseFiles = List.copyOf(databaseFiles);
        logFiles = List.copyOf(logFiles);
        dependencies = List.copyOf(dependencies);
    }

    /** Every volume its files live on (resolved ones only), in the order its files name them. */
    public Set<String> volumes() {
        Set<String> volumes = new LinkedHashSet<>();
        Stream.of(files, databaseFiles, logFiles).flatMap(List::stream).map(FileDescriptor::volume)
                .filter(v -> !v.isEmpty()).forEach(volumes::add);
        return volumes;
    }
}
