package io.github.vss4j.internal.request;

import io.github.vss4j.ComponentDependency;
import io.github.vss4j.FileDescriptor;
import io.github.vss4j.Operation;
import io.github.vss4j.SelectedComponent;
import io.github.vss4j.VssError;
import io.github.vss4j.VssException;
import io.github.vss4j.WriterComponent;
import io.github.vss4j.WriterMetadata;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Turns a request's component choices into the components of the writers that answered GatherWriterMetadata, and
 * adds the components they depend on, as each writer declares (transitively). Nothing is added to VSS here: a
 * choice the writers cannot serve is refused before anything is.
 */
final class ComponentResolver {
    private final List<WriterMetadata> writers;
    // Insertion-ordered: the chosen components first, in the request's order, then their dependencies.
    private final Map<String, SelectedComponent> selected = new LinkedHashMap<>();

    private ComponentResolver(List<WriterMetadata> writers) {
        this.writers = writers;
    }

    /**
     * The components to add, chosen ones first.
     *
     * @throws IllegalArgumentException for an unknown writer or component, a component not selectable for backup,
     *                                  or a component chosen twice
     * @throws VssException             for a dependency on a component no writer declared
     *                                  ({@link VssError#VSS_E_OBJECT_NOT_FOUND})
     */
    static List<SelectedComponent> resolve(List<ComponentChoice> choices, List<WriterMetadata> writers)
            throws VssException {
        ComponentResolver resolver = new ComponentResolver(writers);
        for (ComponentChoice choice : choices) {
            resolver.choose(choice);
        }
        resolver.followDependencies();
        return List.copyOf(resolver.selected.values());
    }

    private void choose(ComponentChoice choice) {
        WriterMetadata writer = writerOf(choice, writers);
        if (choice.isEveryComponent()) {
            List<WriterComponent> selectable = writer.components().stream()
                    .filter(WriterComponent::selectableForBackup).toList();
            if (selectable.isEmpty()) {
                throw new IllegalArgumentException("writer " + writer.writerName() + " (chosen as " + choice
                        + ") declares no component selectable for backup");
            }
            selectable.forEach(c -> add(writer, c, false, choice));
            return;
        }
        WriterComponent component = writer.components().stream()
                .filter(c -> c.logicalPath().equalsIgnoreCase(choice.logicalPath())
                        && c.name().equalsIgnoreCase(choice.name()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("writer " + writer.writerName()
                        + " declares no component " + choice.componentText() + "; it declares "
                        + writer.components().stream().map(ComponentResolver::path).toList()));
        if (!component.selectableForBackup()) {
            throw new IllegalArgumentException("component " + path(component) + " of writer " + writer.writerName()
                    + " is not selectable for backup: the writer backs it up with its selectable ancestor or with"
                    + " the writer as a whole; choose that instead");
        }
        add(writer, component, false, choice);
    }

    /**
     * The one writer that answered GatherWriterMetadata under the choice's name or class id.
     *
     * @throws IllegalArgumentException if none did, or several instances did
     */
    static WriterMetadata writerOf(ComponentChoice choice, List<WriterMetadata> writers) {
        List<WriterMetadata> matching = writers.stream()
                .filter(w -> choice.writerClassId().map(w.writerId()::equals)
                        .orElseGet(() -> w.writerName().equalsIgnoreCase(choice.writer())))
                .toList();
        if (matching.isEmpty()) {
            throw new IllegalArgumentException("no writer \"" + choice.writer() + "\" (chosen for component "
                    + choice.componentText() + ") answered GatherWriterMetadata; writers that answered: "
                    + writers.stream().map(WriterMetadata::writerName).toList());
        }
        if (matching.size() > 1) {
            // [I] Several instances of one writer class: which instance's component is meant cannot be told.
            throw new IllegalArgumentException("\"" + choice.writer() + "\" names " + matching.size()
                    + " writer instances; a component choice must name exactly one writer");
        }
        return matching.get(0);
    }

    private void add(WriterMetadata writer, WriterComponent component, boolean dependency, ComponentChoice choice) {
        String key = key(writer, component);
        if (selected.containsKey(key)) {
            if (dependency) {
                return;
            }
            throw new IllegalArgumentException("component " + path(component) + " of writer " + writer.writerName()
                    + " is selected twice (again by " + choice + "); select each component once");
        }
        List<FileDescriptor> files = Stream.of(component.files(), component.databaseFiles(), component.logFiles())
                .flatMap(List::stream).toList();
        selected.put(key, new SelectedComponent(writer.writerName(), writer.writerId(), writer.instanceId(),
                component.type(), component.logicalPath(), component.name(), files,
                List.copyOf(component.volumes()), dependency));
    }

    private void followDependencies() throws VssException {
        Deque<SelectedComponent> toVisit = new ArrayDeque<>(selected.values());
        while (!toVisit.isEmpty()) {
            SelectedComponent from = toVisit.pop();
            WriterMetadata owner = writerById(from.instanceId());
            WriterComponent declared = owner.component(from.logicalPath(), from.name()).orElseThrow();
            for (ComponentDependency dependency : declared.dependencies()) {
                WriterMetadata target = writers.stream().filter(w -> w.writerId().equals(dependency.writerId()))
                        .findFirst().orElse(null);
                WriterComponent component = target == null ? null : target.components().stream()
                        .filter(c -> c.logicalPath().equalsIgnoreCase(dependency.logicalPath())
                                && c.name().equalsIgnoreCase(dependency.componentName()))
                        .findFirst().orElse(null);
                if (component == null) {
                    throw new VssException(Operation.GET_WRITER_METADATA, VssError.VSS_E_OBJECT_NOT_FOUND.hresult(),
                            "component " + from + " depends on component " + dependency.logicalPath() + "\\"
                                    + dependency.componentName() + " of writer class " + dependency.writerId()
                                    + ", which no writer that answered declares");
                }
                String key = key(target, component);
                if (!selected.containsKey(key)) {
                    // [I] A dependency is added even when it is not selectable for backup: the writer declared
                    // that the chosen component cannot be backed up without it.
                    add(target, component, true, null);
                    toVisit.add(selected.get(key));
                }
            }
        }
    }

    private WriterMetadata writerById(UUID instanceId) {
        return writers.stream().filter(w -> w.instanceId().equals(instanceId)).findFirst().orElseThrow();
    }

    private static String key(WriterMetadata writer, WriterComponent component) {
        return writer.instanceId() + "|" + component.logicalPath().toLowerCase(Locale.ROOT) + "|"
                + component.name().toLowerCase(Locale.ROOT);
    }

    private static String path(WriterComponent component) {
        return component.logicalPath().isEmpty() ? component.name()
                : component.logicalPath() + "\\" + component.name();
    }

}
