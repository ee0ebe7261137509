package io.github.vss4j.internal.copy;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test {@link CopyAccess}: a "copy" is a plain folder, reached through a directory symlink at the link (as real
 * VSS is reached through a link to its device object), or returned as it is ({@link #direct}). It records its calls.
 */
public final class FolderCopyAccess implements CopyAccess {
    private final Path content;
    private final boolean linked;
    final AtomicInteger mounts = new AtomicInteger();
    final List<String> calls = new CopyOnWriteArrayList<>();

    private FolderCopyAccess(Path content, boolean linked) {
        this.content = content;
        this.linked = linked;
    }

    /** Mounts with a symlink at the link to {@code content}. */
    public static FolderCopyAccess linking(Path content) {
        return new FolderCopyAccess(content, true);
    }

    /** Mounts by returning {@code content} itself (as the simulator's backend does). */
    public static FolderCopyAccess direct(Path content) {
        return new FolderCopyAccess(content, false);
    }

    public List<String> calls() {
        return calls;
    }

    @Override
    public Path mount(String deviceObject, Path link) throws IOException {
        mounts.incrementAndGet();
        calls.add("mount " + deviceObject);
        if (!linked) {
            return content;
        }
        Files.createSymbolicLink(link, content);
        return link;
    }

    @Override
    public void unmount(Path link) throws IOException {
        calls.add("unmount");
        if (linked) {
            Files.deleteIfExists(link);
        }
    }

    @Override
    public SeekableByteChannel openForBackup(Path file) throws IOException {
        calls.add("openForBackup " + file);
        return Files.newByteChannel(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
    }

    /** A CopyRoot over this access whose links go into {@code links}. */
    public CopyRoot root(String deviceObject, Path links) {
        AtomicInteger n = new AtomicInteger();
        return new CopyRoot(this, deviceObject, () -> links.resolve("copy-" + n.incrementAndGet()),
                () -> "the test released it");
    }
}
