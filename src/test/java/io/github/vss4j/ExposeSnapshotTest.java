package io.github.vss4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link BackupComponents#exposeSnapshot} and {@link BackupComponents#unexposeSnapshot} against the simulator. */
class ExposeSnapshotTest extends ShadowCopyTestBase {

    /** A persistent copy of C:\ made and released; the admin object that exposes it, initialized in ALL. */
    private UUID persistentCopy(Vss vss) throws Exception {
        try (ShadowCopySet set = vss.shadowCopy().volumes(C).context(VssContext.CLIENT_ACCESSIBLE).create()) {
            return set.copies().get(0).snapshotId();
        }
    }

    private BackupComponents admin(Vss vss) throws VssException {
        BackupComponents admin = components(vss);
        admin.initializeForBackup();
        admin.setContext(VssContext.ALL);
        return admin;
    }

    @Test
    void aPersistentCopyIsExposedAsADriveLetterReportedUntilUnexposed() throws Exception {
        Vss vss = vss(C, D);
        UUID id = persistentCopy(vss);
        BackupComponents admin = admin(vss);
        assertEquals("X:", admin.exposeLocally(id, "X:"));
        SnapshotProperties exposed = admin.getSnapshotProperties(id);
        assertEquals("X:", exposed.exposedName());
        assertEquals("", exposed.exposedPath());
        assertTrue(exposed.attributes().contains(SnapshotAttribute.EXPOSED_LOCALLY), exposed::toString);

        admin.unexposeSnapshot(id);
        SnapshotProperties after = admin.getSnapshotProperties(id);
        assertEquals("", after.exposedName());
        assertFalse(after.attributes().contains(SnapshotAttribute.EXPOSED_LOCALLY));
        VssException again = assertThrows(VssException.class, () -> admin.unexposeSnapshot(id));
        assertEquals(VssError.VSS_E_OBJECT_NOT_FOUND, again.error());
        assertEquals(Operation.UNEXPOSE_SNAPSHOT, again.operation());
        assertEquals(1, admin.deleteSnapshot(id, true));
        assertNoCopies(vss);
    }

    @Test
    void aShareCarriesItsPathFromRoot() throws Exception {
        Vss vss = vss(C);
        UUID id = persistentCopy(vss);
        BackupComponents admin = admin(vss);
        assertEquals("Then", admin.exposeSnapshot(id, "Users\\Public", SnapshotAttribute.EXPOSED_REMOTELY, "Then"));
        SnapshotProperties p = admin.getSnapshotProperties(id);
        assertEquals("Then", p.exposedName());
        assertEquals("Users\\Public", p.exposedPath());
        assertTrue(p.attributes().contains(SnapshotAttribute.EXPOSED_REMOTELY));
        admin.deleteSnapshot(id, true);
    }

    @Test
    void anAutoReleaseCopyIsRefusedWithTheRawHresultAndTheOperation() throws Exception {
        Vss vss = vss(C);
        try (ShadowCopySet set = vss.shadowCopy().volumes(C).context(VssContext.BACKUP).create()) {
            BackupComponents admin = admin(vss);
            UUID id = set.copies().get(0).snapshotId();
            VssException e = assertThrows(VssException.class, () -> admin.exposeLocally(id, "X:"));
            assertEquals(VssError.E_INVALIDARG, e.error());
            assertEquals(Operation.EXPOSE_SNAPSHOT, e.operation());
            assertTrue(e.getMessage().contains(id.toString()), e.getMessage());
        }
    }

    @Test
    void aDriveLetterOfTheMachineIsRefused() throws Exception {
        Vss vss = vss(C, D);
        UUID id = persistentCopy(vss);
        BackupComponents admin = admin(vss);
        VssException e = assertThrows(VssException.class, () -> admin.exposeLocally(id, "D:"));
        assertEquals(VssError.E_INVALIDARG, e.error());
        admin.deleteSnapshot(id, true);
    }

    @Test
    void anUnknownCopyIsObjectNotFound() throws Exception {
        BackupComponents admin = admin(vss(C));
        VssException e = assertThrows(VssException.class, () -> admin.exposeLocally(UUID.randomUUID(), "X:"));
        assertEquals(VssError.VSS_E_OBJECT_NOT_FOUND, e.error());
    }

    @ParameterizedTest
    @ValueSource(strings = {"X", "XY:", "1:", "C:\\", "C:\\a\\..\\b", "C:\\a*", "C:\\%TEMP%", "relative\\dir", "X:\0"})
    void aMalformedLocalNameIsRefusedBeforeVssNamingIt(String name) throws Exception {
        Vss vss = vss(C);
        BackupComponents admin = admin(vss);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> admin.exposeLocally(UUID.randomUUID(), name));
        String shown = name.replace("\0", "\\u0000");
        assertTrue(e.getMessage().contains(shown), e.getMessage());
        assertFalse(machine(vss).callLog().contains(Operation.EXPOSE_SNAPSHOT));
    }

    @Test
    void badCombinationsAreRefusedNamingTheRule() throws Exception {
        BackupComponents admin = admin(vss(C));
        UUID id = UUID.randomUUID();
        IllegalArgumentException pathLocally = assertThrows(IllegalArgumentException.class,
                () -> admin.exposeSnapshot(id, "Users", SnapshotAttribute.EXPOSED_LOCALLY, "X:"));
        assertTrue(pathLocally.getMessage().contains("\"Users\""), pathLocally.getMessage());
        assertTrue(pathLocally.getMessage().contains("must be null when exposing locally"));
        IllegalArgumentException noName = assertThrows(IllegalArgumentException.class,
                () -> admin.exposeLocally(id, null));
        assertTrue(noName.getMessage().contains("drive letter"), noName.getMessage());
        IllegalArgumentException wrongAttribute = assertThrows(IllegalArgumentException.class,
                () -> admin.exposeSnapshot(id, null, SnapshotAttribute.PERSISTENT, "X:"));
        assertTrue(wrongAttribute.getMessage().contains("PERSISTENT"), wrongAttribute.getMessage());
        IllegalArgumentException badShare = assertThrows(IllegalArgumentException.class,
                () -> admin.exposeSnapshot(id, null, SnapshotAttribute.EXPOSED_REMOTELY, "a/b"));
        assertTrue(badShare.getMessage().contains("\"a/b\""), badShare.getMessage());
        IllegalArgumentException longShare = assertThrows(IllegalArgumentException.class,
                () -> admin.exposeSnapshot(id, null, SnapshotAttribute.EXPOSED_REMOTELY, "s".repeat(81)));
        assertTrue(longShare.getMessage().contains("81"), longShare.getMessage());
        IllegalArgumentException wildcard = assertThrows(IllegalArgumentException.class,
                () -> admin.exposeSnapshot(id, "Users\\*", SnapshotAttribute.EXPOSED_REMOTELY, null));
        assertTrue(wildcard.getMessage().contains("wildcards"), wildcard.getMessage());
        IllegalArgumentException huge = assertThrows(IllegalArgumentException.class,
                () -> admin.exposeLocally(id, "C:\\" + "a".repeat(40_000)));
        assertTrue(huge.getMessage().contains("40003"), huge.getMessage());
        assertThrows(NullPointerException.class, () -> admin.exposeLocally(null, "X:"));
        assertThrows(NullPointerException.class, () -> admin.exposeSnapshot(id, null, null, "X:"));
        assertThrows(NullPointerException.class, () -> admin.unexposeSnapshot(null));
    }

    @Test
    void aClosedObjectRefusesClearly() throws Exception {
        BackupComponents admin = admin(vss(C));
        admin.close();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> admin.exposeLocally(UUID.randomUUID(), "X:"));
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
    }
}
