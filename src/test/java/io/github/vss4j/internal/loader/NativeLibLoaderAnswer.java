package io.github.vss4j.internal.loader;

import org.scijava.nativelib.NativeLibraryUtil;

/**
 * Prints where native-lib-loader looks for the library {@code vss4j} on the platform that {@code os.name} and
 * {@code os.arch} name. Run in a JVM of its own: native-lib-loader reads them once and keeps its answer.
 */
public final class NativeLibLoaderAnswer {
    private NativeLibLoaderAnswer() {
    }

    public static void main(String[] args) {
        System.out.println("resource=" + NativeLibraryUtil.getPlatformLibraryPath("natives/")
                + NativeLibraryUtil.getPlatformLibraryName("vss4j"));
    }
}
