package io.github.vss4j.cli;

import java.io.PrintStream;

/** The text of {@code vss4j --help}. */
final class Help {
    private Help() {
    }

    static final String USAGE = "Usage: vss4j COMMAND [OPTIONS] [--simulate[=MACHINE.json]] [--json]";

    static void print(PrintStream out) {
        out.println(USAGE);
        out.print("""

                Take Windows shadow copies (VSS) from the command line, or simulate them on any OS.

                Commands:
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
                                       VSS4J_SHADOW_N_VOLUME, VSS4J_SHADOW_N_ID
                      --keep           keep the copies (persistent contexts; alone it means client-accessible);
                                       without it nothing outlives the command
                  list                 the shadow copies that exist (--context C narrows it)
                  delete ID...         delete shadow copies, or whole sets by their set id
                      --all            delete every shadow copy
                      --force          VSS's bForceDelete
                  writers              every writer's metadata and status (prepares an empty set, aborts it)
                  help                 this text

                Options for every command:
                  --simulate           a simulated machine instead of the real VSS (any OS); create's volumes
                                       are its volumes. Each run is its own machine: list and delete see only
                                       what the machine file's shadowCopies made in that run
                  --simulate=FILE, --machine FILE
                                       the simulated machine described in a JSON file (see the README)
                  --json               one JSON document on stdout (format 1, see the README)
                  --quiet              no progress or remarks on stderr (progress shows only on a terminal)
                  --verbose            the library's log (INFO) on stderr
                  --version, --help

                Exit codes:
                """);
        for (ExitCode code : ExitCode.values()) {
            out.printf("  %-4d %-14s %s%n", code.code(), code.label(), code.description());
        }
        out.println("  With --exec, the exit code is COMMAND's once the copies were made.");
    }
}
