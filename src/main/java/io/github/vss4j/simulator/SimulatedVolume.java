package io.github.vss4j.simulator;

import io.github.vss4j.internal.VolumeNames;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

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
 * SimulatedVolume.of("G:\\Mounts\\Data\\")                     // a volume mounted in a folder
 * SimulatedVolume.of("H:\\").withGuidName("\\\\?\\Volume{6d2b1a6e-0000-4000-8000-100000000000}\\")
 * SimulatedVolume.of("C:\\").backedBy(Path.of("src/test/resources/disk"))   // its copies hold that tree
 * }</pre>
 *
 * <p>A volume backed by a folder has files: at DoSnapshotSet its copy gets a private, read-only copy of the folder's
 * tree as it is then, which the copy's root ({@code ShadowCopy.root()}) shows and which changes to the folder
 * afterwards do not touch; the simulator deletes it when Windows would free the copy (an auto-release copy with
 * its object, a persistent one at DeleteSnapshots, any copy with the machine). Symbolic links in the folder are
 * copied as links, never followed. A file without owner-read permission stands for a file whose ACL denies the
 * account: it reads only through backup semantics with SeBackupPrivilege ({@link Simulation.Builder#backupPrivilege}).
 * The copy is a full one, made while DoSnapshotSet finishes: meant for test and development trees (thousands of
 * files, up to a few GiB), it costs about what {@code cp -r} of the tree costs. A copy that cannot be made (the disk
 * full, a file unreadable) fails DoSnapshotSet through QueryStatus, with {@code VSS_E_INSUFFICIENT_STORAGE} for a
 * full disk and {@code VSS_E_PROVIDER_VETO} otherwise, and leaves nothing behind.
 *
 * <p>Every volume has two names, as on Windows: the drive letter or mount point it is described with, and its
 * volume GUID path {@code \\?\Volume{GUID}\}. AddToSnapshotSet and IsVolumeSupported take either; the copies
 * report the GUID path as their {@code originalVolumeName}, as Windows does, and a set that names one volume
 * both ways gets {@code VSS_E_OBJECT_ALREADY_EXISTS} for the second. Unless given, the GUID path is derived from
 * the name, so it is the same on every run. A volume described by its GUID path alone has that one name.
 * Names are matched as Windows matches them, ignoring case; AddToSnapshotSet of a name the machine does not have
 * gives {@code VSS_E_OBJECT_NOT_FOUND}.
 *
 * @param name            the drive letter or mount point AddToSnapshotSet takes, e.g. {@code C:\}, following the
 *                        rules of a volume name (not empty, no NUL, a trailing backslash, at most 32767 characters)
 * @param supported       whether shadow copies of it can be made (if not: {@code VSS_E_VOLUME_NOT_SUPPORTED})
 * @param diffAreaBytes   shadow storage available for its copies; -1 for unlimited
 * @param bytesPerCopy    shadow storage each copy takes; copies past {@code diffAreaBytes} fail with
 *                        {@code VSS_E_INSUFFICIENT_STORAGE}
 * @param maxShadowCopies copies it may hold; -1 for VSS's limit (512, or 64 in client-accessible contexts)
 * @param guidName        its volume GUID path, {@code \\?\Volume{GUID}\}; {@code null} for one derived from
 *                        {@code name}
 * @param content         the folder whose tree its copies hold, absolute and normalized; {@code null} for a
 *                        volume whose copies have no files
 */
public record SimulatedVolume(String name, boolean supported, long diffAreaBytes, long bytesPerCopy,
        int maxShadowCopies, String guidName, Path content) {
    private static final Pattern GUID_PATH = Pattern.compile(Pattern.quote("\\\\?\\Volume{")
            + "[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}" + Pattern.quote("}\\"));

    /**
     * Checks the names, the limits and the folder, and derives the GUID path when none is given.
     *
     * @throws IllegalArgumentException if a rule above is broken, or {@code content} is not an existing directory
     */
    public SimulatedVolume {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("a simulated volume needs a name, e.g. C:\\");
        }
        VolumeNames.check(name);
        if (diffAreaBytes < -1 || bytesPerCopy < 0 || maxShadowCopies < -1) {
            throw new IllegalArgumentException("volume " + name + ": diffAreaBytes (" + diffAreaBytes
                    + ") and maxShadowCopies (" + maxShadowCopies + ") must be >= -1, bytesPerCopy ("
                    + bytesPerCopy + ") >= 0");
        }
        if (guidName == null) {
            guidName = isGuidPath(name) ? name : derivedGuidName(name);
        } else if (!isGuidPath(guidName)) {
            throw new IllegalArgumentException("volume " + VolumeNames.printable(name) + ": GUID name "
                    + VolumeNames.printable(guidName) + " is not a volume GUID path of the form "
                    + "\\\\?\\Volume{xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx}\\");
        } else if (isGuidPath(name) && !name.equalsIgnoreCase(guidName)) {
            throw new IllegalArgumentException("volume " + VolumeNames.printable(name)
                    + " is named by a GUID path already; it cannot have another, " + VolumeNames.printable(guidName));
        }
        if (content != null) {
            content = content.toAbsolutePath().normalize();
            // A link to a folder is refused too: the copy reads the tree below the folder, never through a link.
            if (!Files.isDirectory(content, LinkOption.NOFOLLOW_LINKS)) {
                throw new IllegalArgumentException("volume " + VolumeNames.printable(name) + ": content " + content
                        + (Files.exists(content, LinkOption.NOFOLLOW_LINKS) ? " is not a directory" : " does not exist")
                        + "; a simulated volume is backed by an existing directory");
            }
        }
    }

    /** The same volume with the given names and limits, without files. */
    public SimulatedVolume(String name, boolean supported, long diffAreaBytes, long bytesPerCopy,
            int maxShadowCopies, String guidName) {
        this(name, supported, diffAreaBytes, bytesPerCopy, maxShadowCopies, guidName, null);
    }

    /** The same volume with the given names and limits and the GUID path derived from {@code name}. */
    public SimulatedVolume(String name, boolean supported, long diffAreaBytes, long bytesPerCopy,
            int maxShadowCopies) {
        this(name, supported, diffAreaBytes, bytesPerCopy, maxShadowCopies, null, null);
    }

    /** A supported volume with unlimited shadow storage and VSS's copy limit. */
    public static SimulatedVolume of(String name) {
        return new SimulatedVolume(name, true, -1, 0, -1, null, null);
    }

    /** The same volume, which VSS cannot shadow-copy. */
    public SimulatedVolume unsupported() {
        return new SimulatedVolume(name, false, diffAreaBytes, bytesPerCopy, maxShadowCopies, guidName, content);
    }

    /**
     * The same volume with {@code bytes} of shadow storage, each copy taking {@code perCopy} bytes of it: the
     * copy that would take more than there is left fails with {@code VSS_E_INSUFFICIENT_STORAGE}.
     */
    public SimulatedVolume withDiffArea(long bytes, long perCopy) {
        return new SimulatedVolume(name, supported, bytes, perCopy, maxShadowCopies, guidName, content);
    }

    /**
     * The same volume holding at most {@code limit} copies; AddToSnapshotSet past it gives
     * {@code VSS_E_MAXIMUM_NUMBER_OF_SNAPSHOTS_REACHED}. -1 restores VSS's own limit.
     */
    public SimulatedVolume withMaxShadowCopies(int limit) {
        return new SimulatedVolume(name, supported, diffAreaBytes, bytesPerCopy, limit, guidName, content);
    }

    /**
     * The same volume with the given volume GUID path, e.g. the one {@code mountvol} shows for a real volume.
     *
     * @throws IllegalArgumentException if it is not of the form {@code \\?\Volume{GUID}\}
     */
    public SimulatedVolume withGuidName(String guidPath) {
        Objects.requireNonNull(guidPath, "guidPath");
        return new SimulatedVolume(name, supported, diffAreaBytes, bytesPerCopy, maxShadowCopies, guidPath, content);
    }

    /**
     * The same volume backed by {@code folder}: each copy of it holds the folder's tree as it was at DoSnapshotSet
     * (see above). The folder is read at DoSnapshotSet, not now.
     *
     * @throws IllegalArgumentException if {@code folder} does not exist or is not a directory (a link to one
     *                                  included)
     */
    public SimulatedVolume backedBy(Path folder) {
        Objects.requireNonNull(folder, "folder");
        return new SimulatedVolume(name, supported, diffAreaBytes, bytesPerCopy, maxShadowCopies, guidName, folder);
    }

    /** Whether {@code name} names this volume, by either of its names, ignoring case as Windows does. */
    public boolean isNamed(String other) {
        return name.equalsIgnoreCase(other) || guidName.equalsIgnoreCase(other);
    }

    private static boolean isGuidPath(String text) {
        return GUID_PATH.matcher(text).matches();
    }

    // A name-based UUID: the same name gives the same GUID path on every run and every machine.
    private static String derivedGuidName(String name) {
        UUID id = UUID.nameUUIDFromBytes(("vss4j simulated volume " + name.toUpperCase(Locale.ROOT))
                .getBytes(StandardCharsets.UTF_8));
        return "\\\\?\\Volume{" + id + "}\\";
    }
}
