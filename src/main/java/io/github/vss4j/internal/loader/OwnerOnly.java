package io.github.vss4j.internal.loader;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryFlag;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The owner-only rule, the one place it is stated: directories and files that only the current user can use.
 * POSIX: directories exactly {@code rwx------}, files within {@code rw-------} or {@code r-x------}, in a parent
 * that group and others cannot write unless it is sticky (they could rename our directory away). Windows: an ACL
 * whose one entry allows the owner (inherited by what a directory holds). An existing directory is used only if it
 * is a real directory (not a link) owned by the current user; if it is ours but looser it is tightened. Anything
 * else is refused with an {@link IOException} that says why.
 *
 * <p>"The current user" is the owner of a file this process creates. An elevated Windows administrator's files
 * belong to the Administrators group, which the same user's non-elevated token holds deny-only: neither kind of
 * run can trust or repair the other's directory, so each has a base of its own and never takes over the other's
 * ({@link #whyNotOurs}, a pure function of the owners, tested on any OS).
 */
final class OwnerOnly {
    static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> WRITABLE_FILE = PosixFilePermissions.fromString("rw-------");
    static final Set<PosixFilePermission> SEALED_FILE = PosixFilePermissions.fromString("r-x------");
    private static final String ELSEWHERE = "choose another place with -D" + NativeLibrary.EXTRACT_DIR_PROPERTY;
    private static final String ELEVATED_DEFAULT = " (\"" + NativePlatform.ELEVATED_SUFFIX + "\" by default)";
    static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private UserPrincipal self;

    OwnerOnly(UserPrincipal self) {
        this.self = self;
    }

    /** What makes a new file or directory {@code permissions} as it is created, on POSIX; nothing elsewhere. */
    static FileAttribute<?>[] created(Set<PosixFilePermission> permissions) {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)} : new FileAttribute<?>[0];
    }

    static boolean isOwnerOnlyDirectory(Set<PosixFilePermission> permissions) {
        return DIRECTORY.equals(permissions);
    }

    static boolean isOwnerOnlyFile(Set<PosixFilePermission> permissions) {
        return WRITABLE_FILE.containsAll(permissions) || SEALED_FILE.containsAll(permissions);
    }

    static boolean isSafeParent(Set<PosixFilePermission> permissions, boolean sticky) {
        return sticky || !permissions.contains(PosixFilePermission.GROUP_WRITE)
                && !permissions.contains(PosixFilePermission.OTHERS_WRITE);
    }

    /** Whether a process whose new files get {@code owner} is elevated in the sense above; POSIX files never are. */
    static boolean ownsAsGroup(UserPrincipal owner) {
        return owner instanceof GroupPrincipal;
    }

    /** Makes {@code given} (missing parents with default permissions) owner-only, as above, or says why it cannot. */
    Path secureDirectory(Path given) throws IOException {
        Path dir = given.toAbsolutePath().normalize();
        Path parent = dir.getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            Files.createDirectories(parent);
        }
        if (parent != null && POSIX) {
            Map<String, Object> attributes = Files.readAttributes(parent, "unix:permissions,mode");
            @SuppressWarnings("unchecked")
            Set<PosixFilePermission> permissions = (Set<PosixFilePermission>) attributes.get("permissions");
            if (!isSafeParent(permissions, ((Integer) attributes.get("mode") & 01000) != 0)) {
                throw new IOException(parent + " is writable by others (" + PosixFilePermissions.toString(permissions)
                        + ") and not sticky: another user could replace vss4j's directory in it; " + ELSEWHERE);
            }
        }
        BasicFileAttributes basic;
        try {
            basic = attributes(dir);
        } catch (NoSuchFileException missing) {
            try {
                Files.createDirectory(dir, created(DIRECTORY));
            } catch (FileAlreadyExistsException raced) {
                // made by another process meanwhile: checked below like any existing directory
            }
            basic = attributes(dir);
        }
        if (!basic.isDirectory()) {
            throw new IOException(dir + (basic.isSymbolicLink() ? " is a symbolic link; vss4j extracts only into a real"
                    + " directory" : " exists and is not a directory"));
        }
        UserPrincipal owner = owner(dir, basic);
        String notOurs;
        try {
            notOurs = whyNotOurs(dir, owner, self(dir));
        } catch (IOException e) {
            throw new IOException(dir + " is owned by " + owner.getName() + " and the current user cannot write to it; "
                    + ELSEWHERE, e);
        }
        if (notOurs != null) {
            throw new IOException(notOurs);
        }
        if (basic instanceof PosixFileAttributes posix && !isOwnerOnlyDirectory(posix.permissions())) {
            NativeLoader.Log.LOG.warn("vss4j: tightening permissions of {} from {} to rwx------", dir,
                    PosixFilePermissions.toString(posix.permissions()));
            Files.setPosixFilePermissions(dir, DIRECTORY);
        } else if (!POSIX) {
            List<AclEntry> wanted = List.of(AclEntry.newBuilder().setType(AclEntryType.ALLOW).setPrincipal(owner)
                    .setPermissions(EnumSet.allOf(AclEntryPermission.class))
                    .setFlags(AclEntryFlag.FILE_INHERIT, AclEntryFlag.DIRECTORY_INHERIT).build());
            AclFileAttributeView view = aclView(dir);
            if (!wanted.equals(view.getAcl())) {
                view.setAcl(wanted);
            }
        }
        return dir;
    }

    /**
     * Null if {@code dir}, owned by {@code owner}, is ours for a process whose new files get {@code self}; else why
     * not, in a sentence that says what to do. A directory of the other kind of run is refused, never taken over.
     */
    static String whyNotOurs(Path dir, UserPrincipal owner, UserPrincipal self) {
        return owner.equals(self) ? null : ownsAsGroup(owner) && !ownsAsGroup(self) ? dir + " was created by an"
                + " elevated process (it is owned by the group " + owner.getName() + ") and this process, not elevated,"
                + " can neither use nor repair it; elevated runs extract to a directory of their own" + ELEVATED_DEFAULT
                + ". Delete it from an elevated prompt, or " + ELSEWHERE
                : ownsAsGroup(self) && !ownsAsGroup(owner) ? dir + " is owned by " + owner.getName() + ", while this"
                + " elevated process creates files owned by the group " + self.getName() + "; vss4j keeps elevated and"
                + " non-elevated runs in separate directories" + ELEVATED_DEFAULT + ", so " + ELSEWHERE
                : dir + " is owned by " + owner.getName() + ", not by the current user " + self.getName()
                + "; vss4j never loads from a directory that someone else controls. Remove it or " + ELSEWHERE;
    }

    /** Who we are: the owner of a file this process creates (on Windows, as an administrator, a group). */
    UserPrincipal self(Path writableDir) throws IOException {
        if (self == null) {
            // Named by the clock, not createTempFile's SecureRandom; createFile fails on any existing name or link.
            Path probe = Files.createFile(writableDir.resolve(".owner-".concat(Long.toString(System.nanoTime()))));
            try {
                self = Files.getOwner(probe, LinkOption.NOFOLLOW_LINKS);
            } finally {
                Files.delete(probe);
            }
        }
        return self;
    }

    /** Null if {@code file} is a regular file (not a link) owned by us that only we can access; otherwise why not. */
    String whyNotOwnerOnly(Path file) throws IOException {
        BasicFileAttributes basic = attributes(file);
        UserPrincipal owner = basic.isRegularFile() ? owner(file, basic) : null;
        if (owner == null || !owner.equals(self(file.getParent()))) {
            return owner == null ? "not a regular file" : "owned by " + owner.getName();
        } else if (basic instanceof PosixFileAttributes posix) {
            return isOwnerOnlyFile(posix.permissions()) ? null
                    : "permissions " + PosixFilePermissions.toString(posix.permissions()) + " are not owner-only";
        }
        for (AclEntry entry : aclView(file).getAcl()) {
            if (entry.type() == AclEntryType.ALLOW && !entry.principal().equals(owner)) {
                return "its ACL allows " + entry.principal().getName();
            }
        }
        return null;
    }

    private static BasicFileAttributes attributes(Path path) throws IOException {
        Class<? extends BasicFileAttributes> type = POSIX ? PosixFileAttributes.class : BasicFileAttributes.class;
        return Files.readAttributes(path, type, LinkOption.NOFOLLOW_LINKS);
    }

    private static UserPrincipal owner(Path path, BasicFileAttributes attributes) throws IOException {
        return attributes instanceof PosixFileAttributes posix ? posix.owner() : Files.getOwner(path, LinkOption.NOFOLLOW_LINKS);
    }

    private static AclFileAttributeView aclView(Path path) throws IOException {
        AclFileAttributeView view = Files.getFileAttributeView(path, AclFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        if (view == null) {
            throw new IOException(path + ": this file system supports neither POSIX permissions nor ACLs,"
                    + " so vss4j cannot make it owner-only");
        }
        return view;
    }
}
