package io.github.vss4j.internal.request;

import io.github.vss4j.AlternateLocation;
import io.github.vss4j.FileDescriptor;
import io.github.vss4j.RecordedComponent;
import io.github.vss4j.RestoreComponent;
import io.github.vss4j.RestoreInstructions;
import io.github.vss4j.RestoreMethod;
import io.github.vss4j.RestoreTarget;
import io.github.vss4j.RestoreRequest;
import io.github.vss4j.WriterComponent;
import io.github.vss4j.WriterMetadata;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a restore request's choices into the components to restore: each must be in the Backup Components Document
 * (GetWriterComponents after InitializeForRestore); its files, its writer's name and restore method come from the
 * writers' metadata now (GatherWriterMetadata). Nothing is selected in VSS here: a choice that cannot be served is
 * refused before anything is.
 */
final class RestoreResolver {
    private static final Logger LOG = LoggerFactory.getLogger(RestoreRequest.class);
    /** {@code VSS_BS_WRITER_SUPPORTS_NEW_TARGET}: the writer accepts AddNewTarget. */
    static final int SUPPORTS_NEW_TARGET = 0x100;

    private final List<RecordedComponent> inDocument;
    private final List<WriterMetadata> writers;
    private final Map<String, RestoreComponent> chosen = new LinkedHashMap<>();

    private RestoreResolver(List<RecordedComponent> inDocument, List<WriterMetadata> writers) {
        this.inDocument = inDocument;
        this.writers = writers;
    }

    /**
     * The components to restore, in the order chosen; every component of the document when nothing was chosen.
     *
     * @throws IllegalArgumentException for a component the document does not hold, a writer that cannot be named,
     *                                  a component chosen twice, a mapping that matches none of the component's
     *                                  files, or a new target for a writer whose schema does not allow them
     */
    static List<RestoreComponent> resolve(List<RestoreChoice> choices, List<RecordedComponent> inDocument,
            List<WriterMetadata> writers) {
        RestoreResolver resolver = new RestoreResolver(inDocument, writers);
        if (inDocument.isEmpty()) {
            throw new IllegalArgumentException("the Backup Components Document holds no component: restore needs the"
                    + " document of a component-mode backup");
        }
        if (choices.isEmpty()) {
            inDocument.forEach(r -> resolver.add(r, null));
        }
        choices.forEach(resolver::choose);
        return List.copyOf(resolver.chosen.values());
    }

    private void choose(RestoreChoice asked) {
        ComponentChoice choice = asked.choice();
        UUID writerId = choice.writerClassId()
                .orElseGet(() -> ComponentResolver.writerOf(choice, writers).writerId());
        List<RecordedComponent> ofWriter = inDocument.stream().filter(r -> r.writerId().equals(writerId)).toList();
        if (choice.isEveryComponent()) {
            if (ofWriter.isEmpty()) {
                throw new IllegalArgumentException("the Backup Components Document holds no component of writer "
                        + choice.writer() + "; it holds " + describe(inDocument));
            }
            ofWriter.forEach(r -> add(r, asked));
            return;
        }
        RecordedComponent recorded = ofWriter.stream()
                .filter(r -> r.logicalPath().equalsIgnoreCase(choice.logicalPath())
                        && r.componentName().equalsIgnoreCase(choice.name()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the Backup Components Document holds no component "
                        + choice.componentText() + " of writer " + choice.writer() + "; it holds "
                        + describe(inDocument)));
        add(recorded, asked);
    }

    private void add(RecordedComponent recorded, RestoreChoice asked) {
        String key = recorded.writerId() + "|" + recorded.logicalPath().toLowerCase(Locale.ROOT) + "|"
                + recorded.componentName().toLowerCase(Locale.ROOT);
        if (chosen.containsKey(key)) {
            throw new IllegalArgumentException("component " + path(recorded) + " of writer class "
                    + recorded.writerId() + " is chosen twice (again by " + asked.choice() + "); choose each once");
        }
        WriterMetadata writer = writers.stream().filter(w -> w.instanceId().equals(recorded.instanceId()))
                .findFirst()
                .orElseGet(() -> writers.stream().filter(w -> w.writerId().equals(recorded.writerId())).findFirst()
                        .orElse(null));
        WriterComponent declared = writer == null ? null : writer.components().stream()
                .filter(c -> c.logicalPath().equalsIgnoreCase(recorded.logicalPath())
                        && c.name().equalsIgnoreCase(recorded.componentName()))
                .findFirst().orElse(null);
        String writerName = writer == null ? recorded.writerId().toString() : writer.writerName();
        List<FileDescriptor> files = declared == null ? List.of()
                : Stream.of(declared.files(), declared.databaseFiles(), declared.logFiles()).flatMap(List::stream)
                        .toList();
        if (declared == null) {
            // [I] A writer may no longer declare a component (a dropped database): VSS still restores it, but
            // vss4j cannot say which files it has; the product takes them from its own backup catalogue.
            LOG.warn("Writer {} does not declare component {} now; its files are not known to vss4j: restore them"
                    + " from the backup's own list.", writerName, path(recorded));
        }
        RestoreChoice wish = asked != null ? asked : RestoreChoice.of(ComponentChoice.everyComponentOf(writerName));
        String component = writerName + ":" + path(recorded);
        wish.mappings().forEach(m -> checkMapping(component, m, files, declared != null));
        if (!wish.newTargets().isEmpty() && (writer == null || (writer.backupSchema() & SUPPORTS_NEW_TARGET) == 0)) {
            throw new IllegalArgumentException("new targets for component " + component + ": writer " + writerName
                    + " does not accept them (its backup schema lacks VSS_BS_WRITER_SUPPORTS_NEW_TARGET, 0x100)");
        }
        RestoreInstructions instructions = RestoreInstructions.of(writer == null ? RestoreMethod.NONE
                : writer.restoreMethod());
        chosen.put(key, new RestoreComponent(writerName, recorded.writerId(), recorded.instanceId(), recorded.type(),
                recorded.logicalPath(), recorded.componentName(), files, RestoreTarget.UNDEFINED, wish.mappings(),
                wish.newTargets(), wish.restoreOptions(), wish.additionalRestores(), instructions));
    }

    // [I] A mapping names one of the component's file sets as the writer declared it; VSS matches them so.
    private static void checkMapping(String component, AlternateLocation mapping, List<FileDescriptor> files,
            boolean known) {
        if (!known) {
            return;
        }
        boolean matches = files.stream().anyMatch(f -> folder(f.path()).equalsIgnoreCase(folder(mapping.path()))
                && f.fileSpec().equalsIgnoreCase(mapping.filespec()) && f.recursive() == mapping.recursive());
        if (!matches) {
            List<String> sets = new ArrayList<>();
            files.forEach(f -> sets.add(f.path() + " " + f.fileSpec() + (f.recursive() ? " (recursive)" : "")));
            throw new IllegalArgumentException("alternate location mapping " + mapping.path() + " "
                    + mapping.filespec() + " of component " + component + " matches none of its file sets " + sets
                    + ": a mapping names a file set as the writer declared it");
        }
    }

    private static String folder(String path) {
        return path.endsWith("\\") ? path.substring(0, path.length() - 1) : path;
    }

    /** The instance SetSelectedForRestoreEx needs when several instances of the writer class answered; else null. */
    static UUID instanceToName(RestoreComponent component, List<WriterMetadata> writers) {
        long instances = writers.stream().filter(w -> w.writerId().equals(component.writerId())).count();
        return instances > 1 ? component.instanceId() : null;
    }

    private static String path(RecordedComponent r) {
        return r.logicalPath().isEmpty() ? r.componentName() : r.logicalPath() + "\\" + r.componentName();
    }

    private static List<String> describe(List<RecordedComponent> components) {
        return components.stream().map(r -> r.writerId() + ":" + path(r)).toList();
    }
}
