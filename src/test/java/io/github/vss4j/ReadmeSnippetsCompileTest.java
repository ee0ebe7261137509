package io.github.vss4j;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.vss4j.simulator.Simulation;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.spi.ToolProvider;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;

/**
 * Every {@code ```java} block of README.md and docs/*.md compiles against the library as it is. A block that is a whole source
 * file (it has imports or a class) is compiled as it stands; any other block is a fragment, compiled as the body of
 * a method that may throw, with the imports a reader would add ({@code io.github.vss4j}, its simulator, {@code java.io.InputStream},
 * {@code java.nio.channels}, {@code java.nio.file} and its {@code attribute} package,
 * {@code java.time}, {@code java.util}, {@code java.util.concurrent}) and the few names the README's fragments
 * take as given: {@code log} (an SLF4J Logger), {@code copies} (a {@code List<String>}) and
 * {@code read(volume, deviceObject)}.
 */
class ReadmeSnippetsCompileTest {
    private static final Pattern BLOCK = Pattern.compile("(?m)^```java\\n(.*?)^```$", Pattern.DOTALL);
    private static final Pattern CLASS = Pattern.compile("(?m)^(?:public\\s+)?(?:final\\s+)?class\\s+(\\w+)");
    private static final Pattern WHOLE_FILE = Pattern.compile("(?m)^(?:package|import)\\s");

    @Test
    void everyJavaBlockOfTheReadmeCompiles(@TempDir Path work) throws Exception {
        List<String> failures = new ArrayList<>();
        for (Path document : ReadmeExample.documents()) {
            String text = Files.readString(document, StandardCharsets.UTF_8);
            Matcher block = BLOCK.matcher(text);
            int blocks = 0;
            while (block.find()) {
                blocks++;
                int line = lineOf(text, block.start(1));
                String name = document.toString().replace('\\', '/');
                String failure = compile(block.group(1), name, line,
                        work.resolve(name.replaceAll("\\W", "_") + "-line-" + line));
                if (failure != null) {
                    failures.add(failure);
                }
            }
            assertFalse(blocks == 0 && document.equals(Path.of("README.md")),
                    "README.md has no ```java block: has the pattern drifted?");
        }
        if (!failures.isEmpty()) {
            fail(String.join("\n\n", failures));
        }
    }

    @Test
    void aBlockThatDoesNotCompileIsReportedWithItsLine(@TempDir Path work) throws Exception {
        String failure = compile("Vss vss = Vss.simulator(42);\n", "README.md", 7, work);
        assertNotNull(failure, "a block calling Vss.simulator(int) must not compile");
        Assertions.assertTrue(failure.startsWith("README.md line 7:"), failure);
    }

    /** Null when {@code code} compiles; else what javac says, led by the document and line where the block starts. */
    private static String compile(String code, String document, int line, Path dir) throws IOException, URISyntaxException {
        Files.createDirectories(dir);
        String source;
        String className;
        Matcher named = CLASS.matcher(code);
        if (WHOLE_FILE.matcher(code).find() && named.find()) {
            source = code;
            className = named.group(1);
        } else {
            className = "ReadmeBlockAtLine" + line;
            source = wrap(className, code);
        }
        Path file = dir.resolve(className + ".java");
        Files.writeString(file, source, StandardCharsets.UTF_8);
        // java.util.spi's javac, not javax.tools: the tests run in the library's module, which reads no java.compiler.
        ToolProvider javac = ToolProvider.findFirst("javac").orElseThrow(() -> new AssertionError("no javac: run the"
                + " tests on a JDK"));
        StringWriter output = new StringWriter();
        int exit;
        try (PrintWriter out = new PrintWriter(output)) {
            exit = javac.run(out, out, "-classpath", classPath(), "-d", dir.toString(), "-proc:none",
                    "-implicit:none", "-encoding", "UTF-8", file.toString());
        }
        if (exit == 0) {
            return null;
        }
        return document + " line " + line + ": this ```java block does not compile:\n" + output
                + "--- compiled as\n" + source;
    }

    private static String wrap(String className, String fragment) {
        return """
                import io.github.vss4j.*;
                import io.github.vss4j.simulator.*;
                import java.io.InputStream;
                import java.nio.channels.*;
                import java.nio.file.*;
                import java.nio.file.attribute.*;
                import java.time.*;
                import java.util.*;
                import java.util.concurrent.*;
                import org.slf4j.Logger;
                import org.slf4j.LoggerFactory;

                class %s {
                    private static final Logger log = LoggerFactory.getLogger("README");
                    private final List<String> copies = new ArrayList<>();

                    private void read(String volume, String deviceObject) {
                    }

                    void block() throws Exception {
                %s
                    }
                }
                """.formatted(className, fragment);
    }

    // The test JVM's class path may be a surefire manifest jar: name the jars that hold what the blocks use.
    private static String classPath() throws URISyntaxException {
        Set<String> entries = new LinkedHashSet<>(
                List.of(System.getProperty("java.class.path").split(File.pathSeparator)));
        for (Class<?> c : List.of(Vss.class, Simulation.class, Logger.class, Assertions.class, Test.class)) {
            entries.add(Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
        }
        return String.join(File.pathSeparator, entries);
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
