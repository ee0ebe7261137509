package io.github.vss4j.internal.health;

import io.github.vss4j.HealthFinding;
import io.github.vss4j.HealthFinding.Severity;
import io.github.vss4j.ShadowStorage;
import io.github.vss4j.SnapshotProperties;
import io.github.vss4j.Vss;
import io.github.vss4j.VssError;
import io.github.vss4j.VssException;
import io.github.vss4j.VolumeHealth;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * One volume's room for more shadow copies. [I] How much the next copy needs is estimated as what the volume's
 * existing copies use each on average; VSS itself only learns it while the copy grows.
 */
final class StorageRoom {
    private StorageRoom() {
    }

    static VolumeHealth of(Vss vss, String volume, List<SnapshotProperties> copies, List<HealthFinding> findings) {
        List<ShadowStorage> storage;
        try {
            storage = vss.shadowStorage(volume);
        } catch (VssException unreadable) {
            if (unreadable.error() == VssError.VSS_E_OBJECT_NOT_FOUND) {
                // No area yet: Windows makes one, with its default maximum, at the volume's first copy.
                return new VolumeHealth(volume, List.of(), 0, OptionalLong.empty());
            }
            findings.add(HealthCheck.finding(unreadable, "volume " + volume));
            return new VolumeHealth(volume, List.of(), 0, OptionalLong.empty());
        }
        int count = 0;
        long used = 0;
        long free = Long.MAX_VALUE;
        for (ShadowStorage area : storage) {
            String name = area.volume();
            count += (int) copies.stream().filter(c -> name.equalsIgnoreCase(c.originalVolumeName())).count();
            used += area.usedBytes();
            free = Math.min(free, area.freeBytes());
        }
        OptionalLong fit = free == Long.MAX_VALUE || count == 0 ? OptionalLong.empty()
                : OptionalLong.of(used == 0 ? Long.MAX_VALUE : free / Math.max(1, used / count));
        if (fit.isPresent() && fit.getAsLong() == 0) {
            ShadowStorage area = storage.get(0);
            findings.add(new HealthFinding(Severity.PROBLEM, "volume " + volume,
                    "its shadow storage is full: " + count + " copies use " + used + " of " + area.maximumBytes()
                            + " bytes, and the next copy needs about " + used / count + " more",
                    "raise the maximum (vss4j storage resize " + volume + " --on " + where(volume, area)
                            + " --max SIZE) or delete old copies (vss4j delete)",
                    OptionalInt.of(VssError.VSS_E_INSUFFICIENT_STORAGE.hresult())));
        } else if (storage.stream().anyMatch(a -> !a.isUnbounded() && a.maximumBytes() < ShadowStorage.MINIMUM_BYTES)) {
            findings.add(new HealthFinding(Severity.WARNING, "volume " + volume,
                    "its shadow storage maximum is below the 320 MB that VSS needs for a copy",
                    "raise it: vss4j storage resize " + volume + " --on " + where(volume, storage.get(0))
                            + " --max 10%", OptionalInt.empty()));
        }
        return new VolumeHealth(volume, storage, count, fit);
    }

    /** The area's volume as an operator names it: VSS reports GUID paths only, so the asked name when it is itself. */
    private static String where(String volume, ShadowStorage area) {
        return area.diffAreaVolume().equalsIgnoreCase(area.volume()) ? volume : area.diffAreaVolume();
    }
}
