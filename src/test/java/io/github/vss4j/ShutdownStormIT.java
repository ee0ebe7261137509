package io.github.vss4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.vss4j.probes.ExitDuringStorm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A fresh JVM on the built jar ends while four threads keep calling into the shim, objects are left open with
 * operations in flight, and completions are on their way up: it exits promptly, with status 0, without a crash
 * report and without a JNI warning.
 */
class ShutdownStormIT {
    private static final long BOUND_SECONDS = 60;

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"exit", "callback", "return"})
    void theJvmExitsPromptlyInTheMiddleOfAStorm(String mode) throws Exception {
        Path output = tmp.resolve("out.txt");
        List<String> command = List.of(ChildJvm.java(),
                "-Xcheck:jni", "-XX:ErrorFile=" + tmp.resolve("hs_err_%p.log"),
                "-Dvss4j.extract.dir=" + tmp.resolve("natives"), "-Dorg.slf4j.simpleLogger.logFile=System.out",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", ChildJvm.classPath(ExitDuringStorm.class), ExitDuringStorm.class.getName(),
                mode);
        long started = System.nanoTime();
        ChildJvm.Ended ended = ChildJvm.run(command, tmp, output, BOUND_SECONDS);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        String out = ended.output();
        assertEquals(0, ended.exit(), out);
        assertTrue(out.contains("STORM RUNNING"), out);
        assertFalse(out.contains("UNEXPECTED"), out);
        assertFalse(out.contains("in native method"), "-Xcheck:jni warnings:\n" + out);
        try (Stream<Path> files = Files.list(tmp)) {
            List<String> crashes = files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("hs_err"))
                    .toList();
            assertEquals(List.of(), crashes, "JVM crash reports");
        }
        System.out.println("ShutdownStormIT " + mode + ": the JVM ended in " + millis + " ms (start to exit)");
    }
}
