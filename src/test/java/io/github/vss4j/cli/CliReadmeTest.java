package io.github.vss4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README says what the command line does: its first command, example machine and exit codes stay true. */
class CliReadmeTest {
    private static String readme() throws Exception {
        return Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
    }

    /** The operators' page, where the README's "Command line" section moved. */
    private static String cliPage() throws Exception {
        return Files.readString(Path.of("docs", "cli.md"), StandardCharsets.UTF_8);
    }

    @Test
    void opensWithWhatItIsThenTheFirstCommand() throws Exception {
        String readme = readme();
        int block = firstPlainBlock(readme);
        assertTrue(readme.indexOf("Take Windows shadow copies from Java") < block);
        String first = readme.substring(block, readme.indexOf("\n```", block));
        // The CLI jar this build makes (its name carries the version, so a release updates the README's command).
        String cliJar = System.getProperty("vss4j.testJar", "vss4j-0.1.0-SNAPSHOT.jar").replaceAll(".*[/\\\\]", "")
                .replace(".jar", "-cli.jar");
        assertEquals("mvn -B -ntp -DskipTests package && java -jar target/" + cliJar + " create --simulate C: D:",
                first, "CliJarIT.theReadmesFirstCommand runs this");
    }

    /** Where the text of the first block fenced by a bare {@code ```} (not {@code ```xml}, {@code ```java}) starts. */
    private static int firstPlainBlock(String text) {
        boolean inBlock = false;
        int offset = 0;
        for (String line : text.split("\n", -1)) {
            int next = offset + line.length() + 1;
            if (line.startsWith("```")) {
                if (!inBlock && line.equals("```")) {
                    return next;
                }
                inBlock = !inBlock;
            }
            offset = next;
        }
        throw new AssertionError("README.md has no block fenced by a bare ```");
    }

    @Test
    void showsTheExampleMachineAsItIs() throws Exception {
        String example = Files.readString(CliRun.exampleMachine(), StandardCharsets.UTF_8);
        assertTrue(cliPage().contains("```json\n" + example + "```"), "docs/cli.md's machine file differs from "
                + CliRun.exampleMachine());
    }

    @Test
    void documentsEveryExitCode() throws Exception {
        String readme = cliPage();
        for (ExitCode code : ExitCode.values()) {
            assertTrue(readme.contains("| " + code.code() + " | " + code.label() + " | "), code::toString);
        }
    }
}
