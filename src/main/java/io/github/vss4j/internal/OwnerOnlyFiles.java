package io.github.vss4j.internal;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryFlag;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Directories and files that only the current user can read and write: POSIX {@code 0700} directories and
 * {@code 0600}/{@code 0500} files, or on Windows an ACL with one entry, for the owner. A directory that exists
 * already is used only if it is a real directory (not a link) owned by the current user; if its permissions are
 * looser than owner-only they are tightened, because it is ours. Anything else is refused with an
 * {@link IOException} that says why.
 */
final class OwnerOnlyFiles {
    private static final Logger LOG = LoggerFactory.getLogger(OwnerOnlyFiles.class);
    static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> WRITABLE_FILE = PosixFilePermissions.fromString("rw-------");
    static final Set<PosixFilePermission> FINAL_FILE = PosixFilePermissions.fromString("r-x------");
    private static final int STICKY = 01000;

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
            Files.createDirectories(parent);
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
        boolean othersWrite = p.contains(PosixFilePermission.OTHERS_WRITE) || p.contains(PosixFilePermission.GROUP_WRITE);
        if (othersWrite && !isSticky(parent)) {
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
        BasicFileAttributes basic = Files.readAttributes(dir, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (basic.isSymbolicLink()) {
            throw new IOException(dir + " is a symbolic link; vss4j extracts only into a real directory");
        }
        if (!basic.isDirectory()) {
            throw new IOException(dir + " exists and is not a directory");
        }
        UserPrincipal owner = Files.getOwner(dir, LinkOption.NOFOLLOW_LINKS);
        UserPrincipal me;
        try {
            me = self(dir);
        } catch (IOException e) {
            throw new IOException(dir + " is owned by " + owner.getName() + " and the current user cannot write to it;"
                    + " choose another place with -D" + NativeLibrary.EXTRACT_DIR_PROPERTY, e);
        }
        if (!owner.equals(me)) {
            throw new IOException(dir + " is owned by " + owner.getName() + ", not by the current user " + me.getName()
                    + "; vss4j never loads from a directory that someone else controls. Remove it or choose another"
                    + " place with -D" + NativeLibrary.EXTRACT_DIR_PROPERTY);
        }
        if (posix) {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS);
            if (!DIRECTORY.equals(perms)) {
                LOG.warn("vss4j: tightening permissions of {} from {} to rwx------", dir,
                        PosixFilePermissions.toString(perms));
                Files.setPosixFilePermissions(dir, DIRECTORY);
            }
        } else {
            AclFileAttributeView view = Files.getFileAttributeView(dir, AclFileAttributeView.class,
                    LinkOption.NOFOLLOW_LINKS);
            if (view == null) {
                throw new IOException(dir + ": this file system supports neither POSIX permissions nor ACLs,"
                        + " so vss4j cannot make it owner-only");
            }
            List<AclEntry> wanted = ownerOnlyAcl(owner, true);
            if (!wanted.equals(view.getAcl())) {
                LOG.debug("vss4j: restricting the ACL of {} to its owner {}", dir, owner.getName());
                view.setAcl(wanted);
            }
        }
    }

    /** Who we are: the owner of a file this process creates (on Windows, as an administrator, a group). */
    UserPrincipal self(Path writableDir) throws IOException {
        if (self == null) {
            Path probe = Files.createTempFile(writableDir, ".owner", ".tmp");
            try {
                self = Files.getOwner(probe, LinkOption.NOFOLLOW_LINKS);
            } finally {
                Files.deleteIfExists(probe);
            }
        }
        return self;
    }

    /** A new, uniquely named, owner-only writable file in {@code dir} (a directory {@link #secureDirectory} made). */
    Path createTempFile(Path dir, String prefix, String suffix) throws IOException {
        if (posix) {
            return Files.createTempFile(dir, prefix, suffix, PosixFilePermissions.asFileAttribute(WRITABLE_FILE));
        }
        FileAttribute<List<AclEntry>> acl = aclAttribute(ownerOnlyAcl(self(dir), false));
        return Files.createTempFile(dir, prefix, suffix, acl);
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
        BasicFileAttributes basic = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (!basic.isRegularFile()) {
            return "not a regular file";
        }
        UserPrincipal owner = Files.getOwner(file, LinkOption.NOFOLLOW_LINKS);
        if (!owner.equals(self(dir))) {
            return "owned by " + owner.getName();
        }
        if (posix) {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS);
            if (!WRITABLE_FILE.containsAll(perms) && !FINAL_FILE.containsAll(perms)) {
                return "permissions " + PosixFilePermissions.toString(perms) + " are not owner-only";
            }
        } else {
            AclFileAttributeView view = Files.getFileAttributeView(file, AclFileAttributeView.class,
                    LinkOption.NOFOLLOW_LINKS);
            if (view != null) {
                for (AclEntry entry : view.getAcl()) {
                    if (entry.type() == AclEntryType.ALLOW && !entry.principal().equals(owner)) {
                        return "its ACL allows " + entry.principal().getName();
                    }
                }
            }
        }
        return null;
    }

    private static List<AclEntry> ownerOnlyAcl(UserPrincipal owner, boolean directory) {
        AclEntry.Builder entry = AclEntry.newBuilder()
                .setType(AclEntryType.ALLOW)
                .setPrincipal(owner)
                .setPermissions(EnumSet.allOf(AclEntryPermission.class));
        if (directory) {
            entry.setFlags(AclEntryFlag.FILE_INHERIT, AclEntryFlag.DIRECTORY_INHERIT);
        }
        return List.of(entry.build());
    }

    private static FileAttribute<List<AclEntry>> aclAttribute(List<AclEntry> acl) {
        return new FileAttribute<>() {
            @Override
            public String name() {
                return "acl:acl";
            }

            @Override
            public List<AclEntry> value() {
                return acl;
            }
        };
    }
}
