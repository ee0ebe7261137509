package io.github.vss4j.internal.copy;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Win32 errors of reading a copy as the JDK's file exceptions, each naming the path, the operation and the raw code:
 * a missing file or folder is a {@link NoSuchFileException}, a refusal an {@link AccessDeniedException} that names
 * SeBackupPrivilege (what a backup program needs to pass the file's ACL), a path taken a
 * {@link FileAlreadyExistsException}, anything else a
 * {@link FileSystemException} with the code and Windows' words for it.
 */
final class Win32Errors {
    static final int ERROR_FILE_NOT_FOUND = 2;
    static final int ERROR_PATH_NOT_FOUND = 3;
    static final int ERROR_ACCESS_DENIED = 5;
    static final int ERROR_NOT_SAME_DEVICE = 17;
    static final int ERROR_ALREADY_EXISTS = 183;
    static final int ERROR_DIRECTORY = 267;
    static final int ERROR_PRIVILEGE_NOT_HELD = 1314;

    // Windows' own words for the codes these calls are documented or seen to answer; others are named by number.
    private static final Map<Integer, String> MESSAGES = Map.ofEntries(
            Map.entry(ERROR_FILE_NOT_FOUND, "The system cannot find the file specified"),
            Map.entry(ERROR_PATH_NOT_FOUND, "The system cannot find the path specified"),
            Map.entry(ERROR_ACCESS_DENIED, "Access is denied"),
            Map.entry(6, "The handle is invalid"),
            Map.entry(ERROR_NOT_SAME_DEVICE, "The system cannot move the file to a different disk drive"),
            Map.entry(32, "The process cannot access the file because it is being used by another process"),
            Map.entry(87, "The parameter is incorrect"),
            Map.entry(123, "The filename, directory name, or volume label syntax is incorrect"),
            Map.entry(ERROR_ALREADY_EXISTS, "Cannot create a file when that file already exists"),
            Map.entry(206, "The filename or extension is too long"),
            Map.entry(ERROR_DIRECTORY, "The directory name is invalid"),
            Map.entry(ERROR_PRIVILEGE_NOT_HELD, "A required privilege is not held by the client"),
            Map.entry(4390, "The file or directory is not a reparse point"));

    private Win32Errors() {
    }

    /** Windows' words for {@code error} with its number, e.g. {@code "Win32 error 5 (Access is denied)"}. */
    static String describe(int error) {
        String words = MESSAGES.get(error);
        return "Win32 error " + error + (words == null ? "" : " (" + words + ")");
    }

    /**
     * The exception for {@code error} of {@code operation} on {@code file}.
     *
     * @param other     the second path of the operation (a link's target), or null
     * @param privilege the privilege that would have passed the access check (e.g. "SeBackupPrivilege"), named in an
     *                  {@link AccessDeniedException}; null if none would
     */
    static FileSystemException toException(int error, String operation, Path file, String other, String privilege) {
        String name = file == null ? null : file.toString();
        String reason = operation + " failed: " + describe(error);
        switch (error) {
            case ERROR_FILE_NOT_FOUND:
            case ERROR_PATH_NOT_FOUND:
                return new NoSuchFileException(name, other, reason);
            case ERROR_ACCESS_DENIED:
            case ERROR_PRIVILEGE_NOT_HELD:
                return new AccessDeniedException(name, other,
                        privilege == null ? reason : reason + "; " + privilege + " is needed for it");
            case ERROR_ALREADY_EXISTS:
                return new FileAlreadyExistsException(name, other, reason);
            default:
                return new FileSystemException(name, other, reason);
        }
    }
}
