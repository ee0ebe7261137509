package io.github.vss4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.vss4j.probes.OneShadowCopy;
import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JDK 24 and later restrict {@code System.load}: on a JDK 25 with {@code --illegal-native-access=deny}, the built
 * command-line jar works as {@code java -jar} (its manifest grants native access), and the library works on the
 * class path with {@code --enable-native-access=ALL-UNNAMED} and on the module path with
 * {@code --enable-native-access=io.github.vss4j}, none of them printing the JDK's restricted-method warning. The
 * JDK comes from {@code -Dvss4j.jdk25Home} (the pom names this machine's); a machine without it fails here,
 * loudly, rather than skip.
 */
class NativeAccessIT {
    private static final long BOUND_SECONDS = 120;
    private static final String DENY = "--illegal-native-access=deny";
    private static final String WARNING = "WARNING: A restricted method";
    private static Path java;

    @TempDir
    Path dir;

    @BeforeAll
    static void findJdk25() throws Exception {
        String home = System.getProperty("vss4j.jdk25Home");
        assertTrue(home != null && !home.isBlank(), "the pom passes -Dvss4j.jdk25Home");
        Path release = Path.of(home, "release");
        assertTrue(Files.isRegularFile(release), "no JDK at -Dvss4j.jdk25Home=" + home + " (no release file): install"
                + " a JDK 24 or later and point -Dvss4j.jdk25Home at it");
        Matcher version = Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)").matcher(Files.readString(release));
        assertTrue(version.find() && Integer.parseInt(version.group(1)) >= 24,
                home + " is not a JDK 24 or later: " + Files.readString(release));
        java = Path.of(home, "bin", File.separatorChar == '\\' ? "java.exe" : "java");
        assertTrue(Files.isExecutable(java), java + " is executable");
    }

    private ChildJvm.Ended run(List<String> arguments) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.add("-Dvss4j.extract.dir=" + dir.resolve("extract"));
        command.add(DENY);
        command.addAll(arguments);
        return ChildJvm.run(command, dir, dir.resolve("output.txt"), BOUND_SECONDS);
    }

    private static void assertWorkedWithoutWarning(ChildJvm.Ended ended, String expected) {
        assertEquals(0, ended.exit(), ended.output());
        assertTrue(ended.output().contains(expected), ended.output());
        assertFalse(ended.output().contains(WARNING), ended.output());
        assertFalse(ended.output().contains("IllegalCallerException"), ended.output());
    }

    @Test
    void theCommandLineJarNeedsNoFlag() throws Exception {
        String cliJar = System.getProperty("vss4j.cliJar");
        assertTrue(cliJar != null && Files.isRegularFile(Path.of(cliJar)), "the pom passes -Dvss4j.cliJar: " + cliJar);

        ChildJvm.Ended ended = run(List.of("-jar", cliJar, "create", "--simulate", "C:"));

        assertWorkedWithoutWarning(ended, "HarddiskVolumeShadowCopy1");
    }

    @Test
    void theLibraryOnTheClassPathWithAllUnnamed() throws Exception {
        ChildJvm.Ended ended = run(List.of("--enable-native-access=ALL-UNNAMED", "-cp",
                ChildJvm.classPath(OneShadowCopy.class), OneShadowCopy.class.getName()));

        assertWorkedWithoutWarning(ended, "COPIES 1");
    }

    @Test
    void theLibraryOnTheModulePathWithItsModuleName() throws Exception {
        String modulePath = String.join(File.pathSeparator, System.getProperty("vss4j.testJar"),
                codeSource(org.slf4j.LoggerFactory.class).toString(),
                codeSource(org.slf4j.simple.SimpleLogger.class).toString());

        ChildJvm.Ended ended = run(List.of("--enable-native-access=io.github.vss4j", "--module-path", modulePath,
                "--add-modules", "io.github.vss4j", "-cp", codeSource(OneShadowCopy.class).toString(),
                OneShadowCopy.class.getName()));

        assertWorkedWithoutWarning(ended, "COPIES 1");
    }

    private static Path codeSource(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
