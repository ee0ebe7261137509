package io.github.vss4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command-line distribution (target/vss4j-&lt;version&gt;-cli.zip) as an operator uses it: unzipped, then
 * {@code bin/vss4j} (or {@code bin\vss4j.cmd} on Windows) run directly, with no {@code java -jar}.
 */
class CliDistributionIT {
    private static final long BOUND_SECONDS = 120;
    private static final Pattern C_COPY =
            Pattern.compile("(?m)^C:\\\\ +\\\\\\\\\\?\\\\GLOBALROOT\\\\Device\\\\HarddiskVolumeShadowCopy1 ");
    private static Path zip;

    @TempDir
    Path dir;

    @BeforeAll
    static void findZip() {
        String path = System.getProperty("vss4j.cliZip");
        assertTrue(path != null && Files.isRegularFile(Path.of(path)),
                "the build passes the CLI distribution as -Dvss4j.cliZip; got " + path);
        zip = Path.of(path);
    }

    @Test
    void holdsTheLaunchersTheJarsAndTheLicense() throws Exception {
        Path home = unzip();
        List<String> jars;
        try (Stream<Path> lib = Files.list(home.resolve("lib"))) {
            jars = lib.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
        for (String prefix : List.of("vss4j-cli-", "slf4j-api-", "slf4j-simple-", "jackson-databind-",
                "jackson-core-", "jackson-annotations-")) {
            assertEquals(1, jars.stream().filter(j -> j.startsWith(prefix) && j.endsWith(".jar")).count(),
                    "lib/ holds one " + prefix + "*.jar: " + jars);
        }
        assertEquals(1, jars.stream().filter(j -> j.matches("vss4j-\\d[^-]*(-SNAPSHOT)?\\.jar")).count(),
                "lib/ holds the library's jar: " + jars);
        assertTrue(Files.readString(home.resolve("LICENSE")).contains("Apache License"), "LICENSE at the top");
        assertTrue(Files.isRegularFile(home.resolve("NOTICE")), "NOTICE at the top");
        assertTrue(Files.readString(home.resolve("bin/vss4j.cmd")).contains("\r\n"), "the .cmd has CRLF line ends");
        assertFalse(Files.readString(home.resolve("bin/vss4j")).contains("\r"), "the sh launcher has LF only");
    }

    @Test
    void createsACopyOfASimulatedVolume() throws Exception {
        Path home = unzip();
        CliRun run = launch(home, Map.of(), "create", "--simulate", "C:");
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(C_COPY.matcher(run.out()).find(), run::toString);
        assertEquals("", run.err(), "no log lines, no warnings");
    }

    @Test
    void runsOnTheJavaThatJavaHomeNamesWithNativeAccessEnabled() throws Exception {
        // JDK 24 and later warn when a class-path library loads a native library without native access enabled.
        String jdk25 = System.getProperty("vss4j.jdk25Home");
        assertTrue(jdk25 != null && Files.isRegularFile(Path.of(jdk25, "release")),
                "the pom passes -Dvss4j.jdk25Home, a JDK 24 or later; got " + jdk25);
        Path home = unzip();
        CliRun run = launch(home, Map.of("JAVA_HOME", jdk25), "create", "--simulate", "C:");
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(C_COPY.matcher(run.out()).find(), run::toString);
        assertEquals("", run.err(), "no restricted-method warning: the launcher enables native access");
    }

    @Test
    void aJavaHomeWithoutJavaIsRefusedByName() throws Exception {
        Path home = unzip();
        Path notAJdk = Files.createDirectories(dir.resolve("not-a-jdk"));
        CliRun run = launch(home, Map.of("JAVA_HOME", notAJdk.toString()), "--version");
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.err().contains("JAVA_HOME is") && run.err().contains(notAJdk.toString())
                && run.err().contains("Java 17 or later"), run::toString);
    }

    /** Unzips as an operator does: with unzip where there is one (it keeps bin/vss4j executable). */
    private Path unzip() throws IOException, InterruptedException {
        Path target = Files.createDirectories(dir.resolve("unzipped"));
        if (CliRun.onWindows()) {
            unzipInJava(target);
        } else {
            Process unzip = new ProcessBuilder("unzip", "-q", zip.toString(), "-d", target.toString())
                    .redirectErrorStream(true).start();
            String said = new String(unzip.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(unzip.waitFor(BOUND_SECONDS, TimeUnit.SECONDS), "unzip ended");
            assertEquals(0, unzip.exitValue(), "unzip " + zip + ": " + said);
        }
        try (Stream<Path> top = Files.list(target)) {
            List<Path> folders = top.collect(Collectors.toList());
            assertEquals(1, folders.size(), "the zip holds one top folder: " + folders);
            assertTrue(folders.get(0).getFileName().toString().startsWith("vss4j-"), folders::toString);
            return folders.get(0);
        }
    }

    private void unzipInJava(Path target) throws IOException {
        try (InputStream in = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(in)) {
            for (ZipEntry entry; (entry = entries.getNextEntry()) != null; ) {
                Path to = target.resolve(entry.getName()).normalize();
                assertTrue(to.startsWith(target), "entry inside the zip's folder: " + entry.getName());
                if (entry.isDirectory()) {
                    Files.createDirectories(to);
                } else {
                    Files.createDirectories(to.getParent());
                    Files.copy(entries, to);
                }
            }
        }
    }

    private CliRun launch(Path home, Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (CliRun.onWindows()) {
            command.addAll(List.of("cmd.exe", "/c", home.resolve("bin").resolve("vss4j.cmd").toString()));
        } else {
            Path launcher = home.resolve("bin").resolve("vss4j");
            assertTrue(Files.isExecutable(launcher), launcher + " is executable");
            command.add(launcher.toString());
        }
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("JAVA_HOME");
        builder.environment().remove("JAVA_OPTS");
        builder.environment().putAll(environment);
        if (!environment.containsKey("JAVA_HOME")) {
            // The Java this test runs on, found through the PATH as an operator's shell would find it.
            Path bin = Path.of(System.getProperty("java.home"), "bin");
            builder.environment().merge("PATH", bin.toString(), (path, javaBin) -> javaBin + File.pathSeparator
                    + path);
        }
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Files.createTempFile(dir, "in", ".txt").toFile()))
                .start();
        if (!process.waitFor(BOUND_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(BOUND_SECONDS, TimeUnit.SECONDS);
            fail("bin/vss4j " + String.join(" ", args) + " did not end within " + BOUND_SECONDS + " s");
        }
        return new CliRun(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
