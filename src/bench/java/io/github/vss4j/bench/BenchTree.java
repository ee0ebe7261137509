package io.github.vss4j.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/** The tree the reading-the-copy probes read: small files, a hundred to a folder, and one large file. */
final class BenchTree {
    private static final int FILES_PER_FOLDER = 100;

    private BenchTree() {
    }

    /** Writes the tree under {@code root} (made if missing); the bytes it holds. */
    static long write(Path root, int files, int smallBytes, long largeBytes) throws IOException {
        byte[] small = new byte[smallBytes];
        Arrays.fill(small, (byte) 'x');
        for (int i = 0; i < files; i++) {
            Path folder = Files.createDirectories(root.resolve("d" + i / FILES_PER_FOLDER));
            Files.write(folder.resolve("f" + i + ".txt"), small);
        }
        ByteBuffer chunk = ByteBuffer.allocate(1 << 20);
        try (SeekableByteChannel large = Files.newByteChannel(root.resolve("large.bin"), StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE)) {
            for (long written = 0; written < largeBytes; ) {
                chunk.clear().limit((int) Math.min(chunk.capacity(), largeBytes - written));
                chunk.put(0, (byte) written);  // not all zeros, so no file system can skip the bytes
                written += large.write(chunk);
            }
        }
        return (long) files * smallBytes + largeBytes;
    }
}
