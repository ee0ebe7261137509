package io.github.vss4j.internal.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** The owner-only folders other parts of vss4j keep beside the library's: {@link NativeLibrary#privateFolder}. */
class PrivateFolderTest extends PretendJarTest {
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    PrivateFolderTest() {
        super("pretend library".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void theFolderIsMadeOwnerOnlyInTheExtractionBaseAndLoadsLeaveIt() throws IOException {
        Path folder = loader().privateFolder("links");

        assertEquals(extract.resolve("links"), folder);
        assertTrue(Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS));
        if (POSIX) {
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)));
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(extract)));
        }
        Path mine = NativeLibrary.claimSubFolder(folder, "process-1");
        loader().load();
        assertTrue(Files.isDirectory(mine), "a load removes only folders of other library builds");
    }

    @Test
    void aNameThatIsNoPlainFolderNameOrLooksLikeALibraryFolderIsRefused() {
        for (String bad : new String[] {null, "", ".", "..", ".hidden", "a/b", "a\\b", "../up", "x y", "é",
                "x.in-use", "1.2.2-0123456789abcdef", "n".repeat(65), "z".repeat(100_000)}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> loader().privateFolder(bad),
                    String.valueOf(bad));
            assertTrue(e.getMessage().contains("is not a private folder name"), e.getMessage());
            assertTrue(e.getMessage().length() < 400, "a huge name is cut in the message");
            assertThrows(IllegalArgumentException.class, () -> NativeLibrary.claimSubFolder(tmp, bad));
        }
        assertFalse(Files.exists(extract), "nothing is created for a refused name");
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "POSIX modes and symbolic links")
    void whatTheLoaderRefusesIsRefusedWithEveryReason() throws IOException {
        Path open = Files.createDirectories(tmp.resolve("open"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
        properties.put(NativeLibrary.EXTRACT_DIR_PROPERTY, open.resolve("base").toString());
        IOException writable = assertThrows(IOException.class, () -> loader().privateFolder("links"));
        assertTrue(writable.getMessage().contains("is writable by others"), writable.getMessage());
        assertTrue(writable.getMessage().contains("-Dvss4j.extract.dir"), writable.getMessage());
        assertTrue(writable.getCause() instanceof IOException);

        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Files.createDirectories(extract);
        Files.createSymbolicLink(extract.resolve("links"), outside);
        properties.put(NativeLibrary.EXTRACT_DIR_PROPERTY, extract.toString());
        IOException link = assertThrows(IOException.class, () -> loader().privateFolder("links"));
        assertTrue(link.getMessage().contains("is a symbolic link"), link.getMessage());
    }

    @Test
    void onlySubFoldersNoProcessHoldsAreListedAndLinksNeverAre() throws IOException {
        Path folder = loader().privateFolder("links");
        Path claimed = NativeLibrary.claimSubFolder(folder, "process-1");
        Path ended = NativeLibrary.claimSubFolder(folder, "process-2");
        FolderLocks.unmark(ended);  // as when that process ends: its lock goes with it
        Path neverClaimed = Files.createDirectory(folder.resolve("process-3"));
        Files.write(folder.resolve("a-file"), new byte[] {1});
        if (POSIX) {
            Files.createSymbolicLink(folder.resolve("a-link"), Files.createDirectories(tmp.resolve("outside")));
        }

        List<Path> unused = NativeLibrary.unusedSubFolders(folder);

        assertEquals(List.of(ended, neverClaimed), unused.stream().sorted().toList());
        assertTrue(Files.isDirectory(claimed) && Files.isDirectory(ended) && Files.isDirectory(neverClaimed),
                "listed, never deleted");
        FolderLocks.unmark(claimed);
    }

    @Test
    void theInUseFileOfADeletedSubFolderGoesOnceFree() throws IOException {
        Path folder = loader().privateFolder("links");
        Path ended = NativeLibrary.claimSubFolder(folder, "process-2");
        Path inUse = folder.resolve("process-2" + FolderLocks.IN_USE);
        assertTrue(Files.exists(inUse));
        Files.delete(ended);
        assertEquals(List.of(), NativeLibrary.unusedSubFolders(folder));
        assertTrue(Files.exists(inUse), "still held by this process");

        FolderLocks.unmark(ended);
        assertEquals(List.of(), NativeLibrary.unusedSubFolders(folder));
        assertFalse(Files.exists(inUse));
    }
}
