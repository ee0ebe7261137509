package io.github.vss4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class WriterStatusTest {
    private static final UUID INSTANCE = UUID.randomUUID();
    private static final UUID WRITER = UUID.randomUUID();

    @Test
    void aStableWriterWithoutFailureIsFine() {
        WriterStatus status = new WriterStatus(INSTANCE, WRITER, "System Writer", WriterState.STABLE, 0);
        assertFalse(status.isFailed());
        assertSame(VssError.S_OK, status.failureError());
    }

    @Test
    void aFailedStateOrAFailureCodeIsAFailure() {
        assertTrue(new WriterStatus(INSTANCE, WRITER, "w", WriterState.FAILED_AT_FREEZE, 0).isFailed());
        WriterStatus coded = new WriterStatus(INSTANCE, WRITER, "w", WriterState.STABLE, 0x800423F3);
        assertTrue(coded.isFailed());
        assertSame(VssError.VSS_E_WRITERERROR_RETRYABLE, coded.failureError());
        assertSame(VssError.UNKNOWN,
                new WriterStatus(INSTANCE, WRITER, "w", WriterState.STABLE, 0x80004005).failureError());
    }

    @Test
    void nameMayBeMissingIdsMayNot() {
        assertEquals("", new WriterStatus(INSTANCE, WRITER, null, WriterState.STABLE, 0).writerName());
        assertThrows(NullPointerException.class, () -> new WriterStatus(null, WRITER, "w", WriterState.STABLE, 0));
        assertThrows(NullPointerException.class, () -> new WriterStatus(INSTANCE, WRITER, "w", null, 0));
        assertEquals("", new WriterMetadata(INSTANCE, WRITER, null, 1, 2).writerName());
        assertThrows(NullPointerException.class, () -> new WriterMetadata(INSTANCE, null, "w", 1, 2));
    }
}
