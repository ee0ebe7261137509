package io.github.vss4j.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryFlag;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.UserPrincipal;
import java.util.EnumSet;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * {@link OwnerOnlyFiles} where the file system has ACLs instead of POSIX permissions (Windows): owner-only is an
 * ACL with a single entry, allowing everything to the owner (inherited by what a directory holds).
 */
final class OwnerOnlyAcl {
    private OwnerOnlyAcl() {
    }

    /** Gives {@code dir}, owned by {@code owner}, the owner-only ACL unless it has it already. */
    static void restrictDirectory(Path dir, UserPrincipal owner) throws IOException {
        AclFileAttributeView view = Files.getFileAttributeView(dir, AclFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        if (view == null) {
            throw new IOException(dir + ": this file system supports neither POSIX permissions nor ACLs,"
                    + " so vss4j cannot make it owner-only");
        }
        List<AclEntry> wanted = ownerOnly(owner, true);
        if (!wanted.equals(view.getAcl())) {
            LoggerFactory.getLogger(OwnerOnlyFiles.class).debug("vss4j: restricting the ACL of {} to its owner {}", dir,
                    owner.getName());
            view.setAcl(wanted);
        }
    }

    /** Null if no entry of {@code file}'s ACL allows anyone but {@code owner}; otherwise whom it allows. */
    static String whyNotOwnerOnly(Path file, UserPrincipal owner) throws IOException {
        AclFileAttributeView view = Files.getFileAttributeView(file, AclFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        if (view != null) {
            for (AclEntry entry : view.getAcl()) {
                if (entry.type() == AclEntryType.ALLOW && !entry.principal().equals(owner)) {
                    return "its ACL allows " + entry.principal().getName();
                }
            }
        }
        return null;
    }

    /** The owner-only ACL for a new file, as the attribute to create it with. */
    static FileAttribute<List<AclEntry>> fileAttribute(UserPrincipal owner) {
        List<AclEntry> acl = ownerOnly(owner, false);
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

    private static List<AclEntry> ownerOnly(UserPrincipal owner, boolean directory) {
        AclEntry.Builder entry = AclEntry.newBuilder()
                .setType(AclEntryType.ALLOW)
                .setPrincipal(owner)
                .setPermissions(EnumSet.allOf(AclEntryPermission.class));
        if (directory) {
            entry.setFlags(AclEntryFlag.FILE_INHERIT, AclEntryFlag.DIRECTORY_INHERIT);
        }
        return List.of(entry.build());
    }
}
