// A COM fake of the shadow storage interfaces: IVssSnapshotMgmt, the system provider's
// IVssDifferentialSoftwareSnapshotMgmt it hands out, and the IVssEnumMgmtObject of diff areas. Owned by the test
// (Release never deletes), so a test sees each released exactly once and each string handed out.
#pragma once

#include <string>
#include <vector>

#include "fake_vss.h"

namespace vss4j::win::fake {

#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wnon-virtual-dtor"
#endif

// vsmgmt.h's IIDs.
constexpr IID kIidSnapshotMgmt = {0xfa7df749, 0x66e7, 0x4986, {0xa2, 0x7f, 0xe2, 0xf0, 0x4a, 0xe5, 0x37, 0x72}};
constexpr IID kIidDiffSoftwareMgmt = {0x214a0f28, 0xb737, 0x4026, {0xb8, 0x47, 0x4f, 0x9e, 0x37, 0xd7, 0x95, 0x29}};
constexpr IID kIidEnumMgmtObject = {0x01954e6b, 0x9254, 0x4e6e, {0x80, 0x8c, 0xc9, 0xe0, 0x5d, 0x00, 0x76, 0x96}};

struct DiffAreaRow {
  std::wstring volume, diffAreaVolume;
  LONGLONG maximum = -1, allocated = 0, used = 0;
};

class DiffAreaEnum final : public Unknown<IVssEnumMgmtObject> {
 public:
  DiffAreaEnum() : Unknown(kIidEnumMgmtObject) {}
  std::vector<DiffAreaRow> rows;
  std::vector<void*> handedOut;
  std::size_t position = 0;
  HRESULT failAt = S_OK;  // returned by Next once the rows are exhausted, instead of S_FALSE, when set

  HRESULT STDMETHODCALLTYPE Next(ULONG celt, VSS_MGMT_OBJECT_PROP* items, ULONG* fetched) override {
    *fetched = 0;
    for (ULONG i = 0; i < celt; ++i) {
      if (position == rows.size()) return FAILED(failAt) ? failAt : S_FALSE;
      const DiffAreaRow& r = rows[position++];
      items[i] = VSS_MGMT_OBJECT_PROP{};
      items[i].Type = VSS_MGMT_OBJECT_DIFF_AREA;
      VSS_DIFF_AREA_PROP& prop = items[i].Obj.DiffArea;
      prop.m_pwszVolumeName = taskString(r.volume);
      prop.m_pwszDiffAreaVolumeName = taskString(r.diffAreaVolume);
      prop.m_llMaximumDiffSpace = r.maximum;
      prop.m_llAllocatedDiffSpace = r.allocated;
      prop.m_llUsedDiffSpace = r.used;
      for (void* text : {static_cast<void*>(prop.m_pwszVolumeName), static_cast<void*>(prop.m_pwszDiffAreaVolumeName)}) {
        if (text != nullptr) handedOut.push_back(text);
      }
      ++*fetched;
    }
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE Skip(ULONG) override { return E_NOTIMPL; }
  HRESULT STDMETHODCALLTYPE Reset() override { return E_NOTIMPL; }
  HRESULT STDMETHODCALLTYPE Clone(IVssEnumMgmtObject**) override { return E_NOTIMPL; }
};

// What the adapter last passed, and what each call answers.
class DiffSoftwareMgmt final : public Unknown<IVssDifferentialSoftwareSnapshotMgmt> {
 public:
  DiffSoftwareMgmt() : Unknown(kIidDiffSoftwareMgmt) {}
  DiffAreaEnum* queryResult = nullptr;  // handed out with one reference; nullptr: the call fails with `result`
  HRESULT result = S_OK;
  std::wstring volume, diffAreaVolume;
  LONGLONG maximum = 0;

  HRESULT STDMETHODCALLTYPE AddDiffArea(VSS_PWSZ v, VSS_PWSZ d, LONGLONG m) override { return note(v, d, m); }
  HRESULT STDMETHODCALLTYPE ChangeDiffAreaMaximumSize(VSS_PWSZ v, VSS_PWSZ d, LONGLONG m) override {
    return note(v, d, m);
  }
  HRESULT STDMETHODCALLTYPE QueryVolumesSupportedForDiffAreas(VSS_PWSZ, IVssEnumMgmtObject**) override {
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE QueryDiffAreasForVolume(VSS_PWSZ v, IVssEnumMgmtObject** out) override {
    volume = v;
    *out = nullptr;
    if (FAILED(result) || queryResult == nullptr) return result;
    *out = queryResult->give();
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE QueryDiffAreasOnVolume(VSS_PWSZ, IVssEnumMgmtObject**) override { return E_NOTIMPL; }
  HRESULT STDMETHODCALLTYPE QueryDiffAreasForSnapshot(VSS_ID, IVssEnumMgmtObject**) override { return E_NOTIMPL; }

 private:
  HRESULT note(VSS_PWSZ v, VSS_PWSZ d, LONGLONG m) {
    volume = v;
    diffAreaVolume = d;
    maximum = m;
    return result;
  }
};

class SnapshotMgmt final : public Unknown<IVssSnapshotMgmt> {
 public:
  SnapshotMgmt() : Unknown(kIidSnapshotMgmt) {}
  DiffSoftwareMgmt* provided = nullptr;
  HRESULT providerResult = S_OK;
  VSS_ID askedProvider = GUID_NULL;
  IID askedInterface = GUID_NULL;

  HRESULT STDMETHODCALLTYPE GetProviderMgmtInterface(VSS_ID provider, REFIID iid, IUnknown** out) override {
    askedProvider = provider;
    askedInterface = iid;
    *out = nullptr;
    if (FAILED(providerResult)) return providerResult;
    if (provided != nullptr) *out = provided->give();
    return providerResult;
  }
  HRESULT STDMETHODCALLTYPE QueryVolumesSupportedForSnapshots(VSS_ID, LONG, IVssEnumMgmtObject**) override {
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE QuerySnapshotsByVolume(VSS_PWSZ, VSS_ID, IVssEnumObject**) override { return E_NOTIMPL; }
};

#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

}  // namespace vss4j::win::fake
