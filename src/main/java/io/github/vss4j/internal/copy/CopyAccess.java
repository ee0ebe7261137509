package io.github.vss4j.internal.copy;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;

/**
 * What one backend does so that Java can read a shadow copy: make the copy's root reachable as a {@link Path},
 * and open one of its files with backup semantics. Real VSS does it with a directory link to the copy's device
 * object ({@code WindowsCopyAccess}); the simulator with the private folder that holds the copy's content
 * ({@code SimulatedCopyAccess}). Everything above this seam (the public API, the file system that reports reparse
 * points as links, owner-only folders, removing orphans) is the same code for both.
 */
public interface CopyAccess {

    /**
     * Makes the root of the copy at {@code deviceObject} reachable at {@code link}, a path that does not exist yet
     * inside an owner-only folder that vss4j made for this process.
     *
     * @param deviceObject the copy's device object, e.g. {@code \\?\GLOBALROOT\Device\HarddiskVolumeShadowCopy3}
     * @param link         where to make it reachable
     * @return the path under which the copy's root directory is listed ({@code link} itself, unless the backend
     *         says otherwise)
     * @throws IOException naming the device object, the link and the cause (with the Win32 error on Windows)
     * @throws IllegalStateException if the copy has no content to read (a simulated volume without a folder)
     */
    Path mount(String deviceObject, Path link) throws IOException;

    /**
     * Removes what {@link #mount} made at {@code link}, never the copy's content behind it. A missing link is not an
     * error.
     */
    void unmount(Path link) throws IOException;

    /**
     * Opens a file of a mounted copy for reading with backup semantics: on Windows {@code FILE_FLAG_BACKUP_SEMANTICS}
     * with {@code SeBackupPrivilege} enabled on the calling thread for the open only. Without the privilege the
     * normal access check applies, and a refusal is an {@link java.nio.file.AccessDeniedException} naming the file
     * and {@code SeBackupPrivilege}.
     *
     * @param file an absolute, normalized path inside a root that {@link #mount} returned; the caller has checked
     *             that it does not leave the root
     * @return a read-only channel; writing throws {@link java.nio.channels.NonWritableChannelException}
     */
    SeekableByteChannel openForBackup(Path file) throws IOException;
}
