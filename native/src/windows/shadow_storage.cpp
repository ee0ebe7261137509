#include "windows/shadow_storage.h"

#include <string>
#include <utility>
#include <vector>

#include "windows/as_hresult.h"
#include "windows/com_ptr.h"
#include "windows/convert.h"

namespace vss4j::win {
namespace {

// vsmgmt.h's ids, spelled out so that no SDK's GUID symbol (an extern in mingw-w64's header) needs a library.
constexpr CLSID kClsidSnapshotMgmt = {0x0b5a2c52, 0x3eb9, 0x470a, {0x96, 0xe2, 0x6c, 0x6d, 0x45, 0x70, 0xe4, 0x0f}};
constexpr IID kIidSnapshotMgmt = {0xfa7df749, 0x66e7, 0x4986, {0xa2, 0x7f, 0xe2, 0xf0, 0x4a, 0xe5, 0x37, 0x72}};
constexpr IID kIidDiffSoftwareMgmt = {0x214a0f28, 0xb737, 0x4026, {0xb8, 0x47, 0x4f, 0x9e, 0x37, 0xd7, 0x95, 0x29}};
// The system provider, {b5946137-7b9f-4925-af80-51abd60b20d5}: the only one with differential software copies.
constexpr VSS_ID kSystemProvider = {0xb5946137, 0x7b9f, 0x4925, {0xaf, 0x80, 0x51, 0xab, 0xd6, 0x0b, 0x20, 0xd5}};

// VSS_PWSZ is not const: the SDK's methods take writable strings, so each call gets its own copy.
std::vector<wchar_t> writable(const WString& text) {
  const std::wstring wide = toWide(text);
  std::vector<wchar_t> out(wide.begin(), wide.end());
  out.push_back(L'\0');
  return out;
}

void freeStrings(VSS_DIFF_AREA_PROP& area, const VssApi& api) {
  api.freeTaskMemory(area.m_pwszVolumeName);
  api.freeTaskMemory(area.m_pwszDiffAreaVolumeName);
  area.m_pwszVolumeName = nullptr;
  area.m_pwszDiffAreaVolumeName = nullptr;
}

DiffArea toDiffArea(const VSS_DIFF_AREA_PROP& area) {
  DiffArea out;
  out.volumeName = toWString(area.m_pwszVolumeName);
  out.diffAreaVolumeName = toWString(area.m_pwszDiffAreaVolumeName);
  out.maximumBytes = area.m_llMaximumDiffSpace;
  out.allocatedBytes = area.m_llAllocatedDiffSpace;
  out.usedBytes = area.m_llUsedDiffSpace;
  return out;
}

HRESULT readDiffAreas(IVssEnumMgmtObject& objects, const VssApi& api, std::vector<DiffArea>& out) {
  for (;;) {
    VSS_MGMT_OBJECT_PROP object{};
    ULONG fetched = 0;
    const HRESULT next = objects.Next(1, &object, &fetched);
    if (FAILED(next)) return next;
    if (fetched == 0) return S_OK;
    if (object.Type != VSS_MGMT_OBJECT_DIFF_AREA) continue;  // [I] no other type holds strings we were asked for
    DiffArea row;
    try {
      row = toDiffArea(object.Obj.DiffArea);
    } catch (...) {
      freeStrings(object.Obj.DiffArea, api);
      throw;
    }
    freeStrings(object.Obj.DiffArea, api);
    out.push_back(std::move(row));
  }
}

class ComShadowStorage final : public ShadowStorage {
 public:
  ComShadowStorage(ComPtr<IVssDifferentialSoftwareSnapshotMgmt> mgmt, std::shared_ptr<const VssApi> api)
      : mgmt_(std::move(mgmt)), api_(std::move(api)) {}

  hresult queryDiffAreasForVolume(const WString& volume, std::vector<DiffArea>& areas) override {
    return asHresult("QueryDiffAreasForVolume", [&]() -> hresult {
      areas.clear();
      std::vector<wchar_t> name = writable(volume);
      ComPtr<IVssEnumMgmtObject> objects;
      const HRESULT result = mgmt_->QueryDiffAreasForVolume(name.data(), objects.put());
      if (FAILED(result) || !objects) return result;
      const HRESULT read = readDiffAreas(*objects.get(), *api_, areas);
      return FAILED(read) ? read : result;
    });
  }

  hresult addDiffArea(const WString& volume, const WString& diffAreaVolume, std::int64_t maximumBytes) override {
    return asHresult("AddDiffArea", [&]() -> hresult {
      std::vector<wchar_t> name = writable(volume);
      std::vector<wchar_t> host = writable(diffAreaVolume);
      return mgmt_->AddDiffArea(name.data(), host.data(), maximumBytes);
    });
  }

  hresult changeDiffAreaMaximumSize(const WString& volume, const WString& diffAreaVolume,
                                    std::int64_t maximumBytes) override {
    return asHresult("ChangeDiffAreaMaximumSize", [&]() -> hresult {
      std::vector<wchar_t> name = writable(volume);
      std::vector<wchar_t> host = writable(diffAreaVolume);
      return mgmt_->ChangeDiffAreaMaximumSize(name.data(), host.data(), maximumBytes);
    });
  }

 private:
  ComPtr<IVssDifferentialSoftwareSnapshotMgmt> mgmt_;
  std::shared_ptr<const VssApi> api_;
};

}  // namespace

HRESULT coCreateSnapshotMgmt(IVssSnapshotMgmt** out) {
  return CoCreateInstance(kClsidSnapshotMgmt, nullptr, CLSCTX_ALL, kIidSnapshotMgmt, reinterpret_cast<void**>(out));
}

HRESULT openShadowStorage(const std::shared_ptr<const VssApi>& api, std::unique_ptr<ShadowStorage>& storage) {
  return asHresult("IVssSnapshotMgmt::GetProviderMgmtInterface", [&]() -> hresult {
    storage.reset();
    ComPtr<IVssSnapshotMgmt> snapshotMgmt;
    const HRESULT created = api->createSnapshotMgmt ? api->createSnapshotMgmt(snapshotMgmt.put())
                                                    : coCreateSnapshotMgmt(snapshotMgmt.put());
    if (FAILED(created)) return created;
    if (!snapshotMgmt) return E_UNEXPECTED;
    // The interface comes back as IUnknown** for the IID asked: it is that interface, with one reference we own,
    // adopted at once so that every path out releases it.
    IUnknown* raw = nullptr;
    const HRESULT result = snapshotMgmt->GetProviderMgmtInterface(kSystemProvider, kIidDiffSoftwareMgmt, &raw);
    auto mgmt = ComPtr<IVssDifferentialSoftwareSnapshotMgmt>::adopt(
        static_cast<IVssDifferentialSoftwareSnapshotMgmt*>(raw));
    if (FAILED(result)) return result;
    if (!mgmt) return E_UNEXPECTED;
    storage = std::make_unique<ComShadowStorage>(std::move(mgmt), api);
    return result;
  });
}

}  // namespace vss4j::win
