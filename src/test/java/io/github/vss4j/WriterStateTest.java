package io.github.vss4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WriterStateTest {
    // VSS_WRITER_STATE 0..15, in order, as listed in VSS-BEHAVIOUR.md.
    private static final List<String> DOCUMENTED = List.of("UNKNOWN", "STABLE", "WAITING_FOR_FREEZE",
            "WAITING_FOR_THAW", "WAITING_FOR_POST_SNAPSHOT", "WAITING_FOR_BACKUP_COMPLETE", "FAILED_AT_IDENTIFY",
            "FAILED_AT_PREPARE_BACKUP", "FAILED_AT_PREPARE_SNAPSHOT", "FAILED_AT_FREEZE", "FAILED_AT_THAW",
            "FAILED_AT_POST_SNAPSHOT", "FAILED_AT_BACKUP_COMPLETE", "FAILED_AT_PRE_RESTORE", "FAILED_AT_POST_RESTORE",
            "FAILED_AT_BACKUPSHUTDOWN");

    @Test
    void valuesMatchTheDocumentation() {
        assertEquals(DOCUMENTED.size(), WriterState.values().length);
        for (int value = 0; value < DOCUMENTED.size(); value++) {
            WriterState state = WriterState.valueOf(DOCUMENTED.get(value));
            assertEquals(value, state.value(), state.name());
            assertSame(state, WriterState.of(value));
        }
    }

    @Test
    void failedStatesAreTheFailedAtOnes() {
        for (WriterState state : WriterState.values()) {
            assertEquals(state.name().startsWith("FAILED_AT_"), state.isFailed(), state.name());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 16, 17, 255, Integer.MAX_VALUE, Integer.MIN_VALUE})
    void valuesOutOfRangeAreUnknown(int value) {
        assertSame(WriterState.UNKNOWN, WriterState.of(value));
    }
}
