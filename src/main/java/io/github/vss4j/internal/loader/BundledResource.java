package io.github.vss4j.internal.loader;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarFile;

/** A resource bundled with vss4j, a native or its digest: its URL (for messages) and its bytes, read at lookup. */
record BundledResource(String location, byte[] bytes) {
    byte[] read() {
        return bytes.clone();
    }

    /** Read through the URL's own connection; null for a null URL. */
    static BundledResource of(URL url) throws IOException {
        if (url == null) {
            return null;
        }
        try (InputStream in = url.openStream()) {
            return new BundledResource(url.toString(), in.readAllBytes());
        }
    }

    /** Entry {@code name} of the jar file {@code jar} (whose URL is {@code jarUrl}), or null if it has none. */
    static BundledResource inJar(File jar, String jarUrl, String name) throws IOException {
        try (JarFile opened = new JarFile(jar)) {
            var found = opened.getJarEntry(name);
            try (InputStream in = found == null ? null : opened.getInputStream(found)) {
                String where = "jar:".concat(jarUrl).concat("!/").concat(name);
                return in == null ? null : new BundledResource(where, in.readAllBytes());
            }
        }
    }

    /**
     * From vss4j's own jar or classes directory, so that an earlier class path entry's {@code natives/} cannot
     * shadow ours; where that is no local file, the class loader's copy from our location, else its first.
     */
    static BundledResource find(String name) throws IOException {
        CodeSource source = BundledResource.class.getProtectionDomain().getCodeSource();
        URL own = source == null ? null : source.getLocation();
        File ownFile = null;
        try {
            ownFile = own != null && "file".equals(own.getProtocol()) ? new File(own.toURI()) : null;
        } catch (URISyntaxException | IllegalArgumentException e) {
            // not a plain file: looked up below
        }
        if (ownFile != null && ownFile.isDirectory()) {
            Path file = ownFile.toPath().resolve(name);
            return Files.isRegularFile(file) ? new BundledResource(file.toUri().toString(), Files.readAllBytes(file)) : null;
        } else if (ownFile != null) {
            return inJar(ownFile, own.toString(), name);
        }
        ClassLoader loader = BundledResource.class.getClassLoader();
        List<URL> candidates = own == null || loader == null ? List.of() : Collections.list(loader.getResources(name));
        for (URL candidate : candidates) {
            if (candidate.toString().startsWith(own.toString()) || candidate.toString().startsWith("jar:" + own + "!/")) {
                return of(candidate);
            }
        }
        return of(BundledResource.class.getResource("/" + name));
    }
}
