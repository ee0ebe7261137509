package io.github.vss4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;

/**
 * What one run of the command line left behind.
 *
 * @param exitCode its exit code
 * @param out      what it wrote to stdout
 * @param err      what it wrote to stderr
 */
record CliRun(int exitCode, String out, String err) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Stdout, which {@code --json} makes one JSON document. */
    JsonNode json() throws IOException {
        return JSON.readTree(out);
    }

    /** The example machine of docs/cli.md, src/cli/examples/machine.json (the build passes its path). */
    static Path exampleMachine() {
        return Path.of(System.getProperty("vss4j.cliMachineExample", "src/cli/examples/machine.json"));
    }

    static boolean onWindows() {
        return System.getProperty("os.name", "").startsWith("Windows");
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
}
