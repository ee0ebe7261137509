package io.github.vss4j;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * One shadow copy made by a {@link ShadowCopyRequest}.
 *
 * @param volume        the volume as the request named it, e.g. {@code C:\}
 * @param deviceObject  where its files are read, e.g. {@code \\?\GLOBALROOT\Device\HarddiskVolumeShadowCopy3}
 * @param snapshotId    the shadow copy's id
 * @param snapshotSetId the id of the set it belongs to
 * @param providerId    the provider that made it
 * @param attributes    its attributes
 * @param creationTime  when it was made
 * @param properties    everything VSS reported about it
 */
public record ShadowCopy(String volume, String deviceObject, UUID snapshotId, UUID snapshotSetId, UUID providerId,
        Set<SnapshotAttribute> attributes, Instant creationTime, SnapshotProperties properties) {

    /** Checks that nothing is missing; keeps an unmodifiable copy of the attributes. */
    public ShadowCopy {
        Objects.requireNonNull(volume, "volume");
        Objects.requireNonNull(deviceObject, "deviceObject");
        Objects.requireNonNull(snapshotId, "snapshotId");
        Objects.requireNonNull(snapshotSetId, "snapshotSetId");
        Objects.requireNonNull(providerId, "providerId");
        attributes = Set.copyOf(attributes);
        Objects.requireNonNull(creationTime, "creationTime");
        Objects.requireNonNull(properties, "properties");
    }

    /** The volume's name as VSS reports it, e.g. {@code \\?\Volume{...}\}. */
    public String originalVolumeName() {
        return properties.originalVolumeName();
    }

    /** Whether the copy outlives the request's {@link ShadowCopySet}. */
    public boolean isPersistent() {
        return properties.isPersistent();
    }
}
