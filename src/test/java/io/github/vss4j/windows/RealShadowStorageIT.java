package io.github.vss4j.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.vss4j.ShadowStorage;
import io.github.vss4j.Vss;
import io.github.vss4j.VssError;
import io.github.vss4j.VssException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * Shadow storage against real VSS, on the runner's system volume: list it, resize it and put it back, and what
 * Windows answers for a volume that does not exist (printed, so that a run shows what the simulator's inferred
 * answer should be). Runs only on Windows, elevated, through the workflow (profile real-vss).
 */
class RealShadowStorageIT {
    private static final long ONE_GB = 1L << 30;

    @Test
    @DisabledIfSystemProperty(named = "vss4j.expectAccessDenied", matches = "true",
            disabledReason = "shadow storage management needs administrator rights")
    void theSystemVolumesStorageIsListedResizedAndPutBack() throws Exception {
        Vss vss = Vss.system();
        String system = System.getenv().getOrDefault("SystemDrive", "C:") + "\\";
        List<ShadowStorage> before = vss.shadowStorage(system);
        before.forEach(s -> System.out.println("storage before: " + s));
        String host = before.isEmpty() ? system : before.get(0).diffAreaVolume();
        // Windows 7 and later create the association when it does not exist yet (Microsoft's documentation).
        vss.changeShadowStorageMaximum(system, host, ONE_GB);
        try {
            List<ShadowStorage> resized = vss.shadowStorage(system);
            resized.forEach(s -> System.out.println("storage resized: " + s));
            assertEquals(ONE_GB, resized.get(0).maximumBytes(), resized::toString);
            // [I] the simulator names both volumes by their GUID paths, as every other management structure does.
            assertTrue(resized.get(0).volume().startsWith("\\\\?\\Volume{"), resized::toString);
            assertTrue(resized.get(0).diffAreaVolume().startsWith("\\\\?\\Volume{"), resized::toString);
        } finally {
            if (before.isEmpty()) {
                putBackAbsent(vss, system, host);
            } else {
                vss.changeShadowStorageMaximum(system, host, before.get(0).maximumBytes());
            }
        }
        vss.shadowStorage(system).forEach(s -> System.out.println("storage after: " + s));
    }

    private static void putBackAbsent(Vss vss, String system, String host) throws VssException {
        try {
            vss.changeShadowStorageMaximum(system, host, 0);
        } catch (VssException inUse) {
            // Copies made meanwhile use the area: it stays, unbounded as VSS's default association is.
            assertEquals(VssError.VSS_E_VOLUME_IN_USE, inUse.error(), inUse::toString);
            vss.changeShadowStorageMaximum(system, host, ShadowStorage.UNBOUNDED);
        }
    }

    @Test
    @DisabledIfSystemProperty(named = "vss4j.expectAccessDenied", matches = "true",
            disabledReason = "shadow storage management needs administrator rights")
    void aVolumeThatDoesNotExistIsAVssError() throws Exception {
        Vss vss = Vss.system();
        VssException thrown = assertThrows(VssException.class,
                () -> vss.shadowStorage("\\\\?\\Volume{00000000-0000-0000-0000-000000000000}\\"));
        System.out.println("unknown volume: " + thrown);
        VssException resize = assertThrows(VssException.class, () -> vss.changeShadowStorageMaximum(
                "\\\\?\\Volume{00000000-0000-0000-0000-000000000000}\\", "C:\\", ONE_GB));
        System.out.println("resize of an unknown volume: " + resize);
    }
}
