package io.github.vss4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.vss4j.ComponentDependency;
import io.github.vss4j.FileDescriptor;
import io.github.vss4j.WriterComponent;
import io.github.vss4j.WriterMetadata;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/** {@code writers --components}: each writer's components with their files, as a table or in the JSON report. */
final class ComponentReports {
    private ComponentReports() {
    }

    /**
     * Adds {@code components} to each writer of a {@code writers} report from its metadata (an empty list for a
     * writer that gave none, e.g. one that failed at identify).
     */
    static void addTo(ArrayNode writers, Map<UUID, WriterMetadata> metadata) {
        for (JsonNode writer : writers) {
            WriterMetadata meta = metadata.get(UUID.fromString(writer.get("instanceId").asText()));
            ArrayNode array = ((ObjectNode) writer).putArray("components");
            for (WriterComponent component : meta == null ? List.<WriterComponent>of() : meta.components()) {
                component(array.addObject(), component);
            }
        }
    }

    private static void component(ObjectNode node, WriterComponent c) {
        node.put("type", c.type().name());
        node.put("logicalPath", c.logicalPath());
        node.put("name", c.name());
        node.put("caption", c.caption());
        node.put("selectableForBackup", c.selectableForBackup());
        node.put("selectableForRestore", c.selectableForRestore());
        node.put("notifyOnBackupComplete", c.notifyOnBackupComplete());
        files(node.putArray("files"), c.files());
        files(node.putArray("databaseFiles"), c.databaseFiles());
        files(node.putArray("logFiles"), c.logFiles());
        ArrayNode volumes = node.putArray("volumes");
        c.volumes().forEach(volumes::add);
        ArrayNode dependencies = node.putArray("dependencies");
        for (ComponentDependency d : c.dependencies()) {
            ObjectNode dependency = dependencies.addObject();
            dependency.put("writerId", d.writerId().toString());
            dependency.put("logicalPath", d.logicalPath());
            dependency.put("componentName", d.componentName());
        }
    }

    static void files(ArrayNode array, List<FileDescriptor> files) {
        for (FileDescriptor f : files) {
            ObjectNode file = array.addObject();
            file.put("path", f.path());
            file.put("fileSpec", f.fileSpec());
            file.put("recursive", f.recursive());
            file.put("alternateLocation", f.alternateLocation());
            file.put("volume", f.volume());
        }
    }

    /** One row per component: its writer, logical path, name, type, whether selectable, its files and volumes. */
    static void print(PrintStream out, Iterable<WriterMetadata> writers) {
        Table table = new Table("WRITER", "LOGICAL PATH", "COMPONENT", "TYPE", "SELECTABLE", "FILES", "VOLUMES");
        boolean any = false;
        for (WriterMetadata writer : writers) {
            for (WriterComponent c : writer.components()) {
                any = true;
                table.row(writer.writerName(), c.logicalPath().isEmpty() ? "-" : c.logicalPath(), c.name(),
                        c.type().name().toLowerCase(Locale.ROOT), c.selectableForBackup() ? "yes" : "no",
                        String.join(" ", fileNames(c)), String.join(" ", c.volumes()));
            }
        }
        if (any) {
            table.print(out);
        } else {
            out.println("No writer components.");
        }
    }

    private static List<String> fileNames(WriterComponent c) {
        return Stream.of(c.files(), c.databaseFiles(), c.logFiles()).flatMap(List::stream)
                .map(f -> (f.path().endsWith("\\") ? f.path() : f.path() + "\\") + f.fileSpec()
                        + (f.recursive() ? " (recursive)" : ""))
                .toList();
    }
}
