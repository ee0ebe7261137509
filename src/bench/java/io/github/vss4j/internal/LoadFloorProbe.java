package io.github.vss4j.internal;

import java.nio.file.Path;

/**
 * Child JVM, bench only: the least that any loader which verifies before it loads must do on a warm load, timed
 * like {@code LoadProbe} (vss4j's jar already open): hash the reused library file (with vss4j's own SHA-256, the
 * fastest here in a fresh JVM) and {@code System.load} it. No property, platform, resource, directory or owner
 * check. Args: the library file.
 */
public final class LoadFloorProbe {
    private LoadFloorProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        Class.forName("io.github.vss4j.internal.NativeLibrary", false, LoadFloorProbe.class.getClassLoader());
        long start = System.nanoTime();
        String digest = Sha256.hex(file);
        System.load(file.toString());
        long end = System.nanoTime();
        System.out.println("load_ns " + (end - start));
        System.out.println("digest_chars " + digest.length());  // used, so the hash cannot be left out
    }
}
