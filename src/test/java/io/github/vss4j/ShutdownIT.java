package io.github.vss4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.vss4j.probes.InFlightAtExit;
import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A fresh JVM on the built jar: native threads never keep it alive, and native log lines reach SLF4J. */
class ShutdownIT {
    @TempDir
    Path tmp;

    @Test
    void theJvmExitsPromptlyWithAnOperationInFlightAndNativeLogsReachSlf4j() throws Exception {
        Path output = tmp.resolve("out.txt");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xcheck:jni", "-Dvss4j.extract.dir=" + tmp.resolve("natives"),
                "-Dorg.slf4j.simpleLogger.logFile=System.out", "-cp", classPath(), InFlightAtExit.class.getName());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("the JVM did not exit with an operation in flight:\n" + Files.readString(output));
        }
        String out = Files.readString(output);
        assertEquals(0, process.exitValue(), out);
        assertTrue(out.contains("MAIN RETURNS with DoSnapshotSet PENDING"), out);
        assertTrue(out.contains("io.github.vss4j.native - vss4j: a BackupComponents was closed while 1 of its "
                + "operations were still running; they were cancelled"), out);
        assertFalse(out.contains("in native method"), "-Xcheck:jni warnings:\n" + out);
        assertFalse(out.contains("CALLBACK"), "the hour-long operation did not end: " + out);
    }

    private static String classPath() throws URISyntaxException {
        Path jar = Path.of(System.getProperty("vss4j.testJar"));
        assertTrue(Files.isRegularFile(jar), jar + " exists (failsafe runs after package)");
        return Stream.of(jar, codeSource(org.slf4j.LoggerFactory.class),
                codeSource(org.slf4j.simple.SimpleLogger.class), codeSource(InFlightAtExit.class))
                .map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    }

    private static Path codeSource(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
