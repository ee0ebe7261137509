package io.github.vss4j.internal.copy;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.ClosedFileSystemException;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotLinkException;
import java.nio.file.Path;
import java.nio.file.ProviderMismatchException;
import java.nio.file.ReadOnlyFileSystemException;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileOwnerAttributeView;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** vss4j's read-only file system over a copy mounted through a link: the JDK's Files API, links never followed. */
class CopyFileSystemTest {
    static final String DEVICE = "\\\\?\\GLOBALROOT\\Device\\HarddiskVolumeShadowCopy7";
    static final String UNICODE = "Ünïcødé-日本語-😀-файл.txt";

    @TempDir
    Path temp;
    Path content;
    Path outside;
    Path links;
    FolderCopyAccess access;
    CopyRoot copy;
    String longRel;

    @BeforeEach
    void tree() throws IOException {
        content = Files.createDirectories(temp.resolve("content"));
        outside = Files.createDirectories(temp.resolve("live-volume"));
        links = Files.createDirectories(temp.resolve("links"));
        Files.writeString(outside.resolve("secret.txt"), "live volume");
        Files.createDirectories(content.resolve("a/b"));
        Files.writeString(content.resolve("a/b/c.txt"), "in the copy");
        Files.writeString(content.resolve(UNICODE), "unicode");
        Path deep = content;
        for (int i = 0; i < 6; i++) {
            deep = Files.createDirectories(deep.resolve("d".repeat(60) + i));
        }
        Files.writeString(deep.resolve("long.txt"), "long");
        longRel = content.relativize(deep.resolve("long.txt")).toString();
        Files.createSymbolicLink(content.resolve("Documents and Settings"), outside);
        Files.createSymbolicLink(content.resolve("file-link"), outside.resolve("secret.txt"));
        Files.createSymbolicLink(content.resolve("relative-link"), Path.of("a", "b", "c.txt"));
        access = FolderCopyAccess.linking(content);
        copy = access.root(DEVICE, links);
    }

    private Set<String> walked(Path root, FileVisitOption... options) throws IOException {
        try (Stream<Path> all = Files.walk(root, options)) {
            return all.map(p -> root.relativize(p).toString()).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    @Test
    void walksTheCopyAndReportsLinksWithoutDescending() throws IOException {
        Path root = copy.root();
        Set<String> expected = new TreeSet<>();
        try (Stream<Path> all = Files.walk(content)) {
            all.forEach(p -> expected.add(content.relativize(p).toString()));
        }
        assertEquals(expected, walked(root));
        assertEquals(expected, walked(root, FileVisitOption.FOLLOW_LINKS), "FOLLOW_LINKS follows nothing either");
        assertFalse(expected.contains("Documents and Settings" + root.getFileSystem().getSeparator() + "secret.txt"));
        assertTrue(Files.isSymbolicLink(root.resolve("Documents and Settings")));
        assertFalse(Files.isDirectory(root.resolve("Documents and Settings")), "a link is not followed to a folder");
        assertTrue(Files.isDirectory(root), "the root follows the mount link");
        assertEquals(outside.toString(), Files.readSymbolicLink(root.resolve("Documents and Settings")).toString());
        Path relative = Files.readSymbolicLink(root.resolve("relative-link"));
        assertEquals(root.getFileSystem(), relative.getFileSystem(), "a relative target stays in the copy");
        NotLinkException notLink = assertThrows(NotLinkException.class,
                () -> Files.readSymbolicLink(root.resolve("a/b/c.txt")));
        assertTrue(notLink.getMessage().startsWith(DEVICE), notLink.getMessage());
    }

    @Test
    void readsFilesAsTheDefaultProviderDoes() throws IOException {
        Path root = copy.root();
        Path file = root.resolve("a").resolve("b").resolve("c.txt");
        assertEquals("in the copy", Files.readString(file));
        try (InputStream in = Files.newInputStream(file)) {
            assertEquals("in the copy", new String(in.readAllBytes(), UTF_8));
        }
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            channel.position(3);
            ByteBuffer rest = ByteBuffer.allocate(32);
            channel.read(rest);
            assertEquals("the copy", new String(rest.array(), 0, rest.position(), UTF_8));
            assertEquals(11, channel.size());
            assertThrows(NonWritableChannelException.class, () -> channel.write(ByteBuffer.wrap(new byte[1])));
        }
        assertEquals("unicode", Files.readString(root.resolve(UNICODE)));
        Path longPath = root.resolve(longRel);
        assertTrue(longPath.toString().length() > 260, longPath.toString());
        assertEquals("long", Files.readString(longPath));
        assertEquals(Files.size(content.resolve("a/b/c.txt")), Files.size(file));
    }

    @Test
    void refusesEverythingThroughOrAtALink() throws IOException {
        Path root = copy.root();
        Path junction = root.resolve("Documents and Settings");
        FileSystemException through = assertThrows(FileSystemException.class,
                () -> Files.readString(junction.resolve("secret.txt")));
        assertTrue(through.getMessage().contains("Documents and Settings") && through.getMessage().contains("never"
                + " follows a link"), through.getMessage());
        FileSystemException listing = assertThrows(FileSystemException.class, () -> Files.list(junction).close());
        assertTrue(listing.getMessage().contains(DEVICE), listing.getMessage());
        FileSystemException fileLink = assertThrows(FileSystemException.class,
                () -> Files.readString(root.resolve("file-link")));
        assertTrue(fileLink.getMessage().contains("file-link"), fileLink.getMessage());
        assertThrows(FileSystemException.class, () -> Files.readAttributes(junction.resolve("secret.txt"),
                BasicFileAttributes.class));
        assertThrows(FileSystemException.class, () -> junction.toRealPath());
        assertEquals(junction, junction.toRealPath(LinkOption.NOFOLLOW_LINKS));
        assertTrue(Files.readAttributes(root.resolve("file-link"), BasicFileAttributes.class).isSymbolicLink(),
                "attributes read without NOFOLLOW_LINKS still describe the link");
    }

    @Test
    void refusesDotDotPastTheRoot() throws IOException {
        Path escape = copy.root().resolve("..").resolve("live-volume").resolve("secret.txt");
        FileSystemException refused = assertThrows(FileSystemException.class, () -> Files.readString(escape));
        assertTrue(refused.getMessage().contains("\"..\""), refused.getMessage());
        assertEquals("in the copy", Files.readString(copy.root().resolve("a/../a/b/c.txt")));
    }

    @Test
    void refusesEveryWrite() throws IOException {
        Path root = copy.root();
        Path file = root.resolve("a/b/c.txt");
        ReadOnlyFileSystemException write = assertThrows(ReadOnlyFileSystemException.class,
                () -> Files.newOutputStream(file));
        assertTrue(write.getMessage().contains("c.txt") && write.getMessage().contains("read-only"),
                write.getMessage());
        assertThrows(ReadOnlyFileSystemException.class, () -> Files.newByteChannel(file, StandardOpenOption.READ,
                StandardOpenOption.WRITE));
        assertThrows(ReadOnlyFileSystemException.class, () -> Files.delete(file));
        assertThrows(ReadOnlyFileSystemException.class, () -> Files.createDirectory(root.resolve("new")));
        assertThrows(ReadOnlyFileSystemException.class, () -> Files.setLastModifiedTime(file, FileTime.fromMillis(0)));
        assertThrows(ReadOnlyFileSystemException.class, () -> Files.copy(file, root.resolve("copy.txt")));
        assertFalse(Files.isWritable(file));
        assertTrue(Files.isReadable(file));
        assertThrows(AccessDeniedException.class, () -> root.getFileSystem().provider().checkAccess(file,
                java.nio.file.AccessMode.WRITE));
        assertTrue(Files.getFileStore(file).isReadOnly());
        assertTrue(root.getFileSystem().isReadOnly());
        assertEquals("in the copy", Files.readString(content.resolve("a/b/c.txt")), "nothing changed");
    }

    @Test
    void readsAttributesOfEveryViewTheDefaultProviderOffers() throws IOException {
        Path file = copy.root().resolve("a/b/c.txt");
        BasicFileAttributes basic = Files.readAttributes(file, BasicFileAttributes.class);
        BasicFileAttributes direct = Files.readAttributes(content.resolve("a/b/c.txt"), BasicFileAttributes.class);
        assertTrue(basic.isRegularFile());
        assertEquals(direct.lastModifiedTime(), basic.lastModifiedTime());
        assertEquals(direct.fileKey(), basic.fileKey());
        assertEquals(Files.getOwner(content.resolve("a/b/c.txt")), Files.getOwner(file));
        assertEquals(Files.getOwner(file), Files.getFileAttributeView(file, FileOwnerAttributeView.class).getOwner());
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertEquals(Files.getPosixFilePermissions(content.resolve("a/b/c.txt")),
                    Files.readAttributes(file, PosixFileAttributes.class).permissions());
        }
        assertEquals(11L, Files.readAttributes(file, "size").get("size"));
        assertTrue(Files.isSameFile(file, copy.root().resolve("a/../a/b/c.txt")));
        assertFalse(Files.isSameFile(file, copy.root().resolve(UNICODE)));
    }

    @Test
    void pathsSayWhatTheyAreAndComposeLikeDefaultPaths() throws IOException {
        Path root = copy.root();
        Path file = root.resolve("a/b/c.txt");
        assertEquals(DEVICE, root.toString());
        assertTrue(file.toString().startsWith(DEVICE) && file.toString().endsWith("c.txt"), file.toString());
        assertTrue(file.toUri().toString().startsWith("vss4j-copy:/"), file.toUri().toString());
        assertNull(root.getParent());
        assertNull(root.getFileName());
        assertEquals(root, file.getRoot());
        assertEquals(root.resolve("a/b"), file.getParent());
        assertEquals(3, file.getNameCount());
        assertEquals("c.txt", file.getFileName().toString());
        assertTrue(file.startsWith(root) && file.startsWith(root.resolve("a")) && !file.startsWith(root.resolve("b")));
        assertTrue(file.endsWith("b/c.txt"));
        assertEquals(root.getFileSystem().getPath("a", "b", "c.txt"), root.relativize(file));
        assertEquals(file, root.resolve(root.relativize(file)));
        assertEquals(file, root.resolve("a/./b/../b/c.txt").normalize());
        assertEquals(file, root.getFileSystem().getPath(DEVICE, "a", "b", "c.txt"));
        assertEquals(file, root.getFileSystem().getPath("/a/b/c.txt"));
        assertEquals(file, root.resolve("a/b/c.txt").toRealPath());
        assertEquals(file, root.getFileSystem().getPath("a/b/c.txt").toAbsolutePath());
        assertThrows(ProviderMismatchException.class, () -> root.resolve(Path.of("a")));
        assertThrows(NoSuchFileException.class, () -> Files.readString(root.resolve("missing.txt")));
        if (!"/".equals(root.getFileSystem().getSeparator())) {
            assertThrows(InvalidPathException.class, () -> root.getFileSystem().getPath("D:\\Users"));
        }
    }

    @Test
    void listsWithGlobsAndMatchers() throws IOException {
        Path root = copy.root();
        try (java.nio.file.DirectoryStream<Path> texts = Files.newDirectoryStream(root, "*.txt")) {
            Set<String> names = new TreeSet<>();
            texts.forEach(p -> names.add(p.getFileName().toString()));
            assertEquals(Set.of(UNICODE), names);
        }
        java.nio.file.PathMatcher matcher = root.getFileSystem().getPathMatcher("glob:**/c.txt");
        assertTrue(matcher.matches(root.resolve("a/b/c.txt")));
        assertFalse(matcher.matches(root.resolve(UNICODE)));
        try (Stream<Path> listed = Files.list(root.resolve("a"))) {
            assertEquals(java.util.List.of(root.resolve("a/b")), listed.toList());
        }
    }

    @Test
    void aReleasedCopyHasNoRootAndItsPathsAreClosed() throws IOException {
        Path root = copy.root();
        Path file = root.resolve("a/b/c.txt");
        Path mountPoint = copy.mountPoint();
        assertTrue(Files.isSymbolicLink(mountPoint));
        copy.unmount();
        assertFalse(Files.exists(mountPoint, LinkOption.NOFOLLOW_LINKS), "the link is gone");
        assertTrue(Files.exists(content.resolve("a/b/c.txt")), "the content behind it stays");
        IllegalStateException released = assertThrows(IllegalStateException.class, copy::root);
        assertTrue(released.getMessage().contains(DEVICE) && released.getMessage().contains("released"),
                released.getMessage());
        assertThrows(IllegalStateException.class, copy::mountPoint);
        assertThrows(ClosedFileSystemException.class, () -> Files.readString(file));
        assertFalse(root.getFileSystem().isOpen());
        copy.unmount();
        assertEquals(1, access.calls().stream().filter("unmount"::equals).count(), "unmounted once");
    }

    @Test
    void anUnusedRootIsNeverMounted() {
        copy.unmount();
        assertEquals(0, access.mounts.get());
        assertThrows(IllegalStateException.class, copy::root);
    }
}
