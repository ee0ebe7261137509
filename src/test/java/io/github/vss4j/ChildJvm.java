package io.github.vss4j;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The JVM the shutdown tests start: this JVM's {@code java}, with the built jar, SLF4J and a probe class. */
final class ChildJvm {
    private ChildJvm() {
    }

    /** A child JVM that has ended: its exit value and all it printed. */
    record Ended(int exit, String output) {
    }

    /**
     * Runs {@code command} in {@code directory}, both output streams to the file {@code output}, and returns once
     * it has ended; fails the test (with what it printed) if it has not ended within {@code seconds}.
     */
    static Ended run(List<String> command, Path directory, Path output, long seconds) throws Exception {
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("the child JVM did not end within " + seconds + " s:\n" + Files.readString(output));
        }
        return new Ended(process.exitValue(), Files.readString(output));
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The built jar (not target/classes: vss4j runs as users run it), slf4j-api and -simple, and the probe's home. */
    static String classPath(Class<?> probe) throws URISyntaxException {
        Path jar = Path.of(System.getProperty("vss4j.testJar"));
        assertTrue(Files.isRegularFile(jar), jar + " exists (failsafe runs after package)");
        return Stream.of(jar, codeSource(org.slf4j.LoggerFactory.class),
                codeSource(org.slf4j.simple.SimpleLogger.class), codeSource(probe))
                .map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    }

    /** The built jar, the given SLF4J jars (another SLF4J than the build's) and the probe's home. */
    static String classPathWithSlf4j(List<Path> slf4jJars, Class<?> probe) throws URISyntaxException {
        Path jar = Path.of(System.getProperty("vss4j.testJar"));
        assertTrue(Files.isRegularFile(jar), jar + " exists (failsafe runs after package)");
        return Stream.concat(Stream.concat(Stream.of(jar), slf4jJars.stream()), Stream.of(codeSource(probe)))
                .map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    }

    private static Path codeSource(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
