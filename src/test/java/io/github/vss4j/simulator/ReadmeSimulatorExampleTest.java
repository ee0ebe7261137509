package io.github.vss4j.simulator;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.vss4j.ReadmeExample;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The test-kit example of docs/testing-with-the-simulator.md is NightlyBackupTest, which runs as a test: the two must stay the same. */
class ReadmeSimulatorExampleTest {

    @Test
    void theReadmeShowsExactlyNightlyBackupTest() throws IOException {
        String example = ReadmeExample.in("src/test/java/io/github/vss4j/simulator/NightlyBackupTest.java");
        String readme = ReadmeExample.readme();
        String section = readme.substring(readme.indexOf("## Testing your backup product without Windows"));
        assertTrue(section.contains("```java\n" + example + "```"), "docs/testing-with-the-simulator.md's section \"Testing your backup "
                + "product without Windows\" differs from NightlyBackupTest.java: update one to match the other");
    }
}
