package io.github.vss4j.internal.copy;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The readable root of one shadow copy: mounted on first use, once, then unmounted for good. Thread-safe. The
 * public {@code ShadowCopy} and {@code MountedCopy} hold one each.
 */
public final class CopyRoot {
    private static final Logger LOG = LoggerFactory.getLogger(CopyRoot.class);

    private final CopyAccess access;
    private final String deviceObject;
    private final LinkSource links;
    private final Supplier<String> releasedBecause;
    private Path link;
    private CopyFileSystem fs;
    private boolean released;

    /** Where a mount's link goes: {@link LinkFolder#newLink} in production, a test's folder in tests. */
    @FunctionalInterface
    public interface LinkSource {
        Path newLink() throws IOException;
    }

    /**
     * @param releasedBecause what {@link #root()} says once unmounted, e.g. that the copy's set was closed
     */
    public CopyRoot(CopyAccess access, String deviceObject, Supplier<String> releasedBecause) {
        this(access, deviceObject, LinkFolder::newLink, releasedBecause);
    }

    CopyRoot(CopyAccess access, String deviceObject, LinkSource links, Supplier<String> releasedBecause) {
        this.access = Objects.requireNonNull(access, "access");
        this.deviceObject = Objects.requireNonNull(deviceObject, "deviceObject");
        this.links = links;
        this.releasedBecause = releasedBecause;
    }

    /**
     * The copy's root directory as a path of vss4j's read-only file system.
     *
     * @throws IllegalStateException once unmounted, or if the copy has nothing to read (a simulated volume without
     *                               a folder)
     * @throws IOException           if the backend cannot make the copy reachable
     */
    public Path root() throws IOException {
        return mounted().root();
    }

    /** The default-file-system path the copy is mounted at, for another process; mounts first if needed. */
    public Path mountPoint() throws IOException {
        return mounted().mountRoot();
    }

    /** {@link BackupOpen#open}: a file of this copy opened with backup semantics. */
    public SeekableByteChannel openForBackup(Path file) throws IOException {
        return BackupOpen.open(mounted(), file);
    }

    private synchronized CopyFileSystem mounted() throws IOException {
        if (released) {
            throw new IllegalStateException(deviceObject + " is no longer readable: " + releasedBecause.get());
        }
        if (fs == null) {
            Path at = links.newLink();
            Path mountRoot = access.mount(deviceObject, at);
            link = at;
            fs = new CopyFileSystem(deviceObject, mountRoot, access);
            LOG.debug("Mounted the shadow copy {} at {}.", deviceObject, mountRoot);
        }
        return fs;
    }

    /** Whether {@link #root()} has mounted the copy and it is not unmounted yet. */
    public synchronized boolean isMounted() {
        return fs != null && !released;
    }

    /**
     * Closes the copy's file system and removes the link, once; later calls of {@link #root()} throw. A failure to
     * remove the link is logged (the next vss4j start of this user removes it): release goes on.
     */
    public synchronized void unmount() {
        if (released) {
            return;
        }
        released = true;
        if (fs == null) {
            return;
        }
        fs.close();
        try {
            access.unmount(link);
            LOG.debug("Unmounted the shadow copy {} from {}.", deviceObject, link);
        } catch (IOException | RuntimeException failed) {
            LOG.warn("Could not remove the link {} to the shadow copy {}; the next vss4j start of this user removes"
                    + " it: {}", link, deviceObject, failed.toString());
        }
    }
}
