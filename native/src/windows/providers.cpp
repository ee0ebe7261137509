#include "windows/providers.h"

#include "core/log.h"
#include "windows/com_ptr.h"
#include "windows/convert.h"

namespace vss4j::win {
namespace {

// Frees the strings of one VSS_PROVIDER_PROP when the scope ends, a failed copy included.
class ProviderPropGuard {
 public:
  ProviderPropGuard(VSS_PROVIDER_PROP& prop, const VssApi& api) : prop_(prop), api_(api) {}
  ProviderPropGuard(const ProviderPropGuard&) = delete;
  ProviderPropGuard& operator=(const ProviderPropGuard&) = delete;
  ~ProviderPropGuard() {
    try {
      api_.freeTaskMemory(prop_.m_pwszProviderName);
      api_.freeTaskMemory(prop_.m_pwszProviderVersion);
    } catch (...) {
      // Only an injected function can throw; a destructor must not.
      log(LogLevel::Error, "the task-memory free function threw");
    }
    prop_.m_pwszProviderName = nullptr;
    prop_.m_pwszProviderVersion = nullptr;
  }

 private:
  VSS_PROVIDER_PROP& prop_;
  const VssApi& api_;
};

ProviderProperties toProviderProperties(const VSS_PROVIDER_PROP& prop) {
  ProviderProperties out;
  out.providerId = toGuid(prop.m_ProviderId);
  out.providerName = toWString(prop.m_pwszProviderName);
  out.providerType = static_cast<std::int32_t>(prop.m_eProviderType);
  out.providerVersion = toWString(prop.m_pwszProviderVersion);
  out.providerVersionId = toGuid(prop.m_ProviderVersionId);
  out.classId = toGuid(prop.m_ClassId);
  return out;
}

}  // namespace

HRESULT readProviders(IVssBackupComponents& vss, const VssApi& api, std::vector<ProviderProperties>& out) {
  out.clear();
  ComPtr<IVssEnumObject> objects;
  const HRESULT result = vss.Query(GUID_NULL, VSS_OBJECT_NONE, VSS_OBJECT_PROVIDER, objects.put());
  if (FAILED(result) || !objects) return result;
  for (;;) {
    VSS_OBJECT_PROP object{};
    ULONG fetched = 0;
    const HRESULT next = objects->Next(1, &object, &fetched);
    if (FAILED(next)) return next;
    if (fetched == 0) break;
    if (object.Type != VSS_OBJECT_PROVIDER) continue;  // asked for providers only; nothing else to free
    ProviderPropGuard release(object.Obj.Prov, api);
    out.push_back(toProviderProperties(object.Obj.Prov));
  }
  return result;
}

}  // namespace vss4j::win
