package io.github.vss4j;

import io.github.vss4j.internal.loader.NativeLibrary;
import java.util.function.Supplier;

/** Pretends another platform for a test through the loader's override ({@value NativeLibrary#PLATFORM_PROPERTY}). */
public final class PlatformOverride {
    private PlatformOverride() {
    }

    /**
     * Runs {@code body} with the platform folder name {@code platform} (such as {@code windows_32}; {@code null}
     * for the detected platform), then puts back whatever was there.
     */
    public static <T> T pretending(String platform, Supplier<T> body) {
        String before = System.getProperty(NativeLibrary.PLATFORM_PROPERTY);
        set(platform);
        try {
            return body.get();
        } finally {
            set(before);
        }
    }

    private static void set(String platform) {
        if (platform == null) {
            System.clearProperty(NativeLibrary.PLATFORM_PROPERTY);
        } else {
            System.setProperty(NativeLibrary.PLATFORM_PROPERTY, platform);
        }
    }
}
