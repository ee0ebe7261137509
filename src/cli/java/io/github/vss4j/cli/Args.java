package io.github.vss4j.cli;

import io.github.vss4j.BackupType;
import io.github.vss4j.VssContext;
import io.github.vss4j.WriterPolicy;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Reads a command line: one command, its operands, and {@code --options} anywhere (as {@code --name value} or
 * {@code --name=value}); {@code --} ends the options.
 */
final class Args {
    /** The commands and the options each takes besides the global ones. */
    static final Map<String, Set<String>> COMMANDS = Map.ofEntries(
            Map.entry("create", Set.of("--context", "--backup-type", "--include-writer", "--exclude-writer", "--timeout",
                    "--exec", "--keep", "--no-retry", "--writer-policy", "--component", "--save-document")),
            Map.entry("restore", Set.of("--document", "--component", "--exec", "--timeout", "--writer-policy")),
            Map.entry("list", Set.of("--context")),
            Map.entry("delete", Set.of("--all", "--force")),
            Map.entry("writers", Set.of("--components")),
            Map.entry("providers", Set.of()),
            Map.entry("expose", Set.of("--remotely", "--path-from-root")),
            Map.entry("unexpose", Set.of()),
            Map.entry("storage", Set.of("--on", "--max")),
            Map.entry("doctor", Set.of("--timeout")),
            Map.entry("help", Set.of()));

    static final Map<String, VssContext> CONTEXTS = Map.of(
            "backup", VssContext.BACKUP,
            "file-share", VssContext.FILE_SHARE_BACKUP,
            "file-share-backup", VssContext.FILE_SHARE_BACKUP,
            "client-accessible", VssContext.CLIENT_ACCESSIBLE,
            "client-accessible-writers", VssContext.CLIENT_ACCESSIBLE_WRITERS,
            "app-rollback", VssContext.APP_ROLLBACK,
            "nas-rollback", VssContext.NAS_ROLLBACK,
            "all", VssContext.ALL);

    static final Map<String, BackupType> BACKUP_TYPES = Map.of(
            "copy", BackupType.COPY,
            "full", BackupType.FULL,
            "incremental", BackupType.INCREMENTAL,
            "differential", BackupType.DIFFERENTIAL,
            "log", BackupType.LOG);

    private static final Map<String, BiConsumer<Options, String>> WITH_VALUE = Map.ofEntries(
            Map.entry("--machine", (o, v) -> {
                o.simulate = true;
                o.keepsMachine = true;
                o.machineFile = Path.of(v);
            }),
            Map.entry("--context", (o, v) -> o.context = choose("--context", v, CONTEXTS)),
            Map.entry("--backup-type", (o, v) -> o.backupType = choose("--backup-type", v, BACKUP_TYPES)),
            Map.entry("--include-writer", (o, v) -> o.includeWriters.add(v)),
            Map.entry("--exclude-writer", (o, v) -> o.excludeWriters.add(v)),
            Map.entry("--timeout", (o, v) -> o.timeout = Durations.parse(v)),
            Map.entry("--exec", (o, v) -> o.exec = v),
            Map.entry("--component", (o, v) -> o.components.add(v)),
            Map.entry("--save-document", (o, v) -> o.saveDocument = Path.of(v)),
            Map.entry("--document", (o, v) -> o.document = Path.of(v)),
            Map.entry("--path-from-root", (o, v) -> o.pathFromRoot = v),
            Map.entry("--on", (o, v) -> o.storageOn = v),
            Map.entry("--max", (o, v) -> o.storageMax = v),
            Map.entry("--writer-policy", (o, v) -> o.writerPolicy = choose("--writer-policy", v,
                    Map.of("fail", WriterPolicy.FAIL, "report", WriterPolicy.REPORT))));

    private static final Map<String, Consumer<Options>> FLAGS = Map.ofEntries(
            Map.entry("--help", o -> o.help = true),
            Map.entry("--version", o -> o.version = true),
            Map.entry("--json", o -> o.json = true),
            Map.entry("--quiet", o -> o.quiet = true),
            Map.entry("--verbose", o -> o.verbose = true),
            Map.entry("--keep", o -> o.keep = true),
            Map.entry("--no-retry", o -> o.noRetry = true),
            Map.entry("--all", o -> o.all = true),
            Map.entry("--force", o -> o.force = true),
            Map.entry("--remotely", o -> o.remotely = true),
            Map.entry("--components", o -> o.listComponents = true));

    private Args() {
    }

    static Options parse(String... args) throws CliException {
        Options options = new Options();
        boolean optionsEnded = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (optionsEnded || !arg.startsWith("-") || arg.equals("-")) {
                if (options.command == null) {
                    options.command = arg;
                } else {
                    options.operands.add(arg);
                }
                continue;
            }
            if (arg.equals("--")) {
                optionsEnded = true;
                continue;
            }
            if (arg.equals("-h")) {
                arg = "--help";
            }
            int equals = arg.indexOf('=');
            String name = equals < 0 ? arg : arg.substring(0, equals);
            String inline = equals < 0 ? null : arg.substring(equals + 1);
            options.given.add(name);
            try {
                if (name.equals("--simulate")) {
                    // The file is optional, so it is only ever taken from --simulate=FILE: a volume after a bare
                    // --simulate stays a volume.
                    options.simulate = true;
                    if (inline != null) {
                        options.machineFile = Path.of(requireValue(name, inline));
                    }
                } else if (WITH_VALUE.containsKey(name)) {
                    String value = inline;
                    if (value == null) {
                        if (i + 1 == args.length) {
                            throw CliException.usage(name + " needs a value" + example(name));
                        }
                        value = args[++i];
                    }
                    WITH_VALUE.get(name).accept(options, requireValue(name, value));
                } else if (FLAGS.containsKey(name)) {
                    if (inline != null) {
                        throw CliException.usage(name + " takes no value, but was given \"" + inline + "\"");
                    }
                    FLAGS.get(name).accept(options);
                } else {
                    throw CliException.usage("unknown option " + name + "; vss4j --help lists the options");
                }
            } catch (IllegalArgumentException bad) {
                throw CliException.usage(name + ": " + bad.getMessage());
            }
        }
        return options;
    }

    /**
     * The command a command line names, read leniently (unknown or malformed options are stepped over), so that a
     * usage error can still say which command it was about; null if there is none.
     */
    static String commandIn(String... args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--")) {
                return i + 1 < args.length ? args[i + 1] : null;
            }
            if (!arg.startsWith("-") || arg.equals("-")) {
                return arg;
            }
            if (WITH_VALUE.containsKey(arg)) {
                i++;
            }
        }
        return null;
    }

    private static String requireValue(String name, String value) {
        if (value.isBlank()) {
            throw new IllegalArgumentException("the value must not be empty" + example(name));
        }
        return value;
    }

    private static String example(String name) {
        return switch (name) {
            case "--context" -> ", e.g. " + name + " client-accessible";
            case "--backup-type" -> ", e.g. " + name + " full";
            case "--timeout" -> ", e.g. " + name + " 10m";
            case "--exec" -> ", e.g. " + name + " \"robocopy ...\"";
            case "--component" -> ", e.g. " + name + " SqlServerWriter:SQLHOST\\sales";
            case "--save-document", "--document" -> ", e.g. " + name + " backup.xml";
            case "--simulate", "--machine" -> ", e.g. --simulate=machine.json";
            default -> "";
        };
    }

    private static <T> T choose(String option, String value, Map<String, T> choices) {
        T chosen = choices.get(value.toLowerCase(Locale.ROOT).replace('_', '-'));
        if (chosen == null) {
            throw new IllegalArgumentException("\"" + value + "\" is not one of "
                    + String.join(", ", new TreeSet<>(choices.keySet())));
        }
        return chosen;
    }
}
