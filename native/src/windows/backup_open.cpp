#include "windows/backup_open.h"

#include <cwctype>
#include <vector>

#include "windows/copy_link.h"

namespace vss4j::win {
namespace {

void closeToken(HANDLE& token) {
  if (token != nullptr) CloseHandle(token);
  token = nullptr;
}

// `path` (an NT path) is `device` itself or below it; device names compare case-insensitively as the object
// manager compares them.
bool isOnDevice(const std::wstring& path, const std::wstring& device) {
  if (path.size() < device.size()) return false;
  for (std::size_t i = 0; i < device.size(); ++i) {
    if (std::towlower(path[i]) != std::towlower(device[i])) return false;
  }
  return path.size() == device.size() || path[device.size()] == L'\\';
}

// GetFinalPathNameByHandleW(VOLUME_NAME_NT): the path with the links it went through resolved. MAX_PATH first;
// a longer path is asked for again with room for the longest path Windows has (32767 characters). The documented
// answer for a small buffer is the size needed; Wine 8 answers 0 with ERROR_MORE_DATA instead (for any path past
// MAX_PATH, whatever the buffer), taken the same way, so there a long path ends in ERROR_FILENAME_EXCED_RANGE.
DWORD finalNtPath(HANDLE file, std::wstring& out) {
  constexpr DWORD kLongest = 32768;
  for (DWORD capacity : {static_cast<DWORD>(MAX_PATH + 1), kLongest}) {
    std::vector<wchar_t> buffer(capacity);
    const DWORD length =
        GetFinalPathNameByHandleW(file, buffer.data(), capacity, FILE_NAME_NORMALIZED | VOLUME_NAME_NT);
    if (length == 0) {
      const DWORD error = GetLastError();
      if (error == ERROR_MORE_DATA || error == ERROR_NOT_ENOUGH_MEMORY) continue;
      return error;
    }
    if (length < capacity) {
      out.assign(buffer.data(), length);
      return ERROR_SUCCESS;
    }
  }
  return ERROR_FILENAME_EXCED_RANGE;
}

}  // namespace

ThreadBackupPrivilege::ThreadBackupPrivilege() noexcept {
  HANDLE current = nullptr;
  if (OpenThreadToken(GetCurrentThread(), TOKEN_DUPLICATE | TOKEN_QUERY | TOKEN_IMPERSONATE, TRUE, &current)) {
    clientToken_ = current;
    if (!DuplicateTokenEx(clientToken_, TOKEN_ADJUST_PRIVILEGES | TOKEN_QUERY | TOKEN_IMPERSONATE, nullptr,
                          SecurityImpersonation, TokenImpersonation, &ownToken_)) {
      ownToken_ = nullptr;
      closeToken(clientToken_);
      return;
    }
    if (!SetThreadToken(nullptr, ownToken_)) {
      closeToken(ownToken_);
      closeToken(clientToken_);
      return;
    }
    impersonating_ = true;
  } else {
    if (GetLastError() != ERROR_NO_TOKEN) return;
    if (!ImpersonateSelf(SecurityImpersonation)) return;
    impersonating_ = true;
  }
  enableOnThreadToken();
}

void ThreadBackupPrivilege::enableOnThreadToken() noexcept {
  HANDLE token = nullptr;
  // OpenAsSelf: the access check on the thread token uses the process's context, not the impersonated one.
  if (!OpenThreadToken(GetCurrentThread(), TOKEN_ADJUST_PRIVILEGES | TOKEN_QUERY, TRUE, &token)) return;
  TOKEN_PRIVILEGES wanted{};
  wanted.PrivilegeCount = 1;
  wanted.Privileges[0].Attributes = SE_PRIVILEGE_ENABLED;
  if (LookupPrivilegeValueW(nullptr, SE_BACKUP_NAME, &wanted.Privileges[0].Luid) &&
      AdjustTokenPrivileges(token, FALSE, &wanted, 0, nullptr, nullptr)) {
    // AdjustTokenPrivileges succeeds also when the token lacks the privilege; only the last error says so
    // (ERROR_NOT_ALL_ASSIGNED).
    enabled_ = GetLastError() == ERROR_SUCCESS;
  }
  CloseHandle(token);
}

ThreadBackupPrivilege::~ThreadBackupPrivilege() {
  if (impersonating_) {
    if (clientToken_ != nullptr) {
      SetThreadToken(nullptr, clientToken_);
    } else {
      RevertToSelf();
    }
  }
  closeToken(ownToken_);
  closeToken(clientToken_);
}

BackupFile::~BackupFile() { CloseHandle(handle_); }

DWORD BackupFile::read(void* buffer, DWORD length, DWORD& got) {
  got = 0;
  return ReadFile(handle_, buffer, length, &got, nullptr) ? ERROR_SUCCESS : GetLastError();
}

DWORD BackupFile::seek(std::int64_t position) {
  LARGE_INTEGER to{};
  to.QuadPart = position;
  return SetFilePointerEx(handle_, to, nullptr, FILE_BEGIN) ? ERROR_SUCCESS : GetLastError();
}

DWORD BackupFile::size(std::int64_t& bytes) {
  LARGE_INTEGER answer{};
  if (!GetFileSizeEx(handle_, &answer)) return GetLastError();
  bytes = answer.QuadPart;
  return ERROR_SUCCESS;
}

std::wstring ntDeviceOf(const std::wstring& deviceObject) {
  constexpr wchar_t kGlobalRoot[] = L"\\\\?\\GLOBALROOT";
  if (!deviceObjectProblem(deviceObject).empty()) return {};
  return deviceObject.substr(sizeof(kGlobalRoot) / sizeof(wchar_t) - 1);
}

BackupOpenResult openForBackup(const std::wstring& path, const std::wstring& ntDevice) {
  BackupOpenResult result;
  const std::wstring at = withLongPathPrefix(path);
  {
    ThreadBackupPrivilege privilege;
    result.privilegeEnabled = privilege.enabled();
    result.handle = CreateFileW(at.c_str(), GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE,
                                nullptr, OPEN_EXISTING, FILE_FLAG_BACKUP_SEMANTICS | FILE_FLAG_SEQUENTIAL_SCAN,
                                nullptr);
    if (result.handle == INVALID_HANDLE_VALUE) result.error = GetLastError();
  }  // the thread's token is back as it was before anything below runs
  if (result.handle == INVALID_HANDLE_VALUE) return result;

  DWORD refusal = ERROR_SUCCESS;
  BY_HANDLE_FILE_INFORMATION info{};
  if (!GetFileInformationByHandle(result.handle, &info)) {
    refusal = GetLastError();
  } else if ((info.dwFileAttributes & FILE_ATTRIBUTE_DIRECTORY) != 0) {
    refusal = ERROR_DIRECTORY;
  } else if (!ntDevice.empty()) {
    std::wstring finalPath;
    refusal = finalNtPath(result.handle, finalPath);
    if (refusal == ERROR_SUCCESS && !isOnDevice(finalPath, ntDevice)) refusal = ERROR_NOT_SAME_DEVICE;
  }
  if (refusal != ERROR_SUCCESS) {
    CloseHandle(result.handle);
    result.handle = INVALID_HANDLE_VALUE;
    result.error = refusal;
  }
  return result;
}

}  // namespace vss4j::win
