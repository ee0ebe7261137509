package io.github.vss4j.internal.loader;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.scijava.nativelib.NativeLibraryUtil;
import org.scijava.nativelib.NativeLibraryUtil.Architecture;

/** The loader's algorithm with a pretend library and a recording {@code System.load}. */
class NativeLoaderTest extends PretendJarTest {
    private static final byte[] LIBRARY = "pretend this is a shared library".getBytes(StandardCharsets.US_ASCII);
    private static final String DIGEST = NativeLoader.sha256(LIBRARY);

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final String POSIX_ONLY = "POSIX modes, owners, /tmp and symbolic links; Windows ACLs are checked by the other tests";

    private ExecutorService pool;

    NativeLoaderTest() {
        super(LIBRARY);
    }

    @AfterEach
    void stopPool() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    private static String permissions(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
    }

    /** POSIX: exactly {@code mode}; elsewhere: an ACL that allows only the owner. */
    private static void assertOwnerOnly(Path p, String mode) throws IOException {
        if (POSIX) {
            assertEquals(mode, permissions(p), p.toString());
            return;
        }
        AclFileAttributeView view = Files.getFileAttributeView(p, AclFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        UserPrincipal owner = view.getOwner();
        for (AclEntry entry : view.getAcl()) {
            assertTrue(entry.type() != AclEntryType.ALLOW || entry.principal().equals(owner), p + ": " + view.getAcl());
        }
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.collect(Collectors.toList());
        }
    }

    // ---- the bundled library ------------------------------------------------------------------------------------

    @Test
    void extractsIntoAnOwnerOnlyDirectoryNamedByVersionAndDigestAndLinksThatFile() throws IOException {
        NativeLoader loader = loader();
        Path loaded = loader.load();

        assertEquals(NativeLoader.Outcome.EXTRACTED, loader.outcome());
        assertEquals(expectedFile(), loaded);
        assertEquals(List.of(expectedFile()), linked);
        assertArrayEquals(LIBRARY, Files.readAllBytes(expectedFile()));
        assertOwnerOnly(extract, "rwx------");
        assertOwnerOnly(expectedFile().getParent(), "rwx------");
        assertOwnerOnly(expectedFile(), "r-x------");
        assertEquals(List.of(expectedFile()), list(expectedFile().getParent()), "no temp files left");
    }

    @Test
    void aSecondLoadReusesTheIntactFile() throws IOException {
        loader().load();
        Object inode = Files.readAttributes(expectedFile(), BasicFileAttributes.class).fileKey();

        NativeLoader again = loader();
        again.load();

        assertEquals(NativeLoader.Outcome.REUSED, again.outcome());
        assertEquals(List.of(expectedFile(), expectedFile()), linked);
        assertEquals(inode, Files.readAttributes(expectedFile(), BasicFileAttributes.class).fileKey());
    }

    @Test
    void aCorruptExtractedFileIsReplaced() throws IOException {
        loader().load();
        if (POSIX) {
            Files.setPosixFilePermissions(expectedFile(), PosixFilePermissions.fromString("rw-------"));
        }
        Files.write(expectedFile(), "planted".getBytes(StandardCharsets.US_ASCII));

        NativeLoader again = loader();
        Path loaded = again.load();

        assertEquals(NativeLoader.Outcome.REPLACED, again.outcome());
        assertEquals(expectedFile(), loaded);
        assertArrayEquals(LIBRARY, Files.readAllBytes(expectedFile()));
        assertOwnerOnly(expectedFile(), "r-x------");
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = POSIX_ONLY)
    void anExtractedFileOthersCanWriteIsReplaced() throws IOException {
        loader().load();
        Files.setPosixFilePermissions(expectedFile(), PosixFilePermissions.fromString("rwxrwxrwx"));

        NativeLoader again = loader();
        again.load();

        assertEquals(NativeLoader.Outcome.REPLACED, again.outcome());
        assertEquals("r-x------", permissions(expectedFile()));
    }

    @Test
    void aFileThatCannotBeReplacedLeadsToAUniquelyNamedVerifiedCopy() throws IOException {
        // A non-empty directory where the library should be: it cannot be replaced, like a DLL in use on Windows.
        Files.createDirectories(expectedFile().resolve("in-use"));

        List<byte[]> linkedBytes = new ArrayList<>();
        NativeLoader loader = new TestNativeLoader(properties::get, () -> PLATFORM, this::resource, "1.2.3", file -> {
            linked.add(file);
            linkedBytes.add(readAll(file));
        }, null);

        Path loaded = loader.load();

        assertEquals(NativeLoader.Outcome.FALLBACK, loader.outcome());
        assertEquals(expectedFile().getParent(), loaded.getParent());
        assertTrue(loaded.getFileName().toString().matches("libvss4j-[0-9a-f-]{36}\\.so"), loaded.toString());
        assertEquals(List.of(loaded), linked);
        assertArrayEquals(LIBRARY, linkedBytes.get(0));
        assertEquals(!POSIX, Files.exists(loaded), "on POSIX the private copy is deleted once loaded");
    }

    @Test
    void aSecondClassLoaderGetsAPrivateCopy() throws IOException {
        loader().load();
        List<byte[]> linkedBytes = new ArrayList<>();
        NativeLoader second = new TestNativeLoader(properties::get, () -> PLATFORM, this::resource, "1.2.3", file -> {
            linked.add(file);
            if (file.equals(expectedFile())) {
                throw new UnsatisfiedLinkError("Native Library " + file + " already loaded in another classloader");
            }
            linkedBytes.add(readAll(file));
        }, null);

        Path loaded = second.load();

        assertEquals(NativeLoader.Outcome.FALLBACK, second.outcome());
        assertEquals(List.of(expectedFile(), expectedFile(), loaded), linked);
        assertArrayEquals(LIBRARY, linkedBytes.get(0));
        assertEquals(POSIX ? List.of(expectedFile()) : List.of(expectedFile(), loaded),
                list(expectedFile().getParent()).stream().sorted().collect(Collectors.toList()),
                "the shared file stays; the copy is gone where the OS allows it");
    }

    private static byte[] readAll(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aTamperedLibraryIsRefusedAndNothingIsLoadedOrExtracted() throws IOException {
        byte[] tampered = LIBRARY.clone();
        tampered[3] ^= 1;
        put(PLATFORM.resource(), tampered);

        UnsatisfiedLinkError error = assertThrows(UnsatisfiedLinkError.class, () -> loader().load());

        String message = error.getMessage();
        assertTrue(message.contains("platform linux_64"), message);
        assertTrue(message.contains("natives/linux_64/libvss4j.so"), message);
        assertTrue(message.contains("expected SHA-256 " + DIGEST), message);
        assertTrue(message.contains("actual SHA-256 " + NativeLoader.sha256(tampered)), message);
        assertTrue(message.contains("tampered"), message);
        assertTrue(message.contains("Nothing was loaded"), message);
        assertEquals(List.of(), linked);
        assertFalse(Files.exists(extract));
    }

    @Test
    void aReuseDoesNotNeedTheJarsCopyOfTheLibrary() throws IOException {
        loader().load();
        Files.delete(jar.resolve(PLATFORM.resource()));  // the digest stays: the reused file is checked against it

        NativeLoader again = loader();

        assertEquals(expectedFile(), again.load());
        assertEquals(NativeLoader.Outcome.REUSED, again.outcome());
    }

    @Test
    void withoutTheJarsCopyACorruptExtractionCannotBeReplacedAndSaysWhy() throws IOException {
        loader().load();
        Files.delete(jar.resolve(PLATFORM.resource()));
        if (POSIX) {
            Files.setPosixFilePermissions(expectedFile(), PosixFilePermissions.fromString("rw-------"));
        }
        Files.write(expectedFile(), "planted".getBytes(StandardCharsets.US_ASCII));
        linked.clear();

        UnsatisfiedLinkError error = assertThrows(UnsatisfiedLinkError.class, () -> loader().load());

        assertTrue(error.getMessage().contains("no native library for platform linux_64"), error.getMessage());
        assertEquals(List.of(), linked);
    }

    @Test
    void aLoaderMakesOneLoadAndHasAnOutcomeOnlyAfterIt() {
        NativeLoader loader = loader();
        IllegalStateException early = assertThrows(IllegalStateException.class, loader::outcome);
        assertTrue(early.getMessage().contains("nothing loaded yet"), early.getMessage());

        loader.load();

        IllegalStateException again = assertThrows(IllegalStateException.class, loader::load);
        assertTrue(again.getMessage().contains("one load"), again.getMessage());
        assertEquals(List.of(expectedFile()), linked);
    }

    @Test
    void aLoaderThatFailedIsUsedUpToo() {
        properties.put(NativeLibrary.LIBRARY_PATH_PROPERTY, tmp.resolve("missing.so").toString());
        NativeLoader loader = loader();
        assertThrows(UnsatisfiedLinkError.class, loader::load);

        assertThrows(IllegalStateException.class, loader::load);
        assertThrows(IllegalStateException.class, loader::outcome);
        assertEquals(List.of(), linked);
    }

    @Test
    void aMissingDigestIsRefused() throws IOException {
        Files.delete(jar.resolve(PLATFORM.digestResource()));
        UnsatisfiedLinkError error = assertThrows(UnsatisfiedLinkError.class, () -> loader().load());
        assertTrue(error.getMessage().contains(PLATFORM.digestResource() + " is missing"), error.getMessage());
        assertEquals(List.of(), linked);
    }

    @Test
    void aMalformedDigestIsRefusedWithItsCause() throws IOException {
        put(PLATFORM.digestResource(), "not a digest".getBytes(StandardCharsets.US_ASCII));
        UnsatisfiedLinkError error = assertThrows(UnsatisfiedLinkError.class, () -> loader().load());
        assertTrue(error.getCause() instanceof IOException, String.valueOf(error.getCause()));
        assertTrue(error.getCause().getMessage().contains("not 64 hex digits"), error.getCause().getMessage());
        assertEquals(List.of(), linked);
    }

    @Test
    void aPlatformWithoutANativeIsNamed() {
        UnsatisfiedLinkError error = assertThrows(UnsatisfiedLinkError.class,
                () -> loader(NativePlatform.ofFolder("plan9_mips"), null).load());
        assertTrue(error.getMessage().contains("no native library for platform plan9_mips"), error.getMessage());
        assertTrue(error.getMessage().contains("natives/plan9_mips/libvss4j.so"), error.getMessage());
        assertEquals(List.of(), linked);
    }

    @Test
    void anUnknownArchitectureIsNamed() {
        UnsatisfiedLinkError error = assertThrows(UnsatisfiedLinkError.class, () -> NativePlatform.of("Plan9", "mips"));
        assertTrue(error.getMessage().contains("unknown platform (os.name=Plan9, os.arch=mips)"), error.getMessage());
        assertTrue(error.getMessage().contains(NativeLibrary.LIBRARY_PATH_PROPERTY), error.getMessage());
    }

    @Test
    void aPlatformOverrideMustBeAFolderName() {
        UnsatisfiedLinkError error = assertThrows(UnsatisfiedLinkError.class, () -> NativePlatform.detect("../../etc"));
        assertTrue(error.getMessage().contains(NativeLibrary.PLATFORM_PROPERTY + "=\"../../etc\""), error.getMessage());
    }

    @Test
    void platformsFollowNativeLibLoader() {
        NativePlatform here = NativePlatform.detect(null);
        assertEquals(NativeLibraryUtil.getPlatformLibraryPath("natives/") + NativeLibraryUtil.getPlatformLibraryName("vss4j"),
                here.resource());
        assertEquals("natives/windows_64/vss4j.dll", NativePlatform.of("Windows 11", "amd64").resource());
        assertEquals("natives/windows_arm64/vss4j.dll", NativePlatform.of("Windows Server 2022", "aarch64").resource());
        assertEquals("natives/linux_64/libvss4j.so", NativePlatform.of("Linux", "amd64").resource());
        assertEquals("natives/linux_arm64/libvss4j.so", NativePlatform.of("Linux", "aarch64").resource());
        assertEquals("natives/osx_arm64/libvss4j.dylib", NativePlatform.of("Mac OS X", "aarch64").resource());
        assertEquals("natives/linux_64/libvss4j.so", NativePlatform.detect("linux_64").resource());
    }

    /** native-lib-loader's rules, case by case; every folder they give is one of its architecture names. */
    @Test
    void folderNamesAreNativeLibLoadersArchitectures() {
        String[][] cases = {
            {"Linux", "amd64", "linux_64"}, {"Linux", "x86_64", "linux_64"}, {"Linux", "i386", "linux_32"},
            {"Linux", "x86", "linux_32"}, {"Linux", "aarch64", "linux_arm64"}, {"Linux", "arm", "linux_arm"},
            {"Linux", "armv7l", "linux_arm"}, {"Linux", "riscv64", "linux_riscv64"}, {"Linux", "riscv32", "linux_riscv32"},
            {"Linux", "ppc64le", null}, {"Unix", "amd64", "linux_64"}, {"Windows 10", "x86", "windows_32"},
            {"Windows 10", "amd64", "windows_64"}, {"Windows 11", "aarch64", "windows_arm64"}, {"Windows 10", "arm", null},
            {"Mac OS X", "x86_64", "osx_64"}, {"Mac OS X", "aarch64", "osx_arm64"}, {"Mac OS X", "ppc", "osx_ppc"},
            {"Mac OS X", "i386", "osx_32"}, {"Mac OS X", "ppc64", null}, {"AIX", "ppc64", "aix_64"}, {"AIX", "ppc", "aix_32"},
            {"AIX", "amd64", null}, {"Plan9", "amd64", null}, {"Linux", "mips", null}, {"LINUX", "AMD64", "linux_64"},
            {null, "amd64", null}, {"Linux", null, null},
        };
        List<String> architectures = new ArrayList<>();
        for (Architecture architecture : Architecture.values()) {
            architectures.add(architecture.name().toLowerCase(Locale.ENGLISH));
        }
        for (String[] c : cases) {
            String folder = NativePlatform.folderName(c[0], c[1]);
            assertEquals(c[2], folder, c[0] + " / " + c[1]);
            assertTrue(folder == null || architectures.contains(folder), folder);
        }
        assertEquals(NativeLibraryUtil.getArchitecture().name().toLowerCase(Locale.ENGLISH),
                NativePlatform.folderName(System.getProperty("os.name"), System.getProperty("os.arch")), "this machine");
    }

    @Test
    void whenSystemLoadFailsItsErrorIsTheCause() {
        UnsatisfiedLinkError refused = new UnsatisfiedLinkError("wrong ELF class");
        NativeLoader loader = new TestNativeLoader(properties::get, () -> PLATFORM, this::resource, "1.2.3", file -> {
            throw refused;
        }, null);

        UnsatisfiedLinkError error = assertThrows(UnsatisfiedLinkError.class, loader::load);

        assertSame(refused, error.getCause());
        assertTrue(error.getMessage().contains("System.load refused the verified file: wrong ELF class"), error.getMessage());
        assertTrue(error.getMessage().contains("file " + expectedFile()), error.getMessage());
    }

    @Test
    void threadsLoadingAtOnceAllGetTheSameVerifiedFile() throws Exception {
        int threads = 8;
        pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<NativeLoader>> results = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            results.add(pool.submit(() -> {
                start.await();
                NativeLoader loader = loader();
                assertEquals(expectedFile(), loader.load());
                return loader;
            }));
        }
        start.countDown();
        List<NativeLoader.Outcome> outcomes = new ArrayList<>();
        for (Future<NativeLoader> result : results) {
            outcomes.add(result.get(30, TimeUnit.SECONDS).outcome());
        }
        assertEquals(1, Collections.frequency(outcomes, NativeLoader.Outcome.EXTRACTED), outcomes.toString());
        assertEquals(threads - 1, Collections.frequency(outcomes, NativeLoader.Outcome.REUSED), outcomes.toString());
        assertEquals(List.of(expectedFile()), list(expectedFile().getParent()));
    }

    // ---- the extraction directory --------------------------------------------------------------------------------

    @Test
    void theDefaultDirectoryIsPerUserUnderTheTempDirectory() throws IOException {
        properties.remove(NativeLibrary.EXTRACT_DIR_PROPERTY);
        properties.put("user.name", "alice/../bob");
        Path javaTmp = Files.createDirectories(tmp.resolve("java-tmp"));

        Path probe = Files.createFile(javaTmp.resolve("probe"));
        boolean elevated = Files.getOwner(probe) instanceof GroupPrincipal;  // Windows: an elevated administrator
        Files.delete(probe);

        Path loaded = loader().load();

        Path base = javaTmp.resolve(elevated ? "vss4j-alice_.._bob-elevated" : "vss4j-alice_.._bob");
        assertEquals(base, loaded.getParent().getParent());
        assertOwnerOnly(base, "rwx------");
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = POSIX_ONLY)
    void aStickyWorldWritableTempDirectoryIsAcceptedAsParent() throws IOException {
        Path systemTmp = Path.of("/tmp");
        assertEquals("rwxrwxrwx", permissions(systemTmp), "/tmp is world-writable (and sticky) on this machine");
        String user = "vss4j-test-" + UUID.randomUUID();
        properties.remove(NativeLibrary.EXTRACT_DIR_PROPERTY);
        properties.put("java.io.tmpdir", systemTmp.toString());
        properties.put("user.name", user);
        Path base = systemTmp.resolve("vss4j-" + user);
        try {
            assertEquals(base, loader().load().getParent().getParent());
        } finally {
            deleteTree(base);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
                Files.delete(p);
            }
        }
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = POSIX_ONLY)
    void aLooseDirectoryOfOursIsTightened() throws IOException {
        Files.createDirectories(extract);
        Files.setPosixFilePermissions(extract, PosixFilePermissions.fromString("rwxrwxrwx"));

        loader().load();

        assertEquals("rwx------", permissions(extract));
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = POSIX_ONLY)
    void aDirectoryOwnedBySomeoneElseIsRefused() throws IOException {
        Files.createDirectories(extract);
        UserPrincipal me = Files.getOwner(extract);
        UserPrincipal someoneElse = extract.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
        assertNotEquals(me, someoneElse);

        UnsatisfiedLinkError error = assertThrows(UnsatisfiedLinkError.class, () -> loader(PLATFORM, someoneElse).load());

        assertTrue(error.getMessage().contains(extract + " is owned by " + me.getName()), error.getMessage());
        assertRefusedWithTheRemedy(error);
    }

    /** A refusal of where to extract: it names the property to set, keeps the IOException as cause, loads nothing. */
    private void assertRefusedWithTheRemedy(UnsatisfiedLinkError error) {
        assertTrue(error.getMessage().contains("set -D" + NativeLibrary.EXTRACT_DIR_PROPERTY), error.getMessage());
        assertTrue(error.getCause() instanceof IOException, String.valueOf(error.getCause()));
        assertEquals(List.of(), linked);
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = POSIX_ONLY)
    void aSymbolicLinkInsteadOfTheDirectoryIsRefused() throws IOException {
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        Files.createSymbolicLink(extract, elsewhere);

        UnsatisfiedLinkError error = assertThrows(UnsatisfiedLinkError.class, () -> loader().load());

        assertTrue(error.getMessage().contains(extract + " is a symbolic link"), error.getMessage());
        assertEquals(List.of(), linked);
        assertEquals(List.of(), list(elsewhere));
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = POSIX_ONLY)
    void aParentOthersCanWriteIsRefused() throws IOException {
        Path open = Files.createDirectories(tmp.resolve("open"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
        properties.put(NativeLibrary.EXTRACT_DIR_PROPERTY, open.resolve("vss4j").toString());

        UnsatisfiedLinkError error = assertThrows(UnsatisfiedLinkError.class, () -> loader().load());

        assertTrue(error.getMessage().contains(open + " is writable by others"), error.getMessage());
        assertEquals(List.of(), linked);
    }

    // ---- where another user got there first: the fallbacks ------------------------------------------------------

    /** No -Dvss4j.extract.dir, so the defaults and their fallbacks apply; the temp directory's parent is safe. */
    private Path useDefaults() throws IOException {
        properties.remove(NativeLibrary.EXTRACT_DIR_PROPERTY);
        Path javaTmp = Files.createDirectories(tmp.resolve("java-tmp"));
        return javaTmp.resolve("vss4j-tester");
    }

    private Path ownerOnlyDirectory(String name) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(name));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        return dir;
    }

    private static Path extractedUnder(Path base, Path loaded) {
        assertEquals(base.resolve("1.2.3-" + DIGEST.substring(0, 16)).resolve("libvss4j.so"), loaded);
        return loaded;
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = POSIX_ONLY)
    void aTempDirectoryOthersCanReplaceFallsBackToTheRuntimeDirectory() throws IOException {
        Path open = Files.createDirectories(tmp.resolve("open"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
        properties.remove(NativeLibrary.EXTRACT_DIR_PROPERTY);
        properties.put("java.io.tmpdir", open.toString());
        Path runtime = ownerOnlyDirectory("run-user");
        properties.put("env:XDG_RUNTIME_DIR", runtime.toString());
        properties.put("user.home", tmp.resolve("home").toString());

        Path loaded = loader().load();

        extractedUnder(runtime.resolve("vss4j"), loaded);
        assertEquals(List.of(loaded), linked);
        assertOwnerOnly(runtime.resolve("vss4j"), "rwx------");
        assertFalse(Files.exists(open.resolve("vss4j-tester")), "nothing left in the refused place");
        assertFalse(Files.exists(tmp.resolve("home")), "the cache directory was not needed");
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = POSIX_ONLY)
    void aTempDirectoryThatIsALinkFallsBackToTheCacheDirectory() throws IOException {
        Path base = useDefaults();
        Path elsewhere = Files.createDirectories(tmp.resolve("someone-elses"));
        Files.createSymbolicLink(base, elsewhere);
        Path cache = ownerOnlyDirectory("cache");
        properties.put("env:XDG_CACHE_HOME", cache.toString());
        properties.put("user.home", tmp.resolve("home").toString());

        Path loaded = loader().load();

        extractedUnder(cache.resolve("vss4j"), loaded);
        assertEquals(List.of(), list(elsewhere));
        NativeLoader again = loader();
        assertEquals(loaded, again.load(), "the next load finds it there");
        assertEquals(NativeLoader.Outcome.REUSED, again.outcome());
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = POSIX_ONLY)
    void aTempDirectoryOwnedBySomeoneElseFallsBackToTheHomeCache() throws IOException {
        assumeTrue("root".equals(System.getProperty("user.name")), "only root can give a directory to another user");
        Path base = Files.createDirectories(useDefaults());
        Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwx------"));
        UserPrincipal nobody = base.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
        Files.setOwner(base, nobody);
        Path home = ownerOnlyDirectory("home");
        properties.put("user.home", home.toString());
        properties.put("env:XDG_RUNTIME_DIR", "relative/run");  // not absolute: ignored, as XDG says

        Path loaded = loader().load();

        extractedUnder(home.resolve(".cache").resolve("vss4j"), loaded);
        assertEquals(nobody, Files.getOwner(base), "someone else's directory is left alone");
        assertEquals(List.of(), list(base));
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = POSIX_ONLY)
    void whenEveryPlaceIsRefusedTheErrorSaysWhichAndWhy() throws IOException {
        Path base = useDefaults();
        Files.createSymbolicLink(base, Files.createDirectories(tmp.resolve("someone-elses")));
        Path openRuntime = Files.createDirectories(tmp.resolve("open-run"));
        Files.setPosixFilePermissions(openRuntime, PosixFilePermissions.fromString("rwxrwxrwx"));
        properties.put("env:XDG_RUNTIME_DIR", openRuntime.toString());
        Path file = Files.writeString(tmp.resolve("not-a-directory"), "x");
        properties.put("env:XDG_CACHE_HOME", file.toString());

        UnsatisfiedLinkError error = assertThrows(UnsatisfiedLinkError.class, () -> loader().load());

        String message = error.getMessage();
        assertTrue(message.contains("tried 3 places, each refused: 1) " + base + " is a symbolic link"), message);
        assertTrue(message.contains("2) " + openRuntime.resolve("vss4j") + ": " + openRuntime + " is writable by others"),
                message);
        assertTrue(message.contains("3) " + file.resolve("vss4j") + ": " + file + " exists and is not a directory"),
                message);
        assertEquals(3, 1 + error.getSuppressed().length, "each refusal is kept: the first as cause");
        assertRefusedWithTheRemedy(error);
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = POSIX_ONLY)
    void aConfiguredDirectoryHasNoFallback() throws IOException {
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        Files.createSymbolicLink(extract, elsewhere);
        Path runtime = ownerOnlyDirectory("run-user");
        properties.put("env:XDG_RUNTIME_DIR", runtime.toString());

        UnsatisfiedLinkError error = assertThrows(UnsatisfiedLinkError.class, () -> loader().load());

        assertTrue(error.getMessage().contains(extract + " is a symbolic link"), error.getMessage());
        assertFalse(error.getMessage().contains("places"), error.getMessage());
        assertEquals(List.of(), list(runtime));
    }

    @Test
    void fallbackPlacesFollowXdgAndIgnoreWhatIsNotAbsolute() {
        Path root = tmp.toAbsolutePath();
        String run = root.resolve("run").toString();
        String cache = root.resolve("cache").toString();
        String home = root.resolve("home").toString();
        assertEquals(List.of(Path.of(run, "vss4j"), Path.of(cache, "vss4j")),
                NativePlatform.fallbackDirectories(run, cache, home));
        assertEquals(List.of(Path.of(home, ".cache", "vss4j")),
                NativePlatform.fallbackDirectories(null, "relative", home));
        assertEquals(List.of(Path.of(home, ".cache", "vss4j")), NativePlatform.fallbackDirectories(" ", "", home));
        assertEquals(List.of(), NativePlatform.fallbackDirectories("run", null, "~"));
        assertEquals(List.of(), NativePlatform.fallbackDirectories(null, null, null));
    }

    // ---- a pre-installed library ------------------------------------------------------------------------------

    @Test
    void thePreinstalledLibraryIsLoadedInsteadAndNothingIsExtracted() throws IOException {
        Path installed = Files.write(tmp.resolve("libvss4j-installed.so"), LIBRARY);
        properties.put(NativeLibrary.LIBRARY_PATH_PROPERTY, installed.toString());

        NativeLoader loader = loader();
        loader.load();

        assertEquals(NativeLoader.Outcome.PREINSTALLED, loader.outcome());
        assertEquals(List.of(installed), linked);
        assertFalse(Files.exists(extract));
    }

    @Test
    void aWrongPreinstalledPathIsNamed() {
        Path missing = tmp.resolve("nowhere").resolve("libvss4j.so");
        properties.put(NativeLibrary.LIBRARY_PATH_PROPERTY, missing.toString());

        UnsatisfiedLinkError error = assertThrows(UnsatisfiedLinkError.class, () -> loader().load());

        assertTrue(error.getMessage().contains("-D" + NativeLibrary.LIBRARY_PATH_PROPERTY + "=" + missing), error.getMessage());
        assertTrue(error.getMessage().contains("does not exist"), error.getMessage());
        assertEquals(List.of(), linked);
        assertFalse(Files.exists(extract));
    }

    @Test
    void aPreinstalledDirectoryIsNotALibrary() {
        properties.put(NativeLibrary.LIBRARY_PATH_PROPERTY, tmp.toString());
        UnsatisfiedLinkError error = assertThrows(UnsatisfiedLinkError.class, () -> loader().load());
        assertTrue(error.getMessage().contains("is not a regular file"), error.getMessage());
    }

    // ---- digests ---------------------------------------------------------------------------------------------

    @Test
    void digestsAreParsedStrictly() throws IOException {
        assertEquals(DIGEST, NativeLoader.parseDigest((DIGEST.toUpperCase() + "\n").getBytes(StandardCharsets.US_ASCII)));
        assertEquals(DIGEST, NativeLoader.parseDigest((DIGEST + " *libvss4j.so").getBytes(StandardCharsets.US_ASCII)));
        assertThrows(IOException.class, () -> NativeLoader.parseDigest(DIGEST.substring(1).getBytes(StandardCharsets.US_ASCII)));
        assertThrows(IOException.class, () -> NativeLoader.parseDigest(new byte[0]));
    }

    /** The build writes, beside every native it packaged, the SHA-256 of that file: what the loader checks. */
    @Test
    void theBuildRecordsEveryNativesDigestBesideIt() throws Exception {
        // target/classes in a build; the jar itself when the tests run against an assembled jar (profile assembled-jar).
        Path classes = Path.of(NativeLibrary.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (FileSystem jar = Files.isRegularFile(classes) ? FileSystems.newFileSystem(classes) : null) {
            Path natives = (jar == null ? classes : jar.getPath("/")).resolve("natives");
            List<Path> libraries;
            try (Stream<Path> all = Files.walk(natives, 2)) {
                libraries = all.filter(p -> p.getNameCount() == natives.getNameCount() + 2)
                        .filter(p -> !p.getFileName().toString().endsWith(".sha256") && !p.getFileName().toString().endsWith(".pdb"))
                        .collect(Collectors.toList());
            }
            NativePlatform here = NativePlatform.detect(null);
            assertTrue(libraries.contains(natives.resolve(here.folder()).resolve(here.fileName())),
                    "this platform's native is built: " + libraries);
            for (Path library : libraries) {
                String recorded = NativeLoader.parseDigest(Files.readAllBytes(library.resolveSibling(library.getFileName() + ".sha256")));
                assertEquals(NativeLoader.sha256(Files.readAllBytes(library)), recorded, library.toString());
            }
        }
    }

    @Test
    void namesFollowTheVersionAndTheDigest() throws IOException {
        assertEquals("1.2.3-" + DIGEST.substring(0, 16), NativePlatform.directoryName("1.2.3", DIGEST));
        assertEquals("dev-" + DIGEST.substring(0, 16), NativePlatform.directoryName(" ", DIGEST));
        assertEquals("1.0_.._x-" + DIGEST.substring(0, 16), NativePlatform.directoryName("1.0/../x", DIGEST));
        assertEquals("unknown", NativePlatform.safeName(".."));
        assertEquals("a_b", NativePlatform.safeName("a\u00e9b"));
        assertEquals("a_b", NativePlatform.safeName("a\uD83D\uDE00b"), "one replacement per code point");
        Path tmpDir = tmp.resolve("t");
        assertEquals(tmpDir.resolve("vss4j-alice_.._bob"), NativePlatform.baseDirectory(tmpDir.toString(), "alice/../bob", false));
        assertEquals(tmpDir.resolve("vss4j-unknown"), NativePlatform.baseDirectory(tmpDir.toString(), null, false));
    }

    @Test
    void aConfiguredDirectoryIsUsedAsItIsNormalizedWhateverTheUser() throws IOException {
        properties.put(NativeLibrary.EXTRACT_DIR_PROPERTY, tmp.resolve("x/../x").toString());
        properties.put("user.name", "alice");

        assertEquals(tmp.resolve("x"), loader().load().getParent().getParent());
    }

    @Test
    void aBlankConfiguredDirectoryMeansTheDefaultOne() throws IOException {
        properties.put(NativeLibrary.EXTRACT_DIR_PROPERTY, " ");
        Path javaTmp = Files.createDirectories(tmp.resolve("java-tmp"));

        Path base = loader().load().getParent().getParent();

        assertEquals(javaTmp, base.getParent());
        assertTrue(base.getFileName().toString().startsWith("vss4j-tester"), base.toString());
    }

    @Test
    void anInvalidConfiguredDirectoryIsRefusedSayingWhichAndWhatToDo() {
        properties.put(NativeLibrary.EXTRACT_DIR_PROPERTY, "a\0b");

        UnsatisfiedLinkError error = assertThrows(UnsatisfiedLinkError.class, () -> loader().load());

        assertTrue(error.getMessage().contains("invalid extraction directory"), error.getMessage());
        assertTrue(error.getMessage().contains("a\0b"), error.getMessage());
        assertRefusedWithTheRemedy(error);
    }

    // ---- folders of other builds ----------------------------------------------------------------------------------

    /** A version folder as a load of another build leaves it, without its in-use file (as older vss4j versions). */
    private static Path otherBuild(Path base, String name) throws IOException {
        Path folder = Files.createDirectories(base.resolve(name));
        Files.write(folder.resolve("libvss4j.so"), LIBRARY);
        return folder;
    }

    private NativeLoader loaderOfVersion(String version) {
        return new TestNativeLoader(properties::get, () -> PLATFORM, this::resource, version, linked::add, null);
    }

    @Test
    void anUnusedFolderOfAnotherBuildIsRemoved() throws IOException {
        Path older = otherBuild(extract, "1.2.2-0123456789abcdef");
        Path marked = otherBuild(extract, "1.1.0-fedcba9876543210");
        Files.createFile(extract.resolve("1.1.0-fedcba9876543210" + FolderLocks.IN_USE));

        loader().load();

        assertFalse(Files.exists(older, LinkOption.NOFOLLOW_LINKS), "no process uses it");
        assertFalse(Files.exists(marked, LinkOption.NOFOLLOW_LINKS), "its in-use file is not locked");
        assertFalse(Files.exists(extract.resolve("1.1.0-fedcba9876543210" + FolderLocks.IN_USE)));
        assertTrue(Files.isRegularFile(expectedFile()));
    }

    @Test
    void aFolderThatALoadStillUsesIsKeptUntilThatLoadEnds() throws IOException {
        NativeLoader older = loaderOfVersion("1.2.2");
        Path olderFile = older.load();

        loader().load();
        assertTrue(Files.isRegularFile(olderFile), "the 1.2.2 load still marks its folder in use");

        older.release();
        loader().load();
        assertFalse(Files.exists(olderFile.getParent()), "unused once that load has ended");
    }

    @Test
    void foldersOfOtherUsersTheOtherElevationKindAndOtherKindsAreNeverTouched() throws IOException {
        useDefaults();
        Path javaTmp = tmp.resolve("java-tmp");
        Path probe = Files.createFile(javaTmp.resolve("probe"));
        boolean elevated = Files.getOwner(probe) instanceof GroupPrincipal;  // Windows: an elevated administrator
        Files.delete(probe);
        Path base = javaTmp.resolve(elevated ? "vss4j-tester-elevated" : "vss4j-tester");
        Path otherKind = otherBuild(javaTmp.resolve(elevated ? "vss4j-tester" : "vss4j-tester-elevated"),
                "1.2.2-0123456789abcdef");
        Path otherUser = otherBuild(javaTmp.resolve("vss4j-someone"), "1.2.2-0123456789abcdef");
        Path notAVersion = otherBuild(base, "notes");
        Path withASubfolder = otherBuild(base, "1.2.1-0123456789abcdef");
        Files.write(Files.createDirectories(withASubfolder.resolve("keep")).resolve("me"), LIBRARY);
        List<Path> kept = new ArrayList<>(List.of(otherKind, otherUser, notAVersion, withASubfolder));
        if (POSIX) {
            kept.add(Files.createSymbolicLink(base.resolve("1.2.0-0123456789abcdef"), otherBuild(tmp, "elsewhere")));
        }

        assertEquals(base, loader().load().getParent().getParent());

        for (Path folder : kept) {
            assertArrayEquals(LIBRARY, Files.readAllBytes(folder.resolve("libvss4j.so")), folder.toString());
        }
        assertTrue(Files.isSymbolicLink(base.resolve("1.2.0-0123456789abcdef")) || !POSIX);
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = POSIX_ONLY)
    void aFolderSomeoneElseOwnsInOurBaseIsNeverTouched() throws IOException {
        assumeTrue("root".equals(System.getProperty("user.name")), "only root can give a folder to another user");
        Path theirs = otherBuild(Files.createDirectories(extract), "1.2.2-0123456789abcdef");
        Files.setPosixFilePermissions(extract, PosixFilePermissions.fromString("rwx------"));
        UserPrincipal nobody = extract.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
        Files.setOwner(theirs, nobody);

        loader().load();

        assertTrue(Files.isRegularFile(theirs.resolve("libvss4j.so")));
        assertEquals(nobody, Files.getOwner(theirs));
    }
}
