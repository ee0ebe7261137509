package io.github.vss4j.stress;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The build fails on any -Xcheck:jni warning (check-jni-warnings in pom.xml); that is worth something only while
 * the tests really run with -Xcheck:jni, which this checks from inside the test JVM.
 */
class CheckJniIsOnTest {
    @Test
    void theTestJvmChecksEveryJniCall() {
        List<String> arguments = ManagementFactory.getRuntimeMXBean().getInputArguments();
        assertTrue(arguments.contains("-Xcheck:jni"), "the test JVM runs without -Xcheck:jni: " + arguments);
    }
}
