#include "windows/process_checks.h"

#include <cstring>

#include "core/log.h"
#include "windows/convert.h"
#include "windows/vss_sdk.h"

namespace vss4j::win {
namespace {

hresult lastError() {
  DWORD error = GetLastError();
  return error == 0 ? hr::kFail : static_cast<hresult>(HRESULT_FROM_WIN32(error));
}

class Handle {
 public:
  Handle() = default;
  Handle(const Handle&) = delete;
  Handle& operator=(const Handle&) = delete;
  ~Handle() {
    if (value_ != nullptr) CloseHandle(value_);
  }
  HANDLE* put() { return &value_; }
  HANDLE get() const { return value_; }

 private:
  HANDLE value_ = nullptr;
};

// CheckTokenMembership with the thread's token: a group that UAC marked deny-only does not count.
bool isMember(WELL_KNOWN_SID_TYPE type) {
  BYTE sid[SECURITY_MAX_SID_SIZE];
  DWORD size = sizeof sid;
  if (!CreateWellKnownSid(type, nullptr, sid, &size)) return false;
  BOOL member = FALSE;
  return CheckTokenMembership(nullptr, sid, &member) && member;
}

bool isLocalSystem(HANDLE token) {
  alignas(TOKEN_USER) BYTE buffer[sizeof(TOKEN_USER) + SECURITY_MAX_SID_SIZE];
  DWORD size = 0;
  if (!GetTokenInformation(token, TokenUser, buffer, sizeof buffer, &size)) return false;
  TOKEN_USER user;
  std::memcpy(&user, buffer, sizeof user);
  return IsWellKnownSid(user.User.Sid, WinLocalSystemSid) != FALSE;
}

TOKEN_ELEVATION_TYPE elevationType(HANDLE token) {
  TOKEN_ELEVATION_TYPE type = TokenElevationTypeDefault;
  DWORD size = 0;
  if (!GetTokenInformation(token, TokenElevationType, &type, sizeof type, &size)) return TokenElevationTypeDefault;
  return type;
}

}  // namespace

hresult checkNotWow64(std::string& message) {
  BOOL wow64 = FALSE;
  if (!IsWow64Process(GetCurrentProcess(), &wow64)) {
    hresult result = lastError();
    message = "IsWow64Process failed (" + hex(result) + ")";
    return result;
  }
  if (wow64) {
    message =
        "This is a 32-bit process on 64-bit Windows (WOW64), which VSS does not support: "
        "run vss4j in a 64-bit JVM.";
    return hr::kNotSupported;
  }
  return hr::kOk;
}

hresult checkBackupRights(std::string& message) {
  Handle token;
  if (!OpenProcessToken(GetCurrentProcess(), TOKEN_QUERY, token.put())) {
    hresult result = lastError();
    message = "Cannot read the process token to check backup rights (" + hex(result) + ")";
    return result;
  }
  if (isLocalSystem(token.get())) return hr::kOk;
  if (isMember(WinBuiltinAdministratorsSid)) return hr::kOk;
  if (isMember(WinBuiltinBackupOperatorsSid)) return hr::kOk;
  if (elevationType(token.get()) == TokenElevationTypeLimited) {
    message =
        "VSS needs backup rights, and this process runs with a limited (non-elevated) token: "
        "start the JVM elevated (\"Run as administrator\", or a service or scheduled task with highest privileges).";
  } else {
    message =
        "VSS needs backup rights: run the JVM as an elevated administrator or as LocalSystem, or add the account "
        "to the Backup Operators group (then sign in again).";
  }
  return hr::kAccessDenied;
}

void enableBackupPrivilege() {
  Handle token;
  if (!OpenProcessToken(GetCurrentProcess(), TOKEN_ADJUST_PRIVILEGES | TOKEN_QUERY, token.put())) {
    log(LogLevel::Warn, "Cannot open the process token to enable SeBackupPrivilege: " + hex(lastError()));
    return;
  }
  TOKEN_PRIVILEGES privileges{};
  privileges.PrivilegeCount = 1;
  privileges.Privileges[0].Attributes = SE_PRIVILEGE_ENABLED;
  if (!LookupPrivilegeValueW(nullptr, SE_BACKUP_NAME, &privileges.Privileges[0].Luid)) {
    log(LogLevel::Warn, "LookupPrivilegeValue(SeBackupPrivilege) failed: " + hex(lastError()));
    return;
  }
  // Succeeds even when the token lacks the privilege: only GetLastError tells.
  if (!AdjustTokenPrivileges(token.get(), FALSE, &privileges, 0, nullptr, nullptr)) {
    log(LogLevel::Warn, "AdjustTokenPrivileges(SeBackupPrivilege) failed: " + hex(lastError()));
  } else if (GetLastError() == ERROR_NOT_ALL_ASSIGNED) {
    log(LogLevel::Info, "The process token does not hold SeBackupPrivilege; it stays disabled");
  } else {
    log(LogLevel::Debug, "SeBackupPrivilege enabled");
  }
}

}  // namespace vss4j::win
