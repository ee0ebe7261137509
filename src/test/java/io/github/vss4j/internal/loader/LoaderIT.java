package io.github.vss4j.internal.loader;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.vss4j.loaderprobe.LoaderProbe;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fresh JVMs on the built jar (the system property {@code vss4j.testJar}), as users run it: {@code java -cp
 * <jar>:<slf4j-api>:<slf4j-simple>:<test-classes>} or the module path, running
 * {@link LoaderProbe}. Each test has its own extraction directory.
 */
class LoaderIT {
    private static final long TIMEOUT_SECONDS = 120;
    /**
     * As docs/windows-and-security.md tells users of JDK 24 and later (JDK 17 accepts it too): without it, their warning, which names
     * vss4j's classes and starts machinery of its own, would be in every probe's output.
     */
    private static final String ALL_UNNAMED = "--enable-native-access=ALL-UNNAMED";
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    /** Where the probe can list what it has mapped (Linux), the test asserts on that; elsewhere on loadedFile(). */
    private static final boolean PROC_MAPS = Files.isReadable(Path.of("/proc/self/maps"));

    private static Path jar;
    private static String platform;
    private static String libraryResource;
    private static String version;
    private static List<Path> dependencies;
    private static Path probeClasses;

    @TempDir
    Path tmp;

    @BeforeAll
    static void findJars() throws Exception {
        String testJar = System.getProperty("vss4j.testJar");
        assertTrue(testJar != null, "the pom passes -Dvss4j.testJar");
        jar = Path.of(testJar);
        assertTrue(Files.isRegularFile(jar), "the built jar " + jar + " exists (failsafe runs after package)");
        NativePlatform here = NativePlatform.detect(null);
        platform = here.folder();
        libraryResource = here.resource();
        try (JarFile file = new JarFile(jar.toFile())) {
            version = file.getManifest().getMainAttributes().getValue("Implementation-Version");
            assertTrue(file.getEntry(libraryResource) != null, "the jar carries " + libraryResource);
            assertTrue(file.getEntry(here.digestResource()) != null, "the jar carries " + here.digestResource());
        }
        dependencies = List.of(codeSource(org.slf4j.LoggerFactory.class), codeSource(org.slf4j.simple.SimpleLogger.class));
        probeClasses = codeSource(LoaderProbe.class);
        for (Path dependency : dependencies) {
            assertTrue(dependency.toString().endsWith(".jar"), dependency + " is a jar");
        }
    }

    @Test
    void loadsFromTheBuiltJarOnTheClassPath() throws Exception {
        Path extract = tmp.resolve("extract");
        Run run = runOnClassPath(jar, extract);
        run.assertExit(0);
        run.assertContains("LOADED version=" + version + " ");
        assertEquals(List.of(jar.toString()), run.lines("CODESOURCE "), "loaded from the built jar, not target/classes");
        Path library = extractedLibrary(extract);
        assertEquals(List.of(library.toString()), run.loaded(), run.output);
        assertEquals(1, run.count("extracted the native library"), run.output);
    }

    @Test
    void extractionDirectoryIsOwnerOnly() throws Exception {
        Path extract = tmp.resolve("extract");
        runOnClassPath(jar, extract).assertExit(0);
        Path library = extractedLibrary(extract);
        assertOwnerOnly(extract, "rwx------");
        assertOwnerOnly(library.getParent(), "rwx------");
        assertOwnerOnly(library, "r-x------");
        assertEquals(Files.getOwner(tmp), Files.getOwner(library, LinkOption.NOFOLLOW_LINKS));
        try (Stream<Path> all = Files.list(library.getParent())) {
            assertEquals(List.of(library), all.collect(Collectors.toList()), "no temp files are left behind");
        }
    }

    @Test
    void aSecondLoadReusesTheExtraction() throws Exception {
        Path extract = tmp.resolve("extract");
        runOnClassPath(jar, extract).assertExit(0);
        Path library = extractedLibrary(extract);
        BasicFileAttributes before = Files.readAttributes(library, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);

        Run second = runOnClassPath(jar, extract);
        second.assertExit(0);
        assertEquals(0, second.count("io.github.vss4j.internal."), "an intact reuse logs nothing (at debug level):\n"
                + second.output);
        assertEquals(List.of(library.toString()), second.loaded(), second.output);
        BasicFileAttributes after = Files.readAttributes(library, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        assertEquals(before.fileKey(), after.fileKey(), "the same file, not a new copy");
        assertEquals(before.lastModifiedTime(), after.lastModifiedTime());
    }

    /**
     * A warm load, as the first thing a fresh JVM does, reuses what is there: the classes the JVM loads between the
     * probe's start and the end of the load (with {@code -verbose:class}) include none that only extraction or
     * another loader needs, nor the logger (a reuse has nothing to say, and starting SLF4J costs a fresh JVM), nor
     * regular expressions (compiling the first pattern costs a fresh JVM too).
     */
    @Test
    void aWarmLoadInAFreshJvmNeitherExtractsNorStartsAnotherLoader() throws Exception {
        Path extract = tmp.resolve("extract");
        runOnClassPath(jar, extract).assertExit(0);
        List<String> command = classPathCommand(jar, extract, List.of("-verbose:class"));
        command.add("load-first");

        Run warm = run(command);

        warm.assertExit(0);
        warm.assertContains("LOAD-FIRST DONE");
        String probeStarts = " " + LoaderProbe.class.getName() + " source:";
        assertTrue(warm.output.contains(probeStarts), "-verbose:class lists classes:\n" + warm.output);
        String during = warm.output.substring(warm.output.indexOf(probeStarts), warm.output.indexOf("LOAD-FIRST DONE"));
        assertTrue(during.contains(" io.github.vss4j.internal.loader.NativeLoader source: "), during);
        for (String unneeded : List.of(" java.security.SecureRandom ", " org.scijava.", " org.slf4j.", " java.util.regex.Pattern ")) {
            assertFalse(during.contains(unneeded), unneeded.trim() + " was loaded by a warm load:\n" + during);
        }
    }

    /**
     * Where {@code <java.io.tmpdir>/vss4j-<user>} cannot be used (here: the temp directory lets others replace it),
     * a JVM without -Dvss4j.extract.dir extracts to {@code $XDG_RUNTIME_DIR/vss4j}, and the next JVM reuses it
     * there.
     */
    @Test
    @EnabledOnOs(OS.LINUX)
    void aRefusedTempDirectoryFallsBackToTheRuntimeDirectoryWhereTheNextJvmFindsIt() throws Exception {
        Path open = Files.createDirectories(tmp.resolve("open"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path runtime = Files.createDirectories(tmp.resolve("run-user"));
        Files.setPosixFilePermissions(runtime, PosixFilePermissions.fromString("rwx------"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                ALL_UNNAMED, "-Djava.io.tmpdir=" + open, "-Duser.home=" + tmp.resolve("home"),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=debug", "-Dorg.slf4j.simpleLogger.logFile=System.out"));
        List<Path> classPath = new ArrayList<>(List.of(jar));
        classPath.addAll(dependencies);
        classPath.add(probeClasses);
        command.addAll(List.of("-cp", join(classPath), LoaderProbe.class.getName()));

        Run first = run(command, Map.of(NativePlatform.RUNTIME_DIR_VARIABLE, runtime.toString()));

        first.assertExit(0);
        Path library = extractedLibrary(runtime.resolve("vss4j"));
        first.assertContains("file=Optional[" + library + "]");
        assertFalse(Files.exists(open.resolve("vss4j-" + System.getProperty("user.name"))), first.output);

        BasicFileAttributes before = Files.readAttributes(library, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        Run warm = run(command, Map.of(NativePlatform.RUNTIME_DIR_VARIABLE, runtime.toString()));

        warm.assertExit(0);
        warm.assertContains("file=Optional[" + library + "]");
        assertEquals(0, warm.count("extracted the native library"), warm.output);
        assertEquals(before.fileKey(), Files.readAttributes(library, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
                .fileKey(), "the next JVM reuses it there");
    }

    /** A changed file is not reused: the next JVM says so and replaces it before anything is loaded. */
    @Test
    void aCorruptedExtractionIsReplacedByTheNextJvm() throws Exception {
        Path extract = tmp.resolve("extract");
        runOnClassPath(jar, extract).assertExit(0);
        Path library = extractedLibrary(extract);
        byte[] intact = Files.readAllBytes(library);
        byte[] corrupt = intact.clone();
        corrupt[corrupt.length / 2] ^= 0x01;
        library.toFile().setWritable(true, true);
        Files.write(library, corrupt);

        Run next = runOnClassPath(jar, extract);

        next.assertExit(0);
        next.assertContains("is not intact");
        next.assertContains("replacing it");
        assertEquals(List.of(library.toString()), next.loaded(), next.output);
        assertArrayEquals(intact, Files.readAllBytes(library), "the jar's bytes are back");
    }

    @Test
    void jvmsLoadingAtOnceAllSucceed() throws Exception {
        Path extract = tmp.resolve("extract");
        List<Process> processes = new ArrayList<>();
        List<Path> outputs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Path output = tmp.resolve("out-" + i + ".txt");
            outputs.add(output);
            processes.add(start(classPathCommand(jar, extract, List.of()), output));
        }
        List<Run> runs = new ArrayList<>();
        for (int i = 0; i < processes.size(); i++) {
            runs.add(finish(processes.get(i), outputs.get(i)));
        }
        Path library = extractedLibrary(extract);
        for (Run run : runs) {
            run.assertExit(0);
            run.assertContains("LOADED version=" + version + " ");
            assertEquals(List.of(library.toString()), run.loaded(), run.output);
        }
        try (Stream<Path> all = Files.list(library.getParent())) {
            assertEquals(List.of(library), all.collect(Collectors.toList()), "one library, no temp files left");
        }
    }

    @Test
    void aTamperedNativeIsRefusedAndNothingIsLoaded() throws Exception {
        Path tampered = tmp.resolve("tampered.jar");
        String expected;
        try (ZipFile original = new ZipFile(jar.toFile())) {
            expected = NativeLoader.parseDigest(original.getInputStream(
                    original.getEntry(libraryResource + ".sha256")).readAllBytes());
        }
        byte[][] changed = new byte[1][];
        rewriteJar(jar, tampered, libraryResource, bytes -> {
            bytes[bytes.length / 2] ^= 0x01;
            changed[0] = bytes;
            return bytes;
        });
        String actual = NativeLoader.sha256(changed[0]);
        assertNotEquals(expected, actual);
        // A planted, intact library on java.library.path must not be picked up instead.
        Path planted = tmp.resolve("planted");
        Files.createDirectories(planted);
        try (ZipFile original = new ZipFile(jar.toFile());
                InputStream in = original.getInputStream(original.getEntry(libraryResource))) {
            Files.copy(in, planted.resolve(Path.of(libraryResource).getFileName().toString()));
        }
        Path extract = tmp.resolve("extract");

        Run run = run(classPathCommand(tampered, extract, List.of("-Djava.library.path=" + planted)));

        run.assertExit(3);
        run.assertContains("does not match the SHA-256 recorded at build time");
        run.assertContains("platform " + platform);
        run.assertContains(libraryResource);
        run.assertContains("expected SHA-256 " + expected);
        run.assertContains("actual SHA-256 " + actual);
        run.assertContains("Nothing was loaded");
        run.assertContains("NATIVE NOT CALLABLE");
        assertEquals(List.of(), run.loaded(), run.output);
        assertFalse(Files.exists(extract), "nothing was extracted");
    }

    @Test
    void aTamperedDigestIsRefused() throws Exception {
        Path tampered = tmp.resolve("tampered-digest.jar");
        String wrong = "0".repeat(64);
        rewriteJar(jar, tampered, libraryResource + ".sha256", bytes -> wrong.getBytes(StandardCharsets.US_ASCII));
        Path extract = tmp.resolve("extract");

        Run run = run(classPathCommand(tampered, extract, List.of()));

        run.assertExit(3);
        run.assertContains("expected SHA-256 " + wrong);
        run.assertContains("does not match the SHA-256 recorded at build time");
        assertEquals(List.of(), run.loaded(), run.output);
        assertFalse(Files.exists(extract), "nothing was extracted");
    }

    @Test
    void nativesOfAnotherJarEarlierOnTheClassPathDoNotShadowOurs() throws Exception {
        byte[] fake = "not a library".getBytes(StandardCharsets.US_ASCII);
        Path shadow = tmp.resolve("shadow.jar");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(shadow))) {
            out.putNextEntry(new ZipEntry(libraryResource));
            out.write(fake);
            out.closeEntry();
            out.putNextEntry(new ZipEntry(libraryResource + ".sha256"));
            out.write(NativeLoader.sha256(fake).getBytes(StandardCharsets.US_ASCII));
            out.closeEntry();
        }
        Path extract = tmp.resolve("extract");
        List<String> command = javaCommand(extract);
        List<Path> classPath = new ArrayList<>();
        classPath.add(shadow);
        classPath.add(jar);
        classPath.addAll(dependencies);
        classPath.add(probeClasses);
        command.addAll(List.of("-cp", join(classPath), LoaderProbe.class.getName()));

        Run run = run(command);

        run.assertExit(0);
        run.assertContains("LOADED version=" + version + " ");
        assertEquals(List.of(extractedLibrary(extract).toString()), run.loaded(), run.output);
    }

    @Test
    void anUnknownPlatformGivesAnErrorNamingIt() throws Exception {
        Run run = run(classPathCommand(jar, tmp.resolve("extract"), List.of("-D" + NativeLibrary.PLATFORM_PROPERTY + "=plan9_mips")));
        run.assertExit(3);
        run.assertContains("no native library for platform plan9_mips");
        run.assertContains("natives/plan9_mips/libvss4j.so");
        assertEquals(List.of(), run.loaded(), run.output);
    }

    @Test
    void anUndetectablePlatformGivesAnErrorNamingIt() throws Exception {
        Run run = run(classPathCommand(jar, tmp.resolve("extract"), List.of("-Dos.name=Plan9", "-Dos.arch=mips")));
        run.assertExit(3);
        run.assertContains("unknown platform (os.name=Plan9, os.arch=mips)");
        assertEquals(List.of(), run.loaded(), run.output);
    }

    @Test
    void theOverridePropertyLoadsThatFile() throws Exception {
        Path installed = tmp.resolve("installed").resolve("preinstalled-" + Path.of(libraryResource).getFileName());
        Files.createDirectories(installed.getParent());
        try (ZipFile original = new ZipFile(jar.toFile());
                InputStream in = original.getInputStream(original.getEntry(libraryResource))) {
            Files.copy(in, installed);
        }
        Path extract = tmp.resolve("extract");

        Run run = run(classPathCommand(jar, extract, List.of("-D" + NativeLibrary.LIBRARY_PATH_PROPERTY + "=" + installed)));

        run.assertExit(0);
        run.assertContains("LOADED version=" + version + " ");
        run.assertContains("loaded the pre-installed native library " + installed);
        assertEquals(List.of(installed.toString()), run.loaded(), run.output);
        assertFalse(Files.exists(extract), "the bundled library is not extracted");
    }

    @Test
    void aWrongOverridePathGivesAClearError() throws Exception {
        Path missing = tmp.resolve("no-such-dir").resolve("libvss4j.so");
        Run run = run(classPathCommand(jar, tmp.resolve("extract"),
                List.of("-D" + NativeLibrary.LIBRARY_PATH_PROPERTY + "=" + missing)));
        run.assertExit(3);
        run.assertContains("-D" + NativeLibrary.LIBRARY_PATH_PROPERTY + "=" + missing + " names no library file");
        run.assertContains("does not exist");
        run.assertContains("NATIVE NOT CALLABLE");
        assertEquals(List.of(), run.loaded(), run.output);
    }

    @Test
    void twoClassLoadersInOneJvmEachGetAWorkingLibrary() throws Exception {
        Path extract = tmp.resolve("extract");
        List<String> command = classPathCommand(jar, extract, List.of());
        command.add("two-class-loaders");

        Run run = run(command);

        run.assertExit(0);
        Path shared = extractedLibrary(extract);
        run.assertContains("LOADER 1 LOADED version=" + version + " file=Optional[" + shared + "]");
        List<String> second = run.lines("LOADER 2 LOADED version=" + version + " file=Optional[");
        assertEquals(1, second.size(), run.output);
        String name = shared.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String copy = shared.resolveSibling(name.substring(0, dot) + "-").toString();
        assertTrue(second.get(0).matches(Pattern.quote(copy) + "[0-9a-f-]{36}" + Pattern.quote(name.substring(dot) + "]")),
                second.get(0));
        run.assertContains("is loaded by another class loader; loading a private copy");
        try (Stream<Path> all = Files.list(shared.getParent())) {
            // POSIX lets the copy go once it is loaded; Windows keeps a loaded DLL.
            assertEquals(POSIX ? 1 : 2, all.count(), "the private copy is gone once loaded where the OS allows it");
        }
    }

    @Test
    void theOpenModuleLoadsItsNativesFromTheModulePath() throws Exception {
        Path extract = tmp.resolve("extract");
        List<String> command = new ArrayList<>(javaCommand(extract));
        List<Path> modulePath = new ArrayList<>();
        modulePath.add(jar);
        modulePath.addAll(dependencies);
        command.set(command.indexOf(ALL_UNNAMED), "--enable-native-access=io.github.vss4j");
        command.addAll(List.of("--module-path", join(modulePath), "--add-modules", "io.github.vss4j",
                "-cp", probeClasses.toString(), LoaderProbe.class.getName()));

        Run run = run(command);

        run.assertExit(0);
        run.assertContains("MODULE io.github.vss4j");
        run.assertContains("LOADED version=" + version + " ");
        assertEquals(List.of(extractedLibrary(extract).toString()), run.loaded(), run.output);
    }

    /**
     * A JVM removes the extraction folders of other vss4j builds in its base once no JVM uses them: a folder left by
     * a build that has exited goes at once, one that a running JVM loaded from stays until that JVM has exited.
     */
    @Test
    void foldersOfOtherBuildsAreRemovedOnceNoJvmUsesThem() throws Exception {
        Path extract = tmp.resolve("extract");
        Path older = tmp.resolve("older.jar");
        rewriteJar(jar, older, "META-INF/MANIFEST.MF", bytes -> new String(bytes, StandardCharsets.UTF_8)
                .replace("Implementation-Version: " + version, "Implementation-Version: 0.0.1-older")
                .getBytes(StandardCharsets.UTF_8));
        List<String> command = classPathCommand(older, extract, List.of());
        command.add("hold");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().remove("_JAVA_OPTIONS");
        Process holder = builder.start();
        try {
            BufferedReader lines = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            CompletableFuture<String> held = CompletableFuture.supplyAsync(() -> {
                try {
                    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                        if (line.startsWith("HELD ")) {
                            return line;
                        }
                    }
                    return "the holder ended without loading";
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            String line = held.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            String digest;
            try (ZipFile original = new ZipFile(jar.toFile())) {
                digest = NativeLoader.parseDigest(original.getInputStream(original.getEntry(libraryResource + ".sha256"))
                        .readAllBytes());
            }
            Path olderFolder = extract.resolve("0.0.1-older-" + digest.substring(0, 16));
            assertTrue(line.contains(olderFolder.toString()), line);
            Path left = Files.createDirectories(extract.resolve("0.0.0-0123456789abcdef"));
            Files.write(left.resolve(Path.of(libraryResource).getFileName().toString()), new byte[] {1, 2, 3});

            Run current = runOnClassPath(jar, extract);

            current.assertExit(0);
            assertFalse(Files.exists(left), "no JVM used it:\n" + current.output);
            current.assertContains("removed " + left);
            assertTrue(Files.isDirectory(olderFolder), "the holding JVM still uses it:\n" + current.output);

            holder.getOutputStream().close();
            assertTrue(holder.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS), "the holder ends when its input does");
            Run next = runOnClassPath(jar, extract);

            next.assertExit(0);
            assertFalse(Files.exists(olderFolder), "no JVM uses it any more:\n" + next.output);
            next.assertContains("removed " + olderFolder);
            assertEquals(List.of(extractedLibrary(extract).toString()), next.loaded(), next.output);
        } finally {
            holder.destroyForcibly();
        }
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private Run runOnClassPath(Path jarFile, Path extract) throws Exception {
        return run(classPathCommand(jarFile, extract, List.of()));
    }

    private static List<String> javaCommand(Path extract) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add(ALL_UNNAMED);
        command.add("-D" + NativeLibrary.EXTRACT_DIR_PROPERTY + "=" + extract);
        command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=debug");
        command.add("-Dorg.slf4j.simpleLogger.logFile=System.out");
        return command;
    }

    private static List<String> classPathCommand(Path jarFile, Path extract, List<String> extra) {
        List<String> command = javaCommand(extract);
        command.addAll(extra);
        List<Path> classPath = new ArrayList<>();
        classPath.add(jarFile);
        classPath.addAll(dependencies);
        classPath.add(probeClasses);
        command.addAll(List.of("-cp", join(classPath), LoaderProbe.class.getName()));
        return command;
    }

    private Run run(List<String> command) throws Exception {
        return run(command, Map.of());
    }

    private Run run(List<String> command, Map<String, String> environment) throws Exception {
        Path output = Files.createTempFile(tmp, "out", ".txt");
        return finish(start(command, output, environment), output);
    }

    private static Process start(List<String> command, Path output) throws IOException {
        return start(command, output, Map.of());
    }

    /** The child gets this JVM's environment without Java options, and with neither XDG directory unless given. */
    private static Process start(List<String> command, Path output, Map<String, String> environment) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().remove("_JAVA_OPTIONS");
        builder.environment().remove(NativePlatform.RUNTIME_DIR_VARIABLE);
        builder.environment().remove(NativePlatform.CACHE_HOME_VARIABLE);
        builder.environment().putAll(environment);
        return builder.start();
    }

    private static Run finish(Process process, Path output) throws Exception {
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
            fail("the probe JVM did not finish within " + TIMEOUT_SECONDS + " s:\n" + Files.readString(output));
        }
        return new Run(process.exitValue(), Files.readString(output));
    }

    /** The one library file under {@code extract}; fails unless there is exactly one. */
    private Path extractedLibrary(Path extract) throws IOException {
        String name = Path.of(libraryResource).getFileName().toString();
        try (Stream<Path> all = Files.walk(extract)) {
            List<Path> found = all.filter(p -> p.getFileName().toString().equals(name)).collect(Collectors.toList());
            assertEquals(1, found.size(), "one " + name + " under " + extract + ": " + found);
            Path library = found.get(0);
            assertEquals(extract.resolve(version + "-" + NativeLoader.sha256(Files.readAllBytes(library)).substring(0, 16)),
                    library.getParent(),
                    "named by version and content hash");
            return library;
        }
    }

    /** POSIX: exactly {@code mode}; elsewhere: an ACL that allows only the owner. */
    private static void assertOwnerOnly(Path p, String mode) throws IOException {
        if (POSIX) {
            assertEquals(mode, PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS)), p.toString());
            return;
        }
        AclFileAttributeView view = Files.getFileAttributeView(p, AclFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        UserPrincipal owner = view.getOwner();
        for (AclEntry entry : view.getAcl()) {
            assertTrue(entry.type() != AclEntryType.ALLOW || entry.principal().equals(owner), p + ": " + view.getAcl());
        }
    }

    private static void rewriteJar(Path from, Path to, String entryName, UnaryOperator<byte[]> change) throws IOException {
        boolean found = false;
        try (ZipFile in = new ZipFile(from.toFile()); OutputStream file = Files.newOutputStream(to);
                ZipOutputStream out = new ZipOutputStream(file)) {
            Enumeration<? extends ZipEntry> entries = in.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                byte[] bytes = in.getInputStream(entry).readAllBytes();
                if (entry.getName().equals(entryName)) {
                    bytes = change.apply(bytes);
                    found = true;
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(bytes);
                out.closeEntry();
            }
        }
        assertTrue(found, entryName + " is in " + from);
    }

    private static Path codeSource(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static String join(List<Path> paths) {
        return paths.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    }

    /** A finished probe JVM. */
    private static final class Run {
        final int exit;
        final String output;

        Run(int exit, String output) {
            this.exit = exit;
            this.output = output;
        }

        void assertExit(int expected) {
            assertEquals(expected, exit, "exit code; output:\n" + output);
        }

        void assertContains(String text) {
            assertTrue(output.contains(text), "expected \"" + text + "\" in:\n" + output);
        }

        long count(String text) {
            return output.lines().filter(line -> line.contains(text)).count();
        }

        /** The vss4j libraries the probe JVM had loaded when it ended. */
        List<String> loaded() {
            if (PROC_MAPS) {
                return lines("MAPPED ");
            }
            return lines("LOADED ").stream().map(line -> line.substring(line.indexOf("file=Optional[") + 14, line.length() - 1))
                    .collect(Collectors.toList());
        }

        List<String> lines(String prefix) {
            return output.lines().filter(line -> line.startsWith(prefix)).map(line -> line.substring(prefix.length()))
                    .collect(Collectors.toList());
        }
    }
}
