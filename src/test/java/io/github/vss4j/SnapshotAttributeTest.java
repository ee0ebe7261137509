package io.github.vss4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SnapshotAttributeTest {
    // VSS-BEHAVIOUR.md's attribute list.
    private static final Map<String, Integer> DOCUMENTED = new LinkedHashMap<>();

    static {
        DOCUMENTED.put("PERSISTENT", 0x1);
        DOCUMENTED.put("NO_AUTORECOVERY", 0x2);
        DOCUMENTED.put("CLIENT_ACCESSIBLE", 0x4);
        DOCUMENTED.put("NO_AUTO_RELEASE", 0x8);
        DOCUMENTED.put("NO_WRITERS", 0x10);
        DOCUMENTED.put("TRANSPORTABLE", 0x20);
        DOCUMENTED.put("NOT_SURFACED", 0x40);
        DOCUMENTED.put("NOT_TRANSACTED", 0x80);
        DOCUMENTED.put("HARDWARE_ASSISTED", 0x10000);
        DOCUMENTED.put("DIFFERENTIAL", 0x20000);
        DOCUMENTED.put("PLEX", 0x40000);
        DOCUMENTED.put("IMPORTED", 0x80000);
        DOCUMENTED.put("EXPOSED_LOCALLY", 0x100000);
        DOCUMENTED.put("EXPOSED_REMOTELY", 0x200000);
        DOCUMENTED.put("AUTORECOVER", 0x400000);
        DOCUMENTED.put("ROLLBACK_RECOVERY", 0x800000);
        DOCUMENTED.put("DELAYED_POSTSNAPSHOT", 0x1000000);
        DOCUMENTED.put("TXF_RECOVERY", 0x2000000);
        DOCUMENTED.put("FILE_SHARE", 0x4000000);
    }

    @Test
    void bitsMatchTheDocumentation() {
        assertEquals(DOCUMENTED.size(), SnapshotAttribute.values().length);
        DOCUMENTED.forEach((name, bit) -> assertEquals((int) bit, SnapshotAttribute.valueOf(name).bit(), name));
    }

    @ParameterizedTest
    @EnumSource(SnapshotAttribute.class)
    void eachAttributeRoundTripsAlone(SnapshotAttribute attribute) {
        assertEquals(1, Integer.bitCount(attribute.bit()));
        assertEquals(Set.of(attribute), SnapshotAttribute.fromBits(attribute.bit()));
        assertEquals(attribute.bit(), SnapshotAttribute.toBits(EnumSet.of(attribute)));
    }

    @Test
    void everyAttributeTogetherRoundTrips() {
        int all = DOCUMENTED.values().stream().reduce(0, (a, b) -> a | b);
        assertEquals(EnumSet.allOf(SnapshotAttribute.class), SnapshotAttribute.fromBits(all));
        assertEquals(all, SnapshotAttribute.toBits(EnumSet.allOf(SnapshotAttribute.class)));
        assertEquals(Set.of(), SnapshotAttribute.fromBits(0));
        assertEquals(0, SnapshotAttribute.toBits(Set.of()));
    }

    @Test
    void aClientAccessibleContextsBitsDecode() {
        assertEquals(EnumSet.of(SnapshotAttribute.PERSISTENT, SnapshotAttribute.CLIENT_ACCESSIBLE,
                SnapshotAttribute.NO_AUTO_RELEASE, SnapshotAttribute.NO_WRITERS), SnapshotAttribute.fromBits(0x1D));
    }

    @Test
    void unnamedBitsAreIgnored() {
        assertEquals(Set.of(SnapshotAttribute.PERSISTENT), SnapshotAttribute.fromBits(0x1 | 0x100 | 0x80000000));
    }

    @Test
    void decodedSetsAreUnmodifiable() {
        Set<SnapshotAttribute> set = SnapshotAttribute.fromBits(0x1);
        assertThrows(UnsupportedOperationException.class, () -> set.add(SnapshotAttribute.PLEX));
        assertTrue(set.contains(SnapshotAttribute.PERSISTENT));
    }

    @Test
    void nullsAreRejected() {
        assertThrows(NullPointerException.class, () -> SnapshotAttribute.toBits(null));
    }
}
