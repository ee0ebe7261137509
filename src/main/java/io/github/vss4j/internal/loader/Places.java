package io.github.vss4j.internal.loader;

import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Where the library is extracted: the base directories in the order tried, and the version folder's name. */
final class Places {
    static final String RUNTIME_DIR_VARIABLE = "XDG_RUNTIME_DIR";
    static final String CACHE_HOME_VARIABLE = "XDG_CACHE_HOME";
    /** The suffix of an elevated Windows run's default base ({@link OwnerOnly} says why it has its own). */
    static final String ELEVATED_SUFFIX = "-elevated";
    /** Enough of the digest to tell builds apart, short enough for Windows paths. */
    static final int DIR_DIGEST_PREFIX = 16;

    private Places() {
    }

    /** {@code configured} if set, else {@code <tmp>/vss4j-<user>[-elevated]}; absolute and normalized. */
    static Path baseDirectory(String configured, String tmp, String user, boolean elevated) throws IOException {
        try {
            if (configured != null && !configured.isBlank()) {
                return Path.of(configured).toAbsolutePath().normalize();
            }
            return Path.of(tmp).toAbsolutePath().normalize().resolve(baseName(user, elevated));
        } catch (InvalidPathException e) {
            throw new IOException("invalid extraction directory: " + e.getMessage(), e);
        }
    }

    static String baseName(String user, boolean elevated) {
        return "vss4j-".concat(safeName(user)).concat(elevated ? ELEVATED_SUFFIX : "");
    }

    /**
     * POSIX places in case another local user made {@code <tmp>/vss4j-<user>} first: {@code $XDG_RUNTIME_DIR/vss4j},
     * then {@code $XDG_CACHE_HOME/vss4j} or {@code <home>/.cache/vss4j}. Unset, relative (XDG ignores those) or
     * invalid values are left out.
     */
    static List<Path> fallbackDirectories(String runtimeDir, String cacheHome, String home) {
        Path cache = absoluteOrNull(cacheHome);
        Path homeDir = absoluteOrNull(home);
        cache = cache != null || homeDir == null ? cache : homeDir.resolve(".cache");
        List<Path> found = new ArrayList<>();
        for (Path dir : new Path[] {absoluteOrNull(runtimeDir), cache}) {
            if (dir != null) {
                found.add(dir.resolve("vss4j"));
            }
        }
        return found;
    }

    private static Path absoluteOrNull(String value) {
        try {
            Path p = value == null || value.isBlank() ? null : Path.of(value);
            return p != null && p.isAbsolute() ? p.normalize() : null;
        } catch (InvalidPathException e) {
            return null;
        }
    }

    /** {@code <version>-<first 16 hex digits of the digest>}. */
    static String directoryName(String version, String digest) {
        return safeName(version == null || version.isBlank() ? "dev" : version).concat("-")
                .concat(digest.substring(0, DIR_DIGEST_PREFIX));
    }

    /** Whether {@code name} has the form of {@link #directoryName}: another build's folder, perhaps. */
    static boolean isVersionFolder(String name) {
        int dash = name.length() - DIR_DIGEST_PREFIX - 1;
        return dash > 0 && name.charAt(dash) == '-' && isLowerHex(name.substring(dash + 1));
    }

    static boolean isLowerHex(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    /** {@code s} with every code point but {@code [A-Za-z0-9._-]} replaced by {@code _}; "unknown" if only dots. */
    static String safeName(String s) {
        String text = s == null ? "" : s;
        StringBuilder name = new StringBuilder();
        boolean onlyDots = true;
        for (int i = 0; i < text.length(); i = text.offsetByCodePoints(i, 1)) {
            int c = text.codePointAt(i);
            name.append(c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-') ? (char) c : '_');
            onlyDots &= c == '.';
        }
        return onlyDots ? "unknown" : name.toString();
    }
}
