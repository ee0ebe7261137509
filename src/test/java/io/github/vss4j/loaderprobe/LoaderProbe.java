package io.github.vss4j.loaderprobe;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * A tiny main for the fresh-JVM tests ({@code LoaderIT}): loads vss4j as a user would, then calls the shim.
 * It reaches the internal classes by reflection, which works from the class path and, because the module is
 * open, from outside the module too. Prints {@code LOADED ...} and exits 0, or prints {@code FAILED ...} and
 * exits 3 when loading throws {@link UnsatisfiedLinkError}. Always prints the vss4j lines of /proc/self/maps.
 */
public final class LoaderProbe {
    private LoaderProbe() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("load-first")) {
            loadFirst();
            return;
        }
        if (args.length > 0 && args[0].equals("hold")) {
            hold();
            return;
        }
        if (args.length > 0 && args[0].equals("two-class-loaders")) {
            twoClassLoaders();
            return;
        }
        Class<?> library = Class.forName("io.github.vss4j.internal.loader.NativeLibrary");
        Method load = library.getMethod("load");
        System.out.println("MODULE " + library.getModule().getName());
        System.out.println("CODESOURCE " + Path.of(library.getProtectionDomain().getCodeSource().getLocation().toURI()));
        int code;
        try {
            loadFromThreads(load, 4);
            load.invoke(null); // idempotent
            Class<?> bridge = Class.forName("io.github.vss4j.internal.NativeBridge");
            String version = (String) bridge.getMethod("nativeVersion").invoke(null);
            String[] operations = (String[]) bridge.getMethod("operationNames").invoke(null);
            System.out.println("LOADED version=" + version + " operations=" + operations.length + " file="
                    + library.getMethod("loadedFile").invoke(null));
            code = 0;
        } catch (UnsatisfiedLinkError e) {
            System.out.println("FAILED " + e);
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                System.out.println("CAUSE " + cause);
            }
            code = 3;
            // nothing may be callable now
            try {
                Class.forName("io.github.vss4j.internal.NativeBridge").getMethod("nativeVersion").invoke(null);
                System.out.println("NATIVE CALLABLE");
            } catch (InvocationTargetException expected) {
                System.out.println("NATIVE NOT CALLABLE " + expected.getCause());
            }
        }
        for (String line : mappedVss4j()) {
            System.out.println("MAPPED " + line);
        }
        System.out.flush();
        System.exit(code);
    }

    /**
     * load() as the very first thing this JVM does, then {@code LOAD-FIRST DONE}: with {@code -verbose:class}, the
     * classes listed before that line are the ones the load needed. Nothing here may start what the test looks for
     * (no lambda, no string concatenation, no logging), so that what it finds comes from vss4j.
     */
    private static void loadFirst() throws Exception {
        // A direct call (this mode runs on the class path only): since JDK 18 Method.invoke spins method handles
        // (LambdaForm classes) of its own, which the test would take for vss4j's.
        io.github.vss4j.internal.loader.NativeLibrary.load();
        System.out.println("LOAD-FIRST DONE");
        System.out.flush();
    }

    /** Loads, prints {@code HELD file=...}, and keeps running (its folder in use) until its input ends. */
    private static void hold() throws Exception {
        io.github.vss4j.internal.loader.NativeLibrary.load();
        System.out.println("HELD file=" + io.github.vss4j.internal.loader.NativeLibrary.loadedFile());
        System.out.flush();
        while (System.in.read() >= 0) {
            // until the test closes our input
        }
        System.exit(0);
    }

    /** vss4j in two class loaders of one JVM (two web applications, say): each must get a working library. */
    private static void twoClassLoaders() throws Exception {
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            urls.add(Path.of(entry).toUri().toURL());
        }
        for (int i = 1; i <= 2; i++) {
            URLClassLoader loader = new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
            Class<?> library = Class.forName("io.github.vss4j.internal.loader.NativeLibrary", true, loader);
            library.getMethod("load").invoke(null);
            Class<?> bridge = Class.forName("io.github.vss4j.internal.NativeBridge", true, loader);
            System.out.println("LOADER " + i + " LOADED version=" + bridge.getMethod("nativeVersion").invoke(null)
                    + " file=" + library.getMethod("loadedFile").invoke(null));
        }
        System.out.flush();
        System.exit(0);
    }

    /** Several threads call load() at once; the first error is rethrown. */
    private static void loadFromThreads(Method load, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return load.invoke(null);
                }));
            }
            start.countDown();
            for (Future<?> result : results) {
                try {
                    result.get(60, TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException e) {
                    Throwable cause = e.getCause() instanceof InvocationTargetException ? e.getCause().getCause() : e.getCause();
                    if (cause instanceof Error) {
                        throw (Error) cause;
                    }
                    throw e;
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<String> mappedVss4j() throws IOException {
        List<String> found = new ArrayList<>();
        Path maps = Path.of("/proc/self/maps");
        if (Files.isReadable(maps)) {
            for (String line : Files.readAllLines(maps)) {
                int slash = line.indexOf('/');
                String file = slash < 0 ? "" : line.substring(slash);
                String name = file.substring(file.lastIndexOf('/') + 1);
                if (name.contains("vss4j") && name.contains(".so")) {
                    if (!found.contains(file)) {
                        found.add(file);
                    }
                }
            }
        }
        return found;
    }
}
