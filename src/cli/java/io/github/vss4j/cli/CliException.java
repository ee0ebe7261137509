package io.github.vss4j.cli;

/** A failure the command line explains itself, with the exit code it ends with. */
class CliException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient ExitCode exitCode;

    CliException(ExitCode exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    CliException(ExitCode exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    ExitCode exitCode() {
        return exitCode;
    }

    /** Bad arguments or a bad machine file: exit code 2, and the message says what to change. */
    static CliException usage(String message) {
        return new CliException(ExitCode.USAGE, message);
    }
}
