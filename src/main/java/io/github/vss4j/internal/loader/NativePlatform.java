package io.github.vss4j.internal.loader;

import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where the shim for one platform lives: in the jar, by native-lib-loader's layout and naming rules
 * ({@code natives/linux_64/libvss4j.so}, {@code natives/windows_64/vss4j.dll}); on disk, the default base
 * directories in the order tried and the version folder's name.
 */
record NativePlatform(String folder, String fileName) {
    static final String RUNTIME_DIR_VARIABLE = "XDG_RUNTIME_DIR";
    static final String CACHE_HOME_VARIABLE = "XDG_CACHE_HOME";
    /** The suffix of an elevated Windows run's default base ({@link OwnerOnly} says why it has its own). */
    static final String ELEVATED_SUFFIX = "-elevated";
    /** Enough of the digest to tell builds apart, short enough for Windows paths. */
    static final int DIR_DIGEST_PREFIX = 16;

    /** {@code <tmp>/vss4j-<user>[-elevated]}, absolute and normalized. */
    static Path baseDirectory(String tmp, String user, boolean elevated) throws IOException {
        return absolute(tmp).resolve(baseName(user, elevated));
    }

    /** {@code path} made absolute and normalized; an invalid one is an {@link IOException} saying so. */
    static Path absolute(String path) throws IOException {
        try {
            return Path.of(path).toAbsolutePath().normalize();
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
            if (!(s.charAt(i) >= '0' && s.charAt(i) <= '9' || s.charAt(i) >= 'a' && s.charAt(i) <= 'f')) {
                return false;
            }
        }
        return true;
    }

    /** {@code s} with every code point but {@code [A-Za-z0-9._-]} replaced by {@code _}; "unknown" if only dots. */
    static String safeName(String s) {
        String text = s == null ? "" : s;
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < text.length(); i = text.offsetByCodePoints(i, 1)) {
            int c = text.codePointAt(i);
            name.append(c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-') ? (char) c : '_');
        }
        return name.toString().replace(".", "").isEmpty() ? "unknown" : name.toString();
    }

    String resource() {
        return "natives/".concat(folder).concat("/").concat(fileName);
    }

    String digestResource() {
        return resource().concat(".sha256");
    }

    /** This machine's platform, unless {@code override} ({@value NativeLibrary#PLATFORM_PROPERTY}) names one. */
    static NativePlatform detect(String override) {
        return override != null && !override.isBlank() ? ofFolder(override.trim())
                : of(System.getProperty("os.name"), System.getProperty("os.arch"));
    }

    /** Null unless these values (or {@code override}, for tests) describe a 32-bit JVM on Windows; else why not. */
    static String why32BitWindows(String override, String osName, String osArch, String dataModel) {
        boolean overridden = override != null && !override.isBlank();
        if (overridden ? !override.trim().equals("windows_32") : !String.valueOf(osName).toLowerCase(Locale.ENGLISH)
                .contains("win") || !("windows_32".equals(folderName(osName, osArch)) || "32".equals(dataModel))) {
            return null;
        }
        String seen = overridden ? NativeLibrary.PLATFORM_PROPERTY + "=" + override.trim()
                : "os.arch=" + osArch + ", sun.arch.data.model=" + dataModel;
        return "vss4j: this is a 32-bit JVM on Windows (" + seen + "), and VSS refuses 32-bit requesters on 64-bit"
                + " Windows (WOW64), so vss4j has no 32-bit library: run it in a 64-bit JVM (x64, or ARM64 on ARM64"
                + " Windows).";
    }

    /** The platform for these values of {@code os.name} and {@code os.arch}; an unknown one is an error naming them. */
    static NativePlatform of(String osName, String osArch) {
        String folder = folderName(osName, osArch);
        if (folder == null) {
            throw new UnsatisfiedLinkError("vss4j: unknown platform (os.name=" + osName + ", os.arch=" + osArch
                    + "): there is no platform folder name for it, so vss4j has no native library for it."
                    + " Supported: windows_64, windows_arm64, linux_64, linux_arm64. To use a library built for this"
                    + " machine, set -D" + NativeLibrary.LIBRARY_PATH_PROPERTY + "=/path/to/the/library");
        }
        return ofFolder(folder);
    }

    /** native-lib-loader 2.5.0's {@code NativeLibraryUtil.getArchitecture()}, lower case; null for its UNKNOWN. */
    static String folderName(String osName, String osArch) {
        String arch = String.valueOf(osArch).toLowerCase(Locale.ENGLISH);
        String bits = arch.contains("64") ? "64" : "32";
        String cpu = arch.contains("arm") ? "arm" : arch.contains("aarch64") ? "arm64"
                : arch.contains("ppc") ? "ppc".concat(bits.equals("64") ? "64" : "")
                : arch.contains("86") || arch.contains("amd") ? bits : arch.contains("riscv") ? "riscv".concat(bits) : null;
        String os = String.valueOf(osName).toLowerCase(Locale.ENGLISH);
        boolean intelOrArm64 = "32".equals(cpu) || "64".equals(cpu) || "arm64".equals(cpu);
        if (cpu == null) {
            return null;
        } else if (os.contains("nix") || os.contains("nux")) {
            return cpu.startsWith("ppc") ? null : "linux_".concat(cpu);
        } else if (os.contains("aix")) {
            return cpu.equals("ppc") ? "aix_32" : cpu.equals("ppc64") ? "aix_64" : null;
        } else if (os.contains("win")) {
            return intelOrArm64 ? "windows_".concat(cpu) : null;
        } else if (os.contains("mac")) {
            return intelOrArm64 ? "osx_".concat(cpu) : cpu.equals("ppc") ? "osx_ppc" : null;
        }
        return null;
    }

    /** The platform for a folder name such as {@code windows_64}; the file name follows the folder's OS. */
    static NativePlatform ofFolder(String folder) {
        int underscore = folder.indexOf('_');
        boolean named = underscore > 0 && underscore < folder.length() - 1;
        for (int i = 0; i < folder.length() && named; i++) {
            named = folder.charAt(i) >= 'a' && folder.charAt(i) <= 'z' || folder.charAt(i) >= '0' && folder.charAt(i) <= '9'
                    || folder.charAt(i) == '_';
        }
        if (!named) {  // not by a regular expression: every load comes here, and a fresh JVM pays for the first one
            throw new UnsatisfiedLinkError("vss4j: " + NativeLibrary.PLATFORM_PROPERTY + "=\"" + folder
                    + "\" is not a platform folder name (expected <os>_<arch> in lower case, e.g. linux_64,"
                    + " windows_64, windows_arm64, linux_arm64)");
        }
        return new NativePlatform(folder, folder.startsWith("windows_") ? "vss4j.dll"
                : folder.startsWith("osx_") ? "libvss4j.dylib" : "libvss4j.so");
    }
}
