package io.github.vss4j.internal.loader;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.security.CodeSource;
import java.util.Collections;

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

    /**
     * From vss4j's own jar, module or classes directory, so that an earlier class path entry's {@code natives/}
     * cannot shadow ours; null if ours has none. Only where our location is unknown, the class loader's first.
     */
    static BundledResource find(String name) throws IOException {
        CodeSource source = BundledResource.class.getProtectionDomain().getCodeSource();
        ClassLoader loader = BundledResource.class.getClassLoader();
        if (source == null || source.getLocation() == null || loader == null) {
            return of(BundledResource.class.getResource("/".concat(name)));
        }
        String own = source.getLocation().toString();
        for (URL candidate : Collections.list(loader.getResources(name))) {
            String at = candidate.toString();
            if (at.startsWith("jar:".concat(own).concat("!/")) || at.startsWith(own)) {
                return of(candidate);
            }
        }
        return null;
    }
}
