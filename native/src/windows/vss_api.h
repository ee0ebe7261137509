// The two vssapi.dll functions the adapter needs, as values: the real ones from GetProcAddress
// (system_backend.cpp) or a test's fakes. Shared by every object made from them, so that vssapi.dll,
// whose code implements the COM objects, stays loaded until the last of them is released.
#pragma once

#include <functional>

#include "windows/vss_sdk.h"

namespace vss4j::win {

struct VssApi {
  std::function<HRESULT(IVssBackupComponents**)> createBackupComponents;  // CreateVssBackupComponents
  std::function<void(VSS_SNAPSHOT_PROP*)> freeSnapshotProperties;         // VssFreeSnapshotProperties
  HMODULE module = nullptr;  // owned when set: FreeLibrary after the last user

  VssApi() = default;
  VssApi(const VssApi&) = delete;
  VssApi& operator=(const VssApi&) = delete;
  ~VssApi() {
    if (module != nullptr) FreeLibrary(module);
  }
};

}  // namespace vss4j::win
