package io.github.vss4j.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.vss4j.SnapshotAttribute;
import io.github.vss4j.SnapshotProperties;
import io.github.vss4j.VssError;
import io.github.vss4j.WriterMetadata;
import io.github.vss4j.WriterStatus;
import java.io.PrintStream;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * How shadow copies and writers are shown: as a table for people, or as JSON (format 1, in docs/cli.md's "Command
 * line" section) for programs.
 */
final class Reports {
    /** Bumped only when a field changes meaning or goes away; new fields may appear within a format. */
    static final int FORMAT = 1;
    static final ObjectMapper JSON = new ObjectMapper();

    private Reports() {
    }

    /** A new JSON report of {@code command}. */
    static ObjectNode report(String command, boolean simulated) {
        ObjectNode node = JSON.createObjectNode();
        node.put("format", FORMAT);
        node.put("command", command);
        node.put("simulated", simulated);
        return node;
    }

    static void print(PrintStream out, ObjectNode report) {
        try {
            out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(report));
        } catch (JsonProcessingException cannotHappen) {
            throw new IllegalStateException("a JSON tree could not be written", cannotHappen);
        }
    }

    /**
     * One shadow copy.
     *
     * @param volume the volume as the operator named it, or as VSS reports it when listing
     * @param properties what VSS reports about the copy
     */
    record Copy(String volume, SnapshotProperties properties, String root, String rootError) {
        /** A copy without a readable root to show (list). */
        Copy(String volume, SnapshotProperties properties) {
            this(volume, properties, null, null);
        }
    }

    static ArrayNode copies(List<Copy> copies) {
        ArrayNode array = JSON.createArrayNode();
        for (Copy copy : copies) {
            SnapshotProperties p = copy.properties();
            ObjectNode node = array.addObject();
            node.put("volume", copy.volume());
            node.put("originalVolumeName", p.originalVolumeName());
            node.put("deviceObject", p.snapshotDeviceObject());
            node.put("snapshotId", p.snapshotId().toString());
            node.put("snapshotSetId", p.snapshotSetId().toString());
            node.put("providerId", p.providerId().toString());
            ArrayNode attributes = node.putArray("attributes");
            p.attributes().forEach(a -> attributes.add(a.name()));
            node.put("persistent", p.isPersistent());
            node.put("created", p.creationTime().toString());
            node.put("originatingMachine", p.originatingMachine());
            if (copy.root() != null) {
                node.put("root", copy.root());
            }
            if (copy.rootError() != null) {
                node.put("rootError", copy.rootError());
            }
        }
        return array;
    }

    static void printCopies(PrintStream out, List<Copy> copies) {
        Table table = new Table("VOLUME", "DEVICE OBJECT", "SNAPSHOT ID", "SET ID", "ATTRIBUTES", "CREATED");
        for (Copy copy : copies) {
            SnapshotProperties p = copy.properties();
            table.row(copy.volume(), p.snapshotDeviceObject(), p.snapshotId().toString(),
                    p.snapshotSetId().toString(), attributes(p), p.creationTime().truncatedTo(ChronoUnit.SECONDS)
                            .toString());
        }
        table.print(out);
    }

    private static String attributes(SnapshotProperties p) {
        return p.attributes().stream().map(SnapshotAttribute::name).map(String::toLowerCase)
                .collect(Collectors.joining(","));
    }

    static ArrayNode writers(List<WriterStatus> status, Map<UUID, WriterMetadata> metadata) {
        ArrayNode array = JSON.createArrayNode();
        for (WriterStatus writer : status) {
            ObjectNode node = array.addObject();
            node.put("name", writer.writerName());
            node.put("writerId", writer.writerId().toString());
            node.put("instanceId", writer.instanceId().toString());
            node.put("state", writer.state().name());
            node.put("failed", writer.isFailed());
            if (writer.failure() != 0) {
                node.set("failure", error(writer.failure()));
            } else {
                node.putNull("failure");
            }
            WriterMetadata meta = metadata.get(writer.instanceId());
            if (meta != null) {
                node.put("usageType", meta.usageType());
                node.put("sourceType", meta.sourceType());
            }
        }
        return array;
    }

    static void printWriters(PrintStream out, List<WriterStatus> status) {
        Table table = new Table("WRITER", "WRITER ID", "INSTANCE ID", "STATE", "LAST ERROR");
        for (WriterStatus writer : status) {
            table.row(writer.writerName(), writer.writerId().toString(), writer.instanceId().toString(),
                    writer.state().name(), writer.failure() == 0 ? "-" : errorText(writer.failure()));
        }
        table.print(out);
    }

    static ObjectNode error(int hresult) {
        ObjectNode node = JSON.createObjectNode();
        node.put("hresult", VssError.hex(hresult));
        node.put("name", VssError.of(hresult).name());
        return node;
    }

    static String errorText(int hresult) {
        VssError error = VssError.of(hresult);
        return (error == VssError.UNKNOWN ? "unknown" : error.name()) + " " + VssError.hex(hresult);
    }
}
