package io.github.vss4j;

import io.github.vss4j.internal.copy.CopyRoot;
import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A shadow copy of the low-level API made readable by {@link Vss#mount(SnapshotProperties)}: the same
 * {@link #root()}, {@link #openForBackup} and {@link #mountPoint()} as {@link ShadowCopy}'s, until {@link #close()}
 * removes what mounting made (never the copy). Thread-safe.
 */
public final class MountedCopy implements AutoCloseable {
    private final SnapshotProperties copy;
    private final CopyRoot root;

    MountedCopy(SnapshotProperties copy, CopyRoot root) {
        this.copy = Objects.requireNonNull(copy, "copy");
        this.root = root;
    }

    /** The copy mounted. */
    public SnapshotProperties copy() {
        return copy;
    }

    /**
     * The copy's root in vss4j's read-only file system; links inside the copy are reported, never followed.
     *
     * @throws IllegalStateException once closed
     */
    public Path root() throws IOException {
        return root.root();
    }

    /** The plain default-file-system path of the mount, to hand to another process; see {@link ShadowCopy#mountPoint()}. */
    public Path mountPoint() throws IOException {
        return root.mountPoint();
    }

    /** See {@link ShadowCopy#openForBackup(Path)}. */
    public SeekableByteChannel openForBackup(Path file) throws IOException {
        return root.openForBackup(Objects.requireNonNull(file, "file"));
    }

    /** Removes the link that mounting made; the copy itself stays. Idempotent. */
    @Override
    public void close() {
        root.unmount();
    }

    @Override
    public String toString() {
        return "MountedCopy[" + copy.snapshotDeviceObject() + (root.isMounted() ? "" : ", closed") + "]";
    }
}
