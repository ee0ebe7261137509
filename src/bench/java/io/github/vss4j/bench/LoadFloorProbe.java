package io.github.vss4j.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;

/**
 * Child JVM: the least that any loader which verifies before it loads must do on a warm load, timed like
 * {@link LoadProbe} (vss4j's jar already open): hash the reused library file with the JDK's SHA-256, as vss4j does,
 * and {@code System.load} it. No property, platform, resource, directory or owner check. Args: the library file.
 */
public final class LoadFloorProbe {
    private LoadFloorProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        Class.forName("io.github.vss4j.internal.loader.NativeLibrary", false, LoadFloorProbe.class.getClassLoader());
        long start = System.nanoTime();
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
        System.load(file.toString());
        long end = System.nanoTime();
        System.out.println("load_ns " + (end - start));
        System.out.println("digest_bytes " + digest.length);  // used, so the hash cannot be left out
    }
}
