package io.github.vss4j.internal.copy;

import io.github.vss4j.internal.OwnedHandle;
import java.io.IOException;
import java.lang.ref.Reference;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A read-only {@link SeekableByteChannel} over a file of a copy that the native side opened with backup semantics.
 * Reads and moves of the position run one at a time (the native file pointer is the channel's position). The handle
 * is released exactly once, at {@link #close()} or when the channel is found unreachable; a close during a read on
 * another thread does not wait for it: the native side closes the file when that read returns, and the read's
 * caller then sees the channel closed on its next call.
 */
final class BackupFileChannel implements SeekableByteChannel {
    // The most copied through the channel's own direct buffer per read into a heap buffer.
    static final int TRANSFER_BYTES = 64 * 1024;

    private final OwnedHandle handle;
    private final BackupFileNatives natives;
    private final Path file;
    private final ReentrantLock lock = new ReentrantLock();
    private long position;
    private ByteBuffer transfer;

    BackupFileChannel(long file, Path path, BackupFileNatives natives) {
        this.natives = Objects.requireNonNull(natives, "natives");
        this.file = Objects.requireNonNull(path, "path");
        this.handle = OwnedHandle.toBeClosed(file, natives::close, "vss4j: the backup channel of " + path + " is closed",
                "vss4j: a backup channel of " + path + " was never closed; its file handle was closed when the "
                        + "channel became unreachable");
    }

    private long live() throws ClosedChannelException {
        try {
            return handle.live();
        } catch (IllegalStateException closed) {
            throw new ClosedChannelException();
        }
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        Objects.requireNonNull(dst, "dst");
        lock.lock();
        try {
            long id = live();
            if (!dst.hasRemaining()) {
                return 0;
            }
            int[] count = new int[1];
            int got;
            if (dst.isDirect()) {
                int error = call(() -> natives.read(id, dst, dst.position(), dst.remaining(), count));
                check(error, "ReadFile");
                got = count[0];
                dst.position(dst.position() + got);
            } else {
                ByteBuffer buffer = transferBuffer();
                int length = Math.min(dst.remaining(), buffer.capacity());
                int error = call(() -> natives.read(id, buffer, 0, length, count));
                check(error, "ReadFile");
                got = count[0];
                dst.put(buffer.duplicate().position(0).limit(got));
            }
            if (got == 0) {
                return -1;
            }
            position += got;
            return got;
        } finally {
            lock.unlock();
            Reference.reachabilityFence(handle);
        }
    }

    private ByteBuffer transferBuffer() {
        if (transfer == null) {
            transfer = ByteBuffer.allocateDirect(TRANSFER_BYTES);
        }
        return transfer;
    }

    // A native call that finds the handle gone (the channel closed between live() and the call) answers
    // IllegalStateException: to the caller, that is a close by another thread.
    private interface NativeCall {
        int run();
    }

    private int call(NativeCall call) throws AsynchronousCloseException {
        try {
            return call.run();
        } catch (IllegalStateException e) {
            if (handle.isClosed()) {
                throw new AsynchronousCloseException();
            }
            throw e;
        }
    }

    private void check(int error, String operation) throws IOException {
        if (error != 0) {
            throw Win32Errors.toException(error, operation, file, null, null);
        }
    }

    @Override
    public long position() throws IOException {
        lock.lock();
        try {
            live();
            return position;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public SeekableByteChannel position(long newPosition) throws IOException {
        if (newPosition < 0) {
            throw new IllegalArgumentException("position " + newPosition + " of " + file + " is negative");
        }
        lock.lock();
        try {
            long id = live();
            check(call(() -> natives.seek(id, newPosition)), "SetFilePointerEx");
            position = newPosition;
            return this;
        } finally {
            lock.unlock();
            Reference.reachabilityFence(handle);
        }
    }

    @Override
    public long size() throws IOException {
        long[] size = new long[1];
        try {
            long id = live();
            check(call(() -> natives.size(id, size)), "GetFileSizeEx");
            return size[0];
        } finally {
            Reference.reachabilityFence(handle);
        }
    }

    @Override
    public int write(ByteBuffer src) {
        throw new NonWritableChannelException();
    }

    @Override
    public SeekableByteChannel truncate(long size) {
        throw new NonWritableChannelException();
    }

    @Override
    public boolean isOpen() {
        return !handle.isClosed();
    }

    @Override
    public void close() {
        handle.close();
    }
}
