package io.github.vss4j;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * What VSS reports about one shadow copy ({@code VSS_SNAPSHOT_PROP}). Reading the copy's files goes through
 * {@link #snapshotDeviceObject()}, e.g. {@code \\?\GLOBALROOT\Device\HarddiskVolumeShadowCopy3}.
 *
 * @param snapshotId           the shadow copy's id
 * @param snapshotSetId        the id of the set it belongs to
 * @param snapshotsCount       how many copies the set holds
 * @param snapshotDeviceObject the device path under which the copy's files can be read
 * @param originalVolumeName   the volume it is a copy of, e.g. {@code \\?\Volume{...}\}
 * @param originatingMachine   the computer the original volume belongs to
 * @param serviceMachine       the computer that manages the copy
 * @param exposedName          where the copy is exposed (a drive letter or mount point), or empty
 * @param exposedPath          the exposed share's path, or empty
 * @param providerId           the id of the provider that made it
 * @param attributeBits        the {@code VSS_VOLSNAP_ATTR_*} bits
 * @param creationTime         when it was made
 * @param status               the {@code VSS_SNAPSHOT_STATE} value ({@code VSS_SS_CREATED} is 12)
 */
public record SnapshotProperties(UUID snapshotId, UUID snapshotSetId, int snapshotsCount, String snapshotDeviceObject,
        String originalVolumeName, String originatingMachine, String serviceMachine, String exposedName,
        String exposedPath, UUID providerId, int attributeBits, Instant creationTime, int status) {

    // FILETIME's epoch, 1601-01-01T00:00:00Z, in seconds before the Unix epoch.
    private static final long FILETIME_EPOCH_SECONDS = -11_644_473_600L;
    private static final long TICKS_PER_SECOND = 10_000_000L;
    private static final long NANOS_PER_TICK = 100L;

    /** Checks the ids, the device object and the creation time; turns missing strings into empty ones. */
    public SnapshotProperties {
        Objects.requireNonNull(snapshotId, "snapshotId");
        Objects.requireNonNull(snapshotSetId, "snapshotSetId");
        Objects.requireNonNull(snapshotDeviceObject, "snapshotDeviceObject");
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(creationTime, "creationTime");
        originalVolumeName = Objects.requireNonNullElse(originalVolumeName, "");
        originatingMachine = Objects.requireNonNullElse(originatingMachine, "");
        serviceMachine = Objects.requireNonNullElse(serviceMachine, "");
        exposedName = Objects.requireNonNullElse(exposedName, "");
        exposedPath = Objects.requireNonNullElse(exposedPath, "");
    }

    /** The attributes, decoded from {@link #attributeBits()}. */
    public Set<SnapshotAttribute> attributes() {
        return SnapshotAttribute.fromBits(attributeBits);
    }

    /** Whether the copy outlives the object that made it. */
    public boolean isPersistent() {
        return (attributeBits & SnapshotAttribute.PERSISTENT.bit()) != 0;
    }

    /**
     * A Windows FILETIME as an instant, exact to its 100 ns resolution.
     *
     * @param ticks100nsSince1601 100-nanosecond intervals since 1601-01-01T00:00:00Z
     * @return the same point in time
     */
    public static Instant fromFileTime(long ticks100nsSince1601) {
        long seconds = Math.floorDiv(ticks100nsSince1601, TICKS_PER_SECOND);
        long ticks = Math.floorMod(ticks100nsSince1601, TICKS_PER_SECOND);
        return Instant.ofEpochSecond(Math.addExact(seconds, FILETIME_EPOCH_SECONDS), ticks * NANOS_PER_TICK);
    }

    /**
     * An instant as a Windows FILETIME; nanoseconds below 100 are dropped (rounded towards the past).
     *
     * @param instant the point in time
     * @return 100-nanosecond intervals since 1601-01-01T00:00:00Z
     * @throws ArithmeticException if the instant is outside FILETIME's range
     */
    public static long toFileTime(Instant instant) {
        long seconds = Math.subtractExact(instant.getEpochSecond(), FILETIME_EPOCH_SECONDS);
        return Math.addExact(Math.multiplyExact(seconds, TICKS_PER_SECOND), instant.getNano() / NANOS_PER_TICK);
    }
}
