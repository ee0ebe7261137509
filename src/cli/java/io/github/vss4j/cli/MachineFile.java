package io.github.vss4j.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.vss4j.Operation;
import io.github.vss4j.VssContext;
import io.github.vss4j.VssError;
import io.github.vss4j.simulator.Fault;
import io.github.vss4j.simulator.SimulatedVolume;
import io.github.vss4j.simulator.SimulatedWriter;
import io.github.vss4j.simulator.Simulation;
import io.github.vss4j.simulator.WriterPhase;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads a simulated machine from its JSON description (the schema is in docs/cli.md, "Simulated machine file"). */
final class MachineFile {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private static final Set<String> TOP = Set.of("volumes", "writers", "faults", "durations", "writerTimeout",
            "waitTimeoutResult", "writerFailureFailsSnapshotSet", "shadowCopies", "backupPrivilege", "services",
            "events");
    private static final Set<String> VOLUME = Set.of("name", "guidName", "supported", "diffAreaBytes",
            "bytesPerCopy", "maxShadowCopies", "content");
    private static final Set<String> WRITER = Set.of("name", "failsAt", "failure", "hangs", "components");
    private static final Set<String> FAULT = Set.of("operation", "error", "throughQueryStatus", "firstAttempt",
            "attempts");
    private static final Set<String> COPY = Set.of("volumes", "context");

    private MachineFile() {
    }

    /**
     * A simulated machine and the persistent copies to make on it at start-up.
     *
     * @param description the machine, to which a run may add the copies it held before
     * @param startupCopies the sets to create when the machine starts afresh, each in a persistent context
     */
    record Machine(Simulation.Builder description, List<StartupCopies> startupCopies) {
        /** The machine as the file describes it. */
        Simulation simulation() {
            return description.build();
        }
    }

    /**
     * One snapshot set made at start-up.
     *
     * @param volumes its volumes
     * @param context its context, a persistent one
     */
    record StartupCopies(List<String> volumes, VssContext context) {
    }

    static Machine read(Path file) throws CliException {
        String name = file.toString();
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (JsonProcessingException bad) {
            throw CliException.usage(name + ": not valid JSON at line " + bad.getLocation().getLineNr()
                    + ", column " + bad.getLocation().getColumnNr() + ": " + bad.getOriginalMessage());
        } catch (NoSuchFileException | FileNotFoundException missing) {
            throw CliException.usage(name + ": no such machine file");
        } catch (IOException unreadable) {
            throw CliException.usage(name + ": cannot be read: " + unreadable.getMessage());
        }
        if (root == null || root.isMissingNode()) {
            throw CliException.usage(name + ": the file is empty; it should hold one JSON object");
        }
        return read(new JsonField(name, "", root).object(TOP), file.toAbsolutePath().getParent());
    }

    // `folder`: the machine file's, against which a relative "content" is resolved.
    private static Machine read(JsonField top, Path folder) throws CliException {
        Simulation.Builder builder = Simulation.builder();
        for (JsonField volume : list(top, "volumes")) {
            SimulatedVolume parsed = volume(volume, folder);
            try {
                builder.volume(parsed);
            } catch (IllegalArgumentException duplicate) {
                throw volume.invalid("cannot be added: " + duplicate.getMessage());
            }
        }
        for (JsonField writer : list(top, "writers")) {
            builder.writer(writer(writer));
        }
        for (JsonField fault : list(top, "faults")) {
            builder.fault(fault(fault));
        }
        Optional<JsonField> durations = top.get("durations");
        if (durations.isPresent()) {
            JsonField all = durations.get();
            if (!all.node().isObject()) {
                throw all.invalid("is not an object of operation names to durations, e.g. {\"DoSnapshotSet\":"
                        + " \"PT2S\"}");
            }
            Iterator<Map.Entry<String, JsonNode>> entries = all.node().fields();
            while (entries.hasNext()) {
                Map.Entry<String, JsonNode> entry = entries.next();
                JsonField field = all.get(entry.getKey()).orElseThrow(() -> all.invalid("holds a null duration"));
                Operation operation = operation(entry.getKey(), field);
                try {
                    builder.duration(operation, duration(field));
                } catch (IllegalArgumentException refused) {
                    throw field.invalid("is refused: " + refused.getMessage());
                }
            }
        }
        Optional<JsonField> writerTimeout = top.get("writerTimeout");
        if (writerTimeout.isPresent()) {
            builder.writerTimeout(duration(writerTimeout.get()));
        }
        Optional<JsonField> waitResult = top.get("waitTimeoutResult");
        if (waitResult.isPresent()) {
            builder.waitTimeoutResult(hresult(waitResult.get()));
        }
        Optional<JsonField> writerFailure = top.get("writerFailureFailsSnapshotSet");
        if (writerFailure.isPresent()) {
            builder.writerFailureFailsSnapshotSet(writerFailure.get().bool());
        }
        Optional<JsonField> backupPrivilege = top.get("backupPrivilege");
        if (backupPrivilege.isPresent()) {
            builder.backupPrivilege(backupPrivilege.get().bool());
        }
        MachineFileLog.services(top, builder);
        MachineFileLog.events(top, builder, java.time.Instant.now());
        List<StartupCopies> copies = new ArrayList<>();
        for (JsonField copy : list(top, "shadowCopies")) {
            copies.add(startupCopies(copy));
        }
        return new Machine(builder, List.copyOf(copies));
    }

    private static List<JsonField> list(JsonField top, String name) throws CliException {
        Optional<JsonField> field = top.get(name);
        return field.isEmpty() ? List.of() : field.get().array();
    }

    private static SimulatedVolume volume(JsonField field, Path folder) throws CliException {
        if (field.node().isTextual()) {
            return described(field, () -> SimulatedVolume.of(volumeName(field)));
        }
        field.object(VOLUME);
        JsonField nameField = field.require("name");
        String name = volumeName(nameField);
        SimulatedVolume volume = described(nameField, () -> SimulatedVolume.of(name));
        Optional<JsonField> guidName = field.get("guidName");
        if (guidName.isPresent()) {
            String guidPath = guidName.get().text();
            SimulatedVolume named = volume;
            volume = described(guidName.get(), () -> named.withGuidName(guidPath));
        }
        if (!flag(field, "supported", true)) {
            volume = volume.unsupported();
        }
        Optional<JsonField> diffArea = field.get("diffAreaBytes");
        Optional<JsonField> perCopy = field.get("bytesPerCopy");
        if (diffArea.isPresent() || perCopy.isPresent()) {
            long bytes = diffArea.isPresent() ? diffArea.get().integer(-1) : -1;
            long each = perCopy.isPresent() ? perCopy.get().integer(0) : 0;
            volume = volume.withDiffArea(bytes, each);
        }
        Optional<JsonField> max = field.get("maxShadowCopies");
        if (max.isPresent()) {
            volume = volume.withMaxShadowCopies(max.get().intValue(-1));
        }
        Optional<JsonField> content = field.get("content");
        if (content.isPresent()) {
            Path tree = contentFolder(content.get(), folder);
            SimulatedVolume unbacked = volume;
            volume = described(content.get(), () -> unbacked.backedBy(tree));
        }
        return volume;
    }

    private static Path contentFolder(JsonField field, Path machineFolder) throws CliException {
        String text = field.text();
        if (text.isEmpty()) {
            throw field.invalid("is empty: name the folder whose tree the volume's copies hold");
        }
        try {
            return machineFolder == null ? Path.of(text) : machineFolder.resolve(text);
        } catch (InvalidPathException bad) {
            throw field.invalid("is not a path: " + bad.getMessage());
        }
    }

    private interface Description {
        SimulatedVolume make() throws CliException;
    }

    // The simulator's own rules (a NUL, no trailing backslash, a malformed GUID path) named where the file broke them.
    private static SimulatedVolume described(JsonField field, Description description) throws CliException {
        try {
            return description.make();
        } catch (IllegalArgumentException refused) {
            throw field.invalid("is refused: " + refused.getMessage());
        }
    }

    private static String volumeName(JsonField field) throws CliException {
        String name = field.text();
        if (name.isEmpty()) {
            throw field.invalid("is empty: a volume needs a name, e.g. \"C:\\\\\"");
        }
        return Volumes.normalize(name);
    }

    private static SimulatedWriter writer(JsonField field) throws CliException {
        if (field.node().isTextual()) {
            return SimulatedWriter.named(nonEmpty(field));
        }
        field.object(WRITER);
        return MachineFileComponents.add(failing(field), field);
    }

    /** The writer object's identity and its failure plan, without components. */
    private static SimulatedWriter failing(JsonField field) throws CliException {
        SimulatedWriter healthy = SimulatedWriter.named(nonEmpty(field.require("name")));
        Optional<JsonField> failsAt = field.get("failsAt");
        WriterPhase phase = failsAt.isPresent() ? writerPhase(failsAt.get()) : WriterPhase.NONE;
        boolean hangs = flag(field, "hangs", false);
        Optional<JsonField> failure = field.get("failure");
        if (phase == WriterPhase.NONE) {
            if (hangs || failure.isPresent()) {
                throw field.invalid("has hangs or failure but no failsAt: name the phase, e.g. \"failsAt\":"
                        + " \"FREEZE\"");
            }
            return healthy;
        }
        int hresult;
        if (failure.isPresent()) {
            hresult = hresult(failure.get());
        } else if (hangs) {
            hresult = VssError.VSS_E_WRITERERROR_TIMEOUT.hresult();
        } else {
            throw field.missing("failure", "a failing writer needs the error it reports, e.g."
                    + " \"VSS_E_WRITERERROR_RETRYABLE\"");
        }
        return new SimulatedWriter(healthy.name(), healthy.writerId(), healthy.instanceId(), phase, hresult, hangs);
    }

    private static Fault fault(JsonField field) throws CliException {
        field.object(FAULT);
        JsonField operationField = field.require("operation");
        Operation operation = operation(operationField.text(), operationField);
        int hresult = hresult(field.require("error"));
        boolean viaQueryStatus = flag(field, "throughQueryStatus", false);
        int first = field.get("firstAttempt").isPresent() ? field.require("firstAttempt").intValue(1) : 1;
        int attempts = 1;
        Optional<JsonField> count = field.get("attempts");
        if (count.isPresent()) {
            JsonField value = count.get();
            if (value.node().isTextual() && value.node().textValue().equalsIgnoreCase("all")) {
                attempts = -1;
            } else if (value.node().isIntegralNumber() && value.node().asLong() == -1) {
                attempts = -1;
            } else {
                attempts = value.intValue(1);
            }
        }
        try {
            return new Fault(operation, hresult, viaQueryStatus, first, attempts);
        } catch (IllegalArgumentException refused) {
            throw field.invalid("is refused: " + refused.getMessage());
        }
    }

    private static StartupCopies startupCopies(JsonField field) throws CliException {
        field.object(COPY);
        List<String> volumes = new ArrayList<>();
        for (JsonField volume : field.require("volumes").array()) {
            volumes.add(volumeName(volume));
        }
        if (volumes.isEmpty()) {
            throw field.require("volumes").invalid("is empty: name at least one volume");
        }
        JsonField contextField = field.require("context");
        VssContext context = Args.CONTEXTS.get(contextField.text().toLowerCase(Locale.ROOT).replace('_', '-'));
        if (context == null || !context.isPersistent()) {
            throw contextField.invalid("is not a persistent context (client-accessible, client-accessible-writers,"
                    + " app-rollback, nas-rollback): copies in any other would be gone before the command runs");
        }
        return new StartupCopies(List.copyOf(volumes), context);
    }

    private static Operation operation(String text, JsonField where) throws CliException {
        for (Operation operation : Operation.values()) {
            if (operation.vssName().equalsIgnoreCase(text) || operation.name().equalsIgnoreCase(text)) {
                return operation;
            }
        }
        List<String> known = new ArrayList<>();
        for (Operation operation : Operation.values()) {
            known.add(operation.vssName());
        }
        String why = where.node().isTextual() && where.node().textValue().equals(text) ? "is no VSS operation"
                : "is the duration of \"" + text + "\", which is no VSS operation";
        throw where.invalid(why + "; known: " + known);
    }

    static WriterPhase writerPhase(JsonField field) throws CliException {
        String text = field.text().toUpperCase(Locale.ROOT).replace('-', '_');
        try {
            return WriterPhase.valueOf(text);
        } catch (IllegalArgumentException unknown) {
            throw field.invalid("is not a writer phase; known: " + List.of(WriterPhase.values()));
        }
    }

    /** A VssError name ({@code VSS_E_PROVIDER_VETO}) or a hex HRESULT ({@code 0x80042306}). */
    static int hresult(JsonField field) throws CliException {
        String text = field.text().trim();
        if (text.regionMatches(true, 0, "0x", 0, 2)) {
            try {
                return Integer.parseUnsignedInt(text.substring(2), 16);
            } catch (NumberFormatException bad) {
                throw field.invalid("is not a 32-bit hex HRESULT such as 0x80042306");
            }
        }
        try {
            VssError error = VssError.valueOf(text.toUpperCase(Locale.ROOT));
            if (error != VssError.UNKNOWN) {
                return error.hresult();
            }
        } catch (IllegalArgumentException unknown) {
            // falls through to the complaint below
        }
        throw field.invalid("is not a VssError name or a hex HRESULT (e.g. VSS_E_PROVIDER_VETO or 0x80042306)");
    }

    /** ISO-8601 text ({@code "PT2S"}) or a number of milliseconds. */
    private static Duration duration(JsonField field) throws CliException {
        if (field.node().isIntegralNumber()) {
            return Duration.ofMillis(field.integer(0));
        }
        try {
            return Durations.parse(field.text());
        } catch (IllegalArgumentException bad) {
            throw field.invalid("is not a duration: write ISO-8601 such as \"PT2S\" or a number of milliseconds");
        }
    }

    private static String nonEmpty(JsonField field) throws CliException {
        String text = field.text();
        if (text.isBlank()) {
            throw field.invalid("is empty: a writer needs a name");
        }
        return text;
    }

    static boolean flag(JsonField object, String name, boolean absent) throws CliException {
        Optional<JsonField> field = object.get(name);
        return field.isPresent() ? field.get().bool() : absent;
    }
}
