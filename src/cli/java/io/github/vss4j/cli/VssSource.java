package io.github.vss4j.cli;

import io.github.vss4j.RetryPlan;
import io.github.vss4j.ShadowCopySet;
import io.github.vss4j.Vss;
import io.github.vss4j.VssError;
import io.github.vss4j.VssException;
import io.github.vss4j.simulator.Simulation;
import java.util.List;

/** The VSS a run works on: the machine's own, or a simulated one. */
final class VssSource {
    private VssSource() {
    }

    /**
     * Opens the VSS {@code session} asks for.
     *
     * @param volumes the volumes a fresh simulated machine gets ({@code create --simulate C: D:}); empty otherwise
     * @param args    the command line as given, to show how to simulate where real VSS is missing
     */
    static Vss open(Session session, List<String> volumes, String[] args, MachineStateFile state)
            throws CliException, VssException, InterruptedException {
        Options options = session.options();
        if (!options.simulate) {
            return system(args, options.command);
        }
        if (options.machineFile == null) {
            try {
                boolean withWriters = ComponentBackup.requested(options) || "restore".equals(options.command)
                        || "doctor".equals(options.command);
                return Vss.simulator(withWriters ? ComponentBackup.simulatedMachine(volumes)
                        : Simulation.withVolumes(volumes.toArray(String[]::new)));
            } catch (IllegalArgumentException bad) {
                throw CliException.usage(bad.getMessage());
            } catch (UnsupportedOperationException refusedJvm) {
                throw new CliException(ExitCode.NOT_AVAILABLE, refusedJvm.getMessage(), refusedJvm);
            }
        }
        MachineFile.Machine machine = MachineFile.read(options.machineFile);
        Vss vss;
        try {
            if (state != null) {
                state.copies().forEach(machine.description()::existingCopy);
            }
            vss = Vss.simulator(machine.simulation());
        } catch (UnsupportedOperationException refusedJvm) {
            throw new CliException(ExitCode.NOT_AVAILABLE, refusedJvm.getMessage(), refusedJvm);
        } catch (IllegalArgumentException stale) {
            if (state == null) {
                throw CliException.usage(options.machineFile + ": " + stale.getMessage());
            }
            throw CliException.usage(state.file() + " no longer fits " + options.machineFile + ": "
                    + stale.getMessage() + "; delete " + state.file() + " to start the machine afresh");
        }
        if (state != null && !state.fresh()) {
            return vss;
        }
        for (MachineFile.StartupCopies copies : machine.startupCopies()) {
            try (ShadowCopySet set = vss.shadowCopy().volumes(copies.volumes().toArray(String[]::new))
                    .context(copies.context()).retryPlan(RetryPlan.none()).create()) {
                session.note("simulated machine: made " + set.copies().size() + " persistent "
                        + (set.copies().size() == 1 ? "copy" : "copies") + " in set " + set.snapshotSetId());
            } catch (VssException failed) {
                throw new CliException(ExitCode.FAILED, options.machineFile + ": its shadowCopies " + copies.volumes()
                        + " could not be made (faults count these attempts too): " + failed.getMessage(), failed);
            } catch (IllegalArgumentException bad) {
                throw CliException.usage(options.machineFile + ": shadowCopies " + copies.volumes() + ": "
                        + bad.getMessage());
            }
        }
        return vss;
    }

    private static Vss system(String[] args, String command) throws CliException, VssException {
        try {
            return Vss.system();
        } catch (UnsupportedOperationException notWindows) {
            if (System.getProperty("os.name", "").startsWith("Windows")) {
                // Windows, but a JVM VSS refuses (32-bit): the library's sentence says what to run instead.
                throw new CliException(ExitCode.NOT_AVAILABLE, notWindows.getMessage(), notWindows);
            }
            throw new CliException(ExitCode.NOT_AVAILABLE, "Real shadow copies need Windows, and this is "
                    + System.getProperty("os.name") + ": the Volume Shadow Copy Service exists only there. vss4j"
                    + " can simulate a Windows machine on any OS instead; run the same with --simulate: "
                    + withSimulate(args, command) + " (or --simulate=machine.json for a machine described in a file, see"
                    + " docs/cli.md, \"Simulated machine file\").");
        } catch (VssException unusable) {
            if (unusable.error() == VssError.VSS_E_NOT_SUPPORTED) {
                throw new CliException(ExitCode.NOT_AVAILABLE, unusable.getMessage(), unusable);
            }
            throw unusable;
        }
    }

    /** The command line as given, with {@code --simulate} after the command, quoted for a POSIX shell. */
    static String withSimulate(String[] args, String command) {
        StringBuilder line = new StringBuilder("vss4j");
        boolean added = false;
        for (String arg : args) {
            line.append(' ').append(quote(arg));
            if (!added && arg.equals(command)) {
                line.append(" --simulate");
                added = true;
            }
        }
        if (!added) {
            line.append(" --simulate");
        }
        return line.toString();
    }

    private static String quote(String arg) {
        return arg.matches("[A-Za-z0-9_:./=,@%+-]+") ? arg : "'" + arg.replace("'", "'\\''") + "'";
    }
}
