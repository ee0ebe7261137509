#include "windows/writer_components.h"

#include <algorithm>
#include <initializer_list>
#include <utility>

#include "windows/bstr.h"
#include "windows/com_ptr.h"
#include "windows/convert.h"

namespace vss4j::win {
namespace {

// IID_IVssComponentEx2 (vswriter.h), spelled out so that no SDK's IID symbol (an extern in mingw-w64's header)
// needs a library to link against.
constexpr IID kIidComponentEx2 = {0x3b5be0f2, 0x07a9, 0x4e4b, {0xbd, 0xd3, 0xcf, 0xdc, 0x8e, 0x2c, 0x0d, 0x2d}};

// One IVssWriterComponentsExt reference, released through its IUnknown once (ComPtr needs Release on the type).
class WriterRef {
 public:
  WriterRef() = default;
  WriterRef(const WriterRef&) = delete;
  WriterRef& operator=(const WriterRef&) = delete;
  ~WriterRef() {
    if (writer_ != nullptr) unknownOf(writer_)->Release();
  }
  IVssWriterComponentsExt** put() { return &writer_; }
  IVssWriterComponentsExt* operator->() const { return writer_; }
  bool empty() const { return writer_ == nullptr; }

 private:
  IVssWriterComponentsExt* writer_ = nullptr;
};

// The error the writer reported for this component alone (IVssComponentEx2::SetFailure). The interface exists from
// Windows 7 and Server 2008 R2 on; a component without it answers E_NOINTERFACE [I] and can report none.
HRESULT readFailure(IVssComponent& component, hresult& failure) {
  ComPtr<IVssComponentEx2> extended;
  HRESULT result = component.QueryInterface(kIidComponentEx2, reinterpret_cast<void**>(extended.put()));
  if (result == E_NOINTERFACE) {
    failure = hr::kOk;
    return S_OK;
  }
  if (FAILED(result)) return result;
  if (!extended) return hr::kUnexpected;
  // Every out-parameter is required; the application's own code and message have no place in the record yet,
  // and the message is the caller's to free.
  HRESULT writerError = S_OK;
  HRESULT applicationError = S_OK;
  Bstr applicationMessage;
  DWORD reserved = 0;
  result = extended->GetFailure(&writerError, &applicationError, applicationMessage.put(), &reserved);
  if (FAILED(result)) return result;
  failure = writerError;
  return S_OK;
}

// A restore getter's answer. S_OK: the value was read. S_FALSE ("no value") or one of `notRecorded` (the getter's
// documented answer when the document holds nothing for it): the field keeps its default, and the read goes on.
// Anything else fails the read.
bool answered(HRESULT& result, std::initializer_list<HRESULT> notRecorded) {
  if (result == S_OK) return true;
  if (result == S_FALSE || std::find(notRecorded.begin(), notRecorded.end(), result) != notRecorded.end()) {
    result = S_OK;
  }
  return false;
}

// What the requester and the writers recorded for the restore. "Not recorded", per Microsoft's pages:
// IsSelectedForRestore and GetFileRestoreStatus answer VSS_E_BAD_STATE outside the state they belong to;
// GetRestoreTarget answers VSS_E_OBJECT_NOT_FOUND before the writer set a target (VSS_E_BAD_STATE there too [I]);
// GetAdditionalRestores, GetRestoreOptions and the failure messages answer S_FALSE.
HRESULT readRestoreFields(IVssComponent& component, RecordedComponent& row) {
  decltype(VSS_COMPONENTINFO::bSelectable) selected = false;
  decltype(VSS_COMPONENTINFO::bSelectable) additional = false;
  VSS_RESTORE_TARGET target = VSS_RT_UNDEFINED;
  VSS_FILE_RESTORE_STATUS status = VSS_RS_UNDEFINED;
  Bstr options;
  Bstr preRestoreFailure;
  Bstr postRestoreFailure;
  HRESULT result = component.IsSelectedForRestore(&selected);
  if (answered(result, {VSS_E_BAD_STATE})) row.selectedForRestore = selected != 0;
  if (FAILED(result)) return result;
  result = component.GetAdditionalRestores(&additional);
  if (answered(result, {})) row.additionalRestores = additional != 0;
  if (FAILED(result)) return result;
  result = component.GetRestoreOptions(options.put());
  if (answered(result, {})) row.restoreOptions = options.text();
  if (FAILED(result)) return result;
  result = component.GetRestoreTarget(&target);
  if (answered(result, {VSS_E_OBJECT_NOT_FOUND, VSS_E_BAD_STATE})) {
    row.restoreTarget = static_cast<std::int32_t>(target);
  }
  if (FAILED(result)) return result;
  result = component.GetFileRestoreStatus(&status);
  if (answered(result, {VSS_E_BAD_STATE})) row.fileRestoreStatus = static_cast<std::int32_t>(status);
  if (FAILED(result)) return result;
  result = component.GetPreRestoreFailureMsg(preRestoreFailure.put());
  if (answered(result, {})) row.preRestoreFailureMessage = preRestoreFailure.text();
  if (FAILED(result)) return result;
  result = component.GetPostRestoreFailureMsg(postRestoreFailure.put());
  if (answered(result, {})) row.postRestoreFailureMessage = postRestoreFailure.text();
  return result;
}

HRESULT readComponent(IVssComponent& component, bool restoring, RecordedComponent& row) {
  Bstr path;
  Bstr name;
  Bstr stamp;
  Bstr previous;
  Bstr options;
  VSS_COMPONENT_TYPE type = VSS_CT_UNDEFINED;
  decltype(VSS_COMPONENTINFO::bSelectable) succeeded = false;
  // The optional texts answer S_FALSE (and NULL) when nothing was recorded.
  HRESULT result = component.GetLogicalPath(path.put());
  if (SUCCEEDED(result)) result = component.GetComponentType(&type);
  if (SUCCEEDED(result)) result = component.GetComponentName(name.put());
  if (SUCCEEDED(result)) result = component.GetBackupSucceeded(&succeeded);
  if (SUCCEEDED(result)) result = component.GetBackupStamp(stamp.put());
  if (SUCCEEDED(result)) result = component.GetPreviousBackupStamp(previous.put());
  if (SUCCEEDED(result)) result = component.GetBackupOptions(options.put());
  if (SUCCEEDED(result)) result = readFailure(component, row.failure);
  if (SUCCEEDED(result) && restoring) result = readRestoreFields(component, row);
  if (FAILED(result)) return result;
  row.type = static_cast<std::int32_t>(type);
  row.logicalPath = path.text();
  row.componentName = name.text();
  row.backupSucceeded = succeeded != 0;
  row.backupStamp = stamp.text();
  row.previousBackupStamp = previous.text();
  row.backupOptions = options.text();
  return S_OK;
}

}  // namespace

HRESULT readWriterComponents(IVssBackupComponents& vss, bool restoring, std::vector<RecordedComponent>& out) {
  UINT writers = 0;
  HRESULT result = vss.GetWriterComponentsCount(&writers);
  if (FAILED(result)) return result;
  for (UINT w = 0; w < writers; ++w) {
    WriterRef writer;
    result = vss.GetWriterComponents(w, writer.put());
    if (FAILED(result)) return result;
    if (writer.empty()) return hr::kUnexpected;
    VSS_ID instanceId = GUID_NULL;
    VSS_ID writerId = GUID_NULL;
    UINT count = 0;
    result = writer->GetWriterInfo(&instanceId, &writerId);
    if (SUCCEEDED(result)) result = writer->GetComponentCount(&count);
    if (FAILED(result)) return result;
    for (UINT c = 0; c < count; ++c) {
      ComPtr<IVssComponent> component;
      result = writer->GetComponent(c, component.put());
      if (FAILED(result)) return result;
      if (!component) return hr::kUnexpected;
      RecordedComponent row;
      row.instanceId = toGuid(instanceId);
      row.writerId = toGuid(writerId);
      result = readComponent(*component.get(), restoring, row);
      if (FAILED(result)) return result;
      out.push_back(std::move(row));
    }
  }
  return S_OK;
}

}  // namespace vss4j::win
