package io.github.vss4j.internal;

import java.util.Locale;
import java.util.regex.Pattern;
import org.scijava.nativelib.NativeLibraryUtil;
import org.scijava.nativelib.NativeLibraryUtil.Architecture;

/**
 * Where the shim for one platform lives in the jar: native-lib-loader's layout, {@code natives/<folder>/<file>},
 * for example {@code natives/linux_64/libvss4j.so} or {@code natives/windows_64/vss4j.dll}.
 *
 * @param folder the platform folder name (native-lib-loader's architecture name in lower case)
 * @param fileName the library's file name on that platform
 */
record NativePlatform(String folder, String fileName) {
    /** The library's base name, as CMake builds it. */
    static final String LIBRARY = "vss4j";
    /** The root folder of the bundled natives inside the jar. */
    static final String ROOT = "natives/";

    private static final Pattern FOLDER = Pattern.compile("[a-z0-9]+_[a-z0-9_]+");

    /** The resource name of the library, without a leading slash. */
    String resource() {
        return ROOT + folder + "/" + fileName;
    }

    /** The resource name of the SHA-256 digest recorded at build time for {@link #resource()}. */
    String digestResource() {
        return resource() + ".sha256";
    }

    /**
     * This machine's platform, as native-lib-loader names it, unless {@code override} (the value of
     * {@value NativeLibrary#PLATFORM_PROPERTY}) names a folder explicitly.
     */
    static NativePlatform detect(String override) {
        if (override != null && !override.isBlank()) {
            return ofFolder(override.trim());
        }
        Architecture architecture = NativeLibraryUtil.getArchitecture();
        if (architecture == Architecture.UNKNOWN) {
            throw unknown(System.getProperty("os.name"), System.getProperty("os.arch"));
        }
        String path = NativeLibraryUtil.getPlatformLibraryPath(ROOT);
        String folder = path.substring(ROOT.length()).replace("/", "");
        return new NativePlatform(folder, NativeLibraryUtil.getPlatformLibraryName(LIBRARY));
    }

    /** The platform for an architecture that native-lib-loader reported (injectable for tests). */
    static NativePlatform of(Architecture architecture, String osName, String osArch) {
        if (architecture == Architecture.UNKNOWN) {
            throw unknown(osName, osArch);
        }
        return ofFolder(architecture.name().toLowerCase(Locale.ENGLISH));
    }

    /** The platform for a folder name such as {@code windows_64}; the file name follows the folder's OS. */
    static NativePlatform ofFolder(String folder) {
        if (!FOLDER.matcher(folder).matches()) {
            throw new UnsatisfiedLinkError("vss4j: " + NativeLibrary.PLATFORM_PROPERTY + "=\"" + folder
                    + "\" is not a platform folder name (expected <os>_<arch> in lower case, e.g. linux_64,"
                    + " windows_64, windows_arm64, linux_arm64)");
        }
        String fileName;
        if (folder.startsWith("windows_")) {
            fileName = LIBRARY + ".dll";
        } else if (folder.startsWith("osx_")) {
            fileName = "lib" + LIBRARY + ".dylib";
        } else {
            fileName = "lib" + LIBRARY + ".so";
        }
        return new NativePlatform(folder, fileName);
    }

    private static UnsatisfiedLinkError unknown(String osName, String osArch) {
        return new UnsatisfiedLinkError("vss4j: unknown platform (os.name=" + osName + ", os.arch=" + osArch
                + "): native-lib-loader has no folder name for it, so vss4j has no native library for it."
                + " Supported: windows_64, windows_arm64, linux_64, linux_arm64. To use a library built for this"
                + " machine, set -D" + NativeLibrary.LIBRARY_PATH_PROPERTY + "=/path/to/the/library");
    }
}
