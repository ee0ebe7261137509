package io.github.vss4j;

import io.github.vss4j.internal.Decode;
import io.github.vss4j.internal.NativeBridge;
import io.github.vss4j.internal.OwnedHandle;
import io.github.vss4j.internal.VolumeNames;
import java.util.List;

/** The system provider's IVssDifferentialSoftwareSnapshotMgmt calls behind {@link Vss}'s shadow storage methods. */
final class ShadowStorageCalls {
    private ShadowStorageCalls() {
    }

    static List<ShadowStorage> query(OwnedHandle backend, String volume) throws VssException {
        String name = VolumeNames.check(volume);
        Object[] out = new Object[2];
        int hresult = backend.use(b -> NativeBridge.shadowStorageQuery(b, name, out));
        check(Operation.QUERY_DIFF_AREAS_FOR_VOLUME, hresult, "volume " + VolumeNames.printable(name));
        return Decode.diffAreas(out);
    }

    static void add(OwnedHandle backend, String volume, String diffAreaVolume, long maximumBytes)
            throws VssException {
        String name = VolumeNames.check(volume);
        String host = VolumeNames.check(diffAreaVolume);
        if (maximumBytes != ShadowStorage.UNBOUNDED && maximumBytes < ShadowStorage.MINIMUM_BYTES) {
            throw new IllegalArgumentException("maximum size " + maximumBytes + " bytes for the shadow storage of "
                    + VolumeNames.printable(name) + " must be at least 320 MB (" + ShadowStorage.MINIMUM_BYTES
                    + " bytes) or ShadowStorage.UNBOUNDED (-1)");
        }
        int hresult = backend.use(b -> NativeBridge.shadowStorageAdd(b, name, host, maximumBytes));
        check(Operation.ADD_DIFF_AREA, hresult, describe(name, host, maximumBytes));
    }

    static void changeMaximum(OwnedHandle backend, String volume, String diffAreaVolume, long maximumBytes)
            throws VssException {
        String name = VolumeNames.check(volume);
        String host = VolumeNames.check(diffAreaVolume);
        if (maximumBytes < ShadowStorage.UNBOUNDED) {
            throw new IllegalArgumentException("maximum size " + maximumBytes + " bytes for the shadow storage of "
                    + VolumeNames.printable(name) + " must be a byte count, 0 (delete the area) or "
                    + "ShadowStorage.UNBOUNDED (-1)");
        }
        int hresult = backend.use(b -> NativeBridge.shadowStorageResize(b, name, host, maximumBytes));
        check(Operation.CHANGE_DIFF_AREA_MAXIMUM_SIZE, hresult, describe(name, host, maximumBytes));
    }

    private static String describe(String volume, String host, long maximumBytes) {
        return "volume " + VolumeNames.printable(volume) + ", storage on " + VolumeNames.printable(host)
                + ", maximum " + (maximumBytes == ShadowStorage.UNBOUNDED ? "UNBOUNDED" : maximumBytes + " bytes");
    }

    private static void check(Operation operation, int hresult, String detail) throws VssException {
        if (hresult < 0) {
            throw new VssException(operation, hresult, detail);
        }
    }
}
