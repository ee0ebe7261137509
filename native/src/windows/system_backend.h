// The entry point the JNI layer calls for the real VSS backend (Windows only).
#pragma once

#include <memory>
#include <string>

#include "core/backend.h"
#include "core/hresult.h"

namespace vss4j::win {

struct SystemBackendOptions {
  // CoInitializeSecurity(PKT_PRIVACY, IMPERSONATE, EOAC_STATIC_CLOAKING) once per process, then COM's exception
  // handling off (COMGLB_EXCEPTION_DONOT_HANDLE, unless the host chose a setting of its own: com_exceptions.h);
  // false for hosts that manage COM themselves (writers may then fail to call back: VSS event 8194).
  bool initializeComSecurity = true;
  // Refuse early, with advice, a process that is neither an elevated administrator, a Backup Operator nor
  // LocalSystem. False for machines that grant the right through the VssAccessControl registry key.
  bool checkBackupRights = true;
  // Create and release one IVssBackupComponents before returning, so that a broken or stubbed VSS (E_NOTIMPL,
  // E_ACCESSDENIED) is reported here rather than at the first backup.
  bool probe = true;
};

// Checks the process (64-bit process on 64-bit Windows, rights), loads vssapi.dll from System32 and returns
// the real backend. On failure returns the HRESULT and fills `message` with what the operator should do.
hresult openSystemBackend(const SystemBackendOptions& options, std::shared_ptr<Backend>& backend, std::string& message);

}  // namespace vss4j::win
