package io.github.vss4j.internal.copy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class Win32ErrorsTest {
    private static final Path FILE = Path.of("copy", "Users", "secret.txt").toAbsolutePath();

    @Test
    void aMissingFileOrFolderIsNoSuchFileNamingThePathAndTheCode() {
        for (int error : new int[] {2, 3}) {
            FileSystemException e = Win32Errors.toException(error, "CreateFileW", FILE, null, null);
            assertInstanceOf(NoSuchFileException.class, e);
            assertEquals(FILE.toString(), e.getFile());
            assertTrue(e.getReason().contains("Win32 error " + error), e::getReason);
            assertTrue(e.getReason().startsWith("CreateFileW failed"), e::getReason);
        }
    }

    @Test
    void aRefusalIsAccessDeniedNamingThePrivilegeThatWouldPassIt() {
        for (int error : new int[] {5, 1314}) {
            FileSystemException e = Win32Errors.toException(error, "CreateFileW", FILE, null, "SeBackupPrivilege");
            assertInstanceOf(AccessDeniedException.class, e);
            assertEquals(FILE.toString(), e.getFile());
            assertTrue(e.getMessage().contains("SeBackupPrivilege"), e::getMessage);
            assertTrue(e.getMessage().contains("Win32 error " + error), e::getMessage);
        }
    }

    @Test
    void aLinkPathTakenIsFileAlreadyExists() {
        FileSystemException e = Win32Errors.toException(183, "CreateSymbolicLinkW", FILE, "device", null);
        assertInstanceOf(java.nio.file.FileAlreadyExistsException.class, e);
        assertTrue(e.getReason().contains("Win32 error 183"), e::getReason);
    }

    @Test
    void anyOtherErrorIsAFileSystemExceptionWithTheCodeAndWindowsWords() {
        FileSystemException e = Win32Errors.toException(32, "ReadFile", FILE, "other", null);
        assertEquals(FileSystemException.class, e.getClass());
        assertEquals("other", e.getOtherFile());
        assertTrue(e.getReason().contains("Win32 error 32 (The process cannot access the file"), e::getReason);
        FileSystemException unknown = Win32Errors.toException(59999, "ReadFile", FILE, null, null);
        assertTrue(unknown.getReason().endsWith("Win32 error 59999"), unknown::getReason);
    }

    @Test
    void openRefusalsSayWhatRuleTheFileBroke() {
        String device = "\\\\?\\GLOBALROOT\\Device\\HarddiskVolumeShadowCopy3";
        String directory = WindowsCopyAccess.openRefusal(267, FILE, device, true).getMessage();
        assertTrue(directory.contains("only files open for backup"), directory);
        String offCopy = WindowsCopyAccess.openRefusal(17, FILE, device, true).getMessage();
        assertTrue(offCopy.contains("leads off the copy " + device), offCopy);
        AccessDeniedException withoutPrivilege = assertInstanceOf(AccessDeniedException.class,
                WindowsCopyAccess.openRefusal(5, FILE, device, false));
        assertTrue(withoutPrivilege.getMessage().contains("SeBackupPrivilege (not held"),
                withoutPrivilege::getMessage);
        AccessDeniedException withPrivilege = assertInstanceOf(AccessDeniedException.class,
                WindowsCopyAccess.openRefusal(5, FILE, device, true));
        assertTrue(withPrivilege.getMessage().contains("even with SeBackupPrivilege enabled"),
                withPrivilege::getMessage);
    }
}
