package io.github.vss4j.cli;

/** How a run of {@code vss4j} ended, as its process exit status. {@code --exec} returns its command's own code. */
enum ExitCode {
    OK(0, "ok", "success"),
    FAILED(1, "failed", "VSS or the command line failed for a reason that will not pass by itself"),
    USAGE(2, "usage", "bad arguments or a bad machine file: nothing was done"),
    NOT_AVAILABLE(3, "not-available", "real VSS is not available here (not Windows, or a 32-bit JVM on 64-bit"
            + " Windows): use --simulate"),
    ACCESS_DENIED(4, "access-denied", "E_ACCESSDENIED: run elevated, as LocalSystem or as a Backup Operator"),
    TRANSIENT(5, "transient", "a transient VSS failure (another snapshot set in progress, writes could not be"
            + " flushed or held, a provider veto, a retryable writer error, a timeout): try again later"),
    COMMAND_KILLED(6, "command-killed", "stopped (Ctrl-C, a kill) while --exec's command ran, and the command did"
            + " not end within 10 s of being asked: it was killed, then the copies were released"),
    INTERRUPTED(130, "interrupted", "stopped (Ctrl-C; a kill gives 143): --exec's command, if running, was stopped"
            + " and ended when asked; then a snapshot set it held was released, unkept persistent copies deleted");

    private final int code;
    private final String label;
    private final String description;

    ExitCode(int code, String label, String description) {
        this.code = code;
        this.label = label;
        this.description = description;
    }

    int code() {
        return code;
    }

    /** The name {@code --json} reports, e.g. {@code access-denied}. */
    String label() {
        return label;
    }

    String description() {
        return description;
    }
}
