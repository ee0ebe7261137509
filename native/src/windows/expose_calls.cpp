#include "windows/expose_calls.h"

#include <new>
#include <optional>
#include <string>

#include "windows/com_ptr.h"
#include "windows/convert.h"

namespace vss4j::win {
namespace {

// IID_IVssBackupComponentsEx2 (vsbackup.h), spelled out so that no SDK's IID symbol needs a library to link.
constexpr IID kIidBackupComponentsEx2 = {0xacfe2b3a, 0x22c9, 0x4ef8, {0xbd, 0x03, 0x2f, 0x9c, 0xa2, 0x30, 0x08, 0x4e}};

// VSS_PWSZ is a non-const wchar_t*: the wide copy lives here for the call, null where the caller passed none.
class OptionalWide {
 public:
  explicit OptionalWide(const WString* text) {
    if (text != nullptr) text_ = toWide(*text);
  }
  VSS_PWSZ get() { return text_ ? text_->data() : nullptr; }

 private:
  std::optional<std::wstring> text_;
};

// pwszExposed: allocated by VSS, freed by the caller with CoTaskMemFree, on every path out.
class TaskString {
 public:
  explicit TaskString(const VssApi& api) : api_(api) {}
  ~TaskString() {
    if (text_ != nullptr) api_.freeTaskMemory(text_);
  }
  TaskString(const TaskString&) = delete;
  TaskString& operator=(const TaskString&) = delete;
  VSS_PWSZ* put() { return &text_; }
  const wchar_t* get() const { return text_; }

 private:
  const VssApi& api_;
  VSS_PWSZ text_ = nullptr;
};

}  // namespace

HRESULT exposeSnapshot(IVssBackupComponents& vss, const VssApi& api, const Guid& snapshotId,
                       const WString* pathFromRoot, std::int32_t attributes, const WString* expose,
                       WString& exposed) {
  exposed.clear();
  OptionalWide path(pathFromRoot);
  OptionalWide name(expose);
  TaskString result(api);
  const HRESULT hr = vss.ExposeSnapshot(toGuid(snapshotId), path.get(), static_cast<LONG>(attributes), name.get(),
                                        result.put());
  if (SUCCEEDED(hr) && result.get() != nullptr) exposed = toWString(result.get());  // may throw: freed anyway
  return hr;
}

HRESULT unexposeSnapshot(IVssBackupComponents& vss, const Guid& snapshotId) {
  ComPtr<IVssBackupComponentsEx2> extended;
  const HRESULT found = vss.QueryInterface(kIidBackupComponentsEx2, reinterpret_cast<void**>(extended.put()));
  if (FAILED(found)) return found;
  if (!extended) return E_NOINTERFACE;
  return extended->UnexposeSnapshot(toGuid(snapshotId));
}

}  // namespace vss4j::win
