package io.github.vss4j.internal.copy;

import java.io.IOException;
import java.nio.file.ClosedFileSystemException;
import java.nio.file.FileStore;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.WatchService;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.List;
import java.util.Set;

/**
 * The read-only file system of one mounted shadow copy: its paths stand for default-file-system paths under the
 * mount, and {@link CopyFileSystemProvider} never lets an operation go through a link inside the copy
 * ({@link LinkGuard}). Closed when the copy is unmounted; every operation then throws
 * {@link ClosedFileSystemException}.
 */
final class CopyFileSystem extends FileSystem {
    private static final FileSystem DEFAULT = FileSystems.getDefault();

    private final String deviceObject;
    private final Path mountRoot;
    private final CopyAccess access;
    private final Path emptyRel = DEFAULT.getPath("");
    private final CopyPath root;
    private final LinkGuard guard;
    private volatile boolean open = true;
    private volatile FileStore store;

    CopyFileSystem(String deviceObject, Path mountRoot, CopyAccess access) {
        this.deviceObject = deviceObject;
        this.mountRoot = mountRoot;
        this.access = access;
        this.root = new CopyPath(this, emptyRel, true, mountRoot);
        this.guard = new LinkGuard(this);
    }

    String deviceObject() {
        return deviceObject;
    }

    /** The default-file-system path the backend mounted the copy's root at. */
    Path mountRoot() {
        return mountRoot;
    }

    CopyAccess access() {
        return access;
    }

    Path emptyRel() {
        return emptyRel;
    }

    CopyPath root() {
        return root;
    }

    LinkGuard guard() {
        return guard;
    }

    void requireOpen() {
        if (!open) {
            throw new ClosedFileSystemException();
        }
    }

    @Override
    public CopyFileSystemProvider provider() {
        return CopyFileSystemProvider.INSTANCE;
    }

    /** Marks the copy unmounted: its paths no longer reach anything. */
    @Override
    public void close() {
        open = false;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public boolean isReadOnly() {
        return true;
    }

    @Override
    public String getSeparator() {
        return DEFAULT.getSeparator();
    }

    @Override
    public Iterable<Path> getRootDirectories() {
        return List.of(root);
    }

    @Override
    public Iterable<FileStore> getFileStores() {
        try {
            return List.of(fileStore());
        } catch (IOException unreadable) {
            return List.of();
        }
    }

    FileStore fileStore() throws IOException {
        FileStore known = store;
        if (known == null) {
            known = new CopyFileStore(DEFAULT.provider().getFileStore(mountRoot), deviceObject);
            store = known;
        }
        return known;
    }

    @Override
    public Set<String> supportedFileAttributeViews() {
        return DEFAULT.supportedFileAttributeViews();
    }

    /**
     * A path of the copy: absolute when it starts with the device object or a separator, else relative. A path
     * that names another volume (a drive, a UNC share) is refused.
     */
    @Override
    public Path getPath(String first, String... more) {
        String joined = more.length == 0 ? first : String.join(getSeparator(), prepend(first, more));
        boolean absolute = false;
        String below = joined;
        if (joined.regionMatches(true, 0, deviceObject, 0, deviceObject.length())
                && (joined.length() == deviceObject.length() || isSeparator(joined.charAt(deviceObject.length())))) {
            absolute = true;
            below = joined.substring(deviceObject.length());
        }
        Path parsed = DEFAULT.getPath(below);
        if (parsed.getRoot() != null) {
            if (!isSeparator(parsed.getRoot().toString().charAt(0)) || parsed.getRoot().toString().startsWith("\\\\")) {
                throw new InvalidPathException(joined, "a path of another volume is not a path of the shadow copy "
                        + deviceObject + " (paths in the copy are relative to its root, or start with a separator)");
            }
            absolute = true;
            parsed = parsed.getRoot().relativize(parsed);
        }
        return new CopyPath(this, parsed, absolute);
    }

    private static String[] prepend(String first, String[] more) {
        String[] all = new String[more.length + 1];
        all[0] = first;
        System.arraycopy(more, 0, all, 1, more.length);
        return all;
    }

    private static boolean isSeparator(char c) {
        return c == '/' || c == '\\';
    }

    @Override
    public PathMatcher getPathMatcher(String syntaxAndPattern) {
        PathMatcher matcher = DEFAULT.getPathMatcher(syntaxAndPattern);
        return path -> path instanceof CopyPath copyPath && matcher.matches(copyPath.rel());
    }

    @Override
    public UserPrincipalLookupService getUserPrincipalLookupService() {
        return DEFAULT.getUserPrincipalLookupService();
    }

    @Override
    public WatchService newWatchService() {
        throw new UnsupportedOperationException("a shadow copy does not change: there is nothing to watch in "
                + deviceObject);
    }

    @Override
    public String toString() {
        return "the shadow copy " + deviceObject + " (mounted at " + mountRoot + ")";
    }
}
