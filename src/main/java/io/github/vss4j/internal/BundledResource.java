package io.github.vss4j.internal;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Collections;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A resource bundled with vss4j, a native or its digest: where it is (for messages) and its bytes. It is an entry
 * of a jar file, a file in a classes directory, or anything a URL can read. (One class for the three: each class
 * the loader needs costs a fresh JVM a fraction of a millisecond to load and verify.)
 */
final class BundledResource {
    private static final int SMALL = 4096;
    private final String location;
    private final File jar;
    private final String entry;
    private final Path file;
    private final URL url;
    /** A small jar entry's bytes, read while the jar was open to find it; null for the others. */
    private final byte[] small;

    private BundledResource(String location, File jar, String entry, Path file, URL url, byte[] small) {
        this.location = location;
        this.jar = jar;
        this.entry = entry;
        this.file = file;
        this.url = url;
        this.small = small;
    }

    /** Read through the URL's own connection; null for a null URL. */
    static BundledResource of(URL url) {
        return url == null ? null : new BundledResource(url.toString(), null, null, null, url, null);
    }

    /** {@code name} in the classes directory {@code dir}, or null if it is not there. */
    static BundledResource inDirectory(Path dir, String name) {
        Path file = dir.resolve(name);
        return Files.isRegularFile(file) ? new BundledResource(file.toUri().toString(), null, null, file, null, null)
                : null;
    }

    /**
     * Entry {@code name} of the jar file {@code jar} (whose URL is {@code jarUrl}), or null if it has none. Read
     * with {@code JarFile}, as the class loader reads the jar (signatures, if any, are checked the same way), and
     * not through a {@code jar:} URL, whose handlers cost a fresh JVM milliseconds to set up. A small entry (a
     * digest) is read at once, while the jar is open: opening it again costs a fresh JVM a few tenths of a ms.
     */
    static BundledResource inJar(File jar, String jarUrl, String name) throws IOException {
        try (JarFile opened = new JarFile(jar)) {
            JarEntry found = opened.getJarEntry(name);
            if (found == null) {
                return null;
            }
            byte[] small = null;
            if (found.getSize() >= 0 && found.getSize() <= SMALL) {
                try (InputStream in = opened.getInputStream(found)) {
                    small = in.readAllBytes();
                }
            }
            return new BundledResource("jar:" + jarUrl + "!/" + name, jar, name, null, null, small);
        }
    }

    /** Where it is, as a URL, e.g. {@code jar:file:/app/lib/vss4j.jar!/natives/linux_64/libvss4j.so}. */
    String location() {
        return location;
    }

    byte[] read() throws IOException {
        if (small != null) {
            return small.clone();
        }
        if (file != null) {
            return Files.readAllBytes(file);
        }
        if (url != null) {
            try (InputStream in = url.openStream()) {
                return in.readAllBytes();
            }
        }
        try (JarFile opened = new JarFile(jar)) {
            JarEntry found = opened.getJarEntry(entry);
            if (found == null) {
                throw new IOException(location + " is no longer in the jar");
            }
            try (InputStream in = opened.getInputStream(found)) {
                return in.readAllBytes();
            }
        }
    }

    /**
     * A bundled resource from vss4j's own jar (or classes directory), read from there directly: an earlier class
     * path entry that carries a {@code natives/} folder of its own does not shadow ours, and the class loaders'
     * lookup is not needed (in a fresh JVM it searches every JDK module first, milliseconds). Where the origin
     * cannot be told or read (no code source, unusual URL schemes), the class's own lookup is used, with a warning
     * if it is not ours. Null if vss4j has no such resource.
     */
    static BundledResource find(String name) {
        URL own = ownLocation();
        File ownPath = localFile(own);
        if (ownPath != null) {
            try {
                return ownPath.isDirectory() ? inDirectory(ownPath.toPath(), name)
                        : inJar(ownPath, own.toString(), name);
            } catch (IOException e) {
                log().debug("vss4j: cannot read {} from {} directly ({}); looking it up on the class path", name,
                        ownPath, e.toString());
            }
        }
        return of(lookUp(name, own == null ? null : own.toString()));
    }

    private static URL lookUp(String name, String own) {
        URL found = BundledResource.class.getResource("/" + name);
        if (found == null || own == null || isOwn(found, own)) {
            return found;
        }
        ClassLoader loader = BundledResource.class.getClassLoader();
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
            CodeSource source = BundledResource.class.getProtectionDomain().getCodeSource();
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

    /** Looked up when there is something to say. */
    private static Logger log() {
        return LoggerFactory.getLogger(BundledResource.class);
    }
}
