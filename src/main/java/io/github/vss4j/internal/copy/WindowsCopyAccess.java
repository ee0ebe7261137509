package io.github.vss4j.internal.copy;

import io.github.vss4j.internal.NativeBridge;
import io.github.vss4j.internal.loader.NativeLibrary;
import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Real VSS's {@link CopyAccess}: a copy is mounted as a directory symbolic link to its device object
 * ({@code \\?\GLOBALROOT\Device\HarddiskVolumeShadowCopyN\}), which needs no drive letter and works for copies of
 * every context, auto-release ones too; its files open with {@code FILE_FLAG_BACKUP_SEMANTICS} and
 * SeBackupPrivilege enabled on the calling thread for the open only (native/src/windows/backup_open.h).
 */
public final class WindowsCopyAccess implements CopyAccess {
    static final String BACKUP_PRIVILEGE = "SeBackupPrivilege";

    // Each mounted link with the device object behind it: an open checks that the file it reached is on that device.
    private final Map<Path, String> mounts = new ConcurrentHashMap<>();

    /** Loads the native library if no {@code Vss} has yet. */
    public WindowsCopyAccess() {
        NativeLibrary.load();
    }

    @Override
    public Path mount(String deviceObject, Path link) throws IOException {
        Objects.requireNonNull(deviceObject, "deviceObject");
        Path at = absolute(link, "link");
        int error = NativeBridge.copyLinkCreate(deviceObject, at.toString());
        if (error != 0) {
            throw Win32Errors.toException(error, "CreateSymbolicLinkW (a directory link to the shadow copy "
                    + deviceObject + ")", at, deviceObject, "SeCreateSymbolicLinkPrivilege");
        }
        mounts.put(at, deviceObject);
        return at;
    }

    @Override
    public void unmount(Path link) throws IOException {
        Path at = absolute(link, "link");
        int error = NativeBridge.copyLinkRemove(at.toString());
        if (error != 0) {
            throw Win32Errors.toException(error, "RemoveDirectoryW (removing the link to a shadow copy)", at, null,
                    null);
        }
        mounts.remove(at);
    }

    @Override
    public SeekableByteChannel openForBackup(Path file) throws IOException {
        Path at = absolute(file, "file");
        String deviceObject = deviceObjectOf(at);
        long[] out = new long[2];
        int error = NativeBridge.backupOpen(at.toString(), deviceObject, out);
        if (error == 0) {
            return new BackupFileChannel(out[0], at, BackupFileNatives.WINDOWS);
        }
        boolean privilegeEnabled = out[1] == 1;
        throw openRefusal(error, at, deviceObject, privilegeEnabled);
    }

    /** The exception for a refused open of {@code file} (public for the restricted-token integration test). */
    public static IOException openRefusal(int error, Path file, String deviceObject, boolean privilegeEnabled) {
        String operation = "CreateFileW with backup semantics";
        if (error == Win32Errors.ERROR_DIRECTORY) {
            return Win32Errors.toException(error, operation + " (it is a directory; only files open for backup)",
                    file, null, null);
        }
        if (error == Win32Errors.ERROR_NOT_SAME_DEVICE) {
            return Win32Errors.toException(error, operation + " (a link inside the copy leads off the copy "
                    + deviceObject + "; links are never followed onto another volume)", file, null, null);
        }
        String privilege = privilegeEnabled
                ? null
                : BACKUP_PRIVILEGE + " (not held by this process, so the file's ACL was checked as for any open)";
        if (privilegeEnabled) {
            operation += " (even with " + BACKUP_PRIVILEGE + " enabled)";
        }
        return Win32Errors.toException(error, operation, file, null, privilege);
    }

    // The device object of the mount whose link holds `file`.
    private String deviceObjectOf(Path file) {
        for (Path candidate = file; candidate != null; candidate = candidate.getParent()) {
            String deviceObject = mounts.get(candidate);
            if (deviceObject != null) {
                return deviceObject;
            }
        }
        throw new IllegalArgumentException("vss4j: " + file + " is not inside a shadow copy mounted by this "
                + "WindowsCopyAccess (mounted: " + mounts.keySet() + ")");
    }

    private static Path absolute(Path path, String what) {
        Objects.requireNonNull(path, what);
        if (!path.isAbsolute()) {
            throw new IllegalArgumentException("vss4j: " + what + " " + path + " is not an absolute path");
        }
        return path.normalize();
    }
}
