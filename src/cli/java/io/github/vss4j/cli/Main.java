package io.github.vss4j.cli;

import java.util.List;

/** {@code java -jar vss4j-<version>-cli.jar COMMAND ...}: see {@code vss4j --help}. */
public final class Main {
    private Main() {
    }

    /**
     * Runs the command line and exits with its exit code.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        if (List.of(args).contains("--verbose")) {
            // Read by slf4j-simple when the first logger is made, which has not happened yet.
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "info");
        }
        int code = new Cli(System.out, System.err, System.console() != null, true).run(args);
        System.out.flush();
        System.exit(code);
    }
}
