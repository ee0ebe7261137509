#include "windows/com_backend.h"

#include <string>
#include <utility>
#include <vector>

#include "core/log.h"
#include "windows/as_hresult.h"
#include "windows/bstr.h"
#include "windows/com_ptr.h"
#include "windows/component_key.h"
#include "windows/convert.h"
#include "windows/event_log.h"
#include "windows/expose_calls.h"
#include "windows/providers.h"
#include "windows/service_state.h"
#include "windows/shadow_storage.h"
#include "windows/restore_calls.h"
#include "windows/writer_components.h"
#include "windows/writer_metadata.h"

namespace vss4j::win {
namespace {

// An SDK call that hands back an id: `id` receives it only if the call succeeds.
template <typename Call>
HRESULT idFrom(Guid& id, Call&& call) {
  VSS_ID answer = GUID_NULL;
  const HRESULT result = call(&answer);
  if (SUCCEEDED(result)) id = toGuid(answer);
  return result;
}

// A writer's row (status or metadata), named as VSS names a writer: instance, class, name.
template <typename Row>
Row writerRow(const VSS_ID& instanceId, const VSS_ID& writerId, const Bstr& name) {
  Row row;
  row.instanceId = toGuid(instanceId);
  row.writerId = toGuid(writerId);
  row.writerName = name.text();
  return row;
}

// VssFreeSnapshotProperties on every path out of the scope, a failed copy included.
class SnapshotPropGuard {
 public:
  SnapshotPropGuard(VSS_SNAPSHOT_PROP& prop, const VssApi& api) : prop_(prop), api_(api) {}
  SnapshotPropGuard(const SnapshotPropGuard&) = delete;
  SnapshotPropGuard& operator=(const SnapshotPropGuard&) = delete;
  ~SnapshotPropGuard() {
    try {
      api_.freeSnapshotProperties(&prop_);
    } catch (...) {
      // Only an injected function can throw; a destructor must not.
      log(LogLevel::Error, "the free-snapshot-properties function threw");
    }
  }

 private:
  VSS_SNAPSHOT_PROP& prop_;
  const VssApi& api_;
};

std::vector<VSS_ID> toVssIds(const std::vector<Guid>& ids) {
  std::vector<VSS_ID> converted;
  converted.reserve(ids.size());
  for (const Guid& id : ids) converted.push_back(toGuid(id));
  return converted;
}

class ComAsync final : public AsyncOperation {
 public:
  ComAsync(ComPtr<IVssAsync> async, std::shared_ptr<const VssApi> api)
      : api_(std::move(api)), async_(std::move(async)) {}

  hresult wait(std::uint32_t milliseconds) override {
    return asHresult("IVssAsync::Wait", [&] { return async_->Wait(static_cast<DWORD>(milliseconds)); });
  }
  hresult queryStatus(hresult& status) override {
    return asHresult("IVssAsync::QueryStatus", [&] {
      HRESULT result = S_OK;
      HRESULT call = async_->QueryStatus(&result, nullptr);
      status = result;
      return call;
    });
  }
  hresult cancel() override {
    return asHresult("IVssAsync::Cancel", [&] { return async_->Cancel(); });
  }

 private:
  // Declared first, so destroyed last: the DLL outlives the interface.
  std::shared_ptr<const VssApi> api_;
  ComPtr<IVssAsync> async_;
};

// The backup calls here, the restore calls in RestoreCalls.
class ComBackupComponents final : public RestoreCalls {
 public:
  ComBackupComponents(ComPtr<IVssBackupComponents> components, std::shared_ptr<const VssApi> api)
      : api_(std::move(api)), vss_(std::move(components)) {}

  hresult initializeForBackup(const WString* xml) override {
    return asHresult("InitializeForBackup", [&]() -> hresult {
      if (xml == nullptr) return vss_->InitializeForBackup(nullptr);
      Bstr bstr;
      if (!bstr.assign(*xml)) return hr::kOutOfMemory;
      return vss_->InitializeForBackup(bstr.get());
    });
  }

  hresult setContext(std::int32_t context) override {
    return asHresult("SetContext", [&] { return vss_->SetContext(static_cast<LONG>(context)); });
  }

  hresult setBackupState(bool selectComponents, bool backupBootableSystemState, std::int32_t backupType,
                         bool partialFileSupport) override {
    return asHresult("SetBackupState", [&] {
      return vss_->SetBackupState(selectComponents, backupBootableSystemState,
                                  static_cast<VSS_BACKUP_TYPE>(backupType), partialFileSupport);
    });
  }

  hresult disableWriterClasses(const std::vector<Guid>& writerClassIds) override {
    return asHresult("DisableWriterClasses", [&] {
      std::vector<VSS_ID> ids = toVssIds(writerClassIds);
      return vss_->DisableWriterClasses(ids.data(), static_cast<UINT>(ids.size()));
    });
  }

  hresult enableWriterClasses(const std::vector<Guid>& writerClassIds) override {
    return asHresult("EnableWriterClasses", [&] {
      std::vector<VSS_ID> ids = toVssIds(writerClassIds);
      return vss_->EnableWriterClasses(ids.data(), static_cast<UINT>(ids.size()));
    });
  }

  hresult disableWriterInstances(const std::vector<Guid>& writerInstanceIds) override {
    return asHresult("DisableWriterInstances", [&] {
      std::vector<VSS_ID> ids = toVssIds(writerInstanceIds);
      return vss_->DisableWriterInstances(ids.data(), static_cast<UINT>(ids.size()));
    });
  }

  hresult gatherWriterMetadata(std::unique_ptr<AsyncOperation>& async) override {
    return startAsync("GatherWriterMetadata", async, &IVssBackupComponents::GatherWriterMetadata);
  }

  hresult getWriterMetadata(std::vector<WriterMetadata>& writers) override {
    return asHresult("GetWriterMetadata", [&]() -> hresult {
      writers.clear();
      // What VSS answers after FreeWriterMetadata is undocumented; the backend contract says BAD_STATE.
      if (metadataFreed_) return hr::kBadState;
      UINT count = 0;
      HRESULT result = vss_->GetWriterMetadataCount(&count);
      if (FAILED(result)) return result;
      for (UINT i = 0; i < count; ++i) {
        VSS_ID instance = GUID_NULL;
        ComPtr<IVssExamineWriterMetadata> metadata;
        result = vss_->GetWriterMetadata(i, &instance, metadata.put());
        if (FAILED(result)) return result;
        if (!metadata) return hr::kUnexpected;
        WriterMetadata row;
        result = readWriterMetadata(*metadata.get(), row);
        if (FAILED(result)) return result;
        writers.push_back(std::move(row));
      }
      return hr::kOk;
    });
  }

  hresult addComponent(const Guid& instanceId, const Guid& writerId, std::int32_t componentType,
                       const WString* logicalPath, const WString& componentName) override {
    return asHresult("AddComponent", [&] {
      const ComponentKey key(writerId, componentType, logicalPath, componentName);
      return vss_->AddComponent(toGuid(instanceId), key.writer(), key.type(), key.logicalPath(), key.name());
    });
  }

  hresult setBackupOptions(const Guid& writerId, std::int32_t componentType, const WString* logicalPath,
                           const WString& componentName, const WString& options) override {
    return setComponentText("SetBackupOptions", &IVssBackupComponents::SetBackupOptions, writerId, componentType,
                            logicalPath, componentName, options);
  }

  hresult setPreviousBackupStamp(const Guid& writerId, std::int32_t componentType, const WString* logicalPath,
                                 const WString& componentName, const WString& previousBackupStamp) override {
    return setComponentText("SetPreviousBackupStamp", &IVssBackupComponents::SetPreviousBackupStamp, writerId,
                            componentType, logicalPath, componentName, previousBackupStamp);
  }

  hresult getWriterComponents(std::vector<RecordedComponent>& components) override {
    return asHresult("GetWriterComponents", [&]() -> hresult {
      components.clear();
      return readWriterComponents(*vss_.get(), restoring(), components);
    });
  }

  hresult saveAsXml(WString& document) override {
    return asHresult("SaveAsXML", [&] {
      Bstr xml;
      HRESULT result = vss_->SaveAsXML(xml.put());
      if (SUCCEEDED(result)) document = xml.text();
      return result;
    });
  }

  hresult freeWriterMetadata() override {
    return asHresult("FreeWriterMetadata", [&] {
      const HRESULT result = vss_->FreeWriterMetadata();
      if (SUCCEEDED(result)) metadataFreed_ = true;
      return result;
    });
  }

  hresult startSnapshotSet(Guid& snapshotSetId) override {
    return asHresult("StartSnapshotSet",
                     [&] { return idFrom(snapshotSetId, [&](VSS_ID* id) { return vss_->StartSnapshotSet(id); }); });
  }

  hresult addToSnapshotSet(const WString& volumeName, const Guid& providerId, Guid& snapshotId) override {
    return asHresult("AddToSnapshotSet", [&] {
      std::wstring volume = toWide(volumeName);
      return idFrom(snapshotId,
                    [&](VSS_ID* id) { return vss_->AddToSnapshotSet(volume.data(), toGuid(providerId), id); });
    });
  }

  hresult isVolumeSupported(const Guid& providerId, const WString& volumeName, bool& supported) override {
    return asHresult("IsVolumeSupported", [&] {
      std::wstring volume = toWide(volumeName);
      BOOL answer = FALSE;
      HRESULT result = vss_->IsVolumeSupported(toGuid(providerId), volume.data(), &answer);
      if (SUCCEEDED(result)) supported = answer != FALSE;
      return result;
    });
  }

  hresult prepareForBackup(std::unique_ptr<AsyncOperation>& async) override {
    return startAsync("PrepareForBackup", async, &IVssBackupComponents::PrepareForBackup);
  }

  hresult doSnapshotSet(std::unique_ptr<AsyncOperation>& async) override {
    return startAsync("DoSnapshotSet", async, &IVssBackupComponents::DoSnapshotSet);
  }

  hresult gatherWriterStatus(std::unique_ptr<AsyncOperation>& async) override {
    const hresult result = startAsync("GatherWriterStatus", async, &IVssBackupComponents::GatherWriterStatus);
    if (succeeded(result)) statusToRead_ = true;
    return result;
  }

  hresult getWriterStatus(std::vector<WriterStatus>& writers) override {
    return asHresult("GetWriterStatus", [&]() -> hresult {
      writers.clear();
      // Each read frees what GatherWriterStatus gathered; what VSS answers to a read after that is
      // undocumented, so the backend contract's BAD_STATE comes from here.
      if (!statusToRead_) return hr::kBadState;
      statusToRead_ = false;
      UINT count = 0;
      HRESULT result = vss_->GetWriterStatusCount(&count);
      if (FAILED(result)) return result;
      // The count allocated VSS's status array: FreeWriterStatus on every path from here on.
      struct FreeStatus {
        IVssBackupComponents* vss;
        ~FreeStatus() { vss->FreeWriterStatus(); }
      } freeStatus{vss_.get()};
      for (UINT i = 0; i < count; ++i) {
        VSS_ID instanceId = GUID_NULL;
        VSS_ID writerId = GUID_NULL;
        Bstr name;
        VSS_WRITER_STATE state = VSS_WS_UNKNOWN;
        HRESULT failure = S_OK;
        result = vss_->GetWriterStatus(i, &instanceId, &writerId, name.put(), &state, &failure);
        if (FAILED(result)) return result;
        auto row = writerRow<WriterStatus>(instanceId, writerId, name);
        row.state = static_cast<std::int32_t>(state);
        row.failure = failure;
        writers.push_back(std::move(row));
      }
      return hr::kOk;
    });
  }

  hresult getSnapshotProperties(const Guid& snapshotId, SnapshotProperties& properties) override {
    return asHresult("GetSnapshotProperties", [&] {
      VSS_SNAPSHOT_PROP prop{};
      HRESULT result = vss_->GetSnapshotProperties(toGuid(snapshotId), &prop);
      if (FAILED(result)) return result;
      SnapshotPropGuard release(prop, *api_);
      properties = toSnapshotProperties(prop);
      return result;
    });
  }

  hresult setBackupSucceeded(const Guid& instanceId, const Guid& writerId, std::int32_t componentType,
                             const WString* logicalPath, const WString& componentName, bool succeeded) override {
    return asHresult("SetBackupSucceeded", [&] {
      const ComponentKey key(writerId, componentType, logicalPath, componentName);
      return vss_->SetBackupSucceeded(toGuid(instanceId), key.writer(), key.type(), key.logicalPath(), key.name(),
                                      succeeded);
    });
  }

  hresult backupComplete(std::unique_ptr<AsyncOperation>& async) override {
    return startAsync("BackupComplete", async, &IVssBackupComponents::BackupComplete);
  }

  hresult abortBackup() override {
    return asHresult("AbortBackup", [&] { return vss_->AbortBackup(); });
  }

  hresult query(std::vector<SnapshotProperties>& snapshots) override {
    return asHresult("Query", [&]() -> hresult {
      snapshots.clear();
      ComPtr<IVssEnumObject> objects;
      HRESULT result = vss_->Query(GUID_NULL, VSS_OBJECT_NONE, VSS_OBJECT_SNAPSHOT, objects.put());
      if (FAILED(result) || !objects) return result;
      for (;;) {
        VSS_OBJECT_PROP object{};
        ULONG fetched = 0;
        HRESULT next = objects->Next(1, &object, &fetched);
        if (FAILED(next)) return next;
        if (fetched == 0) break;
        if (object.Type != VSS_OBJECT_SNAPSHOT) continue;  // asked for snapshots only; nothing else to free
        SnapshotPropGuard release(object.Obj.Snap, *api_);
        snapshots.push_back(toSnapshotProperties(object.Obj.Snap));
      }
      return result;
    });
  }

  hresult queryProviders(std::vector<ProviderProperties>& providers) override {
    return asHresult("Query", [&] { return readProviders(*vss_.get(), *api_, providers); });
  }

  hresult deleteSnapshots(const Guid& sourceId, std::int32_t sourceObjectType, bool forceDelete,
                          std::int32_t& deletedSnapshots, Guid& nonDeletedSnapshotId) override {
    return asHresult("DeleteSnapshots", [&] {
      LONG deleted = 0;
      VSS_ID notDeleted = GUID_NULL;
      HRESULT result = vss_->DeleteSnapshots(toGuid(sourceId), static_cast<VSS_OBJECT_TYPE>(sourceObjectType),
                                             forceDelete ? TRUE : FALSE, &deleted, &notDeleted);
      // Both outputs matter on failure too: how many went before the one that could not be deleted.
      deletedSnapshots = static_cast<std::int32_t>(deleted);
      nonDeletedSnapshotId = toGuid(notDeleted);
      return result;
    });
  }

  hresult exposeSnapshot(const Guid& snapshotId, const WString* pathFromRoot, std::int32_t attributes,
                         const WString* expose, WString& exposed) override {
    return asHresult("ExposeSnapshot", [&] {
      return win::exposeSnapshot(*vss_.get(), *api_, snapshotId, pathFromRoot, attributes, expose, exposed);
    });
  }

  hresult unexposeSnapshot(const Guid& snapshotId) override {
    return asHresult("UnexposeSnapshot", [&] { return win::unexposeSnapshot(*vss_.get(), snapshotId); });
  }

 protected:
  IVssBackupComponents& sdk() override { return *vss_.get(); }

  hresult startAsync(const char* what, std::unique_ptr<AsyncOperation>& async, AsyncCall call) override {
    return asHresult(what, [&]() -> hresult {
      async.reset();
      ComPtr<IVssAsync> raw;
      HRESULT result = (vss_.get()->*call)(raw.put());
      if (FAILED(result)) return result;  // a failed call hands back nothing to use; raw releases a stray one
      if (!raw) return hr::kUnexpected;
      async = std::make_unique<ComAsync>(std::move(raw), api_);
      return result;
    });
  }

 private:
  // SetBackupOptions and SetPreviousBackupStamp: a writer class, a component (logical path may be null), a text.
  template <typename Method>
  hresult setComponentText(const char* what, Method method, const Guid& writerId, std::int32_t componentType,
                           const WString* logicalPath, const WString& componentName, const WString& text) {
    return asHresult(what, [&] {
      const ComponentKey key(writerId, componentType, logicalPath, componentName);
      const std::wstring value = toWide(text);
      return (vss_.get()->*method)(key.writer(), key.type(), key.logicalPath(), key.name(), value.c_str());
    });
  }

  // Declared first, so destroyed last: the DLL outlives the interface.
  std::shared_ptr<const VssApi> api_;
  ComPtr<IVssBackupComponents> vss_;
  bool statusToRead_ = false;   // a GatherWriterStatus was started and its status not yet read (and freed)
  bool metadataFreed_ = false;  // FreeWriterMetadata succeeded
};

// COM apartment membership of the current thread, so that threadStopping undoes only what threadStarted did.
thread_local int t_comInitialized = 0;

class ComBackend final : public Backend {
 public:
  explicit ComBackend(std::shared_ptr<const VssApi> api) : api_(std::move(api)) {}

  hresult createBackupComponents(std::unique_ptr<BackupComponents>& components) override {
    return asHresult("CreateVssBackupComponents", [&]() -> hresult {
      components.reset();
      ComPtr<IVssBackupComponents> raw;
      HRESULT result = api_->createBackupComponents(raw.put());
      if (FAILED(result)) return result;
      if (!raw) return hr::kUnexpected;
      components = std::make_unique<ComBackupComponents>(std::move(raw), api_);
      return result;
    });
  }

  hresult openShadowStorage(std::unique_ptr<ShadowStorage>& storage) override {
    return win::openShadowStorage(api_, storage);
  }

  hresult queryService(const WString& name, ServiceState& state) override {
    return asHresult("QueryServiceStatusEx", [&]() -> hresult { return win::queryService(name, state); });
  }

  hresult readEvents(const EventQuery& query, std::vector<LoggedEvent>& events) override {
    return asHresult("EvtQuery", [&]() -> hresult { return win::readEvents(systemEventLogApi(), query, events); });
  }

  void threadStarted() override {
    HRESULT result = CoInitializeEx(nullptr, COINIT_MULTITHREADED);
    if (SUCCEEDED(result)) {
      ++t_comInitialized;
    } else {
      // RPC_E_CHANGED_MODE: someone put this thread in a single-threaded apartment; VSS calls will fail.
      log(LogLevel::Error, "CoInitializeEx(COINIT_MULTITHREADED) failed: " + hex(result));
    }
  }

  void threadStopping() override {
    if (t_comInitialized > 0) {
      --t_comInitialized;
      CoUninitialize();
    }
  }

 private:
  std::shared_ptr<const VssApi> api_;
};

}  // namespace

std::unique_ptr<AsyncOperation> wrapAsync(IVssAsync* async, std::shared_ptr<const VssApi> api) {
  if (async == nullptr) return nullptr;
  return std::make_unique<ComAsync>(ComPtr<IVssAsync>::adopt(async), std::move(api));
}

std::unique_ptr<BackupComponents> wrapBackupComponents(IVssBackupComponents* components,
                                                       std::shared_ptr<const VssApi> api) {
  if (components == nullptr) return nullptr;
  return std::make_unique<ComBackupComponents>(ComPtr<IVssBackupComponents>::adopt(components), std::move(api));
}

std::shared_ptr<Backend> makeComBackend(std::shared_ptr<const VssApi> api) {
  return std::make_shared<ComBackend>(std::move(api));
}

}  // namespace vss4j::win
