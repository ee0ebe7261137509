package io.github.vss4j.internal.loader;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * The owner-only rule ({@link OwnerOnly}, its one statement) for every POSIX permission set, and as the loader
 * applies it to an earlier extraction: anything not exactly as a load leaves it is repaired or refused, never
 * loaded as it is.
 */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "POSIX permissions and links; Windows ACLs: NativeLoaderTest")
class OwnerOnlyTest extends PretendJarTest {
    private static final byte[] LIBRARY = "pretend this is a shared library".getBytes(StandardCharsets.US_ASCII);

    OwnerOnlyTest() {
        super(LIBRARY);
    }

    /** What a first load leaves behind. */
    @BeforeEach
    void extractOnce() {
        loader().load();
        linked.clear();
    }

    @Test
    void theRuleAcceptsExactlyTheseOfAllPermissionSets() {
        List<String> directories = new ArrayList<>();
        List<String> files = new ArrayList<>();
        List<String> parents = new ArrayList<>();
        int stickyParents = 0;
        for (int bits = 0; bits < 01000; bits++) {
            StringBuilder rwx = new StringBuilder(9);
            for (int i = 0; i < 9; i++) {
                rwx.append((bits & (0400 >> i)) != 0 ? "rwxrwxrwx".charAt(i) : '-');
            }
            Set<PosixFilePermission> permissions = PosixFilePermissions.fromString(rwx.toString());
            if (OwnerOnly.isOwnerOnlyDirectory(permissions)) {
                directories.add(rwx.toString());
            }
            if (OwnerOnly.isOwnerOnlyFile(permissions)) {
                files.add(rwx.toString());
            }
            if (OwnerOnly.isSafeParent(permissions, false)) {
                parents.add(rwx.toString());
            }
            stickyParents += OwnerOnly.isSafeParent(permissions, true) ? 1 : 0;
        }
        assertEquals(List.of("rwx------"), directories);
        assertEquals(List.of("---------", "--x------", "-w-------", "r--------", "r-x------", "rw-------"),
                files.stream().sorted().toList());
        assertEquals(128, parents.size(), "group and others may not write: " + parents);
        assertTrue(parents.stream().allMatch(p -> p.charAt(4) == '-' && p.charAt(7) == '-'), parents.toString());
        assertEquals(512, stickyParents, "a sticky parent is safe whatever its permissions");
    }

    private void assertReplacedOnTheNextLoad(String why) throws IOException {
        NativeLoader again = loader();
        assertEquals(expectedFile(), again.load(), why);
        assertEquals(NativeLoader.Outcome.REPLACED, again.outcome(), why);
        assertArrayEquals(LIBRARY, Files.readAllBytes(expectedFile()), why);
        assertEquals("r-x------", PosixFilePermissions.toString(Files.getPosixFilePermissions(expectedFile(),
                LinkOption.NOFOLLOW_LINKS)), why);
        assertEquals(List.of(expectedFile()), linked, why);
    }

    @Test
    void aTamperedFileOfTheSameSizeAndTimeIsReplaced() throws IOException {
        byte[] tampered = LIBRARY.clone();
        tampered[3] ^= 1;
        FileTime modified = Files.getLastModifiedTime(expectedFile());
        expectedFile().toFile().setWritable(true, true);
        Files.write(expectedFile(), tampered);
        Files.setLastModifiedTime(expectedFile(), modified);
        expectedFile().toFile().setWritable(false, false);
        assertReplacedOnTheNextLoad("a changed byte");
    }

    @Test
    void aLibraryOthersCanReadIsReplaced() throws IOException {
        Files.setPosixFilePermissions(expectedFile(), PosixFilePermissions.fromString("r-xr-x---"));
        assertReplacedOnTheNextLoad("group can read the library");
    }

    @Test
    void aLinkInPlaceOfTheLibraryIsReplacedAndItsTargetLeftAlone() throws IOException {
        Path real = tmp.resolve("real-library");
        Files.move(expectedFile(), real);
        Files.createSymbolicLink(expectedFile(), real);
        assertReplacedOnTheNextLoad("the library is a link");
        assertArrayEquals(LIBRARY, Files.readAllBytes(real));
    }

    @Test
    void aLooseVersionFolderIsTightenedAndItsIntactFileReused() throws IOException {
        Files.setPosixFilePermissions(expectedFile().getParent(), PosixFilePermissions.fromString("rwxr-x---"));
        NativeLoader again = loader();
        again.load();
        assertEquals(NativeLoader.Outcome.REUSED, again.outcome());
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(expectedFile().getParent())));
    }

    @Test
    void aLinkInPlaceOfTheVersionFolderIsRefused() throws IOException {
        Path folder = expectedFile().getParent();
        Path real = tmp.resolve("real-folder");
        Files.move(folder, real);
        Files.createSymbolicLink(folder, real);

        UnsatisfiedLinkError error = assertThrows(UnsatisfiedLinkError.class, () -> loader().load());

        assertTrue(error.getMessage().contains(folder + " is a symbolic link"), error.getMessage());
        assertEquals(List.of(), linked);
    }
}
