package io.github.vss4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.vss4j.internal.NativeBridge;
import io.github.vss4j.internal.loader.NativeLibrary;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Bad input gets a clear exception naming the value and the rule, before it reaches VSS. */
class InputValidationTest extends SimulatedVssTest {

    @Test
    void nullsAreNamed() throws Exception {
        BackupComponents backup = components(vss("C:\\"));
        backup.initializeForBackup();
        assertTrue(assertThrows(NullPointerException.class, () -> backup.setContext(null)).getMessage()
                .contains("context"));
        assertTrue(assertThrows(NullPointerException.class, () -> backup.addToSnapshotSet(null)).getMessage()
                .contains("volume"));
        assertThrows(NullPointerException.class, () -> backup.getSnapshotProperties(null));
        assertThrows(NullPointerException.class, () -> Vss.simulator(null));
    }

    @Test
    void malformedVolumeNamesAreRefusedWithTheRule() throws Exception {
        BackupComponents backup = components(vss("C:\\"));
        initialize(backup, VssContext.FILE_SHARE_BACKUP);
        backup.startSnapshotSet();
        String noSlash = assertThrows(IllegalArgumentException.class, () -> backup.addToSnapshotSet("C:"))
                .getMessage();
        assertTrue(noSlash.contains("\"C:\"") && noSlash.contains("backslash"), noSlash);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> backup.addToSnapshotSet(""))
                .getMessage().contains("empty"));
        String nul = assertThrows(IllegalArgumentException.class, () -> backup.addToSnapshotSet("C:\u0000\\"))
                .getMessage();
        assertTrue(nul.contains("NUL") && nul.contains("\\u0000"), nul);
        char[] huge = new char[40_000];
        Arrays.fill(huge, 'x');
        huge[huge.length - 1] = '\\';
        String tooLong = assertThrows(IllegalArgumentException.class,
                () -> backup.addToSnapshotSet(new String(huge))).getMessage();
        assertTrue(tooLong.contains("40000") && tooLong.length() < 400, tooLong);
    }

    @Test
    void oddButValidNamesReachVssAndComeBackAsNotFound() throws Exception {
        BackupComponents backup = components(vss("C:\\"));
        initialize(backup, VssContext.FILE_SHARE_BACKUP);
        backup.startSnapshotSet();
        for (String name : new String[] {"\uD83D\uDCBE:\\", "\uD800:\\", "C:\\\u00e9t\u00e9\\", "x".repeat(32_000) + "\\"}) {
            VssException thrown = assertThrows(VssException.class, () -> backup.addToSnapshotSet(name));
            assertEquals(VssError.VSS_E_OBJECT_NOT_FOUND, thrown.error(), name.substring(0, 3));
        }
    }

    @Test
    void staleHandlesAreIllegalStateNotACrash() {
        NativeLibrary.load();
        assertThrows(IllegalStateException.class, () -> NativeBridge.initializeForBackup(12345, null));
        assertThrows(IllegalStateException.class, () -> NativeBridge.asyncCancel(-1));
        assertThrows(IllegalStateException.class, () -> NativeBridge.create(0, new long[1]));
        NativeBridge.release(987654321);  // releasing what is not there is harmless
        NativeBridge.asyncRelease(987654321);
    }

    @Test
    void theShimAgreesWithJavaOnOperationNames() {
        NativeLibrary.load();
        String[] names = NativeBridge.operationNames();
        assertEquals(Operation.values().length, names.length);
        for (Operation operation : Operation.values()) {
            assertEquals(operation.vssName(), names[operation.ordinal()]);
        }
    }

    @Test
    void systemVssOnLinuxPointsToTheSimulator() {
        UnsupportedOperationException thrown = assertThrows(UnsupportedOperationException.class, Vss::system);
        assertTrue(thrown.getMessage().contains("Vss.simulator"), thrown.getMessage());
    }
}
