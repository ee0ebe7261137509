package io.github.vss4j.windows;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.vss4j.BackupComponents;
import io.github.vss4j.Operation;
import io.github.vss4j.ShadowCopySet;
import io.github.vss4j.SnapshotAttribute;
import io.github.vss4j.SnapshotProperties;
import io.github.vss4j.Vss;
import io.github.vss4j.VssContext;
import io.github.vss4j.VssError;
import io.github.vss4j.VssException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * ExposeSnapshot and UnexposeSnapshot against real VSS, elevated, through the workflow (profile real-vss): a
 * client-accessible copy of the temp folder's volume exposed as a free drive letter, a file written before the
 * copy read through it, unexposed, deleted; and an auto-release copy refused (the code is printed, as Microsoft
 * does not document it; the simulator answers E_INVALIDARG).
 */
@DisabledIfSystemProperty(named = "vss4j.expectAccessDenied", matches = "true",
        disabledReason = "a restricted token cannot create a backup components object")
class RealExposeIT {
    @TempDir
    Path dir;

    private static String volumeOf(Path path) {
        return path.toAbsolutePath().getRoot().toString();
    }

    // The last letter no drive uses now: VSS must mount the copy there.
    private static String freeDriveLetter() {
        for (char letter = 'Z'; letter >= 'H'; letter--) {
            if (!Files.exists(Path.of(letter + ":\\"))) {
                return letter + ":";
            }
        }
        throw new AssertionError("no free drive letter between H: and Z:");
    }

    private static BackupComponents admin(Vss vss) throws VssException {
        BackupComponents admin = vss.createBackupComponents();
        admin.initializeForBackup();
        admin.setContext(VssContext.ALL);
        return admin;
    }

    @Test
    void aPersistentCopyIsExposedAsAFreeDriveLetterReadThroughItUnexposedAndDeleted() throws Exception {
        Path file = dir.resolve("before-copy.txt");
        byte[] before = "written before the copy".getBytes(StandardCharsets.UTF_8);
        Files.write(file, before);
        Vss vss = Vss.system();
        UUID id;
        try (ShadowCopySet set = vss.shadowCopy().volumes(volumeOf(dir)).context(VssContext.CLIENT_ACCESSIBLE)
                .create()) {
            id = set.copies().get(0).snapshotId();
        }
        Files.writeString(file, "changed after the copy");
        try (BackupComponents admin = admin(vss)) {
            try {
                String letter = freeDriveLetter();
                String exposed = admin.exposeLocally(id, letter);
                System.out.println("exposed " + id + " as " + exposed);
                assertEquals(letter, exposed.endsWith("\\") ? exposed.substring(0, 2) : exposed);
                SnapshotProperties p = admin.getSnapshotProperties(id);
                System.out.println("properties while exposed: " + p);
                assertTrue(p.attributes().contains(SnapshotAttribute.EXPOSED_LOCALLY), p::toString);
                assertTrue(p.exposedName().startsWith(letter), p::toString);
                Path inCopy = Path.of(letter + "\\").resolve(file.getRoot().relativize(file));
                assertArrayEquals(before, Files.readAllBytes(inCopy), "the copy shows the file as it was");

                admin.unexposeSnapshot(id);
                assertFalse(Files.exists(Path.of(letter + "\\")), letter + " still mounted after UnexposeSnapshot");
                assertFalse(admin.getSnapshotProperties(id).attributes().contains(SnapshotAttribute.EXPOSED_LOCALLY));
                VssException again = assertThrows(VssException.class, () -> admin.unexposeSnapshot(id));
                System.out.println("UnexposeSnapshot of a copy no longer exposed: " + again.getMessage());
                assertEquals(VssError.VSS_E_OBJECT_NOT_FOUND, again.error());
            } finally {
                assertEquals(1, admin.deleteSnapshot(id, true));
            }
        }
    }

    @Test
    void anAutoReleaseCopyIsRefused() throws Exception {
        Vss vss = Vss.system();
        try (ShadowCopySet set = vss.shadowCopy().volumes(volumeOf(dir)).context(VssContext.BACKUP).create();
                BackupComponents admin = admin(vss)) {
            UUID id = set.copies().get(0).snapshotId();
            VssException e = assertThrows(VssException.class, () -> admin.exposeLocally(id, freeDriveLetter()));
            System.out.println("ExposeSnapshot of an auto-release copy: " + e.getMessage());
            assertEquals(Operation.EXPOSE_SNAPSHOT, e.operation());
            assertEquals(VssError.E_INVALIDARG, e.error(), "the simulator's [I] choice; this run shows Windows'");
        }
    }
}
