package io.github.vss4j.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.vss4j.SelectedComponent;
import io.github.vss4j.ShadowCopyRequest;
import io.github.vss4j.ShadowCopySet;
import io.github.vss4j.simulator.CommonWriters;
import io.github.vss4j.simulator.Simulation;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code create --component WRITER:COMPONENT ... [--save-document FILE]}: a component-mode backup. With
 * {@code --exec}, the command's exit code says whether the components were backed up (0: all were), which closing
 * the set tells each writer; without it, or with another code, every writer is told its backup failed.
 */
final class ComponentBackup {
    /** What {@code --component} takes after the writer for every selectable component. */
    static final String EVERY = "*";

    private ComponentBackup() {
    }

    static boolean requested(Options options) {
        return !options.components.isEmpty();
    }

    /** Adds each {@code --component} to the request; refuses the options that need one when none is given. */
    static void choose(Options options, ShadowCopyRequest request) throws CliException {
        if (!requested(options)) {
            if (options.saveDocument != null) {
                throw CliException.usage("--save-document needs --component: only a component-mode backup has a"
                        + " Backup Components Document");
            }
            return;
        }
        for (String choice : options.components) {
            String[] parts = split(choice);
            String writer = parts[0];
            String component = parts[1];
            if (component.equals(EVERY)) {
                request.everyComponentOf(writer);
            } else {
                request.component(writer, component);
            }
        }
    }

    /** {@code --component}'s value as writer and component ({@link #EVERY} for every one). */
    static String[] split(String choice) throws CliException {
        int colon = choice.indexOf(':');
        if (colon <= 0 || colon == choice.length() - 1) {
            throw CliException.usage("--component \"" + choice + "\" is not WRITER:COMPONENT, e.g."
                    + " --component SqlServerWriter:SQLHOST\\sales or --component \"System Writer:*\"");
        }
        return new String[] {choice.substring(0, colon), choice.substring(colon + 1)};
    }

    /**
     * The fresh machine {@code create --simulate --component ...} runs on: the ready-made SQL Server writer (database
     * {@code sales} on D:), System Writer and Registry Writer, on C:, D: and the volumes named.
     */
    static Simulation simulatedMachine(List<String> volumes) {
        Set<String> all = new LinkedHashSet<>(List.of("C:\\", "D:\\"));
        volumes.stream().filter(v -> all.stream().noneMatch(v::equalsIgnoreCase)).forEach(all::add);
        Simulation.Builder machine = Simulation.builder();
        all.forEach(machine::volume);
        return machine.writer(CommonWriters.sqlServer("sales")).writer(CommonWriters.systemWriter())
                .writer(CommonWriters.registryWriter()).build();
    }

    /** What {@code --exec}'s exit code says about the components; nothing without {@code --exec}. */
    static void tell(ShadowCopySet set, Integer execCode) {
        if (execCode != null && execCode == 0) {
            set.allComponentsSucceeded();
        }
    }

    /** Writes the closed set's final document to {@code --save-document}'s file. */
    static void saveDocument(Options options, ShadowCopySet set) throws CliException {
        if (options.saveDocument == null) {
            return;
        }
        String document = set.backupComponentsDocument().orElseThrow();
        try {
            Files.writeString(options.saveDocument, document, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException unwritable) {
            throw new CliException(ExitCode.FAILED, "--save-document: the Backup Components Document could not be"
                    + " written to " + options.saveDocument + ": " + unwritable.getMessage(), unwritable);
        }
    }

    static void print(PrintStream out, ShadowCopySet set, boolean succeeded) {
        for (SelectedComponent c : set.components()) {
            out.println("Component " + c + (c.selectedAsDependency() ? " (a dependency)" : "") + ": writer told "
                    + (succeeded ? "backup succeeded" : "backup failed"));
        }
    }

    static void report(ObjectNode report, Options options, ShadowCopySet set, boolean succeeded) {
        ArrayNode components = report.putArray("components");
        for (SelectedComponent c : set.components()) {
            ObjectNode node = components.addObject();
            node.put("writer", c.writerName());
            node.put("writerId", c.writerId().toString());
            node.put("logicalPath", c.logicalPath());
            node.put("name", c.name());
            node.put("dependency", c.selectedAsDependency());
            node.put("backupSucceeded", succeeded);
        }
        if (options.saveDocument != null) {
            report.put("document", options.saveDocument.toString());
        }
    }
}
