package io.github.vss4j;

import io.github.vss4j.internal.copy.CopyAccess;
import io.github.vss4j.internal.copy.CopyRoot;
import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * One shadow copy made by a {@link ShadowCopyRequest}, and the way to read it: {@link #root()} is a {@link Path}
 * at the copy's root on which the JDK's {@code Files} API works ({@code Files.walk}, {@code newInputStream},
 * {@code readAttributes}...), read-only, never following a link inside the copy; {@link #openForBackup} reads a
 * file whose ACL shuts the account out, with backup semantics. Both work until the copy's {@link ShadowCopySet} is
 * closed. Thread-safe.
 *
 * <p>Was a record: the accessors, {@code equals}, {@code hashCode} and {@code toString} are those of the record's
 * eight components (the root is not one of them).
 */
public final class ShadowCopy {
    private final String volume;
    private final String deviceObject;
    private final UUID snapshotId;
    private final UUID snapshotSetId;
    private final UUID providerId;
    private final Set<SnapshotAttribute> attributes;
    private final Instant creationTime;
    private final SnapshotProperties properties;
    private final CopyRoot root;

    /**
     * A copy described by hand (tests, a product's own records). It has no root: {@link #root()} throws; read a
     * copy made by a request through its set, or any copy with {@link Vss#mount(SnapshotProperties)}.
     *
     * @param volume        the volume as the request named it, e.g. {@code C:\}
     * @param deviceObject  the copy's device object, e.g. {@code \\?\GLOBALROOT\Device\HarddiskVolumeShadowCopy3}
     * @param snapshotId    the shadow copy's id
     * @param snapshotSetId the id of the set it belongs to
     * @param providerId    the provider that made it
     * @param attributes    its attributes
     * @param creationTime  when it was made
     * @param properties    everything VSS reported about it
     */
    public ShadowCopy(String volume, String deviceObject, UUID snapshotId, UUID snapshotSetId, UUID providerId,
            Set<SnapshotAttribute> attributes, Instant creationTime, SnapshotProperties properties) {
        this(volume, deviceObject, snapshotId, snapshotSetId, providerId, attributes, creationTime, properties, null);
    }

    private ShadowCopy(String volume, String deviceObject, UUID snapshotId, UUID snapshotSetId, UUID providerId,
            Set<SnapshotAttribute> attributes, Instant creationTime, SnapshotProperties properties, CopyRoot root) {
        this.volume = Objects.requireNonNull(volume, "volume");
        this.deviceObject = Objects.requireNonNull(deviceObject, "deviceObject");
        this.snapshotId = Objects.requireNonNull(snapshotId, "snapshotId");
        this.snapshotSetId = Objects.requireNonNull(snapshotSetId, "snapshotSetId");
        this.providerId = Objects.requireNonNull(providerId, "providerId");
        this.attributes = Set.copyOf(attributes);
        this.creationTime = Objects.requireNonNull(creationTime, "creationTime");
        this.properties = Objects.requireNonNull(properties, "properties");
        this.root = root;
    }

    /** The same copy, readable through {@code access} until its set is closed. */
    ShadowCopy readableThrough(CopyAccess access) {
        return new ShadowCopy(volume, deviceObject, snapshotId, snapshotSetId, providerId, attributes, creationTime,
                properties, new CopyRoot(access, deviceObject, () -> "its shadow copy set (" + snapshotSetId
                        + ") is closed"));
    }

    /** Unmounts the root if {@link #root()} mounted it; the set calls it before releasing the copies. */
    void unmount() {
        if (root != null) {
            root.unmount();
        }
    }

    /** The volume as the request named it, e.g. {@code C:\}. */
    public String volume() {
        return volume;
    }

    /** The copy's device object, e.g. {@code \\?\GLOBALROOT\Device\HarddiskVolumeShadowCopy3}; see {@link #root()}. */
    public String deviceObject() {
        return deviceObject;
    }

    /** The shadow copy's id. */
    public UUID snapshotId() {
        return snapshotId;
    }

    /** The id of the set it belongs to. */
    public UUID snapshotSetId() {
        return snapshotSetId;
    }

    /** The provider that made it. */
    public UUID providerId() {
        return providerId;
    }

    /** Its attributes. */
    public Set<SnapshotAttribute> attributes() {
        return attributes;
    }

    /** When it was made. */
    public Instant creationTime() {
        return creationTime;
    }

    /** Everything VSS reported about it. */
    public SnapshotProperties properties() {
        return properties;
    }

    /** The volume's name as VSS reports it, e.g. {@code \\?\Volume{...}\}. */
    public String originalVolumeName() {
        return properties.originalVolumeName();
    }

    /** Whether the copy outlives the request's {@link ShadowCopySet}. */
    public boolean isPersistent() {
        return properties.isPersistent();
    }

    /**
     * The copy's root directory, a path of vss4j's read-only file system: walk it, read its files and their
     * attributes with the JDK's {@code Files} API. The first call makes the copy reachable (on Windows a directory
     * link to the device object in an owner-only folder of this process; no drive letter); later calls return the
     * same root. A link or junction inside the copy is reported as a link ({@code Files.isSymbolicLink},
     * {@code Files.readSymbolicLink}) and never followed: opening or listing through one throws a
     * {@link java.nio.file.FileSystemException} naming it. Writing throws
     * {@link java.nio.file.ReadOnlyFileSystemException}.
     *
     * @throws IllegalStateException once the set is closed, for a copy made by hand, or for a simulated volume
     *                               without content
     * @throws IOException           if the copy cannot be made reachable (the message names the device object)
     */
    public Path root() throws IOException {
        return requireRoot().root();
    }

    /**
     * The plain default-file-system path at which {@link #root()} mounted the copy (mounting it first), to hand to
     * another process. Unlike {@link #root()} it does not protect against links inside the copy: on Windows it is
     * a link to the device object that any program may read through, following junctions.
     */
    public Path mountPoint() throws IOException {
        return requireRoot().mountPoint();
    }

    /**
     * Opens one file of the copy for reading with backup semantics: on Windows with
     * {@code FILE_FLAG_BACKUP_SEMANTICS} and {@code SeBackupPrivilege} enabled on the calling thread for the open
     * only, so a file whose ACL denies this account opens when the process holds the privilege.
     *
     * @param file a path under {@link #root()}, a path relative to the copy's root, or a path under
     *             {@link #mountPoint()}
     * @throws java.nio.file.AccessDeniedException without the privilege, when the ACL refuses: it names the file
     *                                             and {@code SeBackupPrivilege}
     * @throws java.nio.file.FileSystemException   for a path outside the copy ({@code ..} past its root, another
     *                                             volume's or copy's path) or through a link inside it
     */
    public SeekableByteChannel openForBackup(Path file) throws IOException {
        return requireRoot().openForBackup(Objects.requireNonNull(file, "file"));
    }

    private CopyRoot requireRoot() {
        if (root == null) {
            throw new IllegalStateException("the shadow copy " + snapshotId + " was described by hand, not made by a"
                    + " request: it has no root; read it with Vss.mount(properties)");
        }
        return root;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ShadowCopy that && volume.equals(that.volume) && deviceObject.equals(that.deviceObject)
                && snapshotId.equals(that.snapshotId) && snapshotSetId.equals(that.snapshotSetId)
                && providerId.equals(that.providerId) && attributes.equals(that.attributes)
                && creationTime.equals(that.creationTime) && properties.equals(that.properties);
    }

    @Override
    public int hashCode() {
        return Objects.hash(volume, deviceObject, snapshotId, snapshotSetId, providerId, attributes, creationTime,
                properties);
    }

    @Override
    public String toString() {
        return "ShadowCopy[volume=" + volume + ", deviceObject=" + deviceObject + ", snapshotId=" + snapshotId
                + ", snapshotSetId=" + snapshotSetId + ", providerId=" + providerId + ", attributes=" + attributes
                + ", creationTime=" + creationTime + ", properties=" + properties + "]";
    }
}
