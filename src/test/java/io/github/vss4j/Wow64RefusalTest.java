package io.github.vss4j;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.vss4j.internal.loader.NativeLibrary;
import io.github.vss4j.simulator.Simulation;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * A 32-bit JVM on Windows is refused before anything is loaded, in one sentence that says why and what to run
 * instead, by both ways in; pretended through the platform override ({@value NativeLibrary#PLATFORM_PROPERTY}),
 * which the check honours. (The rules on os.arch and sun.arch.data model: NativePlatformRequesterTest.)
 */
class Wow64RefusalTest {
    @Test
    void bothWaysInRefuseA32BitWindowsJvmAndSayWhatToRunInstead() {
        List<Executable> ways = List.of(() -> Vss.simulator(Simulation.withVolumes("C:\\")), Vss::system,
                () -> Vss.system(false));
        for (Executable way : ways) {
            UnsupportedOperationException refused = PlatformOverride.pretending("windows_32",
                    () -> assertThrows(UnsupportedOperationException.class, way));
            String message = refused.getMessage();
            assertTrue(message.contains("32-bit JVM on Windows (" + NativeLibrary.PLATFORM_PROPERTY + "=windows_32)"),
                    message);
            assertTrue(message.contains("VSS refuses 32-bit requesters on 64-bit Windows (WOW64)"), message);
            assertTrue(message.contains("run it in a 64-bit JVM"), message);
        }
    }

    @Test
    void otherPlatformsAreNotRefusedByTheCheck() {
        for (String platform : Arrays.asList("windows_64", null)) {  // null: this machine, a 64-bit JVM
            assertDoesNotThrow(() -> PlatformOverride.pretending(platform, () -> {
                NativeLibrary.checkRequester();
                return platform;
            }), String.valueOf(platform));
        }
    }
}
