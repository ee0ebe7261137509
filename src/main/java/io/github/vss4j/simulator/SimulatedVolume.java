package io.github.vss4j.simulator;

import java.util.Objects;

/**
 * A volume of a simulated machine, and the limits that make shadow copies of it fail as they do on Windows:
 * without a fault plan, a volume that cannot be shadow-copied refuses AddToSnapshotSet with
 * {@code VSS_E_VOLUME_NOT_SUPPORTED}; a volume at its copy limit refuses it with
 * {@code VSS_E_MAXIMUM_NUMBER_OF_SNAPSHOTS_REACHED}; and a DoSnapshotSet whose new copy would not fit in the
 * volume's shadow storage (its diff area) ends with {@code VSS_E_INSUFFICIENT_STORAGE} through QueryStatus,
 * making no copy of any volume in the set. Copies that are deleted, or released with their object, give their
 * storage and their place back.
 *
 * <pre>{@code
 * SimulatedVolume.of("C:\\")                                  // supported, unlimited storage, 512 copies
 * SimulatedVolume.of("D:\\").withDiffArea(1_000, 400)          // two copies fit, the third does not
 * SimulatedVolume.of("E:\\").withMaxShadowCopies(1)            // a second copy: MAXIMUM_NUMBER_OF_SNAPSHOTS
 * SimulatedVolume.of("F:\\").unsupported()                     // VOLUME_NOT_SUPPORTED
 * SimulatedVolume.of("\\\\?\\Volume{6d2b1a6e-0000-0000-0000-100000000000}\\")   // a volume GUID path works too
 * }</pre>
 *
 * <p>Names are matched as Windows matches them, ignoring case; AddToSnapshotSet of a name the machine does not
 * have gives {@code VSS_E_OBJECT_NOT_FOUND}.
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

    /** Checks the name and the limits. */
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

    /**
     * The same volume with {@code bytes} of shadow storage, each copy taking {@code perCopy} bytes of it: the
     * copy that would take more than there is left fails with {@code VSS_E_INSUFFICIENT_STORAGE}.
     */
    public SimulatedVolume withDiffArea(long bytes, long perCopy) {
        return new SimulatedVolume(name, supported, bytes, perCopy, maxShadowCopies);
    }

    /**
     * The same volume holding at most {@code limit} copies; AddToSnapshotSet past it gives
     * {@code VSS_E_MAXIMUM_NUMBER_OF_SNAPSHOTS_REACHED}. -1 restores VSS's own limit.
     */
    public SimulatedVolume withMaxShadowCopies(int limit) {
        return new SimulatedVolume(name, supported, diffAreaBytes, bytesPerCopy, limit);
    }
}
