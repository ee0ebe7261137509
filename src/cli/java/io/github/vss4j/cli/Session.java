package io.github.vss4j.cli;

import java.io.PrintStream;

/**
 * One run of a command: what was asked and where its output goes.
 *
 * @param options      the parsed command line
 * @param out          reports: a table, or the JSON document
 * @param err          messages for the operator: errors, warnings, progress
 * @param progress     whether to show progress (a terminal, and not {@code --quiet})
 * @param inheritStdin whether {@code --exec}'s command reads this process's stdin (else it gets none)
 */
record Session(Options options, PrintStream out, PrintStream err, boolean progress, boolean inheritStdin) {

    boolean json() {
        return options.json;
    }

    /** A remark for the operator (stderr), left out with {@code --quiet}. */
    void note(String text) {
        if (!options.quiet) {
            err.println("vss4j: " + text);
        }
    }
}
