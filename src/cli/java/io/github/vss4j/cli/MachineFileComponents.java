package io.github.vss4j.cli;

import io.github.vss4j.RestoreTarget;
import io.github.vss4j.simulator.SimulatedComponent;
import io.github.vss4j.simulator.SimulatedWriter;
import io.github.vss4j.simulator.WriterPhase;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A writer's {@code components[]} in the machine file: each a database or a file group with its files, whether it
 * is selectable, the phase at which the writer fails it alone, and where the writer restores it (docs/cli.md,
 * "Simulated machine file").
 */
final class MachineFileComponents {
    private static final Set<String> COMPONENT = Set.of("type", "logicalPath", "name", "caption", "selectable",
            "selectableForRestore", "notifyOnBackupComplete", "files", "databaseFiles", "logFiles", "failsAt",
            "failure", "restoreTarget");
    private static final Set<String> FILE = Set.of("path", "fileSpec", "recursive");

    private MachineFileComponents() {
    }

    /** {@code writer} with the components {@code field} (a writer object) lists, if any. */
    static SimulatedWriter add(SimulatedWriter writer, JsonField field) throws CliException {
        Optional<JsonField> components = field.get("components");
        if (components.isEmpty()) {
            return writer;
        }
        SimulatedWriter with = writer;
        for (JsonField component : components.get().array()) {
            try {
                with = with.withComponent(component(component));
            } catch (IllegalArgumentException refused) {
                throw component.invalid("is refused: " + refused.getMessage());
            }
        }
        return with;
    }

    private static SimulatedComponent component(JsonField field) throws CliException {
        field.object(COMPONENT);
        String type = field.require("type").text().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
        String path = field.get("logicalPath").isPresent() ? field.require("logicalPath").text() : "";
        String name = field.require("name").text();
        SimulatedComponent component;
        try {
            switch (type) {
                case "database" -> {
                    component = SimulatedComponent.database(path, name);
                    refuse(field, "files", "a database has databaseFiles and logFiles, not files");
                    for (JsonField file : list(field, "databaseFiles")) {
                        component = component.databaseFile(text(file, "path"), text(file, "fileSpec"));
                    }
                    for (JsonField file : list(field, "logFiles")) {
                        component = component.logFile(text(file, "path"), text(file, "fileSpec"));
                    }
                }
                case "filegroup" -> {
                    component = SimulatedComponent.fileGroup(path, name);
                    refuse(field, "databaseFiles", "a file group has files, not databaseFiles");
                    refuse(field, "logFiles", "a file group has files, not logFiles");
                    for (JsonField file : list(field, "files")) {
                        component = component.file(text(file, "path"), text(file, "fileSpec"),
                                MachineFile.flag(file, "recursive", false));
                    }
                }
                default -> throw field.require("type").invalid("is not a component type; known: database, fileGroup");
            }
            if (field.get("caption").isPresent()) {
                component = component.caption(field.require("caption").text());
            }
            component = component.selectableForBackup(MachineFile.flag(field, "selectable", true))
                    .selectableForRestore(MachineFile.flag(field, "selectableForRestore", true))
                    .notifyOnBackupComplete(MachineFile.flag(field, "notifyOnBackupComplete", false));
            Optional<JsonField> target = field.get("restoreTarget");
            if (target.isPresent()) {
                component = component.restoreTarget(restoreTarget(target.get()));
            }
            return failing(component, field);
        } catch (IllegalArgumentException refused) {
            throw field.invalid("is refused: " + refused.getMessage());
        }
    }

    /** ORIGINAL, ALTERNATE, DIRECTED or ORIGINAL_LOCATION, in any case, with - or _. */
    private static RestoreTarget restoreTarget(JsonField field) throws CliException {
        String text = field.text().toUpperCase(Locale.ROOT).replace('-', '_');
        for (RestoreTarget target : RestoreTarget.values()) {
            if (target != RestoreTarget.UNDEFINED && target.name().equals(text)) {
                return target;
            }
        }
        throw field.invalid("is not a restore target; known: ORIGINAL, ALTERNATE, DIRECTED, ORIGINAL_LOCATION");
    }

    private static SimulatedComponent failing(SimulatedComponent component, JsonField field) throws CliException {
        Optional<JsonField> failsAt = field.get("failsAt");
        Optional<JsonField> failure = field.get("failure");
        if (failsAt.isEmpty()) {
            if (failure.isPresent()) {
                throw field.invalid("has a failure but no failsAt: name the phase, e.g. \"failsAt\": \"FREEZE\"");
            }
            return component;
        }
        WriterPhase phase = MachineFile.writerPhase(failsAt.get());
        if (failure.isEmpty()) {
            throw field.missing("failure", "a failing component needs the error its writer reports, e.g."
                    + " \"VSS_E_WRITERERROR_NONRETRYABLE\"");
        }
        return component.failingAt(phase, MachineFile.hresult(failure.get()));
    }

    private static Iterable<JsonField> list(JsonField object, String name) throws CliException {
        Optional<JsonField> field = object.get(name);
        return field.isPresent() ? field.get().array() : List.of();
    }

    private static void refuse(JsonField object, String name, String why) throws CliException {
        Optional<JsonField> field = object.get(name);
        if (field.isPresent()) {
            throw field.get().invalid("does not belong here: " + why);
        }
    }

    private static String text(JsonField file, String name) throws CliException {
        file.object(FILE);
        return file.require(name).text();
    }
}
