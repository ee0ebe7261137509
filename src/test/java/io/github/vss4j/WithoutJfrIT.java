package io.github.vss4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.vss4j.probes.OneShadowCopy;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * vss4j {@code requires static jdk.jfr}: on a runtime without the module (here {@code --limit-modules java.base},
 * as a jlink image without jdk.jfr is), a shadow copy request runs as anywhere else, only without JFR events.
 */
class WithoutJfrIT {
    @TempDir
    Path tmp;

    @Test
    void aRequestSucceedsOnARuntimeWithoutJdkJfr() throws Exception {
        List<String> command = List.of(ChildJvm.java(), "--limit-modules", "java.base",
                "-Dvss4j.extract.dir=" + tmp.resolve("natives"), "-Dorg.slf4j.simpleLogger.logFile=System.out",
                "-cp", ChildJvm.classPath(OneShadowCopy.class), OneShadowCopy.class.getName());
        ChildJvm.Ended ended = ChildJvm.run(command, tmp, tmp.resolve("out.txt"), 60);
        String out = ended.output();
        assertEquals(0, ended.exit(), out);
        assertTrue(out.contains("COPIES 1"), out);
        assertTrue(out.contains("Shadow copy request succeeded"), "the request logged as usual: " + out);
        assertFalse(out.contains("jdk/jfr") || out.contains("jdk.jfr"), out);
    }
}
