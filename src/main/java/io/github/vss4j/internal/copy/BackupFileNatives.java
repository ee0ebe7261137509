package io.github.vss4j.internal.copy;

import java.nio.ByteBuffer;

/**
 * The native calls a {@link BackupFileChannel} makes on its open file, each answering a Win32 error code (0 for
 * success). Production uses {@link #WINDOWS} (NativeBridge); the seam lets the channel's contract be tested on any
 * OS over another file.
 */
interface BackupFileNatives {
    /** Reads at most {@code length} bytes at the file pointer into {@code direct} at {@code offset}; {@code count[0]} gets how many, 0 at the end. */
    int read(long file, ByteBuffer direct, int offset, int length, int[] count);

    /** Moves the file pointer to {@code position} (never negative). */
    int seek(long file, long position);

    /** {@code size[0]} gets the file's size in bytes. */
    int size(long file, long[] size);

    /** Releases the file; called exactly once. */
    void close(long file);

    BackupFileNatives WINDOWS = new BackupFileNatives() {
        @Override
        public int read(long file, ByteBuffer direct, int offset, int length, int[] count) {
            return io.github.vss4j.internal.NativeBridge.backupRead(file, direct, offset, length, count);
        }

        @Override
        public int seek(long file, long position) {
            return io.github.vss4j.internal.NativeBridge.backupSeek(file, position);
        }

        @Override
        public int size(long file, long[] size) {
            return io.github.vss4j.internal.NativeBridge.backupSize(file, size);
        }

        @Override
        public void close(long file) {
            io.github.vss4j.internal.NativeBridge.backupClose(file);
        }
    };
}
