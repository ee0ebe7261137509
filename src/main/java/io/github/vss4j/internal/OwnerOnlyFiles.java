package io.github.vss4j.internal;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Directories and files that only the current user can read and write: POSIX {@code 0700} directories and
 * {@code 0600}/{@code 0500} files, or on Windows an ACL with one entry, for the owner ({@link OwnerOnlyAcl}, kept
 * apart so that a POSIX JVM never loads it). A directory that exists already is used only if it is a real
 * directory (not a link) owned by the current user; if its permissions are looser than owner-only they are
 * tightened, because it is ours. Anything else is refused with an
 * {@link IOException} that says why.
 */
final class OwnerOnlyFiles {
    // Set.of, not PosixFilePermissions.fromString: its EnumSet reflects on the enum, milliseconds in a fresh JVM.
    static final Set<PosixFilePermission> DIRECTORY = Set.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);
    static final Set<PosixFilePermission> WRITABLE_FILE = Set.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE);
    static final Set<PosixFilePermission> FINAL_FILE = Set.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_EXECUTE);
    private static final int STICKY = 01000;
    private static final int NAME_ATTEMPTS = 100;
    /** Makes our file names unique within this JVM; the time makes a clash with another JVM's most unlikely. */
    private static final AtomicLong NAMES = new AtomicLong();

    private final boolean posix;
    /** Who we are, as the file system records it (null until learned from a file we created). */
    private UserPrincipal self;

    /** {@code self}: the owner to expect, or null to learn it from a file this process creates. */
    OwnerOnlyFiles(UserPrincipal self) {
        this.posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        this.self = self;
    }

    boolean isPosix() {
        return posix;
    }

    /**
     * Makes {@code dir} (and missing parents, with default permissions) and checks that it is owner-only. Its
     * parent must not let others rename it away and put their own in its place: the parent must not be writable
     * by group or others, unless it is sticky like /tmp.
     */
    Path secureDirectory(Path dir) throws IOException {
        dir = dir.toAbsolutePath().normalize();
        Path parent = dir.getParent();
        if (parent != null) {
            if (!Files.isDirectory(parent)) {
                Files.createDirectories(parent);  // (asked only when needed: it throws and catches when they exist)
            }
            checkParent(parent);
        }
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            try {
                if (posix) {
                    Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(DIRECTORY));
                } else {
                    Files.createDirectory(dir);
                }
            } catch (FileAlreadyExistsException raced) {
                // another thread or process made it first: it is checked below like any existing directory
            }
        }
        checkDirectory(dir);
        return dir;
    }

    private void checkParent(Path parent) throws IOException {
        if (!posix) {
            return;
        }
        PosixFileAttributes attributes = Files.readAttributes(parent, PosixFileAttributes.class);
        Set<PosixFilePermission> p = attributes.permissions();
        if (!isSafeParent(p, isSticky(parent))) {
            throw new IOException(parent + " is writable by others (" + PosixFilePermissions.toString(p)
                    + ") and not sticky: another user could replace vss4j's directory in it. Choose another place with -D"
                    + NativeLibrary.EXTRACT_DIR_PROPERTY);
        }
    }

    private static boolean isSticky(Path dir) {
        try {
            Object mode = Files.getAttribute(dir, "unix:mode");
            return mode instanceof Integer && ((Integer) mode & STICKY) != 0;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false;
        }
    }

    private void checkDirectory(Path dir) throws IOException {
        BasicFileAttributes basic = attributes(dir);
        if (basic.isSymbolicLink()) {
            throw new IOException(dir + " is a symbolic link; vss4j extracts only into a real directory");
        }
        if (!basic.isDirectory()) {
            throw new IOException(dir + " exists and is not a directory");
        }
        UserPrincipal owner = owner(dir, basic);
        UserPrincipal me;
        try {
            me = self(dir);
        } catch (IOException e) {
            throw new IOException(dir + " is owned by " + owner.getName() + " and the current user cannot write to it;"
                    + " choose another place with -D" + NativeLibrary.EXTRACT_DIR_PROPERTY, e);
        }
        String notOurs = Elevation.whyNotOurs(dir, owner, me);
        if (notOurs != null) {
            throw new IOException(notOurs);
        }
        if (posix) {
            Set<PosixFilePermission> perms = ((PosixFileAttributes) basic).permissions();
            if (!isOwnerOnlyDirectory(perms)) {
                log().warn("vss4j: tightening permissions of {} from {} to rwx------", dir,
                        PosixFilePermissions.toString(perms));
                Files.setPosixFilePermissions(dir, DIRECTORY);
            }
        } else {
            OwnerOnlyAcl.restrictDirectory(dir, owner);
        }
    }

    // The POSIX rules, on permissions alone. NativeLibrary's warm load applies the same rules to raw modes;
    // NativeLibraryWarmLoadTest holds the two to the same verdict for every mode.

    /** A directory of ours is owner-only when its permissions are exactly {@code rwx------}. */
    static boolean isOwnerOnlyDirectory(Set<PosixFilePermission> permissions) {
        return DIRECTORY.equals(permissions);
    }

    /** The library is owner-only when its permissions are within {@code rw-------} or within {@code r-x------}. */
    static boolean isOwnerOnlyFile(Set<PosixFilePermission> permissions) {
        return WRITABLE_FILE.containsAll(permissions) || FINAL_FILE.containsAll(permissions);
    }

    /** Others cannot replace what a directory holds unless group or others may write to it and it is not sticky. */
    static boolean isSafeParent(Set<PosixFilePermission> permissions, boolean sticky) {
        boolean othersWrite = permissions.contains(PosixFilePermission.OTHERS_WRITE)
                || permissions.contains(PosixFilePermission.GROUP_WRITE);
        return !othersWrite || sticky;
    }

    /** Who we are: the owner of a file this process creates (on Windows, as an administrator, a group). */
    UserPrincipal self(Path writableDir) throws IOException {
        if (self == null) {
            // java.io's exclusive create: NIO's opens a channel, whose first use loads native libraries (ms).
            Path probe = newName(writableDir, ".owner-", ".tmp");
            if (!probe.toFile().createNewFile()) {
                throw new FileAlreadyExistsException(probe.toString());
            }
            try {
                self = owner(probe, attributes(probe));
            } finally {
                Files.deleteIfExists(probe);
            }
        }
        return self;
    }

    /** A new, uniquely named, owner-only writable file in {@code dir} (a directory {@link #secureDirectory} made). */
    Path createTempFile(Path dir, String prefix, String suffix) throws IOException {
        if (posix) {
            return createNew(dir, prefix, suffix, PosixFilePermissions.asFileAttribute(WRITABLE_FILE));
        }
        return createNew(dir, prefix, suffix, OwnerOnlyAcl.fileAttribute(self(dir)));
    }

    /**
     * A file of a new name in {@code dir}, created only if nothing is there (never opening what is). Not
     * {@code Files.createTempFile}: its names come from {@code SecureRandom}, whose first use costs a fresh JVM
     * tens of milliseconds. The name needs no secret: creation fails rather than use an existing file, and the
     * loader's files go into a directory only the owner can write to.
     */
    private static Path createNew(Path dir, String prefix, String suffix, FileAttribute<?>... attributes)
            throws IOException {
        for (int attempt = 1; ; attempt++) {
            Path file = newName(dir, prefix, suffix);
            try {
                return Files.createFile(file, attributes);
            } catch (FileAlreadyExistsException taken) {
                if (attempt == NAME_ATTEMPTS) {
                    throw taken;
                }
            }
        }
    }

    /** A name in {@code dir} that no other file of this JVM has had, and most unlikely any of another JVM. */
    private static Path newName(Path dir, String prefix, String suffix) {
        return dir.resolve(prefix + Long.toHexString(System.nanoTime()) + "-" + NAMES.incrementAndGet() + suffix);
    }

    /** Makes a finished file read-and-execute for its owner only (POSIX {@code 0500}). */
    void seal(Path file) throws IOException {
        if (posix) {
            Files.setPosixFilePermissions(file, FINAL_FILE);
        }
    }

    /**
     * Null if {@code file} is a regular file (not a link) owned by us that only we can access; otherwise why not.
     */
    String whyNotOwnerOnly(Path file, Path dir) throws IOException {
        BasicFileAttributes basic = attributes(file);
        if (!basic.isRegularFile()) {
            return "not a regular file";
        }
        UserPrincipal owner = owner(file, basic);
        if (!owner.equals(self(dir))) {
            return "owned by " + owner.getName();
        }
        if (!posix) {
            return OwnerOnlyAcl.whyNotOwnerOnly(file, owner);
        }
        Set<PosixFilePermission> perms = ((PosixFileAttributes) basic).permissions();
        if (!isOwnerOnlyFile(perms)) {
            return "permissions " + PosixFilePermissions.toString(perms) + " are not owner-only";
        }
        return null;
    }

    /** One stat of {@code path} itself (not a link's target); on POSIX the owner and the mode come with it. */
    private BasicFileAttributes attributes(Path path) throws IOException {
        return posix ? Files.readAttributes(path, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
                : Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    }

    private static UserPrincipal owner(Path path, BasicFileAttributes attributes) throws IOException {
        return attributes instanceof PosixFileAttributes ? ((PosixFileAttributes) attributes).owner()
                : Files.getOwner(path, LinkOption.NOFOLLOW_LINKS);
    }

    /** Looked up when there is something to say: the loader's usual path does not start SLF4J (see NativeLoader). */
    private static Logger log() {
        return LoggerFactory.getLogger(OwnerOnlyFiles.class);
    }
}
