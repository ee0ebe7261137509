package io.github.vss4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class VssContextTest {

    // VSS-BEHAVIOUR.md's Contexts table; ALL is for admin calls only, so it claims none of the flags.
    @ParameterizedTest
    @CsvSource({
        "BACKUP,                    0x00,       true,  false, true",
        "FILE_SHARE_BACKUP,         0x10,       false, false, true",
        "NAS_ROLLBACK,              0x19,       false, true,  false",
        "APP_ROLLBACK,              0x09,       true,  true,  false",
        "CLIENT_ACCESSIBLE,         0x1D,       false, true,  false",
        "CLIENT_ACCESSIBLE_WRITERS, 0x0D,       true,  true,  false",
        "ALL,                       0xFFFFFFFF, false, false, false",
    })
    void flagsMatchTheDocumentedTable(String name, String hex, boolean writers, boolean persistent,
            boolean autoRelease) {
        VssContext context = VssContext.valueOf(name);
        int value = Integer.parseUnsignedInt(hex.substring(2), 16);
        assertEquals(value, context.value(), name);
        assertEquals(writers, context.involvesWriters(), name + " writers");
        assertEquals(persistent, context.isPersistent(), name + " persistent");
        assertEquals(autoRelease, context.isAutoRelease(), name + " auto-release");
        assertSame(context, VssContext.of(value));
    }

    @Test
    void thereAreSevenContexts() {
        assertEquals(7, VssContext.values().length);
    }

    @ParameterizedTest
    @EnumSource(VssContext.class)
    void ofRoundTrips(VssContext context) {
        assertSame(context, VssContext.of(context.value()));
    }

    @ParameterizedTest
    @ValueSource(ints = {0x01, 0x07, 0x08, 0x1F, -2})
    void unknownValuesAreRejectedByName(int value) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> VssContext.of(value));
        assertTrue(e.getMessage().contains(VssError.hex(value)), e.getMessage());
        for (VssContext known : VssContext.values()) {
            assertTrue(e.getMessage().contains(known.name()), e.getMessage());
        }
    }
}
