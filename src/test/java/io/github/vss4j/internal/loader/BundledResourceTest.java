package io.github.vss4j.internal.loader;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Jar entries as the loader reads them: small ones (digests) at lookup, large ones (natives) when asked. */
class BundledResourceTest {
    private static final byte[] DIGEST = "0123abcd  libvss4j.so\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] LIBRARY = new byte[256 * 1024];

    static {
        new Random(7).nextBytes(LIBRARY);
    }

    @TempDir
    Path tmp;

    private Path jar() throws IOException {
        Path jar = tmp.resolve("v.jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            out.putNextEntry(new JarEntry("natives/linux_64/libvss4j.so.sha256"));
            out.write(DIGEST);
            out.putNextEntry(new JarEntry("natives/linux_64/libvss4j.so"));
            out.write(LIBRARY);
        }
        return jar;
    }

    @Test
    void smallAndLargeEntriesReadTheirBytesAndNameTheirPlace() throws IOException {
        Path jar = jar();
        String url = jar.toUri().toString();

        BundledResource digest = BundledResource.inJar(jar.toFile(), url, "natives/linux_64/libvss4j.so.sha256");
        BundledResource library = BundledResource.inJar(jar.toFile(), url, "natives/linux_64/libvss4j.so");

        assertArrayEquals(DIGEST, digest.read());
        assertArrayEquals(LIBRARY, library.read());
        assertEquals("jar:" + url + "!/natives/linux_64/libvss4j.so.sha256", digest.location());
    }

    @Test
    void aSmallEntryIsReadAtLookupAndEachReadIsACopy() throws IOException {
        Path jar = jar();
        BundledResource digest = BundledResource.inJar(jar.toFile(), jar.toUri().toString(),
                "natives/linux_64/libvss4j.so.sha256");
        Files.delete(jar);  // read at lookup: the jar is not needed again

        byte[] first = digest.read();
        first[0] = 'X';

        assertArrayEquals(DIGEST, digest.read());
    }

    @Test
    void aMissingEntryIsNull() throws IOException {
        Path jar = jar();
        assertNull(BundledResource.inJar(jar.toFile(), jar.toUri().toString(), "natives/plan9_mips/libvss4j.so"));
    }
}
