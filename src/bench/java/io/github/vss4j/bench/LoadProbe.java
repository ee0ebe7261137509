package io.github.vss4j.bench;

import io.github.vss4j.internal.loader.NativeLibrary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Child JVM: the time NativeLibrary.load() takes here (extract, verify, load, or reuse, verify, load), timed from
 * the call with vss4j's jar already open, as it is in an application once any vss4j class has been loaded; and,
 * apart, what the JVM took to open the jar and load that first class (the cost of any library's first class,
 * which depends on where the jar sits on the class path). With the argument {@code nio}, the
 * JVM's NIO file system is started first (its native library and the first file attribute read, as nearly any
 * application has by then), outside the timing.
 */
public final class LoadProbe {
    private LoadProbe() {
    }

    public static void main(String[] args) throws ClassNotFoundException, IOException {
        if (args.length > 0 && args[0].equals("nio")) {
            Files.readAttributes(Path.of(System.getProperty("java.io.tmpdir")), "unix:mode");
        }
        long opening = System.nanoTime();
        Class.forName("io.github.vss4j.internal.loader.NativeLibrary", false, LoadProbe.class.getClassLoader());
        long start = System.nanoTime();
        NativeLibrary.load();
        long end = System.nanoTime();
        System.out.println("load_ns " + (end - start));
        System.out.println("jar_ns " + (start - opening));
    }
}
