package io.github.vss4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.vss4j.simulator.SimulatedVolume;
import io.github.vss4j.simulator.SimulatedWriter;
import io.github.vss4j.simulator.Simulation;
import org.junit.jupiter.api.Test;

/** Where Windows' answer is known, the simulator gives the same one. */
class AnswersAsWindowsTest extends SimulatedVssTest {
    private static final String DATA_GUID = "\\\\?\\Volume{6d2b1a6e-0000-4000-8000-100000000001}\\";

    private Vss machine() {
        return vss(Simulation.builder().volume("C:\\").volume(SimulatedVolume.of("E:\\Data\\").withGuidName(DATA_GUID))
                .writer(SimulatedWriter.named("System Writer")).build());
    }

    private static void fails(VssError expected, Executable call) {
        VssException thrown = assertThrows(VssException.class, call::run);
        assertEquals(expected, thrown.error(), thrown.getMessage());
    }

    interface Executable {
        void run() throws Exception;
    }

    @Test
    void aCopyReportsTheVolumeGuidPathWhileTheSetKeepsTheNameTheRequestGave() throws Exception {
        Vss vss = machine();
        try (ShadowCopySet set = vss.shadowCopy().volumes("E:\\Data\\", "C:\\").create()) {
            ShadowCopy data = set.copy("E:\\Data\\").orElseThrow();
            assertEquals("E:\\Data\\", data.volume());
            assertEquals(DATA_GUID, data.originalVolumeName());
            assertEquals(SimulatedVolume.of("C:\\").guidName(), set.copy("C:\\").orElseThrow().originalVolumeName());
        }
        try (ShadowCopySet set = vss.shadowCopy().volumes(DATA_GUID).create()) {
            assertEquals(DATA_GUID, set.copies().get(0).volume());
            assertEquals(DATA_GUID, set.copies().get(0).originalVolumeName());
        }
    }

    @Test
    void oneVolumeNamedTwoWaysInOneSetIsAlreadyThere() throws Exception {
        BackupComponents backup = components(machine());
        initializeInContext(backup, VssContext.FILE_SHARE_BACKUP);
        assertTrue(backup.isVolumeSupported(DATA_GUID));
        assertTrue(backup.isVolumeSupported("e:\\data\\"));
        backup.startSnapshotSet();
        backup.addToSnapshotSet("E:\\Data\\");
        fails(VssError.VSS_E_OBJECT_ALREADY_EXISTS, () -> backup.addToSnapshotSet(DATA_GUID));
    }

    @Test
    void aBackupComponentsDocumentThatIsNotXmlIsInvalid() throws Exception {
        Vss vss = machine();
        BackupComponents refused = components(vss);
        fails(VssError.VSS_E_INVALID_XML_DOCUMENT, () -> refused.initializeForBackup("<Backup><Components></Backup>"));
        // Well-formed, but no Backup Components Document: refused the same way [I].
        BackupComponents foreign = components(vss);
        fails(VssError.VSS_E_INVALID_XML_DOCUMENT,
                () -> foreign.initializeForBackup("<?xml version=\"1.0\"?><Backup a=\"1\"><Components/></Backup>"));
        BackupComponents saved = components(vss);
        saved.initializeForBackup();
        components(vss).initializeForBackup(saved.saveAsXml());
    }

    @Test
    void writerStatusIsReadOnceForEachGather() throws Exception {
        BackupComponents backup = components(machine());
        prepareSet(backup, VssContext.BACKUP, "C:\\");
        fails(VssError.VSS_E_BAD_STATE, backup::getWriterStatus);
        try (VssAsync gather = backup.gatherWriterStatus()) {
            assertTrue(gather.await(BOUND));
        }
        assertEquals(1, backup.getWriterStatus().size());
        fails(VssError.VSS_E_BAD_STATE, backup::getWriterStatus);
        try (VssAsync gather = backup.gatherWriterStatus()) {
            assertTrue(gather.await(BOUND));
        }
        assertEquals(1, backup.getWriterStatus().size());
    }

    @Test
    void writerMetadataIsReadableUntilItIsFreed() throws Exception {
        BackupComponents backup = components(machine());
        initialize(backup, VssContext.BACKUP);
        assertEquals(backup.getWriterMetadata(), backup.getWriterMetadata());
        backup.freeWriterMetadata();
        fails(VssError.VSS_E_BAD_STATE, backup::getWriterMetadata);
    }

    @Test
    void prepareForBackupInAContextWithoutWritersIsBadState() throws Exception {
        Vss vss = machine();
        for (VssContext context : VssContext.values()) {
            if (context.involvesWriters() || context == VssContext.ALL) {
                continue;
            }
            BackupComponents backup = components(vss);
            initializeInContext(backup, context);
            backup.startSnapshotSet();
            backup.addToSnapshotSet("C:\\");
            fails(VssError.VSS_E_BAD_STATE, backup::prepareForBackup);
            backup.abortBackup();
        }
    }

    private static void initializeInContext(BackupComponents backup, VssContext context) throws Exception {
        backup.initializeForBackup();
        backup.setContext(context);
        backup.setBackupState(false, false, BackupType.FULL, false);
    }
}
