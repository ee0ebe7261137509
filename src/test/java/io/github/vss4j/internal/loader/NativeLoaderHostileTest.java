package io.github.vss4j.internal.loader;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * The loader against a truncated native and against extraction places it cannot use: a read-only file system,
 * a path through a regular file, a noexec file system. Each is refused with a message that says what happened and
 * what to do, and nothing half-written is loaded. (Tampering, foreign owners and loose modes: NativeLoaderTest.)
 */
class NativeLoaderHostileTest extends PretendJarTest {
    private static final byte[] LIBRARY = "pretend this is a shared library, long enough to be cut in half"
            .getBytes(StandardCharsets.US_ASCII);
    private static final String DIGEST = NativeLoader.sha256(LIBRARY);

    NativeLoaderHostileTest() {
        super(LIBRARY);
    }

    @Test
    void aTruncatedNativeInTheJarIsRefusedAndNothingIsExtracted() throws IOException {
        for (int length : new int[] {0, 1, LIBRARY.length / 2, LIBRARY.length - 1}) {
            byte[] truncated = Arrays.copyOf(LIBRARY, length);
            put(PLATFORM.resource(), truncated);

            UnsatisfiedLinkError error = assertThrows(UnsatisfiedLinkError.class, () -> loader().load());

            String message = error.getMessage();
            assertTrue(message.contains("actual SHA-256 " + NativeLoader.sha256(truncated)), message);
            assertTrue(message.contains("corrupt or has been tampered with"), message);
            assertTrue(message.contains("Nothing was loaded"), message);
            assertEquals(List.of(), linked);
            assertFalse(Files.exists(extract), "nothing extracted for a " + length + "-byte native");
        }
    }

    @Test
    void aTruncatedExtractedFileIsReplacedBeforeItIsLoaded() throws IOException {
        loader().load();
        for (int length : new int[] {0, LIBRARY.length / 2}) {
            expectedFile().toFile().setWritable(true, true);
            Files.write(expectedFile(), Arrays.copyOf(LIBRARY, length));

            NativeLoader again = loader();
            Path loaded = again.load();

            assertEquals(NativeLoader.Outcome.REPLACED, again.outcome(), "after truncation to " + length);
            assertArrayEquals(LIBRARY, Files.readAllBytes(loaded));
        }
        assertEquals(3, linked.size());
        for (Path file : linked) {
            assertEquals(expectedFile(), file);
        }
    }

    private void assertExtractionRefused(String why) {
        UnsatisfiedLinkError error = assertThrows(UnsatisfiedLinkError.class, () -> loader().load(), why);
        String message = error.getMessage();
        assertTrue(message.contains("cannot extract it to an owner-only directory"), why + ": " + message);
        assertTrue(message.contains("set -D" + NativeLibrary.EXTRACT_DIR_PROPERTY), why + ": " + message);
        assertTrue(message.contains("Nothing was loaded"), why + ": " + message);
        assertEquals(List.of(), linked, why);
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void anExtractionDirectoryOnAReadOnlyFileSystemIsRefusedClearly() {
        // /proc accepts no new directory, even from root (file modes would not stop root, who runs CI here).
        properties.put(NativeLibrary.EXTRACT_DIR_PROPERTY, "/proc/vss4j-extract");
        assertExtractionRefused("read-only /proc");
        properties.remove(NativeLibrary.EXTRACT_DIR_PROPERTY);
        properties.put("java.io.tmpdir", "/proc");
        assertExtractionRefused("java.io.tmpdir=/proc");
    }

    @Test
    void anExtractionDirectoryBelowARegularFileIsRefusedClearly() throws IOException {
        Path file = Files.writeString(tmp.resolve("a-file"), "not a directory");
        properties.put(NativeLibrary.EXTRACT_DIR_PROPERTY, file.resolve("extract").toString());
        assertExtractionRefused("below a regular file");
        properties.put(NativeLibrary.EXTRACT_DIR_PROPERTY, file.toString());
        assertExtractionRefused("a regular file");
    }

    @Test
    void aNoexecExtractionDirectoryIsNamedAsTheLikelyCause() {
        // glibc's words when the file system is mounted noexec; mounting one needs privileges a test does not have.
        UnsatisfiedLinkError noexec = new UnsatisfiedLinkError(expectedFile()
                + ": failed to map segment from shared object");
        NativeLoader loader = new TestNativeLoader(properties::get, () -> PLATFORM, this::resource, "1.2.3", file -> {
            throw noexec;
        }, null);

        UnsatisfiedLinkError error = assertThrows(UnsatisfiedLinkError.class, loader::load);

        String message = error.getMessage();
        assertTrue(message.contains("failed to map segment from shared object"), message);
        assertTrue(message.contains("noexec"), message);
        assertTrue(message.contains("-D" + NativeLibrary.EXTRACT_DIR_PROPERTY), message);
    }
}
