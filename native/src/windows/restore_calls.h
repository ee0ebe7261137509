// The restore calls of IVssBackupComponents ("Overview of Processing a Restore Under VSS"): a base of the adapter's
// BackupComponents (com_backend.cpp), which hands it the SDK object and starts its asynchronous calls.
#pragma once

#include <cstdint>
#include <memory>

#include "core/backend.h"
#include "windows/vss_sdk.h"

namespace vss4j::win {

class RestoreCalls : public BackupComponents {
 public:
  hresult initializeForRestore(const WString& document) override;
  hresult setRestoreState(std::int32_t restoreType) override;
  // SetSelectedForRestore; with an instance id, SetSelectedForRestoreEx on the object's IVssBackupComponentsEx.
  hresult setSelectedForRestore(const Guid& instanceId, const Guid& writerId, std::int32_t componentType,
                                const WString* logicalPath, const WString& componentName, bool selected) override;
  hresult setAdditionalRestores(const Guid& writerId, std::int32_t componentType, const WString* logicalPath,
                                const WString& componentName, bool additionalRestores) override;
  hresult setRestoreOptions(const Guid& writerId, std::int32_t componentType, const WString* logicalPath,
                            const WString& componentName, const WString& options) override;
  hresult addAlternativeLocationMapping(const Guid& writerId, std::int32_t componentType, const WString* logicalPath,
                                        const WString& componentName, const WString& path, const WString& filespec,
                                        bool recursive, const WString& destination) override;
  hresult addNewTarget(const Guid& writerId, std::int32_t componentType, const WString* logicalPath,
                       const WString& componentName, const WString& path, const WString& fileName, bool recursive,
                       const WString& alternatePath) override;
  hresult preRestore(std::unique_ptr<AsyncOperation>& async) override;
  hresult setFileRestoreStatus(const Guid& writerId, std::int32_t componentType, const WString* logicalPath,
                               const WString& componentName, std::int32_t status) override;
  hresult postRestore(std::unique_ptr<AsyncOperation>& async) override;

 protected:
  // Every asynchronous IVssBackupComponents call has this type.
  using AsyncCall = decltype(&IVssBackupComponents::PreRestore);

  virtual IVssBackupComponents& sdk() = 0;
  // Runs `call`, wrapping the IVssAsync it hands back; a failure passes through, with nothing in `async`.
  virtual hresult startAsync(const char* what, std::unique_ptr<AsyncOperation>& async, AsyncCall call) = 0;
  // InitializeForRestore succeeded: the components in the document carry what a restore records.
  bool restoring() const { return restoring_; }

 private:
  bool restoring_ = false;
};

}  // namespace vss4j::win
