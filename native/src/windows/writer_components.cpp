#include "windows/writer_components.h"

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

HRESULT readComponent(IVssComponent& component, RecordedComponent& row) {
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

HRESULT readWriterComponents(IVssBackupComponents& vss, std::vector<RecordedComponent>& out) {
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
      result = readComponent(*component.get(), row);
      if (FAILED(result)) return result;
      out.push_back(std::move(row));
    }
  }
  return S_OK;
}

}  // namespace vss4j::win
