#include "windows/providers.h"

#include <utility>

#include "windows/com_ptr.h"
#include "windows/convert.h"

namespace vss4j::win {
namespace {

// The two strings of a VSS_PROVIDER_PROP, freed as the documentation says (CoTaskMemFree each).
void freeStrings(VSS_PROVIDER_PROP& prop, const VssApi& api) {
  api.freeTaskMemory(prop.m_pwszProviderName);
  api.freeTaskMemory(prop.m_pwszProviderVersion);
  prop.m_pwszProviderName = nullptr;
  prop.m_pwszProviderVersion = nullptr;
}

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
    ProviderProperties row;
    try {
      row = toProviderProperties(object.Obj.Prov);
    } catch (...) {
      freeStrings(object.Obj.Prov, api);  // a failed copy (out of memory) frees them too
      throw;
    }
    freeStrings(object.Obj.Prov, api);
    out.push_back(std::move(row));
  }
  return result;
}

}  // namespace vss4j::win
