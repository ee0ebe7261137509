package io.github.vss4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.vss4j.probes.OneShadowCopy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * vss4j builds against SLF4J 2.x but uses only what 1.7 has: an application on slf4j-api 1.7.36 with
 * slf4j-simple 1.7.36 gets vss4j's log lines (the rest of the suite runs on 2.x). The build copies the two jars to
 * {@code -Dvss4j.slf4j17Dir}.
 */
class Slf4j17IT {
    @TempDir
    Path tmp;

    @Test
    void vss4jLogsThroughSlf4j17() throws Exception {
        Path dir = Path.of(System.getProperty("vss4j.slf4j17Dir", "target/slf4j-1.7"));
        List<Path> slf4j = List.of(dir.resolve("slf4j-api-1.7.36.jar"), dir.resolve("slf4j-simple-1.7.36.jar"));
        for (Path jar : slf4j) {
            assertTrue(Files.isRegularFile(jar), jar + " (the build's slf4j-1.7-for-tests copies it)");
        }
        List<String> command = List.of(ChildJvm.java(), "-Dvss4j.extract.dir=" + tmp.resolve("natives"),
                "-Dorg.slf4j.simpleLogger.logFile=System.out",
                "-cp", ChildJvm.classPathWithSlf4j(slf4j, OneShadowCopy.class), OneShadowCopy.class.getName());
        ChildJvm.Ended ended = ChildJvm.run(command, tmp, tmp.resolve("out.txt"), 60);
        String out = ended.output();
        assertEquals(0, ended.exit(), out);
        assertTrue(out.contains("COPIES 1"), out);
        assertTrue(out.contains("INFO io.github.vss4j.ShadowCopyRequest - Shadow copy request succeeded"),
                "vss4j's log line, through slf4j-simple 1.7: " + out);
        // 1.7's own complaints: no binding found, or a binding of another version.
        assertFalse(out.contains("SLF4J:"), out);
    }
}
