#include "windows/restore_calls.h"

#include <string>

#include "windows/as_hresult.h"
#include "windows/bstr.h"
#include "windows/com_ptr.h"
#include "windows/component_key.h"
#include "windows/convert.h"

namespace vss4j::win {
namespace {

// IID_IVssBackupComponentsEx (vsbackup.h), spelled out so that no SDK's IID symbol (an extern in mingw-w64's header)
// needs a library to link against.
constexpr IID kIidBackupComponentsEx = {0x963f03ad, 0x9e4c, 0x4a34, {0xac, 0x15, 0xe4, 0xb6, 0x17, 0x4e, 0x50, 0x36}};

// AddAlternativeLocationMapping and AddNewTarget: a component's files (a path, a file name or spec, recursive or
// not) and where they go instead.
template <typename Call>
HRESULT redirectFiles(IVssBackupComponents& vss, Call call, const ComponentKey& key, const WString& path,
                      const WString& files, bool recursive, const WString& destination) {
  const std::wstring from = toWide(path);
  const std::wstring spec = toWide(files);
  const std::wstring to = toWide(destination);
  return (vss.*call)(key.writer(), key.type(), key.logicalPath(), key.name(), from.c_str(), spec.c_str(), recursive,
                     to.c_str());
}

}  // namespace

hresult RestoreCalls::initializeForRestore(const WString& document) {
  return asHresult("InitializeForRestore", [&]() -> hresult {
    Bstr xml;
    if (!xml.assign(document)) return hr::kOutOfMemory;
    const HRESULT result = sdk().InitializeForRestore(xml.get());
    if (SUCCEEDED(result)) restoring_ = true;
    return result;
  });
}

hresult RestoreCalls::setRestoreState(std::int32_t restoreType) {
  return asHresult("SetRestoreState",
                   [&] { return sdk().SetRestoreState(static_cast<VSS_RESTORE_TYPE>(restoreType)); });
}

hresult RestoreCalls::setSelectedForRestore(const Guid& instanceId, const Guid& writerId, std::int32_t componentType,
                                            const WString* logicalPath, const WString& componentName,
                                            bool selected) {
  return asHresult("SetSelectedForRestore", [&]() -> hresult {
    const ComponentKey key(writerId, componentType, logicalPath, componentName);
    if (instanceId.isNull()) {
      return sdk().SetSelectedForRestore(key.writer(), key.type(), key.logicalPath(), key.name(), selected);
    }
    ComPtr<IVssBackupComponentsEx> extended;
    const HRESULT result = sdk().QueryInterface(kIidBackupComponentsEx, reinterpret_cast<void**>(extended.put()));
    if (FAILED(result)) return result;
    if (!extended) return hr::kUnexpected;
    return extended->SetSelectedForRestoreEx(key.writer(), key.type(), key.logicalPath(), key.name(), selected,
                                             toGuid(instanceId));
  });
}

hresult RestoreCalls::setAdditionalRestores(const Guid& writerId, std::int32_t componentType,
                                            const WString* logicalPath, const WString& componentName,
                                            bool additionalRestores) {
  return asHresult("SetAdditionalRestores", [&] {
    const ComponentKey key(writerId, componentType, logicalPath, componentName);
    return sdk().SetAdditionalRestores(key.writer(), key.type(), key.logicalPath(), key.name(), additionalRestores);
  });
}

hresult RestoreCalls::setRestoreOptions(const Guid& writerId, std::int32_t componentType, const WString* logicalPath,
                                        const WString& componentName, const WString& options) {
  return asHresult("SetRestoreOptions", [&] {
    const ComponentKey key(writerId, componentType, logicalPath, componentName);
    const std::wstring text = toWide(options);
    return sdk().SetRestoreOptions(key.writer(), key.type(), key.logicalPath(), key.name(), text.c_str());
  });
}

hresult RestoreCalls::addAlternativeLocationMapping(const Guid& writerId, std::int32_t componentType,
                                                    const WString* logicalPath, const WString& componentName,
                                                    const WString& path, const WString& filespec, bool recursive,
                                                    const WString& destination) {
  return asHresult("AddAlternativeLocationMapping", [&] {
    return redirectFiles(sdk(), &IVssBackupComponents::AddAlternativeLocationMapping,
                         ComponentKey(writerId, componentType, logicalPath, componentName), path, filespec, recursive,
                         destination);
  });
}

hresult RestoreCalls::addNewTarget(const Guid& writerId, std::int32_t componentType, const WString* logicalPath,
                                   const WString& componentName, const WString& path, const WString& fileName,
                                   bool recursive, const WString& alternatePath) {
  return asHresult("AddNewTarget", [&] {
    return redirectFiles(sdk(), &IVssBackupComponents::AddNewTarget,
                         ComponentKey(writerId, componentType, logicalPath, componentName), path, fileName, recursive,
                         alternatePath);
  });
}

hresult RestoreCalls::preRestore(std::unique_ptr<AsyncOperation>& async) {
  return startAsync("PreRestore", async, &IVssBackupComponents::PreRestore);
}

hresult RestoreCalls::setFileRestoreStatus(const Guid& writerId, std::int32_t componentType,
                                           const WString* logicalPath, const WString& componentName,
                                           std::int32_t status) {
  return asHresult("SetFileRestoreStatus", [&] {
    const ComponentKey key(writerId, componentType, logicalPath, componentName);
    return sdk().SetFileRestoreStatus(key.writer(), key.type(), key.logicalPath(), key.name(),
                                      static_cast<VSS_FILE_RESTORE_STATUS>(status));
  });
}

hresult RestoreCalls::postRestore(std::unique_ptr<AsyncOperation>& async) {
  return startAsync("PostRestore", async, &IVssBackupComponents::PostRestore);
}

}  // namespace vss4j::win
