// IVssBackupComponents::ExposeSnapshot and IVssBackupComponentsEx2::UnexposeSnapshot (vsbackup.h), for the
// adapter's BackupComponents (com_backend.cpp).
#pragma once

#include <cstdint>

#include "core/vss_types.h"
#include "windows/vss_api.h"
#include "windows/vss_sdk.h"

namespace vss4j::win {

// The name VSS gave the exposed copy is copied into `exposed`, and VSS's string freed (api.freeTaskMemory, i.e.
// CoTaskMemFree, as Microsoft documents) once, on success and on a failed copy alike.
HRESULT exposeSnapshot(IVssBackupComponents& vss, const VssApi& api, const Guid& snapshotId,
                       const WString* pathFromRoot, std::int32_t attributes, const WString* expose,
                       WString& exposed);

// Reached through QueryInterface for IVssBackupComponentsEx2 (Windows Server 2008 / Vista and later); the
// interface obtained is released before returning. An object without it answers QueryInterface's error.
HRESULT unexposeSnapshot(IVssBackupComponents& vss, const Guid& snapshotId);

}  // namespace vss4j::win
