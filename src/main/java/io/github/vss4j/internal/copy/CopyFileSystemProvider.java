package io.github.vss4j.internal.copy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AccessMode;
import java.nio.file.CopyOption;
import java.nio.file.DirectoryStream;
import java.nio.file.FileStore;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotLinkException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.ReadOnlyFileSystemException;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileAttributeView;
import java.nio.file.spi.FileSystemProvider;
import java.util.Map;
import java.util.Set;

/**
 * The provider of every mounted copy's {@link CopyFileSystem}: read-only, and no operation goes through or follows
 * a link inside a copy ({@link LinkGuard}); the copy's root itself follows the mount. Each call checks the path and
 * hands the default-file-system path to the default provider, whose channels and attributes are returned as they
 * are (a channel opened for reading already refuses to write). Not installed: paths come from
 * {@code ShadowCopy.root()}.
 */
final class CopyFileSystemProvider extends FileSystemProvider {
    static final String SCHEME = "vss4j-copy";
    static final CopyFileSystemProvider INSTANCE = new CopyFileSystemProvider();

    private static final FileSystemProvider DEFAULT = FileSystems.getDefault().provider();
    private static final LinkOption[] NO_FOLLOW = {LinkOption.NOFOLLOW_LINKS};
    private static final LinkOption[] FOLLOW = {};
    private static final Set<OpenOption> READ_NO_FOLLOW = Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
    /** Where opening with NOFOLLOW_LINKS refuses a link (O_NOFOLLOW); Windows opens the reparse point instead. */
    private static final boolean OPEN_REFUSES_LINKS = "/".equals(FileSystems.getDefault().getSeparator());

    private CopyFileSystemProvider() {
    }

    FileSystemProvider defaultProvider() {
        return DEFAULT;
    }

    @Override
    public String getScheme() {
        return SCHEME;
    }

    @Override
    public FileSystem newFileSystem(URI uri, Map<String, ?> env) {
        throw new UnsupportedOperationException("a shadow copy's file system is made by ShadowCopy.root() or"
                + " Vss.mount, not from " + uri);
    }

    @Override
    public FileSystem getFileSystem(URI uri) {
        throw new FileSystemNotFoundException(uri + ": a shadow copy's file system is reached through"
                + " ShadowCopy.root() or Vss.mount");
    }

    @Override
    public Path getPath(URI uri) {
        throw new FileSystemNotFoundException(uri + ": a shadow copy's paths are reached through ShadowCopy.root()"
                + " or Vss.mount");
    }

    // The root follows the mount (a link to the device object); any other name is never followed.
    private static LinkOption[] options(CopyPath normal) {
        return normal.isRoot() ? FOLLOW : NO_FOLLOW;
    }

    private static CopyPath parentsChecked(Path path) throws IOException {
        CopyPath copyPath = CopyPath.of(path);
        return copyPath.getFileSystem().guard().parentsChecked(copyPath);
    }

    private static ReadOnlyFileSystemException readOnly(Path path, String what) {
        return new ReadOnlyCopyException(path, what);
    }


    @Override
    public SeekableByteChannel newByteChannel(Path path, Set<? extends OpenOption> options,
            FileAttribute<?>... attrs) throws IOException {
        for (OpenOption option : options) {
            refuseWriting(path, option);
        }
        CopyPath normal = openable(path);
        try {
            return DEFAULT.newByteChannel(normal.real(), READ_NO_FOLLOW);
        } catch (IOException refused) {
            throw refusal(refused, normal);
        }
    }

    /** The default provider's stream for the file, so that reading through a copy costs what reading a folder does. */
    @Override
    public InputStream newInputStream(Path path, OpenOption... options) throws IOException {
        for (OpenOption option : options) {
            refuseWriting(path, option);
        }
        CopyPath normal = openable(path);
        try {
            return DEFAULT.newInputStream(normal.real(), LinkOption.NOFOLLOW_LINKS);
        } catch (IOException refused) {
            throw refusal(refused, normal);
        }
    }

    private static void refuseWriting(Path path, OpenOption option) {
        if (option != StandardOpenOption.READ && option != LinkOption.NOFOLLOW_LINKS
                && option != StandardOpenOption.SPARSE && option != StandardOpenOption.SYNC
                && option != StandardOpenOption.DSYNC) {
            throw readOnly(path, "open it with " + option);
        }
    }

    // Where opening with NOFOLLOW_LINKS does not refuse a link itself (Windows), the link is refused beforehand.
    // Attributes a walk read already refuse a link, or a FIFO or device whose open could block, at no cost.
    private static CopyPath openable(Path path) throws IOException {
        CopyPath normal = parentsChecked(path);
        BasicFileAttributes known = normal.attributes();
        if (known != null) {
            LinkGuard.refuseLink(normal, known);
        } else if (!OPEN_REFUSES_LINKS) {
            LinkGuard.refuseLink(normal, DEFAULT.readAttributes(normal.real(), BasicFileAttributes.class,
                    options(normal)));
        }
        return normal;
    }

    // A failed open: a link (O_NOFOLLOW's ELOOP) is refused by the rule, anything else named by the copy's path.
    private static IOException refusal(IOException refused, CopyPath normal) throws FileSystemException {
        BasicFileAttributes it = quietAttributes(normal);
        if (it != null) {
            LinkGuard.refuseLink(normal, it);
        }
        return named(refused, normal);
    }

    /** The default provider's refusal, naming the path of the copy instead of the mount's. */
    private static IOException named(IOException refused, CopyPath path) {
        String reason = refused instanceof FileSystemException fse && fse.getReason() != null ? fse.getReason()
                : refused.getMessage();
        IOException renamed;
        if (refused instanceof NoSuchFileException) {
            renamed = new NoSuchFileException(path.toString(), null, "no such file in the shadow copy");
        } else if (refused instanceof NotLinkException) {
            renamed = new NotLinkException(path.toString(), null, "not a link");
        } else if (refused instanceof AccessDeniedException) {
            renamed = new AccessDeniedException(path.toString(), null, reason);
        } else {
            renamed = new FileSystemException(path.toString(), null, reason);
        }
        renamed.initCause(refused);
        return renamed;
    }

    private static BasicFileAttributes quietAttributes(CopyPath normal) {
        try {
            return DEFAULT.readAttributes(normal.real(), BasicFileAttributes.class, options(normal));
        } catch (IOException unreadable) {
            return null;
        }
    }

    @Override
    public DirectoryStream<Path> newDirectoryStream(Path dir, DirectoryStream.Filter<? super Path> filter)
            throws IOException {
        CopyPath copyPath = CopyPath.of(dir);
        CopyPath normal = copyPath.getFileSystem().guard().directoryChecked(copyPath);
        return new CopyDirectoryStream(copyPath, DEFAULT.newDirectoryStream(normal.real(), entry -> true), filter);
    }

    @Override
    public void createDirectory(Path dir, FileAttribute<?>... attrs) {
        throw readOnly(dir, "create a directory");
    }

    @Override
    public void createSymbolicLink(Path link, Path target, FileAttribute<?>... attrs) {
        throw readOnly(link, "create a link");
    }

    @Override
    public void createLink(Path link, Path existing) {
        throw readOnly(link, "create a link");
    }

    @Override
    public void delete(Path path) {
        throw readOnly(path, "delete");
    }

    @Override
    public void copy(Path source, Path target, CopyOption... options) {
        throw readOnly(target, "copy " + source + " into it");
    }

    @Override
    public void move(Path source, Path target, CopyOption... options) {
        throw readOnly(source, "move it");
    }

    /**
     * The link's target as the link holds it: a relative target as a path of the copy, an absolute one (such as
     * {@code C:\Users}, which names the live volume) as a default-file-system path that vss4j does not resolve.
     */
    @Override
    public Path readSymbolicLink(Path link) throws IOException {
        CopyPath normal = parentsChecked(link);
        Path target;
        try {
            target = DEFAULT.readSymbolicLink(normal.real());
        } catch (NotLinkException notSymbolic) {
            BasicFileAttributes it = DEFAULT.readAttributes(normal.real(), BasicFileAttributes.class, NO_FOLLOW);
            if (!LinkGuard.isLink(it)) {
                throw named(notSymbolic, normal);
            }
            // The JDK reads symbolic links' targets only, not a junction's or another reparse point's.
            throw new FileSystemException(normal.toString(), null, "it is a junction or another reparse point whose"
                    + " target the JDK cannot read; vss4j reports it as a link and never follows it");
        }
        if (target.isAbsolute() || target.getRoot() != null) {
            return target;
        }
        return new CopyPath(normal.getFileSystem(), target, false);
    }

    @Override
    public boolean isSameFile(Path path, Path other) throws IOException {
        if (path.equals(other)) {
            return true;
        }
        if (!(other instanceof CopyPath that) || that.getFileSystem() != CopyPath.of(path).getFileSystem()) {
            return false;
        }
        CopyPath one = parentsChecked(path);
        CopyPath two = parentsChecked(that);
        if (one.rel().equals(two.rel())) {
            return true;
        }
        BasicFileAttributes first = DEFAULT.readAttributes(one.real(), BasicFileAttributes.class, options(one));
        BasicFileAttributes second = DEFAULT.readAttributes(two.real(), BasicFileAttributes.class, options(two));
        if (first.fileKey() != null) {
            return first.fileKey().equals(second.fileKey());
        }
        return !LinkGuard.isLink(first) && !LinkGuard.isLink(second) && DEFAULT.isSameFile(one.real(), two.real());
    }

    @Override
    public boolean isHidden(Path path) throws IOException {
        CopyPath normal = parentsChecked(path);
        return !normal.isRoot() && DEFAULT.isHidden(normal.real());
    }

    @Override
    public FileStore getFileStore(Path path) throws IOException {
        CopyPath normal = parentsChecked(path);
        DEFAULT.readAttributes(normal.real(), BasicFileAttributes.class, options(normal));
        return normal.getFileSystem().fileStore();
    }

    @Override
    public void checkAccess(Path path, AccessMode... modes) throws IOException {
        for (AccessMode mode : modes) {
            if (mode == AccessMode.WRITE) {
                throw new AccessDeniedException(path.toString(), null, "a shadow copy is read-only");
            }
        }
        CopyPath normal = parentsChecked(path);
        BasicFileAttributes it = DEFAULT.readAttributes(normal.real(), BasicFileAttributes.class, options(normal));
        if (!LinkGuard.isLink(it) && modes.length > 0) {
            DEFAULT.checkAccess(normal.real(), modes);
        }
    }

    @Override
    public <V extends FileAttributeView> V getFileAttributeView(Path path, Class<V> type, LinkOption... options) {
        CopyPath normal;
        try {
            normal = parentsChecked(path);
        } catch (IOException refused) {
            // A view reports its errors when read; this one refuses every read with the reason.
            return ReadOnlyView.refusing(type, refused);
        }
        V view = DEFAULT.getFileAttributeView(normal.real(), type, options(normal));
        return view == null ? null : ReadOnlyView.of(type, view, normal);
    }

    @Override
    public <A extends BasicFileAttributes> A readAttributes(Path path, Class<A> type, LinkOption... options)
            throws IOException {
        CopyPath normal = parentsChecked(path);
        if (type == BasicFileAttributes.class && normal.attributes() != null) {
            return type.cast(normal.attributes());
        }
        A it = DEFAULT.readAttributes(normal.real(), type, options(normal));
        normal.getFileSystem().guard().noteAttributes(normal, it);
        A reported = LinkAttributes.reported(type, it);
        if (type == BasicFileAttributes.class) {
            normal.keepAttributes(reported);
        }
        return reported;
    }

    @Override
    public Map<String, Object> readAttributes(Path path, String attributes, LinkOption... options)
            throws IOException {
        CopyPath normal = parentsChecked(path);
        return DEFAULT.readAttributes(normal.real(), attributes, options(normal));
    }

    @Override
    public void setAttribute(Path path, String attribute, Object value, LinkOption... options) {
        throw readOnly(path, "set " + attribute);
    }

    /** {@link Path#toRealPath}: the absolute normalized path, which must exist; a link is not followed. */
    Path toRealPath(CopyPath path, LinkOption... options) throws IOException {
        CopyPath normal = parentsChecked(path.toAbsolutePath());
        BasicFileAttributes it = DEFAULT.readAttributes(normal.real(), BasicFileAttributes.class, options(normal));
        boolean noFollow = options.length > 0;
        if (!noFollow) {
            LinkGuard.refuseLink(normal, it);
        }
        return normal;
    }
}
