package io.github.vss4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * Reproducible builds: this build's jars and CLI zip are byte for byte those of another clean build of the same
 * commit, made from a copy of the tree in another folder (so that a build path compiled into a native shows).
 * {@code .ci/run} makes that reference build first and names its folder in {@code VSS4J_REPRODUCIBLE_REFERENCE};
 * without it (a developer's {@code mvn verify}) there is nothing to compare with. {@code .ci/check-reproducible}
 * makes both builds itself.
 */
class ReproducibleBuildIT {
    static final String REFERENCE = "VSS4J_REPRODUCIBLE_REFERENCE";

    @Test
    void theJarsAreThoseOfAnotherCleanBuildOfTheSameCommit() throws IOException {
        String reference = System.getenv(REFERENCE);
        assumeTrue(reference != null && !reference.isBlank(), REFERENCE + " names no reference build");
        Path theirs = Path.of(reference).resolve("target");
        Path ours = Path.of(System.getProperty("vss4j.cliZip")).getParent();
        List<Path> compared = new ArrayList<>();
        try (Stream<Path> built = Files.list(theirs)) {
            // The javadoc jar is not built by the reference (it takes minutes and holds no code).
            for (Path artifact : built.filter(p -> p.toString().endsWith(".jar") || p.toString().endsWith(".zip"))
                    .filter(p -> !p.getFileName().toString().endsWith("-javadoc.jar")).sorted().toList()) {
                Path mine = ours.resolve(artifact.getFileName());
                assertTrue(Files.isRegularFile(mine), mine + " was built here as in the reference " + artifact);
                if (!Arrays.equals(Files.readAllBytes(artifact), Files.readAllBytes(mine))) {
                    assertEquals(entries(artifact), entries(mine), mine + " differs from " + artifact
                            + " (entries: name -> size/CRC-32)");
                    assertEquals(artifact + " as bytes", mine + " as bytes",
                            "the entries are alike but the archives' bytes differ (times, order or extra fields)");
                }
                compared.add(mine);
            }
        }
        assertFalse(compared.isEmpty(), "the reference build in " + theirs + " made no jar");
        assertTrue(compared.stream().anyMatch(p -> p.getFileName().toString().endsWith("-cli.zip")),
                "the CLI zip is among " + compared);
    }

    /** Each entry's size, CRC-32 and time, by name: what tells where two archives differ. */
    private static Map<String, String> entries(Path archive) throws IOException {
        Map<String, String> result = new TreeMap<>();
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            for (ZipEntry entry : zip.stream().toList()) {
                long crc = entry.getCrc();
                if (crc < 0) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        crc = Arrays.hashCode(in.readAllBytes());
                    }
                }
                result.put(entry.getName(), entry.getSize() + "/" + Long.toHexString(crc) + "/" + entry.getTime());
            }
        }
        return result;
    }
}
