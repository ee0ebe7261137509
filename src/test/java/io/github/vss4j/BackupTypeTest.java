package io.github.vss4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BackupTypeTest {
    @Test
    void valuesMatchVssBackupType() {
        List<String> documented = List.of("UNDEFINED", "FULL", "INCREMENTAL", "DIFFERENTIAL", "LOG", "COPY", "OTHER");
        assertEquals(documented.size(), BackupType.values().length);
        for (int value = 0; value < documented.size(); value++) {
            BackupType type = BackupType.valueOf(documented.get(value));
            assertEquals(value, type.value());
            assertSame(type, BackupType.of(value));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 7, 100})
    void unknownValuesAreRejected(int value) {
        assertThrows(IllegalArgumentException.class, () -> BackupType.of(value));
    }
}
