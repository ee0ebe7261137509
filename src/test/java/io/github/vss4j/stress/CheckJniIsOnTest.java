package io.github.vss4j.stress;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The build fails on any -Xcheck:jni warning (check-jni-warnings in pom.xml); that is worth something only while
 * the tests really run with -Xcheck:jni, which this checks from inside the test JVM.
 */
class CheckJniIsOnTest {
    @Test
    void theTestJvmChecksEveryJniCall() throws IOException {
        List<String> arguments = commandLine();
        assertTrue(arguments.contains("-Xcheck:jni"), "the test JVM runs without -Xcheck:jni: " + arguments);
    }

    // The process's own command line (java.management is not among the module's dependencies). Linux keeps it
    // whole in /proc, while ProcessHandle.Info gives up on a long one there (the test class path is long).
    private static List<String> commandLine() throws IOException {
        Path proc = Path.of("/proc/self/cmdline");
        if (Files.isReadable(proc)) {
            return List.of(new String(Files.readAllBytes(proc), StandardCharsets.UTF_8).split("\0"));
        }
        return List.of(ProcessHandle.current().info().arguments().orElseThrow());
    }
}
