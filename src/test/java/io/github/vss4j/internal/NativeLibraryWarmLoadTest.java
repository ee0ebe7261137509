package io.github.vss4j.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * The warm load's check ({@link NativeLibrary#intact}): it accepts an extraction exactly as {@link NativeLoader}
 * leaves it, and declines anything else without creating or changing a thing, so that {@link NativeLoader} can
 * repair it or say what is wrong. Its rules on raw modes are {@link OwnerOnlyFiles}' rules, for every mode.
 */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "the warm load is POSIX's: raw modes and user ids")
class NativeLibraryWarmLoadTest extends PretendJarTest {
    private static final byte[] LIBRARY = "pretend this is a shared library".getBytes(StandardCharsets.US_ASCII);
    private static final String DIGEST = NativeLoader.sha256(LIBRARY);

    NativeLibraryWarmLoadTest() {
        super(LIBRARY);
    }

    /** What NativeLoader leaves behind after a first load. */
    @BeforeEach
    void extractOnce() {
        loader().load();
        linked.clear();
    }

    /** The check as the warm load makes it; "we" are whoever owns the test's temp directory. */
    private Path intact() throws IOException {
        return NativeLibrary.intact(extract, "1.2.3", PLATFORM.fileName(), DIGEST, tmp);
    }

    /** Every path under the extraction directory with its attributes: what a check must leave as it found it. */
    private List<String> snapshot() throws IOException {
        List<String> all = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(extract)) {
            for (Path p : paths.sorted().collect(Collectors.toList())) {
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
                all.add(p + " " + a.fileKey() + " " + a.size() + " " + a.lastModifiedTime() + " " + mode);
            }
        }
        return all;
    }

    private void assertDeclinedAndUntouched(String why) throws IOException {
        List<String> before = snapshot();
        assertNull(intact(), why);
        assertEquals(before, snapshot(), why + ": the check changed nothing");
    }

    @Test
    void acceptsTheExtractionNativeLoaderLeft() throws IOException {
        List<String> before = snapshot();
        assertEquals(expectedFile(), intact());
        assertEquals(before, snapshot(), "nothing created or changed, not even a directory's time");
    }

    @Test
    void declinesWhenNothingWasExtractedForThisVersionOrDigest() throws IOException {
        assertNull(NativeLibrary.intact(extract, "1.2.4", PLATFORM.fileName(), DIGEST, tmp));
        assertNull(NativeLibrary.intact(extract, "1.2.3", PLATFORM.fileName(), "0".repeat(64), tmp));
        assertNull(NativeLibrary.intact(tmp.resolve("elsewhere"), "1.2.3", PLATFORM.fileName(), DIGEST, tmp));
        assertTrue(Files.notExists(tmp.resolve("elsewhere")), "nothing is created");
    }

    @Test
    void declinesATamperedFileOfTheSameSize() throws IOException {
        byte[] tampered = LIBRARY.clone();
        tampered[3] ^= 1;
        FileTime modified = Files.getLastModifiedTime(expectedFile());
        expectedFile().toFile().setWritable(true, true);
        Files.write(expectedFile(), tampered);
        Files.setLastModifiedTime(expectedFile(), modified);
        expectedFile().toFile().setWritable(false, false);

        assertDeclinedAndUntouched("a changed byte");
    }

    @Test
    void declinesADirectoryWhereTheFileShouldBe() throws IOException {
        Files.delete(expectedFile());
        Files.createDirectory(expectedFile());
        assertDeclinedAndUntouched("a directory instead of the library");
    }

    @Test
    void declinesAFileOthersCanRead() throws IOException {
        Files.setPosixFilePermissions(expectedFile(), PosixFilePermissions.fromString("r-xr-x---"));
        assertDeclinedAndUntouched("group can read the library");
    }

    @Test
    void declinesLooseDirectoriesAndLeavesThemForNativeLoaderToTighten() throws IOException {
        Files.setPosixFilePermissions(expectedFile().getParent(), PosixFilePermissions.fromString("rwxr-x---"));
        assertDeclinedAndUntouched("a loose version directory");
        Files.setPosixFilePermissions(expectedFile().getParent(), PosixFilePermissions.fromString("rwx------"));

        Files.setPosixFilePermissions(extract, PosixFilePermissions.fromString("rwx--x--x"));
        assertDeclinedAndUntouched("a loose base directory");

        Path loaded = loader().load();
        assertEquals(expectedFile(), loaded);
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(extract)));
        assertEquals(expectedFile(), intact(), "accepted once NativeLoader has tightened it");
    }

    @Test
    void declinesASymbolicLinkForAnyOfTheThree() throws IOException {
        assertDeclinedWhileALinkStandsFor(extract, "the base directory");
        assertDeclinedWhileALinkStandsFor(expectedFile().getParent(), "the version directory");
        assertDeclinedWhileALinkStandsFor(expectedFile(), "the library");
        assertEquals(expectedFile(), intact(), "and accepted again once each is real");
    }

    /** Moves {@code original} aside, puts a link to it in its place, checks, and puts it back. */
    private void assertDeclinedWhileALinkStandsFor(Path original, String what) throws IOException {
        Path real = original.resolveSibling("real-" + original.getFileName());
        Files.move(original, real);
        Files.createSymbolicLink(original, real);
        try {
            assertNull(intact(), what + " is a link");
        } finally {
            Files.delete(original);
            Files.move(real, original);
        }
    }

    @Test
    void declinesUnderAParentOthersCanWrite() throws IOException {
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxrwxrwx"));
        try {
            assertDeclinedAndUntouched("the base directory's parent is world-writable and not sticky");
        } finally {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void declinesWhatSomeoneElseOwns() throws IOException {
        // Told that "we" are another user, every one of our files is someone else's.
        UserPrincipal me = Files.getOwner(extract);
        Path theirs = Files.createFile(tmp.resolve("theirs"));
        if ("root".equals(me.getName())) {
            Files.setOwner(theirs, extract.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody"));
        } else {
            theirs = Path.of("/");
        }
        assertNotEquals(me, Files.getOwner(theirs));
        assertNull(NativeLibrary.intact(extract, "1.2.3", PLATFORM.fileName(), DIGEST, theirs));
        assertEquals(expectedFile(), intact(), "and ours as ours");
    }

    /** The raw-mode rules give {@link OwnerOnlyFiles}' verdict for every permission, sticky bit and file type. */
    @Test
    void rawModeRulesAgreeWithOwnerOnlyFilesForEveryMode() {
        int[] types = {0040000, 0100000, 0120000, 0020000, 0060000, 0010000, 0140000};
        for (int bits = 0; bits < 01000; bits++) {
            Set<PosixFilePermission> permissions = PosixFilePermissions.fromString(rwx(bits));
            for (int special : new int[] {0, 01000, 02000, 04000}) {
                int mode = special | bits;
                for (int type : types) {
                    assertEquals(type == 0040000 && OwnerOnlyFiles.isOwnerOnlyDirectory(permissions),
                            NativeLibrary.isOwnerOnlyDirectory(type | mode), "directory rule, mode " + Integer.toOctalString(type | mode));
                    assertEquals(type == 0100000 && OwnerOnlyFiles.isOwnerOnlyFile(permissions),
                            NativeLibrary.isOwnerOnlyFile(type | mode), "file rule, mode " + Integer.toOctalString(type | mode));
                }
                assertEquals(OwnerOnlyFiles.isSafeParent(permissions, (special & 01000) != 0),
                        NativeLibrary.isSafeParent(0040000 | mode), "parent rule, mode " + Integer.toOctalString(mode));
            }
        }
        assertEquals(0, NativeLibrary.isOwnerOnlyDirectory(0) || NativeLibrary.isOwnerOnlyFile(0) ? 1 : 0,
                "mode 0, what a file of someone else's counts as, passes nothing");
    }

    private static String rwx(int bits) {
        StringBuilder s = new StringBuilder(9);
        String letters = "rwxrwxrwx";
        for (int i = 0; i < 9; i++) {
            s.append((bits & (0400 >> i)) != 0 ? letters.charAt(i) : '-');
        }
        return s.toString();
    }

    /**
     * The build's generated {@code BundledDigests} holds, for every native it packaged, the digest of the
     * {@code .sha256} beside it, which is that of the file itself; nothing else.
     */
    @Test
    void theBuildRecordsEveryNativesDigestInTheGeneratedClassToo() throws Exception {
        Path classes = Path.of(NativeLibrary.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path natives = classes.resolve("natives");
        List<Path> libraries;
        try (Stream<Path> all = Files.walk(natives, 2)) {
            libraries = all.filter(p -> p.getNameCount() == natives.getNameCount() + 2)
                    .filter(p -> !p.getFileName().toString().endsWith(".sha256") && !p.getFileName().toString().endsWith(".pdb"))
                    .collect(Collectors.toList());
        }
        assertTrue(libraries.contains(natives.resolve(NativePlatform.detect(null).folder())
                .resolve(NativePlatform.detect(null).fileName())), "this platform's native is built: " + libraries);
        for (Path library : libraries) {
            String resource = "natives/" + natives.relativize(library).toString().replace('\\', '/');
            String recorded = NativeLoader.parseDigest(Files.readAllBytes(library.resolveSibling(library.getFileName() + ".sha256")));
            assertEquals(Sha256.hex(library), recorded, resource);
            assertEquals(recorded, NativeLibrary.recordedDigest(resource), resource);
        }
        assertNull(NativeLibrary.recordedDigest("natives/plan9_mips/libvss4j.so"));
        assertNull(NativeLibrary.recordedDigest(NativePlatform.detect(null).digestResource()));
    }

    @Test
    void recordedDigestsComeInPairs() {
        IllegalArgumentException odd = assertThrows(IllegalArgumentException.class,
                () -> NativeLibrary.record(new String[] {"natives/linux_64/libvss4j.so"}));
        assertTrue(odd.getMessage().contains("pairs"), odd.getMessage());
    }

    @Test
    void namesFollowTheVersionAndTheDigest() throws IOException {
        assertEquals("1.2.3-" + DIGEST.substring(0, 16), NativeLibrary.directoryName("1.2.3", DIGEST));
        assertEquals("dev-" + DIGEST.substring(0, 16), NativeLibrary.directoryName(" ", DIGEST));
        assertEquals("1.0_.._x-" + DIGEST.substring(0, 16), NativeLibrary.directoryName("1.0/../x", DIGEST));
        assertEquals("unknown", NativeLibrary.safeName(".."));
        assertEquals("a_b", NativeLibrary.safeName("a\u00e9b"));
        assertEquals("a_b", NativeLibrary.safeName("a\uD83D\uDE00b"), "one replacement per code point");
        Path tmpDir = tmp.resolve("t");
        assertEquals(tmpDir.resolve("vss4j-alice_.._bob"), NativeLibrary.baseDirectory(null, tmpDir.toString(), "alice/../bob"));
        assertEquals(tmpDir.resolve("vss4j-unknown"), NativeLibrary.baseDirectory(" ", tmpDir.toString(), null));
        assertEquals(tmp.resolve("x"), NativeLibrary.baseDirectory(tmp.resolve("x/../x").toString(), "/ignored", "u"));
        IOException invalid = assertThrows(IOException.class, () -> NativeLibrary.baseDirectory("a\0b", "/t", "u"));
        assertTrue(invalid.getMessage().contains("invalid extraction directory"), invalid.getMessage());
    }
}
