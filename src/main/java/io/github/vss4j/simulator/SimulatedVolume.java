package io.github.vss4j.simulator;

import java.util.Objects;

/**
 * A volume of a simulated machine.
 *
 * @param name            the name AddToSnapshotSet takes, e.g. {@code C:\}
 * @param supported       whether shadow copies of it can be made (if not: {@code VSS_E_VOLUME_NOT_SUPPORTED})
 * @param diffAreaBytes   shadow storage available for its copies; -1 for unlimited
 * @param bytesPerCopy    shadow storage each copy takes; copies past {@code diffAreaBytes} fail with
 *                        {@code VSS_E_INSUFFICIENT_STORAGE}
 * @param maxShadowCopies copies it may hold; -1 for VSS's limit (512, or 64 in client-accessible contexts)
 */
public record SimulatedVolume(String name, boolean supported, long diffAreaBytes, long bytesPerCopy,
        int maxShadowCopies) {

    public SimulatedVolume {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("a simulated volume needs a name, e.g. C:\\");
        }
        if (diffAreaBytes < -1 || bytesPerCopy < 0 || maxShadowCopies < -1) {
            throw new IllegalArgumentException("volume " + name + ": diffAreaBytes (" + diffAreaBytes
                    + ") and maxShadowCopies (" + maxShadowCopies + ") must be >= -1, bytesPerCopy ("
                    + bytesPerCopy + ") >= 0");
        }
    }

    /** A supported volume with unlimited shadow storage and VSS's copy limit. */
    public static SimulatedVolume of(String name) {
        return new SimulatedVolume(name, true, -1, 0, -1);
    }

    /** The same volume, which VSS cannot shadow-copy. */
    public SimulatedVolume unsupported() {
        return new SimulatedVolume(name, false, diffAreaBytes, bytesPerCopy, maxShadowCopies);
    }

    /** The same volume with this much shadow storage, each copy taking {@code perCopy} bytes of it. */
    public SimulatedVolume withDiffArea(long bytes, long perCopy) {
        return new SimulatedVolume(name, supported, bytes, perCopy, maxShadowCopies);
    }

    /** The same volume holding at most {@code limit} copies. */
    public SimulatedVolume withMaxShadowCopies(int limit) {
        return new SimulatedVolume(name, supported, diffAreaBytes, bytesPerCopy, limit);
    }
}
