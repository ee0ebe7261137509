package io.github.vss4j.bench;

import io.github.vss4j.internal.NativeLibrary;

/** Child JVM: the time NativeLibrary.load() takes here (extract, verify, load, or reuse, verify, load). */
public final class LoadProbe {
    private LoadProbe() {
    }

    public static void main(String[] args) {
        long start = System.nanoTime();
        NativeLibrary.load();
        long elapsed = System.nanoTime() - start;
        System.out.println("load_ns " + elapsed);
    }
}
