package io.github.vss4j.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.scijava.nativelib.NativeLibraryUtil;

/** Loads the shim once. PLACEHOLDER: the verified, cached loader of issue 2 replaces this body. */
public final class NativeLibrary {
    private static volatile boolean loaded;

    private NativeLibrary() {
    }

    public static synchronized void load() {
        if (loaded) {
            return;
        }
        String resource = "/" + NativeLibraryUtil.getPlatformLibraryPath("natives/")
                + NativeLibraryUtil.getPlatformLibraryName("vss4j");
        try (InputStream in = NativeLibrary.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new UnsatisfiedLinkError("vss4j: no native library at " + resource);
            }
            Path file = Files.createTempFile("vss4j", ".so");
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            System.load(file.toString());
            loaded = true;
        } catch (IOException e) {
            throw new UnsatisfiedLinkError("vss4j: " + e);
        }
    }
}
