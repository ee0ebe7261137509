package io.github.vss4j.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** A simulated volume is refused where it is described if AddToSnapshotSet could never take its name. */
class VolumeDescriptionTest {
    private static final String GUID_PATH = "\\\\?\\Volume{6d2b1a6e-0000-4000-8000-100000000001}\\";

    private static void refused(String rule, Supplier<Object> description) {
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, description::get);
        assertTrue(thrown.getMessage().contains(rule), thrown.getMessage());
    }

    @Test
    void namesBreakingTheRulesOfVolumeNamesAreRefusedWithTheValueAndTheRule() {
        refused("\"C:\\u0000x\\\" contains a NUL character", () -> SimulatedVolume.of("C:\u0000x\\"));
        refused("contains a NUL character", () -> Simulation.builder().volume("C:\\\u0000"));
        refused("\"D:\" must end with a backslash", () -> SimulatedVolume.of("D:"));
        refused("longer than Windows allows", () -> SimulatedVolume.of("x".repeat(40_000) + "\\"));
        refused("must end with a backslash", () -> new SimulatedVolume("E:", true, -1, 0, -1));
    }

    @Test
    void theGuidPathIsDerivedFromTheNameUnlessGiven() {
        SimulatedVolume c = SimulatedVolume.of("C:\\");
        assertTrue(c.guidName().matches("\\\\\\\\\\?\\\\Volume\\{[0-9a-f-]{36}}\\\\"), c.guidName());
        assertEquals(c.guidName(), SimulatedVolume.of("c:\\").guidName(), "the same on every run, whatever the case");
        assertNotEquals(c.guidName(), SimulatedVolume.of("D:\\").guidName());
        assertEquals(c.guidName(), c.unsupported().withDiffArea(10, 1).withMaxShadowCopies(2).guidName());
        assertEquals(GUID_PATH, SimulatedVolume.of("C:\\").withGuidName(GUID_PATH).guidName());
        assertEquals(GUID_PATH, SimulatedVolume.of(GUID_PATH).guidName(), "a volume named by its GUID path alone");
    }

    @Test
    void aGuidPathMustLookLikeOne() {
        refused("\"C:\\\" is not a volume GUID path", () -> SimulatedVolume.of("D:\\").withGuidName("C:\\"));
        refused("is not a volume GUID path",
                () -> SimulatedVolume.of("D:\\").withGuidName("\\\\?\\Volume{not-a-guid}\\"));
        refused("is named by a GUID path already", () -> SimulatedVolume.of(GUID_PATH)
                .withGuidName("\\\\?\\Volume{6d2b1a6e-0000-4000-8000-100000000002}\\"));
    }

    @Test
    void oneVolumeCannotBeDescribedTwiceUnderEitherName() {
        Simulation.Builder builder = Simulation.builder().volume(SimulatedVolume.of("C:\\").withGuidName(GUID_PATH));
        refused("is already on the machine", () -> builder.volume(GUID_PATH));
        refused("is already on the machine", () -> builder.volume(SimulatedVolume.of("D:\\").withGuidName(GUID_PATH)));
        builder.volume("D:\\");
        assertEquals(List.of("C:\\", "D:\\"), builder.build().volumes().stream().map(SimulatedVolume::name).toList());
    }
}
