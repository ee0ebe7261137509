// What VSS demands of the calling process, checked before the first VSS call so that the operator gets advice
// instead of a bare error code.
#pragma once

#include <string>

#include "core/hresult.h"

namespace vss4j::win {

// A 32-bit process on 64-bit Windows (WOW64) is refused: VSS does not support it.
hresult checkNotWow64(std::string& message);

// Elevated administrator, Backup Operator (not filtered by UAC) or LocalSystem; otherwise E_ACCESSDENIED.
hresult checkBackupRights(std::string& message);

// Enables SeBackupPrivilege when the token holds it; a token without it is only logged.
void enableBackupPrivilege();

}  // namespace vss4j::win
