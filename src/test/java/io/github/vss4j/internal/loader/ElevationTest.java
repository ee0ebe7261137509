package io.github.vss4j.internal.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * The rule for elevated and non-elevated runs of one Windows user ({@link OwnerOnly#whyNotOurs}), with this file system's
 * principals in the roles: a user for the user's own SID, a group for Administrators (what an elevated token
 * makes the owner of new files). The workflow runs the real thing on Windows: elevated, restricted, elevated.
 */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "POSIX principal names; Windows runs the real sequence in CI")
class ElevationTest {
    private static final Path DIR = Path.of("/tmp/vss4j-alice");
    private static UserPrincipal user;
    private static UserPrincipal otherUser;
    private static GroupPrincipal administrators;

    @BeforeAll
    static void principals() throws IOException {
        UserPrincipalLookupService lookup = FileSystems.getDefault().getUserPrincipalLookupService();
        user = lookup.lookupPrincipalByName("root");
        otherUser = lookup.lookupPrincipalByName("nobody");
        administrators = lookup.lookupPrincipalByGroupName("root");
    }

    @Test
    void aProcessWhoseFilesBelongToAGroupIsElevated() {
        assertTrue(OwnerOnly.ownsAsGroup(administrators));
        assertFalse(OwnerOnly.ownsAsGroup(user));
    }

    @Test
    void elevatedRunsHaveADirectoryOfTheirOwn() {
        assertEquals("vss4j-alice", NativePlatform.baseName("alice", false));
        assertEquals("vss4j-alice-elevated", NativePlatform.baseName("alice", true));
        assertEquals("vss4j-a_b-elevated", NativePlatform.baseName("a\\b", true));
    }

    @Test
    void eachKindOfRunAcceptsOnlyWhatItsOwnTokenCreated() {
        assertNull(OwnerOnly.whyNotOurs(DIR, user, user), "not elevated, own directory");
        assertNull(OwnerOnly.whyNotOurs(DIR, administrators, administrators), "elevated, own directory");
    }

    @Test
    void aNonElevatedRunRefusesAnElevatedRunsDirectoryAndSaysWhatToDo() {
        String why = OwnerOnly.whyNotOurs(DIR, administrators, user);
        assertTrue(why.startsWith(DIR + " was created by an elevated process (it is owned by the group "
                + administrators.getName() + ")"), why);
        assertTrue(why.contains("-elevated"), why);
        assertTrue(why.contains("Delete it from an elevated prompt"), why);
        assertTrue(why.contains("-D" + NativeLibrary.EXTRACT_DIR_PROPERTY), why);
    }

    @Test
    void anElevatedRunRefusesANonElevatedRunsDirectoryRatherThanTakeItOver() {
        String why = OwnerOnly.whyNotOurs(DIR, user, administrators);
        assertTrue(why.startsWith(DIR + " is owned by " + user.getName() + ", while this elevated process creates"
                + " files owned by the group " + administrators.getName()), why);
        assertTrue(why.contains("-D" + NativeLibrary.EXTRACT_DIR_PROPERTY), why);
    }

    @Test
    void anotherUsersDirectoryIsRefusedWhateverTheElevation() {
        for (UserPrincipal self : new UserPrincipal[] {user, administrators}) {
            String why = OwnerOnly.whyNotOurs(DIR, otherUser, self);
            assertTrue(why != null && why.contains(DIR + " is owned by " + otherUser.getName()), String.valueOf(why));
        }
        String why = OwnerOnly.whyNotOurs(DIR, otherUser, user);
        assertTrue(why.contains("never loads from a directory that someone else controls"), why);
    }

    @Test
    void theDefaultBaseDirectoryFollowsTheElevation() throws IOException {
        Path tmp = Path.of("/var/tmp");
        assertEquals(tmp.resolve("vss4j-alice"), NativePlatform.baseDirectory(tmp.toString(), "alice", false));
        assertEquals(tmp.resolve("vss4j-alice-elevated"), NativePlatform.baseDirectory(tmp.toString(), "alice", true));
    }
}
