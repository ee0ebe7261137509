// Opening a file of a shadow copy as a backup program does: FILE_FLAG_BACKUP_SEMANTICS, with SeBackupPrivilege
// enabled on the calling thread only and only for the open, so that the process token never changes and other
// threads of the JVM never run with the privilege enabled.
#pragma once

#include <windows.h>

#include <cstdint>
#include <string>

namespace vss4j::win {

// While it lives, the calling thread impersonates with SeBackupPrivilege enabled, if the process holds it.
// - A thread that was not impersonating: ImpersonateSelf(SecurityImpersonation), the privilege enabled on that
//   thread token, RevertToSelf at the end.
// - A thread that was impersonating (a server acting for a client): the open stays the client's. The privilege is
//   enabled on a duplicate of the client's token, set on the thread for the open; the client's own token is put
//   back unchanged at the end. [I] Whether the client's token holds SeBackupPrivilege decides, as Windows decides
//   for any impersonating thread.
// Never throws; a step that fails leaves the thread as it was and the open runs with the normal access check.
class ThreadBackupPrivilege {
 public:
  ThreadBackupPrivilege() noexcept;
  ~ThreadBackupPrivilege();
  ThreadBackupPrivilege(const ThreadBackupPrivilege&) = delete;
  ThreadBackupPrivilege& operator=(const ThreadBackupPrivilege&) = delete;

  // True if SeBackupPrivilege is enabled on the thread now (AdjustTokenPrivileges assigned it).
  bool enabled() const { return enabled_; }

 private:
  void enableOnThreadToken() noexcept;

  HANDLE clientToken_ = nullptr;  // the impersonation token the thread had before, to put back
  HANDLE ownToken_ = nullptr;     // the duplicate set on the thread while this lives
  bool impersonating_ = false;    // this object changed the thread's token and must undo it
  bool enabled_ = false;
};

// One open file of a copy: read at the file pointer, move it, ask the size; CloseHandle exactly once, in the
// destructor.
class BackupFile {
 public:
  explicit BackupFile(HANDLE handle) : handle_(handle) {}
  ~BackupFile();
  BackupFile(const BackupFile&) = delete;
  BackupFile& operator=(const BackupFile&) = delete;

  // ReadFile of at most `length` bytes; `got` is 0 at the end of the file.
  DWORD read(void* buffer, DWORD length, DWORD& got);
  // SetFilePointerEx(position, FILE_BEGIN); a position past the end is allowed (reads then return 0 bytes).
  DWORD seek(std::int64_t position);
  DWORD size(std::int64_t& bytes);

 private:
  HANDLE handle_;
};

struct BackupOpenResult {
  HANDLE handle = INVALID_HANDLE_VALUE;  // the open file, or INVALID_HANDLE_VALUE with `error`
  DWORD error = ERROR_SUCCESS;
  bool privilegeEnabled = false;  // SeBackupPrivilege was enabled for the open (the process holds it)
};

// The NT form of a device object, \\?\GLOBALROOT\Device\X -> \Device\X, as GetFinalPathNameByHandleW names files
// of that device with VOLUME_NAME_NT; empty if `deviceObject` is not in that form.
std::wstring ntDeviceOf(const std::wstring& deviceObject);

// Opens `path` for reading (GENERIC_READ, every share mode, OPEN_EXISTING, FILE_FLAG_BACKUP_SEMANTICS |
// FILE_FLAG_SEQUENTIAL_SCAN) with the thread's SeBackupPrivilege enabled for the call. Refused after the open,
// the handle closed again:
// - ERROR_DIRECTORY: `path` is a directory (backup semantics would open it; this opens files only);
// - ERROR_NOT_SAME_DEVICE: the opened file is not on `ntDevice` (e.g. \Device\HarddiskVolumeShadowCopy3), because
//   a link inside the copy led out of it, as a junction to C:\... does. An empty `ntDevice` skips this check.
//   [I] A file of a copy's volume has a final NT path under the copy's device name (\Device\X\...): Microsoft
//   documents VOLUME_NAME_NT as "the path with the volume device path", not shadow copies in particular.
BackupOpenResult openForBackup(const std::wstring& path, const std::wstring& ntDevice);

}  // namespace vss4j::win
