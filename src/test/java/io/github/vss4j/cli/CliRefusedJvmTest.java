package io.github.vss4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.vss4j.PlatformOverride;
import org.junit.jupiter.api.Test;

/**
 * The library's refusals reach the operator as one line with one "vss4j: " prefix and the "not available" exit
 * code; a 32-bit Windows JVM is pretended through the platform override. (A failed load: CliJarIT.)
 */
class CliRefusedJvmTest {
    @Test
    void a32BitWindowsJvmIsRefusedInOneLineWithOnePrefix() {
        CliRun run = PlatformOverride.pretending("windows_32", () -> CliTestSupport.run("create", "--simulate", "C:"));

        assertEquals(ExitCode.NOT_AVAILABLE.code(), run.exitCode(), run::toString);
        assertTrue(run.err().startsWith("vss4j: this is a 32-bit JVM on Windows"), run::toString);
        assertTrue(run.err().contains("run it in a 64-bit JVM"), run::toString);
        assertFalse(run.err().contains("vss4j: vss4j:"), run::toString);
    }

    @Test
    void theLibrarysPrefixIsDroppedOnce() {
        assertEquals("cannot load", Cli.withoutPrefix("vss4j: cannot load"));
        assertEquals("vss4j: x", Cli.withoutPrefix("vss4j: vss4j: x"), "only the one the CLI adds back");
        assertEquals("no prefix", Cli.withoutPrefix("no prefix"));
        assertEquals(null, Cli.withoutPrefix(null));
    }
}
