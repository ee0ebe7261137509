package io.github.vss4j.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.vss4j.ShadowCopyRequest;
import io.github.vss4j.SnapshotDeletionException;
import io.github.vss4j.Vss;
import io.github.vss4j.VssError;
import io.github.vss4j.VssException;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The {@code vss4j} command line without the process around it: arguments in, exit code out, output on the given
 * streams. {@link Main} runs it for {@code java -jar}; tests run it in-process.
 */
public final class Cli {
    private static final String PREFIX = "vss4j: ";
    private final PrintStream out;
    private final PrintStream err;
    private final boolean terminal;
    private final boolean inheritStdin;

    /**
     * A command line writing to these streams.
     *
     * @param out          where reports go
     * @param err          where messages and progress go
     * @param terminal     whether a person watches (progress is shown only then)
     * @param inheritStdin whether {@code --exec}'s command may read this process's stdin
     */
    public Cli(PrintStream out, PrintStream err, boolean terminal, boolean inheritStdin) {
        this.out = out;
        this.err = err;
        this.terminal = terminal;
        this.inheritStdin = inheritStdin;
    }

    /**
     * Runs one command line.
     *
     * @param args the arguments, as {@code main} gets them
     * @return the exit code
     */
    public int run(String... args) {
        Options options;
        try {
            options = Args.parse(args);
        } catch (CliException usage) {
            Options partial = new Options();
            partial.json = List.of(args).contains("--json");
            partial.command = Args.commandIn(args);
            return fail(partial, usage);
        }
        Session session = new Session(options, out, err, terminal && !options.quiet, inheritStdin);
        try {
            return dispatch(session, args);
        } catch (CliException | VssException | RuntimeException | LinkageError failure) {
            // LinkageError: the native library could not be loaded; its message says why and what to do.
            return fail(options, failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return fail(options, interrupted);
        }
    }

    private int dispatch(Session session, String[] args) throws CliException, VssException, InterruptedException {
        Options options = session.options();
        if (options.version) {
            out.println("vss4j " + version());
            return ExitCode.OK.code();
        }
        if ("help".equals(options.command)) {
            Help.print(out, options.operands.isEmpty() ? null : options.operands.get(0));
            return ExitCode.OK.code();
        }
        if (options.help) {
            Help.print(out, options.command);
            return ExitCode.OK.code();
        }
        if (options.command == null) {
            throw CliException.usage(
                    "no command given: create, restore, list, delete, expose, unexpose, writers, providers, storage or doctor");
        }
        Set<String> allowed = Args.COMMANDS.get(options.command);
        if (allowed == null) {
            throw CliException.usage("unknown command \"" + options.command
                    + "\"; the commands are create, restore, list, delete, expose, unexpose, writers, providers, "
                    + "storage and doctor");
        }
        for (String option : options.given) {
            if (Args.COMMANDS.values().stream().anyMatch(s -> s.contains(option)) && !allowed.contains(option)) {
                throw CliException.usage(options.command + " does not take " + option);
            }
        }
        List<String> volumes = switch (options.command) {
            case "create" -> CreateCommand.volumes(options);
            case "storage" -> StorageCommand.volumes(options);
            case "doctor" -> options.operands;
            default -> List.of();
        };
        if (options.command.equals("create")) {
            CreateCommand.context(options);
        }
        String document = options.command.equals("restore") ? RestoreCommand.document(options) : null;
        try (MachineStateFile state = options.keepsMachine ? MachineStateFile.open(options.machineFile, err) : null) {
            Vss vss;
            try {
                vss = VssSource.open(session, volumes, args, state);
            } catch (VssException refused) {
                if (options.command.equals("doctor")) {
                    return DoctorCommand.unreachable(session, refused);
                }
                throw refused;
            }
            try {
                return switch (options.command) {
                    case "create" -> CreateCommand.run(vss, session, volumes);
                    case "restore" -> RestoreCommand.run(vss, session, document);
                    case "list" -> ListCommand.run(vss, session);
                    case "delete" -> DeleteCommand.run(vss, session);
                    case "providers" -> ProvidersCommand.run(vss, session);
                    case "expose" -> ExposeCommand.expose(vss, session);
                    case "unexpose" -> ExposeCommand.unexpose(vss, session);
                    case "storage" -> StorageCommand.run(vss, session, storageVolumes(options, volumes));
                    case "doctor" -> DoctorCommand.run(vss, session, doctorVolumes(options, volumes));
                    default -> WritersCommand.run(vss, session);
                };
            } finally {
                // Failed commands too: what they made or deleted before failing is the machine's state now.
                if (state != null) {
                    state.save(vss.simulatedMachine().orElseThrow().existingSnapshots());
                }
            }
        }
    }

    /** The volumes {@code storage} lists when none is named: the machine file's, or this machine's drives. */
    private static List<String> storageVolumes(Options options, List<String> named) throws CliException {
        if (!options.simulate) {
            return StorageCommand.systemVolumes();
        }
        if (options.machineFile == null) {
            return named;
        }
        return MachineFile.read(options.machineFile).simulation().volumes().stream()
                .map(io.github.vss4j.simulator.SimulatedVolume::name).toList();
    }

    /** The volumes {@code doctor} checks when none is named: as {@code storage}'s, or the default machine's. */
    private static List<String> doctorVolumes(Options options, List<String> named) throws CliException {
        if (!named.isEmpty()) {
            return named;
        }
        if (options.simulate && options.machineFile == null) {
            return ComponentBackup.simulatedMachine(named).volumes().stream()
                    .map(io.github.vss4j.simulator.SimulatedVolume::name).toList();
        }
        return storageVolumes(options, named);
    }

    /** The library's own messages (a failed load, a refused JVM) start as the command line's lines do: once is enough. */
    static String withoutPrefix(String message) {
        return message != null && message.startsWith(PREFIX) ? message.substring(PREFIX.length()) : message;
    }

    private int fail(Options options, Throwable failure) {
        ExitCode code = exitCode(failure);
        String message = failure instanceof CliException || failure instanceof VssException
                || failure instanceof IllegalArgumentException || failure instanceof LinkageError
                ? failure.getMessage()
                : failure instanceof InterruptedException ? "interrupted; what had been made was cleaned up"
                : "unexpected failure: " + failure;
        message = EventRows.withoutEvents(withoutPrefix(message));
        err.println(PREFIX + message);
        VssException carried = failure instanceof VssException v ? v
                : failure != null && failure.getCause() instanceof VssException v ? v : null;
        if (carried != null) {
            EventRows.print(err, carried.events());
        }
        if (code == ExitCode.USAGE) {
            err.println(Help.USAGE + "   (vss4j --help for more)");
        } else if (code == ExitCode.TRANSIENT) {
            err.println("vss4j: this failure is transient: the same command may succeed later.");
        }
        if (code == ExitCode.FAILED && !(failure instanceof CliException || failure instanceof VssException)
                && options.verbose) {
            failure.printStackTrace(err);
        }
        if (options.json) {
            ObjectNode report = Reports.JSON.createObjectNode();
            report.put("format", Reports.FORMAT);
            if (options.command != null) {
                report.put("command", options.command);
            } else {
                report.putNull("command");
            }
            report.set("error", errorNode(code, message, failure));
            Reports.print(out, report);
        }
        return code.code();
    }

    private static ObjectNode errorNode(ExitCode code, String message, Throwable failure) {
        ObjectNode error = Reports.JSON.createObjectNode();
        error.put("exitCode", code.code());
        error.put("class", code.label());
        error.put("message", message);
        VssException vss = failure instanceof VssException v ? v
                : failure.getCause() instanceof VssException v ? v : null;
        if (vss != null) {
            error.setAll(Reports.error(vss.hresult()));
            error.put("operation", vss.operation().vssName());
            error.put("phase", vss.phase().map(Enum::name).orElse(null));
            error.put("attempt", vss.attempt());
            error.put("meaning", vss.error().meaning());
            error.put("advice", vss.error().advice());
            ArrayNode writers = Reports.writers(vss.writerStatus(), Map.of());
            error.set("writers", writers);
            error.set("events", EventRows.json(vss.events()));
            if (vss instanceof SnapshotDeletionException deletion) {
                error.put("deletedBeforeFailure", deletion.deletedCount());
                error.put("notDeleted", deletion.notDeletedSnapshotId().map(UUID::toString).orElse(null));
            }
        }
        return error;
    }

    static ExitCode exitCode(Throwable failure) {
        if (failure instanceof CliException cli) {
            return cli.exitCode();
        }
        if (failure instanceof VssException vss) {
            if (vss.error() == VssError.E_ACCESSDENIED) {
                return ExitCode.ACCESS_DENIED;
            }
            // vss4j's own timeouts count as transient: the same command may finish in time later.
            if (vss.isTransient() || vss.hresult() == ShadowCopyRequest.TIMEOUT_HRESULT) {
                return ExitCode.TRANSIENT;
            }
            return ExitCode.FAILED;
        }
        if (failure instanceof IllegalArgumentException) {
            return ExitCode.USAGE;
        }
        if (failure instanceof InterruptedException) {
            return ExitCode.INTERRUPTED;
        }
        return ExitCode.FAILED;
    }

    private static String version() {
        String version = Cli.class.getPackage().getImplementationVersion();
        return version != null ? version : "(development build)";
    }
}
