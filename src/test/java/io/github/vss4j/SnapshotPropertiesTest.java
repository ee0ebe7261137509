package io.github.vss4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.EnumSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SnapshotPropertiesTest {
    private static final UUID SYSTEM_PROVIDER = UUID.fromString("b5946137-7b9f-4925-af80-51abd60b20d5");
    private static final String DEVICE = "\\\\?\\GLOBALROOT\\Device\\HarddiskVolumeShadowCopy1";

    // Known FILETIME values: the Unix epoch, 2000-01-01, FILETIME's own epoch and its largest signed value.
    @ParameterizedTest
    @CsvSource({
        "116444736000000000, 1970-01-01T00:00:00Z",
        "116444736000000001, 1970-01-01T00:00:00.000000100Z",
        "125911584000000000, 2000-01-01T00:00:00Z",
        "0,                  1601-01-01T00:00:00Z",
        "9223372036854775807, +30828-09-14T02:48:05.477580700Z",
        "-1,                 1600-12-31T23:59:59.999999900Z",
    })
    void fileTimeConvertsExactly(long ticks, String expected) {
        assertEquals(Instant.parse(expected), SnapshotProperties.fromFileTime(ticks));
        assertEquals(ticks, SnapshotProperties.toFileTime(Instant.parse(expected)));
    }

    @Test
    void toFileTimeDropsNanosBelowATick() {
        Instant instant = Instant.parse("1970-01-01T00:00:00.000000199Z");
        assertEquals(116444736000000001L, SnapshotProperties.toFileTime(instant));
    }

    @Test
    void stringsMayBeMissingButAreNeverNull() {
        SnapshotProperties p = properties(DEVICE, null, 0x9);
        assertEquals("", p.originatingMachine());
        assertEquals("", p.serviceMachine());
        assertEquals("", p.exposedName());
        assertEquals("", p.exposedPath());
        assertEquals("", p.originalVolumeName());
    }

    @Test
    void attributesAndPersistence() {
        SnapshotProperties persistent = properties(DEVICE, "host", 0x19);
        assertEquals(EnumSet.of(SnapshotAttribute.PERSISTENT, SnapshotAttribute.NO_AUTO_RELEASE,
                SnapshotAttribute.NO_WRITERS), persistent.attributes());
        assertTrue(persistent.isPersistent());
        assertFalse(properties(DEVICE, "host", 0x10).isPersistent());
    }

    @Test
    void requiredFieldsAreNamedWhenMissing() {
        Instant t = Instant.EPOCH;
        UUID id = UUID.randomUUID();
        assertNamed("snapshotId", () -> new SnapshotProperties(null, id, 1, DEVICE, "", "", "", "", "",
                SYSTEM_PROVIDER, 0, t, 12));
        assertNamed("snapshotSetId", () -> new SnapshotProperties(id, null, 1, DEVICE, "", "", "", "", "",
                SYSTEM_PROVIDER, 0, t, 12));
        assertNamed("snapshotDeviceObject", () -> new SnapshotProperties(id, id, 1, null, "", "", "", "", "",
                SYSTEM_PROVIDER, 0, t, 12));
        assertNamed("providerId", () -> new SnapshotProperties(id, id, 1, DEVICE, "", "", "", "", "", null, 0, t,
                12));
    }

    private static void assertNamed(String field, org.junit.jupiter.api.function.Executable construct) {
        NullPointerException e = assertThrows(NullPointerException.class, construct);
        assertEquals(field, e.getMessage());
    }

    private static SnapshotProperties properties(String device, String machine, int bits) {
        return new SnapshotProperties(UUID.randomUUID(), UUID.randomUUID(), 1, device, null, machine, machine, null,
                null, SYSTEM_PROVIDER, bits, SnapshotProperties.fromFileTime(133_000_000_000_000_000L), 12);
    }
}
