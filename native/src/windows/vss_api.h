// The two vssapi.dll functions the adapter needs, as values: the real ones from GetProcAddress
// (system_backend.cpp) or a test's fakes. Shared by every object made from them.
#pragma once

#include <functional>

#include "windows/vss_sdk.h"

namespace vss4j::win {

struct VssApi {
  std::function<HRESULT(IVssBackupComponents**)> createBackupComponents;  // CreateVssBackupComponents
  std::function<void(VSS_SNAPSHOT_PROP*)> freeSnapshotProperties;         // VssFreeSnapshotProperties
  // CoTaskMemFree, for the strings of a VSS_PROVIDER_PROP (VSS has no helper for them); a test counts the frees.
  std::function<void(void*)> freeTaskMemory = [](void* memory) { CoTaskMemFree(memory); };
  // CoCreateInstance(CLSID_VssSnapshotMgmt) (windows/shadow_storage.cpp); a test hands in its fake.
  std::function<HRESULT(IVssSnapshotMgmt**)> createSnapshotMgmt;
  // vssapi.dll, when loaded. Never freed: it stays loaded for the life of the process. Its code implements the
  // COM objects and the RPC machinery behind them, which COM may still run after the last object we hold is
  // released (a late call from VSS, a proxy's cleanup on one of COM's threads); unloading it then would leave
  // that code running from freed memory. Loading it once more (a later Vss.system()) only counts a reference.
  HMODULE module = nullptr;

  VssApi() = default;
  VssApi(const VssApi&) = delete;
  VssApi& operator=(const VssApi&) = delete;
};

}  // namespace vss4j::win
