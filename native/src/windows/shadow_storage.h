// The system provider's shadow storage over COM: IVssSnapshotMgmt (api.createSnapshotMgmt), then
// GetProviderMgmtInterface(system provider, IID_IVssDifferentialSoftwareSnapshotMgmt). Each interface is released
// once; each VSS_DIFF_AREA_PROP's two strings are freed (api.freeTaskMemory) once, on every path out.
#pragma once

#include <memory>

#include "core/backend.h"
#include "windows/vss_api.h"
#include "windows/vss_sdk.h"

namespace vss4j::win {

// What api.createSnapshotMgmt does unless a test replaces it: CoCreateInstance of CLSID_VssSnapshotMgmt.
HRESULT coCreateSnapshotMgmt(IVssSnapshotMgmt** out);

HRESULT openShadowStorage(const std::shared_ptr<const VssApi>& api, std::unique_ptr<ShadowStorage>& storage);

}  // namespace vss4j::win
