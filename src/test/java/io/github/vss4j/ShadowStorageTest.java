package io.github.vss4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.vss4j.simulator.Fault;
import io.github.vss4j.simulator.SimulatedVolume;
import io.github.vss4j.simulator.Simulation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Vss's shadow storage methods against the simulator: listing, resizing, adding, and bad input. */
class ShadowStorageTest extends SimulatedVssTest {
    private static final long MB = 1024L * 1024;
    private static final String E = "E:\\";
    // VSS names the volumes of a storage area by their GUID paths, whatever name was asked.
    private static final String C_GUID = "\\\\?\\Volume{0000000c-0000-0000-0000-000000000000}\\";
    private static final String D_GUID = "\\\\?\\Volume{0000000d-0000-0000-0000-000000000000}\\";
    private static final String E_GUID = "\\\\?\\Volume{0000000e-0000-0000-0000-000000000000}\\";

    private Vss withLimitedE() {
        return vss(Simulation.builder().volume(SimulatedVolume.of(C).withGuidName(C_GUID))
                .volume(SimulatedVolume.of(D).withGuidName(D_GUID))
                .volume(SimulatedVolume.of(E).withDiffArea(150 * MB, 100 * MB).withGuidName(E_GUID)).build());
    }

    @Test
    void listsTheVolumesStorageWithWhatItsCopiesUse() throws Exception {
        Vss vss = withLimitedE();
        try (BackupComponents backup = components(vss)) {
            snapshot(backup, VssContext.CLIENT_ACCESSIBLE, E);
        }
        assertEquals(List.of(new ShadowStorage(E_GUID, E_GUID, 100 * MB, 100 * MB, 150 * MB)), vss.shadowStorage(E));
        ShadowStorage c = vss.shadowStorage(C).get(0);
        assertTrue(c.isUnbounded());
        assertEquals(Long.MAX_VALUE, c.freeBytes());
        assertEquals(0, machine(vss).liveObjects());
    }

    @Test
    void raisingTheMaximumMakesRoomForTheCopyThatDidNotFit() throws Exception {
        Vss vss = withLimitedE();
        try (BackupComponents first = components(vss)) {
            snapshot(first, VssContext.CLIENT_ACCESSIBLE, E);
        }
        try (BackupComponents second = components(vss)) {
            assertThrows(VssException.class, () -> snapshot(second, VssContext.CLIENT_ACCESSIBLE, E));
        }
        vss.changeShadowStorageMaximum(E, E, ShadowStorage.UNBOUNDED);
        try (BackupComponents third = components(vss)) {
            snapshot(third, VssContext.CLIENT_ACCESSIBLE, E);
        }
        assertEquals(2, machine(vss).existingSnapshots().size());
        assertEquals(200 * MB, vss.shadowStorage(E).get(0).usedBytes());
    }

    @Test
    void addingStorageOnAnotherVolumeShowsThere() throws Exception {
        Vss vss = withLimitedE();
        vss.addShadowStorage(C, D, ShadowStorage.MINIMUM_BYTES);
        assertEquals(List.of(new ShadowStorage(C_GUID, D_GUID, 0, 0, ShadowStorage.MINIMUM_BYTES)), vss.shadowStorage(C));
        VssException again = assertThrows(VssException.class, () -> vss.addShadowStorage(C, D, -1));
        assertEquals(VssError.VSS_E_OBJECT_ALREADY_EXISTS, again.error());
        assertEquals(Operation.ADD_DIFF_AREA, again.operation());
    }

    @Test
    void anUnknownVolumeIsTheDocumentedErrorNamingIt() {
        Vss vss = withLimitedE();
        VssException thrown = assertThrows(VssException.class, () -> vss.shadowStorage("Q:\\"));
        assertEquals(VssError.VSS_E_OBJECT_NOT_FOUND, thrown.error());
        assertEquals(Operation.QUERY_DIFF_AREAS_FOR_VOLUME, thrown.operation());
        assertTrue(thrown.getMessage().contains("Q:\\"), thrown.getMessage());
        VssException resize = assertThrows(VssException.class, () -> vss.changeShadowStorageMaximum(C, D, -1));
        assertEquals(VssError.VSS_E_OBJECT_NOT_FOUND, resize.error());
        assertEquals(0x80042308, resize.hresult());
    }

    @Test
    void aDiffAreaInUseCannotBeDeleted() throws Exception {
        Vss vss = withLimitedE();
        try (BackupComponents backup = components(vss)) {
            snapshot(backup, VssContext.CLIENT_ACCESSIBLE, E);
        }
        VssException thrown = assertThrows(VssException.class, () -> vss.changeShadowStorageMaximum(E, E, 0));
        assertEquals(VssError.VSS_E_VOLUME_IN_USE, thrown.error());
        assertEquals(Operation.CHANGE_DIFF_AREA_MAXIMUM_SIZE, thrown.operation());
    }

    @Test
    void aSetThatRunsOutOfStorageSaysWhatTheStorageHolds() throws Exception {
        Vss vss = withLimitedE();
        ShadowCopyRequest request = vss.shadowCopy().volumes(C, E).context(VssContext.CLIENT_ACCESSIBLE)
                .retryPlan(RetryPlan.none());
        try (ShadowCopySet first = request.create()) {
            assertEquals(2, first.copies().size());
        }
        VssException thrown = assertThrows(VssException.class, request::create);
        assertEquals(VssError.VSS_E_INSUFFICIENT_STORAGE, thrown.error());
        assertEquals(Operation.DO_SNAPSHOT_SET, thrown.operation());
        assertEquals(Phase.DO_SNAPSHOT_SET, thrown.phase().orElseThrow());
        String detail = thrown.detail().orElseThrow();
        assertTrue(detail.contains("E:\\ (storage on E:\\) uses 100.0 MB (104857600 bytes) of 150.0 MB (157286400 bytes)"
                + " maximum"), detail);
        assertTrue(detail.contains("C:\\ (storage on C:\\) uses 0 bytes of an unbounded maximum"), detail);
        assertTrue(thrown.getMessage().contains(detail), thrown.getMessage());
    }

    @Test
    void otherFailuresOfTheSetCarryNoStorageReading() throws Exception {
        Vss vss = vss(Simulation.builder().volume(C)
                .fault(Fault.on(Operation.DO_SNAPSHOT_SET).fails(VssError.VSS_E_PROVIDER_VETO)).build());
        VssException thrown = assertThrows(VssException.class, () -> vss.shadowCopy().volumes(C)
                .context(VssContext.CLIENT_ACCESSIBLE).retryPlan(RetryPlan.none()).create());
        assertEquals(VssError.VSS_E_PROVIDER_VETO, thrown.error());
        assertTrue(thrown.detail().map(d -> !d.contains("shadow storage")).orElse(true), thrown::getMessage);
        assertFalse(machine(vss).callLog().contains(Operation.QUERY_DIFF_AREAS_FOR_VOLUME));
    }

    @Test
    void badInputIsRefusedBeforeVssNamingTheValueAndTheRule() {
        Vss vss = withLimitedE();
        IllegalArgumentException small = assertThrows(IllegalArgumentException.class,
                () -> vss.addShadowStorage(C, D, 1000));
        assertTrue(small.getMessage().contains("1000") && small.getMessage().contains("320 MB"), small.getMessage());
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> vss.changeShadowStorageMaximum(C, C, -5));
        assertTrue(negative.getMessage().contains("-5"), negative.getMessage());
        assertThrows(IllegalArgumentException.class, () -> vss.shadowStorage("C:"));
        assertThrows(NullPointerException.class, () -> vss.shadowStorage(null));
        assertThrows(IllegalArgumentException.class, () -> vss.shadowStorage("C:\\".repeat(20_000)));
        assertEquals(0, machine(vss).liveObjects());
    }
}
