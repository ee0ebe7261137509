package io.github.vss4j.internal;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the vss4j shim once per class loader: {@link #load()} is idempotent and thread-safe.
 *
 * <p>By default the library bundled in the jar for this platform ({@code natives/<platform>/}, native-lib-loader's
 * folder names) is checked against the SHA-256 recorded at build time, extracted into an owner-only directory
 * named by version and digest (reused while it is intact) and loaded with {@code System.load} from vss4j's own
 * class ({@link NativeLoader}). A warm load, the usual case, is {@link ExtractedLibrary#findIntact}: the earlier
 * extraction checked as {@link NativeLoader} would check it, with fewer classes and without opening the jar.
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
    /** A platform folder name (e.g. {@code linux_64}) to use instead of the detected one. */
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
            String version = version();
            Path intact = ExtractedLibrary.findIntact(version);
            if (intact != null) {
                try {
                    System.load(intact.toString());
                    loaded = intact;
                    return;
                } catch (UnsatisfiedLinkError e) {
                    // NativeLoader checks again and says why, or loads a private copy (another class loader has it)
                }
            }
            loaded = new NativeLoader(version, null).load();
        }
    }

    /** The file the shim was loaded from, once {@link #load()} has succeeded. */
    public static Optional<Path> loadedFile() {
        return Optional.ofNullable(loaded);
    }

    /**
     * A bundled resource from vss4j's own jar (or classes directory), read from there directly: an earlier class
     * path entry that carries a {@code natives/} folder of its own does not shadow ours, and the class loaders'
     * lookup is not needed (in a fresh JVM it searches every JDK module first, milliseconds). Where the origin
     * cannot be told or read (no code source, unusual URL schemes), the class's own lookup is used, with a warning
     * if it is not ours. Null if vss4j has no such resource.
     */
    static BundledResource resource(String name) {
        URL own = ownLocation();
        File ownPath = localFile(own);
        if (ownPath != null) {
            try {
                return ownPath.isDirectory() ? BundledResource.inDirectory(ownPath.toPath(), name)
                        : BundledResource.inJar(ownPath, own.toString(), name);
            } catch (IOException e) {
                log().debug("vss4j: cannot read {} from {} directly ({}); looking it up on the class path", name,
                        ownPath, e.toString());
            }
        }
        return BundledResource.of(lookUp(name, own == null ? null : own.toString()));
    }

    private static URL lookUp(String name, String own) {
        URL found = NativeLibrary.class.getResource("/" + name);
        if (found == null || own == null || isOwn(found, own)) {
            return found;
        }
        ClassLoader loader = NativeLibrary.class.getClassLoader();
        try {
            Enumeration<URL> all = loader == null ? ClassLoader.getSystemResources(name) : loader.getResources(name);
            for (URL candidate : Collections.list(all)) {
                if (isOwn(candidate, own)) {
                    return candidate;
                }
            }
        } catch (IOException e) {
            log().debug("vss4j: cannot list the class path's copies of {}: {}", name, e.toString());
        }
        log().warn("vss4j: {} comes from {}, not from vss4j's own location {}", name, found, own);
        return found;
    }

    private static boolean isOwn(URL url, String own) {
        String s = url.toString();
        return s.startsWith(own) || s.startsWith("jar:" + own + "!/");
    }

    /** Where this class was loaded from (a jar or a classes directory), or null where that is not known. */
    private static URL ownLocation() {
        try {
            CodeSource source = NativeLibrary.class.getProtectionDomain().getCodeSource();
            return source == null ? null : source.getLocation();
        } catch (SecurityException e) {
            return null;
        }
    }

    /** A {@code file:} URL as a file; null for anything else. (java.io's conversion: NIO's loads more classes.) */
    private static File localFile(URL url) {
        if (url == null || !"file".equals(url.getProtocol())) {
            return null;
        }
        try {
            return new File(url.toURI());
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    /** Looked up when there is something to say: see {@link NativeLoader} on a warm load and SLF4J. */
    private static Logger log() {
        return LoggerFactory.getLogger(NativeLibrary.class);
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
