package io.github.vss4j.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * Loads the vss4j shim once per class loader: {@link #load()} is idempotent and thread-safe.
 *
 * <p>By default the library bundled in the jar for this platform ({@code natives/<platform>/}, native-lib-loader's
 * folder names) is checked against the SHA-256 recorded at build time, extracted into an owner-only directory
 * named by version and digest (reused while it is intact) and loaded with {@code System.load} from this class.
 * {@code java.library.path} is never searched (no DLL planting). Properties:
 * <ul>
 *   <li>{@value #LIBRARY_PATH_PROPERTY}: load this pre-installed library file instead of the bundled one;</li>
 *   <li>{@value #EXTRACT_DIR_PROPERTY}: the owner-only directory to extract into, instead of
 *       {@code <java.io.tmpdir>/vss4j-<user.name>};</li>
 *   <li>{@value #PLATFORM_PROPERTY}: the platform folder to use instead of the detected one.</li>
 * </ul>
 * A failure is an {@link UnsatisfiedLinkError} whose message names the platform, the resource, the file and the
 * digests, and whose cause (and suppressed exceptions) hold what went wrong underneath.
 */
public final class NativeLibrary {
    /** An explicit, pre-installed library file to load instead of the bundled one. */
    public static final String LIBRARY_PATH_PROPERTY = "vss4j.library.path";
    /** The directory to extract the bundled library into (for example when the temp directory is noexec). */
    public static final String EXTRACT_DIR_PROPERTY = "vss4j.extract.dir";
    /** A platform folder name (e.g. {@code linux_64}) to use instead of native-lib-loader's detection. */
    public static final String PLATFORM_PROPERTY = "vss4j.platform";

    private static final Object LOCK = new Object();
    private static volatile Path loaded;

    private NativeLibrary() {
    }

    /** Loads the shim unless it is loaded already; throws {@link UnsatisfiedLinkError} saying why not. */
    public static void load() {
        if (loaded != null) {
            return;
        }
        synchronized (LOCK) {
            if (loaded != null) {
                return;
            }
            NativeLoader loader = new NativeLoader(System::getProperty,
                    () -> NativePlatform.detect(System.getProperty(PLATFORM_PROPERTY)),
                    NativeLibrary::resource, version(), NativeLibrary::systemLoad, null);
            loaded = loader.load().file();
        }
    }

    /** The file the shim was loaded from, once {@link #load()} has succeeded. */
    public static Optional<Path> loadedFile() {
        return Optional.ofNullable(loaded);
    }

    /** {@code System.load} from this class, so the library belongs to this class's loader. */
    private static void systemLoad(Path file) {
        System.load(file.toString());
    }

    private static URL resource(String name) {
        return NativeLibrary.class.getResource("/" + name);
    }

    /** The jar's version: its manifest, else Maven's pom.properties, else "dev" (classes not in a jar). */
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
