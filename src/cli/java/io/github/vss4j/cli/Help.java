package io.github.vss4j.cli;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

/** The text of {@code vss4j --help}, and of {@code vss4j COMMAND --help} (that command's part of it). */
final class Help {
    private Help() {
    }

    static final String USAGE = "Usage: vss4j COMMAND [OPTIONS] [--simulate[=MACHINE.json]] [--json]";

    private static final String ABOUT = """

            Take Windows shadow copies (VSS) from the command line, or simulate them on any OS.
            """;

    /** Each command's usage line and its lines under "Commands:", in the order they are listed. */
    private static final Map<String, String[]> COMMANDS = new LinkedHashMap<>();

    static {
        COMMANDS.put("create", new String[] {"vss4j create VOLUME... [OPTIONS]", """
                  create VOLUME...     one snapshot set of the volumes (C: or C:\\, a mount point, \\\\?\\Volume{..}\\)
                      --context C      backup (default), file-share, client-accessible, client-accessible-writers,
                                       app-rollback, nas-rollback
                      --backup-type T  copy (default), full, incremental, differential, log
                      --include-writer NAME|ID, --exclude-writer NAME|ID
                                       which writers take part: only these, or all but these;
                                       an excluded writer is never frozen (repeatable)
                      --writer-policy fail|report
                                       fail (default) on a failed writer, or report it and go on
                      --timeout D      the most the whole request may take, e.g. 90s, 10m, PT10M
                      --no-retry       no documented retries (by default transient failures are retried,
                                       up to ten minutes apart)
                      --exec COMMAND   run COMMAND through the shell while the copies exist, then release
                                       them; vss4j exits with COMMAND's exit code. COMMAND sees
                                       VSS4J_SHADOW_COUNT, VSS4J_SNAPSHOT_SET_ID, VSS4J_CONTEXT,
                                       VSS4J_SIMULATED and, for N = 1..count, VSS4J_SHADOW_N (device object),
                                       VSS4J_SHADOW_N_VOLUME, VSS4J_SHADOW_N_ID and VSS4J_SHADOW_N_ROOT (a
                                       folder the command can read the copy under; unset, with a warning, if
                                       the copy has no readable root). Stopped meanwhile (Ctrl-C, a
                                       kill), vss4j stops COMMAND first (asks, then kills it after 10 s), then
                                       releases the copies
                      --keep           keep the copies (persistent contexts; alone it means client-accessible);
                                       without it nothing outlives the command
                      --component WRITER:COMPONENT
                                       a component-mode backup of a writer's component (repeatable; then
                                       VOLUME is optional): COMPONENT is LOGICAL\\PATH\\NAME, NAME, or * for
                                       every selectable one; its dependencies and its files' volumes join.
                                       --exec's exit code 0 tells each writer its backup succeeded; another
                                       code, or no --exec, that it failed. With --simulate the machine has
                                       SqlServerWriter (database VSS4J-SIM\\sales on D:), System Writer and
                                       Registry Writer
                      --save-document FILE
                                       write the Backup Components Document (after the writers were told)
                """});
        COMMANDS.put("restore", new String[] {"vss4j restore --document FILE --exec COMMAND [OPTIONS]", """
                  restore              restore components through their writers from a Backup Components
                                       Document: PreRestore, COMMAND copies the files back, PostRestore
                      --document FILE  the document create --component --save-document wrote (required)
                      --component WRITER:COMPONENT
                                       the components to restore (repeatable; COMPONENT as for create, *
                                       for every one of the writer in the document); default: all of them
                      --exec COMMAND   (required) copies the files back, after PreRestore. COMMAND sees
                                       VSS4J_RESTORE_JSON (a JSON file: each component's files, restore
                                       target, restore method, alternate locations), VSS4J_RESTORE_COUNT and,
                                       for N = 1..count, VSS4J_RESTORE_N (WRITER:COMPONENT),
                                       VSS4J_RESTORE_N_WRITER, _TARGET, _METHOD, _SERVICE (to stop, or
                                       empty), _REBOOT (true/false), _FILES (PATH\\SPEC;...). Exit code 0
                                       tells each writer all files were restored (ALL), another FAILED;
                                       then PostRestore. vss4j exits with COMMAND's code, or 1 if a writer
                                       reported a failure. Stopped meanwhile, vss4j stops COMMAND, tells
                                       the writers FAILED and runs PostRestore
                      --timeout D      the most preparing (and again finishing) may take
                      --writer-policy fail|report
                                       fail (default) if a writer fails at PreRestore, or report it and go
                                       on. With --simulate the machine is create --component's
                """});
        COMMANDS.put("list", new String[] {"vss4j list [--context C]", """
                  list                 the shadow copies that exist (--context C narrows it)
                """});
        COMMANDS.put("delete", new String[] {"vss4j delete ID... | --all [--force]", """
                  delete ID...         delete shadow copies, or whole sets by their set id
                      --all            delete every shadow copy
                      --force          VSS's bForceDelete
                """});
        COMMANDS.put("expose", new String[] {"vss4j expose ID X:|FOLDER|SHARE [--remotely] [--path-from-root P]", """
                  expose ID X:|FOLDER  mount a persistent shadow copy as a free drive letter or an empty NTFS
                                       folder (ExposeSnapshot; auto-release copies cannot be exposed)
                      --remotely       as a file share instead (SHARE optional: VSS then names one)
                      --path-from-root P
                                       with --remotely: share only that folder of the volume
                """});
        COMMANDS.put("unexpose", new String[] {"vss4j unexpose ID", """
                  unexpose ID          remove a copy's drive letter, folder mount or share (UnexposeSnapshot)
                """});
        COMMANDS.put("writers", new String[] {"vss4j writers [--components]", """
                  writers              every writer's metadata and status (prepares an empty set, aborts it)
                      --components     and each writer's components: logical path, name, type, whether
                                       selectable, files and the volumes they live on
                """});
        COMMANDS.put("providers", new String[] {"vss4j providers", """
                  providers            the registered shadow copy providers: name, type, version, id
                """});
        COMMANDS.put("storage", new String[] {"vss4j storage [VOLUME...] | vss4j storage resize|add VOLUME --on VOLUME --max SIZE", """
                  storage              the shadow copy storage of each volume (all drives when none is named):
                                       where it lives, used, allocated and maximum bytes
                  storage resize       change the maximum of VOLUME's storage on --on's volume; below what the
                                       copies use, Windows deletes the oldest copies
                  storage add          put VOLUME's storage on --on's volume (before the volume has copies)
                      --on VOLUME      the volume the storage lives on (often VOLUME itself)
                      --max SIZE       bytes with an optional KB/MB/GB/TB suffix, NN% of --on's volume, or
                                       UNBOUNDED; add takes at least 320MB
                """});
        COMMANDS.put("doctor", new String[] {"vss4j doctor [VOLUME...] [--timeout D]", """
                  doctor               whether this machine can take shadow copies now and, if not, what to
                                       do: the VSS and swprv services, rights, providers, a set in
                                       progress, each writer's state (the service to restart for a failed
                                       one), each volume's storage and how many more copies fit (all
                                       drives when none is named). Prepares an
                                       empty snapshot set and aborts it; makes no copy. Exit code 0 when
                                       healthy, else 4 (access denied), 5 (transient) or 1
                      --timeout D      the most each writer round may take (default 60s)
                """});
        COMMANDS.put("help", new String[] {"vss4j help | vss4j COMMAND --help", """
                  help                 this text; COMMAND --help shows that command's part of it
                """});
    }

    private static final String EVERY_COMMAND = """

            Options for every command:
              --simulate           a simulated machine instead of the real VSS (any OS); create's volumes
                                   are its volumes. Each run is its own machine: list and delete see only
                                   what the machine file's shadowCopies made in that run
              --simulate=FILE, --machine FILE
                                   the simulated machine described in a JSON file (see docs/cli.md); its
                                   persistent copies are kept in FILE.state between runs, so that create
                                   --keep, list and delete work in sequence as on Windows
              --json               one JSON document on stdout (format 1, see docs/cli.md)
              --quiet              no progress or remarks on stderr (progress shows only on a terminal)
              --verbose            the library's log (INFO) on stderr
              --version, --help

            Exit codes:
            """;

    /** The whole help. */
    static void print(PrintStream out) {
        out.println(USAGE);
        out.print(ABOUT);
        out.println();
        out.println("Commands:");
        for (String[] command : COMMANDS.values()) {
            out.print(command[1]);
        }
        footer(out);
    }

    /** {@code command}'s help, or the whole help if there is no such command. */
    static void print(PrintStream out, String command) {
        String[] text = command == null ? null : COMMANDS.get(command);
        if (text == null || command.equals("help")) {
            print(out);
            return;
        }
        out.println("Usage: " + text[0] + " [--simulate[=MACHINE.json]] [--json]");
        out.println();
        out.print(text[1]);
        footer(out);
    }

    private static void footer(PrintStream out) {
        out.print(EVERY_COMMAND);
        for (ExitCode code : ExitCode.values()) {
            out.printf("  %-4d %-14s %s%n", code.code(), code.label(), code.description());
        }
        out.println("  With --exec, the exit code is COMMAND's once the copies were made.");
    }
}
