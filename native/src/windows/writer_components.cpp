#include "windows/writer_components.h"

#include <utility>

#include "windows/bstr.h"
#include "windows/com_ptr.h"
#include "windows/convert.h"

namespace vss4j::win {
namespace {

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
