package io.github.vss4j.internal.request;

import io.github.vss4j.BackupComponents;
import io.github.vss4j.ShadowCopyRequest;
import io.github.vss4j.VssException;
import io.github.vss4j.WriterMetadata;
import io.github.vss4j.WriterStatus;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which writers take part in a request (through VSS's EnableWriterClasses/DisableWriterClasses) and whose failures it
 * checks: keys are lower-case writer names or writer class ids.
 */
public record WriterSelection(Set<String> included, Set<String> excluded) {
    private static final Logger LOG = LoggerFactory.getLogger(ShadowCopyRequest.class);

    /** Whether the selection names writers by name: their class ids must then be learnt first. */
    boolean needsNames() {
        return !included.isEmpty() && included.stream().anyMatch(key -> classId(key).isEmpty())
                || excluded.stream().anyMatch(key -> classId(key).isEmpty());
    }

    /**
     * Tells VSS which writers take part, before GatherWriterMetadata. {@code known} maps names to class ids (the
     * writers a survey found; empty when the selection names none by name).
     */
    void applyTo(BackupComponents backup, List<WriterMetadata> known) throws VssException {
        // EnableWriterClasses first: it undoes any earlier DisableWriterClasses. VSS takes no empty list (and
        // "none of these" cannot be said), so names that matched nothing only leave a warning.
        Set<UUID> enable = included.isEmpty() ? Set.of() : classIds(included, known);
        if (!enable.isEmpty()) {
            backup.enableWriterClasses(enable);
        }
        Set<UUID> disable = classIds(excluded, known);
        if (!disable.isEmpty()) {
            backup.disableWriterClasses(disable);
        }
    }

    private static Set<UUID> classIds(Set<String> keys, List<WriterMetadata> known) {
        Set<UUID> ids = new LinkedHashSet<>();
        for (String key : keys) {
            Optional<UUID> id = classId(key);
            if (id.isPresent()) {
                ids.add(id.get());
                continue;
            }
            boolean found = false;
            for (WriterMetadata writer : known) {
                if (writer.writerName().toLowerCase(Locale.ROOT).equals(key)) {
                    ids.add(writer.writerId());
                    found = true;
                }
            }
            if (!found) {
                LOG.warn("No writer named \"{}\" answered on this machine; the writer selection ignores that name", key);
            }
        }
        return ids;
    }

    private static Optional<UUID> classId(String key) {
        try {
            return Optional.of(UUID.fromString(key));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    boolean checks(WriterStatus writer) {
        String name = writer.writerName().toLowerCase(Locale.ROOT);
        String id = writer.writerId().toString();
        if (excluded.contains(name) || excluded.contains(id)) {
            return false;
        }
        return included.isEmpty() || included.contains(name) || included.contains(id);
    }

    /** The failed writers among those checked. */
    List<WriterStatus> failed(List<WriterStatus> writers) {
        List<WriterStatus> failed = new ArrayList<>();
        for (WriterStatus writer : writers) {
            if (writer.isFailed() && checks(writer)) {
                failed.add(writer);
            }
        }
        return failed;
    }
}
