package io.github.vss4j.bench;

import io.github.vss4j.internal.copy.CopyAccess;
import io.github.vss4j.internal.copy.CopyRoot;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;

/**
 * Child JVM: a tree of small files and one large file read through a copy's {@code root()} (vss4j's read-only
 * file system, over the plain folder as the simulator mounts it) and read directly, alternately, in one run; the
 * median of each. Args: the small files, their size in bytes, the large file's size in MiB, the rounds.
 */
public final class CopyReadProbe {
    private static final byte[] BUFFER = new byte[64 * 1024];

    private CopyReadProbe() {
    }

    /** A backend that mounts a copy as the folder itself, as the simulator does. */
    private static CopyAccess folder(Path content) {
        return new CopyAccess() {
            @Override
            public Path mount(String deviceObject, Path link) {
                return content;
            }

            @Override
            public void unmount(Path link) {
            }

            @Override
            public SeekableByteChannel openForBackup(Path file) throws IOException {
                return Files.newByteChannel(file);
            }
        };
    }

    public static void main(String[] args) throws Exception {
        int files = Integer.parseInt(args[0]);
        int size = Integer.parseInt(args[1]);
        long largeMiB = Long.parseLong(args[2]);
        int rounds = Integer.parseInt(args[3]);
        Path content = Files.createTempDirectory("vss4j-bench-copy");
        try {
            long bytes = BenchTree.write(content, files, size, largeMiB * 1024 * 1024);
            CopyRoot copy = new CopyRoot(folder(content), "\\\\?\\GLOBALROOT\\Device\\HarddiskVolumeShadowCopy1",
                    () -> "the benchmark is over");
            Path root = copy.root();
            long[] direct = new long[rounds];
            long[] through = new long[rounds];
            readTree(content, bytes);  // warm-up of the page cache and the JIT, both ways
            readTree(root, bytes);
            for (int i = 0; i < rounds; i++) {
                long start = System.nanoTime();
                readTree(content, bytes);
                direct[i] = System.nanoTime() - start;
                start = System.nanoTime();
                readTree(root, bytes);
                through[i] = System.nanoTime() - start;
            }
            copy.unmount();
            Arrays.sort(direct);
            Arrays.sort(through);
            System.out.println("copyread.files " + files);
            System.out.println("copyread.bytes " + bytes);
            System.out.println("copyread.direct.median_ns " + direct[rounds / 2]);
            System.out.println("copyread.root.median_ns " + through[rounds / 2]);
        } finally {
            try (Stream<Path> all = Files.walk(content)) {
                for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
                    Files.delete(p);
                }
            }
        }
    }


    /** Walks {@code tree} and reads every regular file to its end, as a backup does. */
    private static void readTree(Path tree, long expected) throws IOException {
        long read = 0;
        try (Stream<Path> all = Files.walk(tree)) {
            for (Path file : (Iterable<Path>) all::iterator) {
                if (Files.isRegularFile(file)) {
                    try (InputStream in = Files.newInputStream(file)) {
                        for (int n; (n = in.read(BUFFER)) >= 0; ) {
                            read += n;
                        }
                    }
                }
            }
        }
        if (read != expected) {
            throw new IllegalStateException("read " + read + " bytes of " + tree + ", expected " + expected);
        }
    }

    /** The benchmark's row for this probe's readings. */
    static List<String[]> rows(ToLongFunction<String> result) {
        long direct = result.applyAsLong("copyread.direct.median_ns");
        long root = result.applyAsLong("copyread.root.median_ns");
        double speed = (double) direct / root;
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {String.format(Locale.ROOT, "Reading a copy's tree through root() (%,d small files and"
                + " one large file, %,d MiB in all; vss4j's file system over the folder), median, as speed",
                result.applyAsLong("copyread.files"), result.applyAsLong("copyread.bytes") / (1024 * 1024)),
                String.format(Locale.ROOT, "%.1f ms", root / 1e6),
                String.format(Locale.ROOT, "folder read directly %.1f ms", direct / 1e6),
                String.format(Locale.ROOT, "%.2fx", speed), ">= 0.9x", speed >= 0.9 ? "PASS" : "MISS"});
        return rows;
    }
}
