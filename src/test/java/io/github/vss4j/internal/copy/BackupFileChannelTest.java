package io.github.vss4j.internal.copy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.Channels;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.NonWritableChannelException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * BackupFileChannel's contract as the JDK's code uses it, over the natives a real file gives: the calls answer
 * Win32 codes as NativeBridge's do (0, or the error), reads move a file pointer, a read at the end answers 0 bytes.
 */
class BackupFileChannelTest {
    @TempDir
    Path dir;

    /** BackupFileNatives over one FileChannel: the file pointer is the channel's, as ReadFile's is the handle's. */
    static final class FileNatives implements BackupFileNatives {
        final FileChannel file;
        final AtomicInteger closes = new AtomicInteger();
        volatile boolean closed;
        volatile int readError;
        volatile CountDownLatch readEntered;
        volatile CountDownLatch readMayReturn;

        FileNatives(Path path) throws IOException {
            file = FileChannel.open(path);
        }

        @Override
        public int read(long id, ByteBuffer direct, int offset, int length, int[] count) {
            assertTrue(direct.isDirect(), "the native side reads into direct buffers only");
            if (readEntered != null) {
                readEntered.countDown();
                await(readMayReturn);
            }
            if (closed) {
                // As NativeBridge answers for a handle id it no longer holds.
                throw new IllegalStateException("vss4j: backup file handle " + id + " is closed or was never valid");
            }
            if (readError != 0) {
                return readError;
            }
            try {
                int got = file.read(direct.duplicate().position(offset).limit(offset + length));
                count[0] = Math.max(got, 0);
                return 0;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public int seek(long id, long position) {
            try {
                file.position(position);
                return 0;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public int size(long id, long[] size) {
            try {
                size[0] = file.size();
                return 0;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close(long id) {
            closed = true;
            closes.incrementAndGet();
            try {
                file.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(10, TimeUnit.SECONDS), "latch not released");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private Path fileOf(int size) throws IOException {
        byte[] content = new byte[size];
        new Random(size).nextBytes(content);
        return Files.write(dir.resolve("file-" + size), content);
    }

    @Test
    void anInputStreamOverItReadsTheWholeFileThroughHeapBuffers() throws IOException {
        Path path = fileOf(BackupFileChannel.TRANSFER_BYTES * 3 + 17);
        FileNatives natives = new FileNatives(path);
        try (BackupFileChannel channel = new BackupFileChannel(42, path, natives);
                InputStream in = Channels.newInputStream(channel)) {
            assertArrayEquals(Files.readAllBytes(path), in.readAllBytes());
            assertEquals(Files.size(path), channel.position());
        }
        assertEquals(1, natives.closes.get());
    }

    @Test
    void readsIntoDirectBuffersSeeksAndAnswersMinusOneAtTheEnd() throws IOException {
        Path path = fileOf(100);
        byte[] content = Files.readAllBytes(path);
        try (BackupFileChannel channel = new BackupFileChannel(42, path, new FileNatives(path))) {
            assertEquals(100, channel.size());
            ByteBuffer buffer = ByteBuffer.allocateDirect(30);
            buffer.position(5);
            assertEquals(25, channel.read(buffer));
            buffer.flip().position(5);
            byte[] first = new byte[25];
            buffer.get(first);
            assertArrayEquals(java.util.Arrays.copyOfRange(content, 0, 25), first);
            assertEquals(25, channel.position());

            channel.position(90);
            ByteBuffer heap = ByteBuffer.allocate(50);
            assertEquals(10, channel.read(heap));
            assertArrayEquals(java.util.Arrays.copyOfRange(content, 90, 100),
                    java.util.Arrays.copyOf(heap.array(), 10));
            assertEquals(-1, channel.read(ByteBuffer.allocate(1)));
            assertEquals(0, channel.read(ByteBuffer.allocate(0)), "nothing asked, nothing read, not the end");

            channel.position(1000);
            assertEquals(1000, channel.position());
            assertEquals(-1, channel.read(ByteBuffer.allocate(1)), "past the end reads nothing");
            assertThrows(IllegalArgumentException.class, () -> channel.position(-1));
        }
    }

    @Test
    void isReadOnlyAndClosedOnce() throws IOException {
        Path path = fileOf(10);
        FileNatives natives = new FileNatives(path);
        BackupFileChannel channel = new BackupFileChannel(42, path, natives);
        assertThrows(NonWritableChannelException.class, () -> channel.write(ByteBuffer.allocate(1)));
        assertThrows(NonWritableChannelException.class, () -> channel.truncate(0));
        assertTrue(channel.isOpen());
        channel.close();
        channel.close();
        assertFalse(channel.isOpen());
        assertEquals(1, natives.closes.get());
        assertThrows(ClosedChannelException.class, () -> channel.read(ByteBuffer.allocate(1)));
        assertThrows(ClosedChannelException.class, channel::position);
        assertThrows(ClosedChannelException.class, () -> channel.position(0));
        assertThrows(ClosedChannelException.class, channel::size);
    }

    @Test
    void aFailedReadIsTheMappedExceptionNamingTheFile() throws IOException {
        Path path = fileOf(10);
        FileNatives natives = new FileNatives(path);
        natives.readError = 5;
        try (BackupFileChannel channel = new BackupFileChannel(42, path, natives)) {
            AccessDeniedException e = assertThrows(AccessDeniedException.class,
                    () -> channel.read(ByteBuffer.allocate(4)));
            assertEquals(path.toString(), e.getFile());
            assertTrue(e.getReason().contains("ReadFile failed: Win32 error 5"), e::getReason);
        }
    }

    @Test
    void aCloseBetweenTheChecksAndTheNativeReadIsAnAsynchronousClose() throws Exception {
        Path path = fileOf(10);
        FileNatives natives = new FileNatives(path);
        natives.readEntered = new CountDownLatch(1);
        natives.readMayReturn = new CountDownLatch(1);
        BackupFileChannel channel = new BackupFileChannel(42, path, natives);
        CompletableFuture<Integer> read = CompletableFuture.supplyAsync(() -> {
            try {
                return channel.read(ByteBuffer.allocate(4));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        await(natives.readEntered);
        // The close does not wait for the read that holds the channel's lock.
        CompletableFuture.runAsync(channel::close).get(10, TimeUnit.SECONDS);
        assertFalse(channel.isOpen());
        natives.readMayReturn.countDown();
        ExecutionException failed = assertThrows(ExecutionException.class, () -> read.get(10, TimeUnit.SECONDS));
        assertInstanceOf(AsynchronousCloseException.class, failed.getCause().getCause());
        assertThrows(ClosedChannelException.class, () -> channel.read(ByteBuffer.allocate(1)));
        assertEquals(1, natives.closes.get());
    }
}
