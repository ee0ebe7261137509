package io.github.vss4j.internal.loader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/** The loader's entry point: loads the vss4j shim once per class loader; what it checks: the package comment. */
public final class NativeLibrary {
    /** An explicit, pre-installed library file to load instead of the bundled one. */
    public static final String LIBRARY_PATH_PROPERTY = "vss4j.library.path";
    /** The directory to extract the bundled library into (for example when the temp directory is noexec). */
    public static final String EXTRACT_DIR_PROPERTY = "vss4j.extract.dir";
    /** A platform folder name (e.g. {@code linux_64}) to use instead of the detected one. */
    public static final String PLATFORM_PROPERTY = "vss4j.platform";

    private static final Object LOCK = new Object();
    private static volatile Path loaded;
    /** Kept while this class lives: it holds the mark that its folder is in use. */
    private static NativeLoader loader;

    private NativeLibrary() {
    }

    /** Loads the shim unless it is loaded already; throws {@link UnsatisfiedLinkError} saying why not. */
    public static void load() {
        if (loaded != null) {
            return;
        }
        synchronized (LOCK) {
            if (loaded == null) {
                NativeLoader once = new NativeLoader(version(), null);
                loaded = once.load();
                loader = once;
            }
        }
    }

    /** Throws {@link UnsupportedOperationException} in a 32-bit JVM on Windows, saying what to run instead. */
    public static void checkRequester() {
        String why = NativePlatform.why32BitWindows(System.getProperty(PLATFORM_PROPERTY), System.getProperty("os.name"),
                System.getProperty("os.arch"), System.getProperty("sun.arch.data.model"));
        if (why != null) {
            throw new UnsupportedOperationException(why);
        }
    }

    /** The file the shim was loaded from, once {@link #load()} has succeeded. */
    public static Optional<Path> loadedFile() {
        return Optional.ofNullable(loaded);
    }

    /** The manifest's version (class path), else pom.properties' (a named module), else "dev" (no jar). */
    static String version() {
        String version = NativeLibrary.class.getPackage().getImplementationVersion();
        if (version != null) {
            return version;
        }
        try (InputStream in = NativeLibrary.class.getResourceAsStream("/META-INF/maven/io.github.vss4j/vss4j/pom.properties")) {
            if (in != null) {
                Properties pom = new Properties();
                pom.load(in);
                return pom.getProperty("version", "dev");
            }
        } catch (IOException e) {
            // the version only names the extraction directory; the digest beside it is what matters
        }
        return "dev";
    }
}
