package io.github.vss4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class VssExceptionTest {
    private static final int FLUSH_WRITES_TIMEOUT = 0x80042313;
    private static final int E_FAIL = 0x80004005;
    private static final int WRITERERROR_TIMEOUT = 0x800423F2;

    private static final WriterStatus STABLE_WRITER = new WriterStatus(UUID.randomUUID(), UUID.randomUUID(),
            "Registry Writer", WriterState.STABLE, 0);
    private static final WriterStatus FAILED_WRITER = new WriterStatus(UUID.randomUUID(), UUID.randomUUID(),
            "SqlServerWriter", WriterState.FAILED_AT_FREEZE, WRITERERROR_TIMEOUT);

    @Test
    void isACheckedIoException() {
        Exception e = new VssException(Operation.CREATE_BACKUP_COMPONENTS, 0x80070005);
        assertInstanceOf(IOException.class, e);
        assertFalse(e instanceof RuntimeException);
    }

    @Test
    void messageNamesOperationCodeHexMeaningAndAdvice() {
        VssException e = new VssException(Operation.DO_SNAPSHOT_SET, FLUSH_WRITES_TIMEOUT);
        String message = e.getMessage();
        assertTrue(message.startsWith("DoSnapshotSet failed with VSS_E_FLUSH_WRITES_TIMEOUT (0x80042313): "),
                message);
        assertTrue(message.contains(VssError.VSS_E_FLUSH_WRITES_TIMEOUT.meaning()), message);
        assertTrue(message.contains(VssError.VSS_E_FLUSH_WRITES_TIMEOUT.advice()), message);
        assertSame(VssError.VSS_E_FLUSH_WRITES_TIMEOUT, e.error());
        assertEquals(FLUSH_WRITES_TIMEOUT, e.hresult());
        assertSame(Operation.DO_SNAPSHOT_SET, e.operation());
    }

    @Test
    void messageCarriesTheDetail() {
        VssException e = new VssException(Operation.ADD_TO_SNAPSHOT_SET, 0x8004230C, "C:\\");
        assertTrue(e.getMessage().contains("C:\\"), e.getMessage());
        assertTrue(e.getMessage().contains("AddToSnapshotSet"), e.getMessage());
        assertEquals(Optional.of("C:\\"), e.detail());
        assertEquals(Optional.empty(), new VssException(Operation.ADD_TO_SNAPSHOT_SET, 0x8004230C, null).detail());
    }

    @Test
    void unknownCodesKeepTheirRawValue() {
        VssException e = new VssException(Operation.DO_SNAPSHOT_SET, E_FAIL);
        assertSame(VssError.UNKNOWN, e.error());
        assertEquals(E_FAIL, e.hresult());
        assertTrue(e.getMessage().contains("unknown HRESULT 0x80004005"), e.getMessage());
        assertFalse(e.isTransient());
    }

    @Test
    void withoutContextThereIsNone() {
        VssException e = new VssException(Operation.DO_SNAPSHOT_SET, FLUSH_WRITES_TIMEOUT);
        assertEquals(Optional.empty(), e.phase());
        assertEquals(0, e.attempt());
        assertTrue(e.writerStatus().isEmpty());
        assertEquals(null, e.getCause());
    }

    @Test
    void withContextKeepsTheFailureAndAddsWhereItHappened() {
        VssException original = new VssException(Operation.DO_SNAPSHOT_SET, E_FAIL, "C:\\");
        List<WriterStatus> writers = new ArrayList<>(List.of(STABLE_WRITER, FAILED_WRITER));
        VssException e = original.withContext(Phase.DO_SNAPSHOT_SET, 2, writers);
        writers.clear();

        assertEquals(E_FAIL, e.hresult());
        assertSame(VssError.UNKNOWN, e.error());
        assertSame(Operation.DO_SNAPSHOT_SET, e.operation());
        assertEquals(Optional.of("C:\\"), e.detail());
        assertEquals(Optional.of(Phase.DO_SNAPSHOT_SET), e.phase());
        assertEquals(2, e.attempt());
        assertEquals(List.of(STABLE_WRITER, FAILED_WRITER), e.writerStatus(), "a copy, not the caller's list");
        assertSame(original, e.getCause());
        assertThrows(UnsupportedOperationException.class, () -> e.writerStatus().add(STABLE_WRITER));

        String message = e.getMessage();
        assertTrue(message.contains("unknown HRESULT 0x80004005"), message);
        assertTrue(message.contains("C:\\"), message);
        assertTrue(message.contains("in phase DO_SNAPSHOT_SET"), message);
        assertTrue(message.contains("attempt 2"), message);
        assertTrue(message.contains("SqlServerWriter"), message);
        assertTrue(message.contains("FAILED_AT_FREEZE"), message);
        assertTrue(message.contains("VSS_E_WRITERERROR_TIMEOUT"), message);
        assertFalse(message.contains("Registry Writer"), "only failed writers are named: " + message);
    }

    @Test
    void withContextAcceptsMissingParts() {
        VssException e = new VssException(Operation.DO_SNAPSHOT_SET, FLUSH_WRITES_TIMEOUT).withContext(null, 0, null);
        assertEquals(Optional.empty(), e.phase());
        assertEquals(0, e.attempt());
        assertTrue(e.writerStatus().isEmpty());
        assertThrows(IllegalArgumentException.class,
                () -> new VssException(Operation.DO_SNAPSHOT_SET, FLUSH_WRITES_TIMEOUT).withContext(Phase.DO_SNAPSHOT_SET, -1, null));
    }

    @Test
    void isTransientDelegatesToTheError() {
        assertTrue(new VssException(Operation.DO_SNAPSHOT_SET, FLUSH_WRITES_TIMEOUT).isTransient());
        assertTrue(new VssException(Operation.START_SNAPSHOT_SET, 0x80042316).isTransient());
        assertFalse(new VssException(Operation.DO_SNAPSHOT_SET, 0x80042301).isTransient());
    }

    @Test
    void operationIsRequired() {
        assertThrows(NullPointerException.class, () -> new VssException(null, FLUSH_WRITES_TIMEOUT));
    }

    @Test
    void survivesSerialization() throws Exception {
        VssException e = new VssException(Operation.DO_SNAPSHOT_SET, FLUSH_WRITES_TIMEOUT, "C:\\")
                .withContext(Phase.DO_SNAPSHOT_SET, 3, List.of(FAILED_WRITER));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(e);
        }
        VssException copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (VssException) in.readObject();
        }
        assertEquals(e.getMessage(), copy.getMessage());
        assertEquals(e.hresult(), copy.hresult());
        assertSame(e.error(), copy.error());
        assertEquals(e.writerStatus(), copy.writerStatus());
        assertEquals(e.phase(), copy.phase());
        assertEquals(3, copy.attempt());
    }
}
