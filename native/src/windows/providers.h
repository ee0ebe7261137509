// Query(GUID_NULL, VSS_OBJECT_NONE, VSS_OBJECT_PROVIDER): the registered providers, copied. The enumerator is
// released and each VSS_PROVIDER_PROP's two strings freed (api.freeTaskMemory) once, on every path out.
#pragma once

#include <vector>

#include "core/vss_types.h"
#include "windows/vss_api.h"
#include "windows/vss_sdk.h"

namespace vss4j::win {

HRESULT readProviders(IVssBackupComponents& vss, const VssApi& api, std::vector<ProviderProperties>& out);

}  // namespace vss4j::win
