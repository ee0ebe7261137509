package io.github.vss4j.internal.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every platform the release builds a native for (.github/workflows/release.yml) is named alike three times: by
 * CMake (cmake/Platform.cmake, which decides the folder the build writes), by native-lib-loader 2.5.0 (the naming
 * vss4j follows, asked in a JVM that believes it runs there) and by vss4j's own loader (NativePlatform).
 */
class ReleasedPlatformsTest {
    private static final Pattern CMAKE_FOLDER = Pattern.compile("vss4j native platform folder: (\\S+)");
    private static final Pattern LOADER_RESOURCE = Pattern.compile("resource=(\\S+)");

    @TempDir
    Path work;

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // folder,      os.name,              os.arch, CMake's variables as that platform's compiler sets them
        "linux_64,      Linux,                amd64,   CMAKE_SYSTEM_PROCESSOR=x86_64",
        "linux_arm64,   Linux,                aarch64, CMAKE_SYSTEM_PROCESSOR=aarch64",
        "osx_64,        Mac OS X,             x86_64,  APPLE=1 CMAKE_SYSTEM_PROCESSOR=x86_64",
        "osx_arm64,     Mac OS X,             aarch64, APPLE=1 CMAKE_SYSTEM_PROCESSOR=arm64",
        "windows_64,    Windows Server 2022,  amd64,   WIN32=1 CMAKE_SYSTEM_PROCESSOR=AMD64",
        "windows_arm64, Windows 11,           aarch64, WIN32=1 CMAKE_SYSTEM_PROCESSOR=ARM64",
    })
    void cmakeNativeLibLoaderAndVss4jAgree(String folder, String osName, String osArch, String cmakeDefines)
            throws Exception {
        String expected = "natives/" + folder + "/" + (folder.startsWith("windows_") ? "vss4j.dll"
                : folder.startsWith("osx_") ? "libvss4j.dylib" : "libvss4j.so");

        assertEquals(expected, NativePlatform.of(osName, osArch).resource(), "vss4j's loader");
        assertEquals(expected, find(LOADER_RESOURCE, run(nativeLibLoader(osName, osArch))), "native-lib-loader");
        assertEquals(folder, find(CMAKE_FOLDER, run(cmake(cmakeDefines))), "cmake/Platform.cmake");
    }

    @ParameterizedTest(name = "CMAKE_OSX_ARCHITECTURES={0}")
    @CsvSource({"x86_64, osx_64", "arm64, osx_arm64"})
    void aMacBuildIsNamedByTheArchitectureItTargets(String architecture, String folder) throws Exception {
        // A build on an arm64 Mac for x86_64 (or the reverse) writes the folder of the target, not of the host.
        String hostArm = "APPLE=1 CMAKE_SYSTEM_PROCESSOR=arm64 CMAKE_OSX_ARCHITECTURES=" + architecture;
        assertEquals(folder, find(CMAKE_FOLDER, run(cmake(hostArm))));
    }

    @ParameterizedTest(name = "CMAKE_OSX_ARCHITECTURES={0}")
    @CsvSource({"'arm64;x86_64'"})
    void aUniversalMacBuildIsRefusedWithTheRule(String architectures) throws Exception {
        String output = run(cmake("APPLE=1 CMAKE_SYSTEM_PROCESSOR=arm64 CMAKE_OSX_ARCHITECTURES=" + architectures),
                false);
        assertTrue(output.contains("CMAKE_OSX_ARCHITECTURES='" + architectures + "'")
                && output.contains("one architecture at a time"), output);
    }

    private static List<String> nativeLibLoader(String osName, String osArch) throws URISyntaxException {
        String classPath = Stream.of(org.scijava.nativelib.NativeLibraryUtil.class, org.slf4j.Logger.class,
                        NativeLibLoaderAnswer.class)
                .map(ReleasedPlatformsTest::codeSource).collect(Collectors.joining(File.pathSeparator));
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Dos.name=" + osName,
                "-Dos.arch=" + osArch, "-cp", classPath, NativeLibLoaderAnswer.class.getName());
    }

    /**
     * cmake -P on a script that sets what a project on that platform would see, then includes Platform.cmake.
     * Variables, not -D: script mode presets WIN32 or APPLE for the machine it runs on, which -D would not override.
     */
    private List<String> cmake(String variables) throws IOException {
        StringBuilder script = new StringBuilder("set(WIN32 \"\")\nset(APPLE \"\")\nset(CMAKE_SIZEOF_VOID_P 8)\n");
        for (String assignment : variables.trim().split("\\s+")) {
            String[] pair = assignment.split("=", 2);
            script.append("set(").append(pair[0]).append(" \"").append(pair[1]).append("\")\n");
        }
        String platform = Path.of("cmake", "Platform.cmake").toAbsolutePath().toString().replace('\\', '/');
        script.append("include(\"").append(platform).append("\")\n");
        Path file = Files.writeString(work.resolve("platform-" + Integer.toHexString(variables.hashCode()) + ".cmake"),
                script, StandardCharsets.UTF_8);
        return List.of("cmake", "-P", file.toString());
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        return run(command, true);
    }

    /** What {@code command} printed (both streams); it must end within a minute, and succeed if {@code mustSucceed}. */
    private static String run(List<String> command, boolean mustSucceed) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        byte[] bytes = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), command + " did not end within 60 s");
        String output = new String(bytes, StandardCharsets.UTF_8);
        if (mustSucceed) {
            assertEquals(0, process.exitValue(), command + " failed:\n" + output);
        } else {
            assertTrue(process.exitValue() != 0, command + " succeeded:\n" + output);
        }
        return output;
    }

    private static String find(Pattern pattern, String output) {
        Matcher matcher = pattern.matcher(output);
        assertTrue(matcher.find(), pattern + " not in:\n" + output);
        return matcher.group(1);
    }

    private static String codeSource(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(type + " has no file location", e);
        }
    }
}
