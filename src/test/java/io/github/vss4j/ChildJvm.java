package io.github.vss4j;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The JVM the shutdown tests start: this JVM's {@code java}, with the built jar, SLF4J and a probe class. */
final class ChildJvm {
    private ChildJvm() {
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

    private static Path codeSource(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
