package io.github.vss4j.bench;

import org.scijava.nativelib.NativeLoader;

/**
 * Child JVM: the same library loaded by {@code org.scijava:native-lib-loader} 2.5.0, timed like {@link LoadProbe}
 * (the loader's jar already open): it finds {@code natives/<platform>/} on the class path, extracts the library to
 * a new temporary directory on every load, checks no digest and {@code System.load}s it.
 */
public final class NativeLibLoaderProbe {
    private NativeLibLoaderProbe() {
    }

    public static void main(String[] args) throws Exception {
        Class.forName("org.scijava.nativelib.NativeLoader", false, NativeLibLoaderProbe.class.getClassLoader());
        long start = System.nanoTime();
        NativeLoader.loadLibrary("vss4j");
        long end = System.nanoTime();
        System.out.println("load_ns " + (end - start));
    }
}
