package io.github.vss4j.internal.loader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The loader tests' world: a pretend jar (a directory) holding one native and its recorded SHA-256, the system
 * properties the loader sees, and a {@code System.load} that only records what it was given.
 */
abstract class PretendJarTest {
    static final NativePlatform PLATFORM = NativePlatform.ofFolder("linux_64");

    private final byte[] library;
    private final String digest;

    @TempDir
    Path tmp;
    Path jar;
    Path extract;
    final Map<String, String> properties = new HashMap<>();
    final List<Path> linked = Collections.synchronizedList(new ArrayList<>());

    PretendJarTest(byte[] library) {
        this.library = library;
        this.digest = NativeLoader.sha256(library);
    }

    @BeforeEach
    void pretendJar() throws IOException {
        jar = tmp.resolve("jar");
        extract = tmp.resolve("extract");
        put(PLATFORM.resource(), library);
        put(PLATFORM.digestResource(), (digest + "  libvss4j.so\n").getBytes(StandardCharsets.US_ASCII));
        properties.put(NativeLibrary.EXTRACT_DIR_PROPERTY, extract.toString());
        properties.put("os.name", "Linux");
        properties.put("os.arch", "amd64");
        properties.put("user.name", "tester");
        properties.put("java.io.tmpdir", tmp.resolve("java-tmp").toString());
    }

    /** Ends each load's mark on its folder: the folders go with the test's temp directory. */
    @AfterEach
    void releaseMarks() throws IOException {
        for (NativeLoader loader : TestNativeLoader.created()) {
            loader.release();
        }
    }

    /** Puts {@code bytes} into the pretend jar as {@code resource}. */
    void put(String resource, byte[] bytes) throws IOException {
        Path file = jar.resolve(resource);
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }

    NativeLoader loader() {
        return loader(PLATFORM, null);
    }

    NativeLoader loader(NativePlatform platform, UserPrincipal self) {
        return new TestNativeLoader(properties::get, () -> platform, this::resource, "1.2.3", linked::add, self);
    }

    /** Where the loader places the native: the version and the digest's first 16 characters name the directory. */
    Path expectedFile() {
        return extract.resolve("1.2.3-" + digest.substring(0, 16)).resolve("libvss4j.so");
    }

    BundledResource resource(String name) {
        Path file = jar.resolve(name);
        try {
            return Files.exists(file) ? BundledResource.of(file.toUri().toURL()) : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
