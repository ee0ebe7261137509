package io.github.vss4j.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.vss4j.AlternateLocation;
import io.github.vss4j.FileDescriptor;
import io.github.vss4j.NewTarget;
import io.github.vss4j.PreparedRestore;
import io.github.vss4j.RestoreComponent;
import io.github.vss4j.RestoreRequest;
import io.github.vss4j.RestoreResult;
import io.github.vss4j.RestoredComponent;
import io.github.vss4j.Vss;
import io.github.vss4j.VssException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code restore --document FILE [--component WRITER:COMPONENT ...] --exec COMMAND}: PreRestore of the components,
 * COMMAND copies the files back, its exit code says how (0: every component in full, else each failed), then
 * SetFileRestoreStatus and PostRestore.
 */
final class RestoreCommand {
    /** The environment variable naming the JSON file that describes what to restore where. */
    static final String JSON_VARIABLE = "VSS4J_RESTORE_JSON";

    private RestoreCommand() {
    }

    /** The document's text; refuses a missing {@code --document} or {@code --exec} before VSS is opened. */
    static String document(Options options) throws CliException {
        if (options.document == null) {
            throw CliException.usage("restore needs --document FILE: the Backup Components Document a component-mode"
                    + " backup saved (vss4j create --component ... --save-document FILE)");
        }
        if (options.exec == null) {
            throw CliException.usage("restore needs --exec COMMAND: the command that copies the files back");
        }
        try {
            return Files.readString(options.document, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException unreadable) {
            throw CliException.usage("--document: " + options.document + " could not be read: "
                    + unreadable.getMessage());
        }
    }

    static int run(Vss vss, Session session, String document) throws CliException, VssException,
            InterruptedException {
        Options options = session.options();
        RestoreResult result;
        int execCode;
        try (PreparedRestore restore = request(vss, session, document).prepare()) {
            RestoreGuard guard = RestoreGuard.guard(restore, session.err());
            boolean stopped;
            try {
                if (!session.json()) {
                    restore.components().forEach(c -> session.out().println("Restore " + c + ": " + describe(c)));
                }
                execCode = exec(options.exec, restore, session, guard);
            } finally {
                stopped = !guard.takeOver();
            }
            if (stopped) {
                throw new CliException(ExitCode.INTERRUPTED, "stopped during the restore; the writers were told it"
                        + " failed");
            }
            if (execCode == 0) {
                restore.allComponentsRestored();
            }
            result = restore.finish();
        }
        report(session, vss, options, result, execCode);
        if (execCode != 0) {
            session.note("--exec: the command ended with exit code " + execCode
                    + "; every component was reported failed");
            return execCode;
        }
        if (!result.succeeded()) {
            session.note("a writer reported a failure after the files were copied; see the report");
            return ExitCode.FAILED.code();
        }
        return ExitCode.OK.code();
    }

    private static RestoreRequest request(Vss vss, Session session, String document) throws CliException {
        Options options = session.options();
        try {
            RestoreRequest request = vss.restore(document);
            for (String choice : options.components) {
                String[] parts = ComponentBackup.split(choice);
                if (parts[1].equals(ComponentBackup.EVERY)) {
                    request.everyComponentOf(parts[0]);
                } else {
                    request.component(parts[0], parts[1]);
                }
            }
            if (options.timeout != null) {
                request.deadline(options.timeout);
            }
            if (options.writerPolicy != null) {
                request.writerPolicy(options.writerPolicy);
            }
            if (session.progress()) {
                request.listener(new ProgressPrinter(session.err()));
            }
            return request;
        } catch (IllegalArgumentException bad) {
            throw CliException.usage(bad.getMessage());
        }
    }

    private static int exec(String command, PreparedRestore restore, Session session, RestoreGuard guard)
            throws CliException, InterruptedException {
        Path json = null;
        try {
            json = Files.createTempFile("vss4j-restore-", ".json");
            ObjectNode what = Reports.JSON.createObjectNode();
            what.set("components", components(restore.components()));
            Files.writeString(json, Reports.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(what),
                    StandardCharsets.UTF_8);
            Path file = json;
            return Exec.run(command, environment -> describe(restore.components(), file, environment), session,
                    guard);
        } catch (IOException cannotStart) {
            throw new CliException(ExitCode.FAILED, "--exec: the command could not be started: "
                    + cannotStart.getMessage(), cannotStart);
        } finally {
            if (json != null) {
                try {
                    Files.deleteIfExists(json);
                } catch (IOException stays) {
                    session.note("could not delete " + json + ": " + stays.getMessage());
                }
            }
        }
    }

    /** The environment the command sees: what to restore where, and the JSON file with all of it. */
    static void describe(List<RestoreComponent> components, Path json, Map<String, String> environment) {
        environment.put(JSON_VARIABLE, json.toAbsolutePath().toString());
        environment.put("VSS4J_RESTORE_COUNT", Integer.toString(components.size()));
        for (int i = 0; i < components.size(); i++) {
            RestoreComponent c = components.get(i);
            String prefix = "VSS4J_RESTORE_" + (i + 1);
            environment.put(prefix, c.toString());
            environment.put(prefix + "_WRITER", c.writerName());
            environment.put(prefix + "_TARGET", c.restoreTarget().name());
            environment.put(prefix + "_METHOD", c.instructions().method().name());
            environment.put(prefix + "_SERVICE", c.instructions().serviceToStop());
            environment.put(prefix + "_REBOOT", Boolean.toString(c.instructions().rebootRequired()));
            environment.put(prefix + "_FILES", c.files().stream().map(RestoreCommand::fileText)
                    .collect(Collectors.joining(";")));
        }
    }

    private static String fileText(FileDescriptor f) {
        return (f.path().endsWith("\\") ? f.path() : f.path() + "\\") + f.fileSpec();
    }

    private static String describe(RestoreComponent c) {
        String files = c.files().stream().map(f -> fileText(f) + (f.recursive() ? " (recursive)" : ""))
                .collect(Collectors.joining(", "));
        return "target " + c.restoreTarget() + ", method " + c.instructions().method()
                + (c.instructions().serviceToStop().isEmpty() ? "" : ", stop service "
                        + c.instructions().serviceToStop())
                + (c.instructions().rebootRequired() ? ", reboot required" : "") + "; files " + files;
    }

    static ArrayNode components(List<RestoreComponent> components) {
        ArrayNode array = Reports.JSON.createArrayNode();
        for (RestoreComponent c : components) {
            component(array.addObject(), c);
        }
        return array;
    }

    private static void component(ObjectNode node, RestoreComponent c) {
        node.put("writer", c.writerName());
        node.put("writerId", c.writerId().toString());
        node.put("instanceId", c.instanceId().toString());
        node.put("type", c.type().name());
        node.put("logicalPath", c.logicalPath());
        node.put("name", c.name());
        node.put("restoreTarget", c.restoreTarget().name());
        ObjectNode method = node.putObject("restoreMethod");
        method.put("method", c.instructions().method().name());
        method.put("serviceToStop", c.instructions().serviceToStop());
        method.put("rebootRequired", c.instructions().rebootRequired());
        method.put("writerRestore", c.instructions().writerRestore().name());
        method.put("userProcedure", c.instructions().userProcedure());
        node.put("restoreOptions", c.restoreOptions());
        node.put("additionalRestores", c.additionalRestores());
        ComponentReports.files(node.putArray("files"), c.files());
        ArrayNode mappings = node.putArray("alternateLocations");
        for (AlternateLocation m : c.alternateLocations()) {
            fileSet(mappings.addObject(), m.path(), "filespec", m.filespec(), m.recursive(), "destination",
                    m.destination());
        }
        ArrayNode targets = node.putArray("newTargets");
        for (NewTarget t : c.newTargets()) {
            fileSet(targets.addObject(), t.path(), "fileName", t.fileName(), t.recursive(), "alternatePath",
                    t.alternatePath());
        }
    }

    /** A file set sent elsewhere, its fields named as VSS names them for mappings and for new targets. */
    private static void fileSet(ObjectNode node, String path, String specName, String spec, boolean recursive,
            String whereName, String where) {
        node.put("path", path);
        node.put(specName, spec);
        node.put("recursive", recursive);
        node.put(whereName, where);
    }

    private static void report(Session session, Vss vss, Options options, RestoreResult result, int execCode) {
        if (!session.json()) {
            for (RestoredComponent r : result.components()) {
                session.out().println("Component " + r.component() + ": writer " + (r.told() ? "told " : "NOT told ")
                        + r.status() + (r.preRestoreFailureMessage().isEmpty() ? ""
                                : "; PreRestore failure: " + r.preRestoreFailureMessage())
                        + (r.postRestoreFailureMessage().isEmpty() ? ""
                                : "; PostRestore failure: " + r.postRestoreFailureMessage()));
            }
            Reports.printWriters(session.out(), result.writerStatus());
            return;
        }
        ObjectNode report = Reports.report("restore", vss.isSimulated());
        report.put("document", options.document.toString());
        ArrayNode components = components(result.components().stream().map(RestoredComponent::component).toList());
        for (int i = 0; i < components.size(); i++) {
            RestoredComponent r = result.components().get(i);
            ObjectNode node = (ObjectNode) components.get(i);
            node.put("fileRestoreStatus", r.status().name());
            node.put("told", r.told());
            node.put("preRestoreFailureMessage", r.preRestoreFailureMessage());
            node.put("postRestoreFailureMessage", r.postRestoreFailureMessage());
        }
        report.set("components", components);
        report.set("writers", Reports.writers(result.writerStatus(), Map.of()));
        report.put("succeeded", result.succeeded());
        ObjectNode exec = report.putObject("exec");
        exec.put("command", options.exec);
        exec.put("exitCode", execCode);
        Reports.print(session.out(), report);
    }
}
