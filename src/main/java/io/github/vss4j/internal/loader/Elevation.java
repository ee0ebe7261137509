package io.github.vss4j.internal.loader;

import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.UserPrincipal;

/**
 * Elevated and non-elevated runs of one Windows user, as the owner-only rule sees them. An elevated
 * administrator's token makes the Administrators group the owner of what it creates; the same user's
 * non-elevated token holds that group deny-only, so it can neither read nor repair such a directory, while the
 * elevated token would find the user's own directory owned by someone other than "itself". Rather than trust
 * an owner that is not the token's own, the two kinds of run extract to separate directories: the elevated one
 * to {@code vss4j-<user>-elevated}. Pure functions of the owners involved, so that the rule is tested on any OS.
 */
final class Elevation {
    /** The suffix of an elevated run's default extraction directory. */
    static final String ELEVATED_SUFFIX = "-elevated";

    private Elevation() {
    }

    /**
     * Whether a process whose new files get {@code defaultOwner} runs elevated in the sense that matters here: its
     * files belong to a group (on Windows, Administrators), not to the user. POSIX files never do.
     */
    static boolean ownsAsGroup(UserPrincipal defaultOwner) {
        return defaultOwner instanceof GroupPrincipal;
    }

    /** The default base directory's name for {@code user}: {@code vss4j-<user>}, elevated runs' with the suffix. */
    static String baseName(String user, boolean elevated) {
        return "vss4j-" + Places.safeName(user) + (elevated ? ELEVATED_SUFFIX : "");
    }

    /**
     * Null if {@code dir}, owned by {@code owner}, is ours for a process whose new files get {@code self}; else
     * why not, in a sentence that says what to do. Only an owner equal to {@code self} is accepted: a directory
     * of the other kind of run is refused, with the reason named, never taken over.
     */
    static String whyNotOurs(Path dir, UserPrincipal owner, UserPrincipal self) {
        if (owner.equals(self)) {
            return null;
        }
        String elsewhere = "choose another place with -D" + NativeLibrary.EXTRACT_DIR_PROPERTY;
        if (ownsAsGroup(owner) && !ownsAsGroup(self)) {
            return dir + " was created by an elevated process (it is owned by the group " + owner.getName()
                    + ") and this process, not elevated, can neither use nor repair it; elevated runs extract to a"
                    + " directory of their own (\"" + ELEVATED_SUFFIX + "\") by default. Delete it from an elevated"
                    + " prompt, or " + elsewhere;
        }
        if (ownsAsGroup(self) && !ownsAsGroup(owner)) {
            return dir + " is owned by " + owner.getName() + ", while this elevated process creates files owned by"
                    + " the group " + self.getName() + "; vss4j keeps elevated and non-elevated runs in separate"
                    + " directories (\"" + ELEVATED_SUFFIX + "\" by default), so " + elsewhere;
        }
        return dir + " is owned by " + owner.getName() + ", not by the current user " + self.getName()
                + "; vss4j never loads from a directory that someone else controls. Remove it or " + elsewhere;
    }
}
