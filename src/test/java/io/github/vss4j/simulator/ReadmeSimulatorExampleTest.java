package io.github.vss4j.simulator;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's test-kit example is NightlyBackupTest, which runs as a test: the two must stay the same. */
class ReadmeSimulatorExampleTest {

    @Test
    void theReadmeShowsExactlyNightlyBackupTest() throws IOException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        String source = Files.readString(Path.of("src/test/java/io/github/vss4j/simulator/NightlyBackupTest.java"),
                StandardCharsets.UTF_8);
        String begins = "// README example begins\n";
        String example = source.substring(source.indexOf(begins) + begins.length(),
                source.indexOf("// README example ends"));
        String section = readme.substring(readme.indexOf("## Testing your backup product without Windows"));
        assertTrue(section.contains("```java\n" + example + "```"), "README.md's section \"Testing your backup "
                + "product without Windows\" differs from NightlyBackupTest.java: update one to match the other");
    }
}
