package io.github.vss4j.internal.copy;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.ProviderMismatchException;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * A path of a {@link CopyFileSystem}: a default-file-system path relative to the copy's root ({@code rel}, empty for
 * the root), absolute or not. The default-file-system path it stands for is kept once known.
 *
 * <p>A path a directory listing made keeps the listed default-file-system path and the directory it was listed
 * in, which was checked to be a real directory below real directories: such a path needs no check of its parents,
 * and its {@code rel} is made only when asked for. Walking a tree then costs about what walking the folder costs.
 */
final class CopyPath implements Path {
    private final CopyFileSystem fs;
    private final boolean absolute;
    private final CopyPath listedIn;
    private Path rel;
    private Path real;
    private BasicFileAttributes attributes;

    CopyPath(CopyFileSystem fs, Path rel, boolean absolute) {
        this(fs, rel, absolute, null);
    }

    CopyPath(CopyFileSystem fs, Path rel, boolean absolute, Path real) {
        this.fs = fs;
        this.rel = rel;
        this.absolute = absolute;
        this.real = real;
        this.listedIn = null;
    }

    private CopyPath(CopyPath listedIn, Path entry) {
        this.fs = listedIn.fs;
        this.absolute = listedIn.absolute;
        this.listedIn = listedIn;
        this.real = entry;
    }

    /** The part below the copy's root, in the default file system; empty for the root. */
    Path rel() {
        Path known = rel;
        if (known == null) {
            Path name = real.getFileName();
            known = listedIn.isEmpty() ? name : listedIn.rel().resolve(name);
            rel = known;
        }
        return known;
    }

    /**
     * The basic attributes last read of this path, or null. A shadow copy is read-only and point-in-time, so they
     * cannot change: a walk that reads them and then asks {@code Files.isRegularFile} reads them once.
     */
    BasicFileAttributes attributes() {
        return attributes;
    }

    void keepAttributes(BasicFileAttributes read) {
        attributes = read;
    }

    /** Whether a listing of a checked directory made this path: its parents need no check. */
    boolean isListed() {
        return listedIn != null;
    }

    /** Whether this path names the copy's root directory (absolute or not, as a relative path counts from it). */
    boolean isRoot() {
        return listedIn == null && isEmpty();
    }

    /**
     * The default-file-system path under the mount that this path names (a relative path counts from the copy's
     * root, as the copy has no working directory). Only for a path whose {@code rel} has no {@code ..} left over.
     */
    Path real() {
        Path known = real;
        if (known == null) {
            known = isEmpty() ? fs.mountRoot() : fs.mountRoot().resolve(rel());
            real = known;
        }
        return known;
    }

    private CopyPath with(Path other, boolean isAbsolute) {
        return new CopyPath(fs, other, isAbsolute);
    }

    private boolean isEmpty() {
        return listedIn == null && rel.toString().isEmpty();
    }

    static CopyPath of(Path path) {
        if (path instanceof CopyPath copyPath) {
            return copyPath;
        }
        throw new ProviderMismatchException(Objects.requireNonNull(path, "path") + " is not a path of a shadow copy"
                + " (" + path.getFileSystem().provider().getScheme() + " paths do not mix with a copy's)");
    }

    private CopyPath sameSystem(Path other) {
        CopyPath that = of(other);
        if (that.fs != fs) {
            throw new ProviderMismatchException(other + " is a path of another shadow copy than " + this);
        }
        return that;
    }

    @Override
    public CopyFileSystem getFileSystem() {
        return fs;
    }

    @Override
    public boolean isAbsolute() {
        return absolute;
    }

    @Override
    public Path getRoot() {
        return absolute ? fs.root() : null;
    }

    @Override
    public Path getFileName() {
        if (absolute && isEmpty()) {
            return null;
        }
        Path name = rel().getFileName();
        return name == null ? null : with(name, false);
    }

    @Override
    public Path getParent() {
        Path parent = rel().getParent();
        if (parent != null) {
            return with(parent, absolute);
        }
        return absolute && !isEmpty() ? fs.root() : null;
    }

    @Override
    public int getNameCount() {
        return absolute && isEmpty() ? 0 : rel().getNameCount();
    }

    @Override
    public Path getName(int index) {
        if (absolute && isEmpty()) {
            throw new IllegalArgumentException("the root of a shadow copy has no names");
        }
        return with(rel().getName(index), false);
    }

    @Override
    public Path subpath(int beginIndex, int endIndex) {
        if (absolute && isEmpty()) {
            throw new IllegalArgumentException("the root of a shadow copy has no names");
        }
        return with(rel().subpath(beginIndex, endIndex), false);
    }

    @Override
    public boolean startsWith(Path other) {
        if (!(other instanceof CopyPath that) || that.fs != fs || that.absolute != absolute) {
            return false;
        }
        if (that.isEmpty()) {
            return absolute || isEmpty();
        }
        return rel().startsWith(that.rel());
    }

    @Override
    public boolean endsWith(Path other) {
        if (!(other instanceof CopyPath that) || that.fs != fs) {
            return false;
        }
        if (that.absolute) {
            return equals(that);
        }
        return !that.isEmpty() && rel().endsWith(that.rel());
    }

    @Override
    public Path normalize() {
        Path normal = rel().normalize();
        return normal == rel() ? this : with(normal, absolute);
    }

    @Override
    public Path resolve(Path other) {
        CopyPath that = sameSystem(other);
        if (that.absolute) {
            return that;
        }
        if (that.isEmpty()) {
            return this;
        }
        return with(isEmpty() ? that.rel() : rel().resolve(that.rel()), absolute);
    }

    @Override
    public Path resolve(String other) {
        return resolve(fs.getPath(other));
    }

    /** A path that a listing of this directory gave as {@code entry}, a default-file-system path. */
    CopyPath child(Path entry) {
        return new CopyPath(this, entry);
    }

    @Override
    public Path relativize(Path other) {
        CopyPath that = sameSystem(other);
        if (that.absolute != absolute) {
            throw new IllegalArgumentException("cannot relativize " + other + " against " + this
                    + ": one is absolute, the other is not");
        }
        return with(rel().relativize(that.rel()), false);
    }

    @Override
    public URI toUri() {
        String below = isEmpty() ? "" : "/" + rel().toString().replace(File.separatorChar, '/');
        try {
            return new URI(CopyFileSystemProvider.SCHEME, null, "/" + fs.deviceObject().replace('\\', '/') + below,
                    null);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot make a URI of " + this + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Path toAbsolutePath() {
        return absolute ? this : with(rel(), true);
    }

    @Override
    public Path toRealPath(LinkOption... options) throws IOException {
        return fs.provider().toRealPath(this, options);
    }

    @Override
    public WatchKey register(WatchService watcher, WatchEvent.Kind<?>[] events, WatchEvent.Modifier... modifiers) {
        throw new UnsupportedOperationException("a shadow copy does not change: there is nothing to watch in " + this);
    }

    @Override
    public Iterator<Path> iterator() {
        Iterator<Path> names = absolute && isEmpty() ? List.<Path>of().iterator() : rel().iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return names.hasNext();
            }

            @Override
            public Path next() {
                return with(names.next(), false);
            }
        };
    }

    @Override
    public int compareTo(Path other) {
        CopyPath that = of(other);
        if (absolute != that.absolute) {
            return absolute ? 1 : -1;
        }
        return rel().compareTo(that.rel());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CopyPath that && that.fs == fs && that.absolute == absolute && that.rel().equals(rel());
    }

    @Override
    public int hashCode() {
        return rel().hashCode() * 31 + (absolute ? 1 : 0);
    }

    /** Absolute: the copy's device object and the path below it; relative: the path as given. */
    @Override
    public String toString() {
        if (!absolute) {
            return rel().toString();
        }
        return isEmpty() ? fs.deviceObject() : fs.deviceObject() + fs.getSeparator() + rel();
    }
}
