#include "windows/writer_metadata.h"

#include <string>
#include <utility>
#include <vector>

#include "windows/bstr.h"
#include "windows/com_ptr.h"
#include "windows/convert.h"

namespace vss4j::win {
namespace {

// FreeComponentInfo on every path out of the scope, once.
class ComponentInfo {
 public:
  explicit ComponentInfo(IVssWMComponent& component) : component_(component) {}
  ComponentInfo(const ComponentInfo&) = delete;
  ComponentInfo& operator=(const ComponentInfo&) = delete;
  ~ComponentInfo() {
    if (info_ != nullptr) component_.FreeComponentInfo(info_);
  }
  PVSSCOMPONENTINFO* put() { return &info_; }
  const VSS_COMPONENTINFO* operator->() const { return info_; }
  bool empty() const { return info_ == nullptr; }

 private:
  IVssWMComponent& component_;
  PVSSCOMPONENTINFO info_ = nullptr;
};

HRESULT readFile(IVssWMFiledesc& file, std::int32_t kind, FileDescriptor& out) {
  Bstr path;
  Bstr spec;
  Bstr alternate;
  decltype(VSS_COMPONENTINFO::bSelectable) recursive = false;
  HRESULT result = file.GetPath(path.put());
  if (SUCCEEDED(result)) result = file.GetFilespec(spec.put());
  if (SUCCEEDED(result)) result = file.GetRecursive(&recursive);
  if (SUCCEEDED(result)) result = file.GetAlternateLocation(alternate.put());
  if (FAILED(result)) return result;
  out.kind = kind;
  out.path = path.text();
  out.fileSpec = spec.text();
  out.recursive = recursive != 0;
  out.alternateLocation = alternate.text();
  out.volume = volumeOfPath(out.path);
  return S_OK;
}

// Reads `count` file descriptors that `get(i, out)` hands out.
template <typename Get>
HRESULT readFiles(UINT count, std::int32_t kind, std::vector<FileDescriptor>& files, Get&& get) {
  for (UINT i = 0; i < count; ++i) {
    ComPtr<IVssWMFiledesc> file;
    HRESULT result = get(i, file.put());
    if (FAILED(result)) return result;
    if (!file) return hr::kUnexpected;
    FileDescriptor row;
    result = readFile(*file.get(), kind, row);
    if (FAILED(result)) return result;
    files.push_back(std::move(row));
  }
  return S_OK;
}

HRESULT readDependency(IVssWMDependency& dependency, ComponentDependency& out) {
  VSS_ID writer = GUID_NULL;
  Bstr path;
  Bstr name;
  HRESULT result = dependency.GetWriterId(&writer);
  if (SUCCEEDED(result)) result = dependency.GetLogicalPath(path.put());
  if (SUCCEEDED(result)) result = dependency.GetComponentName(name.put());
  if (FAILED(result)) return result;
  out.writerId = toGuid(writer);
  out.logicalPath = path.text();
  out.componentName = name.text();
  return S_OK;
}

HRESULT readComponent(IVssWMComponent& component, WriterComponent& out) {
  ComponentInfo info(component);
  HRESULT result = component.GetComponentInfo(info.put());
  if (FAILED(result)) return result;
  if (info.empty()) return hr::kUnexpected;
  out.type = static_cast<std::int32_t>(info->type);
  out.logicalPath = info->bstrLogicalPath == nullptr ? WString() : toWString(info->bstrLogicalPath);
  out.name = info->bstrComponentName == nullptr ? WString() : toWString(info->bstrComponentName);
  out.caption = info->bstrCaption == nullptr ? WString() : toWString(info->bstrCaption);
  out.selectableForBackup = info->bSelectable != 0;
  out.selectableForRestore = info->bSelectableForRestore != 0;
  out.notifyOnBackupComplete = info->bNotifyOnBackupComplete != 0;
  out.componentFlags = static_cast<std::int32_t>(info->dwComponentFlags);
  result = readFiles(info->cFileCount, file_kind::FILE_GROUP, out.files,
                     [&](UINT i, IVssWMFiledesc** file) { return component.GetFile(i, file); });
  if (SUCCEEDED(result)) {
    result = readFiles(info->cDatabases, file_kind::DATABASE, out.files,
                       [&](UINT i, IVssWMFiledesc** file) { return component.GetDatabaseFile(i, file); });
  }
  if (SUCCEEDED(result)) {
    result = readFiles(info->cLogFiles, file_kind::LOG, out.files,
                       [&](UINT i, IVssWMFiledesc** file) { return component.GetDatabaseLogFile(i, file); });
  }
  for (UINT i = 0; SUCCEEDED(result) && i < info->cDependencies; ++i) {
    ComPtr<IVssWMDependency> dependency;
    result = component.GetDependency(i, dependency.put());
    if (FAILED(result)) break;
    if (!dependency) return hr::kUnexpected;
    ComponentDependency row;
    result = readDependency(*dependency.get(), row);
    if (SUCCEEDED(result)) out.dependencies.push_back(std::move(row));
  }
  return result;
}

HRESULT readIdentity(IVssExamineWriterMetadata& metadata, WriterMetadata& out) {
  VSS_ID instanceId = GUID_NULL;
  VSS_ID writerId = GUID_NULL;
  Bstr name;
  VSS_USAGE_TYPE usage = VSS_UT_UNDEFINED;
  VSS_SOURCE_TYPE source = VSS_ST_UNDEFINED;
  HRESULT result = metadata.GetIdentity(&instanceId, &writerId, name.put(), &usage, &source);
  if (FAILED(result)) return result;
  out.instanceId = toGuid(instanceId);
  out.writerId = toGuid(writerId);
  out.writerName = name.text();
  out.usageType = static_cast<std::int32_t>(usage);
  out.sourceType = static_cast<std::int32_t>(source);
  return S_OK;
}

HRESULT readRestoreMethod(IVssExamineWriterMetadata& metadata, RestoreMethod& out) {
  VSS_RESTOREMETHOD_ENUM method = VSS_RME_UNDEFINED;
  Bstr service;
  Bstr procedure;
  VSS_WRITERRESTORE_ENUM writerRestore = VSS_WRE_UNDEFINED;
  decltype(VSS_COMPONENTINFO::bSelectable) reboot = false;
  UINT mappings = 0;
  HRESULT result =
      metadata.GetRestoreMethod(&method, service.put(), procedure.put(), &writerRestore, &reboot, &mappings);
  if (FAILED(result)) return result;
  out.method = static_cast<std::int32_t>(method);
  out.service = service.text();
  out.userProcedure = procedure.text();
  out.writerRestore = static_cast<std::int32_t>(writerRestore);
  out.rebootRequired = reboot != 0;
  out.mappings = static_cast<std::int32_t>(mappings);
  return S_OK;
}

}  // namespace

HRESULT readWriterMetadata(IVssExamineWriterMetadata& metadata, WriterMetadata& out) {
  HRESULT result = readIdentity(metadata, out);
  if (FAILED(result)) return result;
  result = readRestoreMethod(metadata, out.restoreMethod);
  // S_FALSE: the writer declared no restore method.
  if (FAILED(result)) return result;
  DWORD schema = 0;
  result = metadata.GetBackupSchema(&schema);
  if (FAILED(result)) return result;
  out.backupSchema = static_cast<std::int32_t>(schema);
  UINT includes = 0;
  UINT excludes = 0;
  UINT components = 0;
  result = metadata.GetFileCounts(&includes, &excludes, &components);
  if (FAILED(result)) return result;
  result = readFiles(excludes, file_kind::EXCLUDE, out.excludeFiles,
                     [&](UINT i, IVssWMFiledesc** file) { return metadata.GetExcludeFile(i, file); });
  if (FAILED(result)) return result;
  for (UINT i = 0; i < components; ++i) {
    ComPtr<IVssWMComponent> component;
    result = metadata.GetComponent(i, component.put());
    if (FAILED(result)) return result;
    if (!component) return hr::kUnexpected;
    WriterComponent row;
    result = readComponent(*component.get(), row);
    if (FAILED(result)) return result;
    out.components.push_back(std::move(row));
  }
  return S_OK;
}

WString volumeOfPath(const WString& path) {
  if (path.empty()) return WString();
  const std::wstring raw = toWide(path);
  DWORD needed = ExpandEnvironmentStringsW(raw.c_str(), nullptr, 0);
  if (needed == 0) return WString();
  std::wstring expanded(needed, L'\0');
  if (ExpandEnvironmentStringsW(raw.c_str(), expanded.data(), needed) == 0) return WString();
  expanded.resize(wcslen(expanded.c_str()));
  std::wstring mountPoint(expanded.size() + 2, L'\0');
  if (!GetVolumePathNameW(expanded.c_str(), mountPoint.data(), static_cast<DWORD>(mountPoint.size()))) {
    return WString();
  }
  mountPoint.resize(wcslen(mountPoint.c_str()));
  wchar_t volume[64] = {};  // \\?\Volume{GUID}\ is 49 characters with its terminator
  if (!GetVolumeNameForVolumeMountPointW(mountPoint.c_str(), volume, 64)) return WString();
  return toWString(volume);
}

}  // namespace vss4j::win
