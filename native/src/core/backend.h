// The seam between the requester and VSS: an IVssBackupComponents object and the IVssAsync its
// asynchronous calls return, in VSS's own terms and with VSS's own HRESULTs. Two backends implement it:
// windows/ (COM over vssapi.dll) and sim/ (the simulated machine).
//
// Threading contract: the core calls one BackupComponents from one thread at a time (its own object
// thread); an AsyncOperation may be waited on from a waiter thread while its BackupComponents serves
// other calls, and may be cancelled from the object thread while another thread waits on it.
// Every thread the core starts calls Backend::threadStarted() first and Backend::threadStopping() last.
//
// Lifetime contract: destroying a BackupComponents or an AsyncOperation is VSS's Release(), done once.
// An AsyncOperation may outlive the BackupComponents that made it, and both may outlive the Backend
// handle they came from (an implementation keeps alive what it needs).
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "core/guid.h"
#include "core/hresult.h"
#include "core/vss_types.h"

namespace vss4j {

class AsyncOperation {  // IVssAsync
 public:
  static constexpr std::uint32_t kInfinite = 0xFFFFFFFFu;

  virtual ~AsyncOperation() = default;
  // Blocks until the operation ends or `milliseconds` pass. What it returns on timeout is undocumented:
  // callers check queryStatus() afterwards and treat VSS_S_ASYNC_PENDING as "not done yet".
  virtual hresult wait(std::uint32_t milliseconds) = 0;
  // *status: VSS_S_ASYNC_PENDING, VSS_S_ASYNC_FINISHED (success), VSS_S_ASYNC_CANCELLED or the error.
  virtual hresult queryStatus(hresult& status) = 0;
  // S_OK, VSS_S_ASYNC_CANCELLED (already cancelled), VSS_S_ASYNC_FINISHED (already done) or the error.
  virtual hresult cancel() = 0;
};

class BackupComponents {  // IVssBackupComponents
 public:
  virtual ~BackupComponents() = default;

  virtual hresult initializeForBackup(const WString* xml) = 0;  // nullptr: a new backup
  virtual hresult setContext(std::int32_t context) = 0;
  virtual hresult setBackupState(bool selectComponents, bool backupBootableSystemState,
                                 std::int32_t backupType, bool partialFileSupport) = 0;
  // Which writers take part; before GatherWriterMetadata (afterwards VSS ignores them). The first
  // EnableWriterClasses undoes earlier DisableWriterClasses and enables only the classes it names.
  virtual hresult disableWriterClasses(const std::vector<Guid>& writerClassIds) = 0;
  virtual hresult enableWriterClasses(const std::vector<Guid>& writerClassIds) = 0;
  virtual hresult disableWriterInstances(const std::vector<Guid>& writerInstanceIds) = 0;
  virtual hresult gatherWriterMetadata(std::unique_ptr<AsyncOperation>& async) = 0;
  // GetWriterMetadataCount, then GetWriterMetadata for each writer, read in full (identity, restore method,
  // backup schema, exclude files, components with their files and dependencies); every object and
  // VSS_COMPONENTINFO obtained is released before this returns.
  virtual hresult getWriterMetadata(std::vector<WriterMetadata>& writers) = 0;
  // AddComponent: after GatherWriterMetadata, before PrepareForBackup, in component mode. logicalPath may be null.
  virtual hresult addComponent(const Guid& instanceId, const Guid& writerId, std::int32_t componentType,
                               const WString* logicalPath, const WString& componentName) = 0;
  // SetBackupOptions / SetPreviousBackupStamp: a text for a component added with AddComponent, stored in the Backup
  // Components Document for its writer; before PrepareForBackup. logicalPath may be null.
  virtual hresult setBackupOptions(const Guid& writerId, std::int32_t componentType, const WString* logicalPath,
                                   const WString& componentName, const WString& options) = 0;
  virtual hresult setPreviousBackupStamp(const Guid& writerId, std::int32_t componentType, const WString* logicalPath,
                                         const WString& componentName, const WString& previousBackupStamp) = 0;
  // GetWriterComponentsCount, then GetWriterComponents for each writer and every IVssComponent it holds: what
  // the writers recorded (backup stamps, SetBackupSucceeded, options). Everything obtained is released.
  virtual hresult getWriterComponents(std::vector<RecordedComponent>& components) = 0;
  // SaveAsXML: the Backup Components Document (the backend frees VSS's BSTR).
  virtual hresult saveAsXml(WString& document) = 0;
  virtual hresult freeWriterMetadata() = 0;
  virtual hresult startSnapshotSet(Guid& snapshotSetId) = 0;
  virtual hresult addToSnapshotSet(const WString& volumeName, const Guid& providerId, Guid& snapshotId) = 0;
  virtual hresult isVolumeSupported(const Guid& providerId, const WString& volumeName, bool& supported) = 0;
  virtual hresult prepareForBackup(std::unique_ptr<AsyncOperation>& async) = 0;
  virtual hresult doSnapshotSet(std::unique_ptr<AsyncOperation>& async) = 0;
  virtual hresult gatherWriterStatus(std::unique_ptr<AsyncOperation>& async) = 0;
  // GetWriterStatusCount, then GetWriterStatus for each writer, then FreeWriterStatus.
  virtual hresult getWriterStatus(std::vector<WriterStatus>& writers) = 0;
  // GetSnapshotProperties, copied; the backend frees VSS's copy (VssFreeSnapshotProperties).
  virtual hresult getSnapshotProperties(const Guid& snapshotId, SnapshotProperties& properties) = 0;
  virtual hresult setBackupSucceeded(const Guid& instanceId, const Guid& writerId, std::int32_t componentType,
                                     const WString* logicalPath, const WString& componentName,
                                     bool succeeded) = 0;
  virtual hresult backupComplete(std::unique_ptr<AsyncOperation>& async) = 0;
  virtual hresult abortBackup() = 0;
  // Query(GUID_NULL, VSS_OBJECT_NONE, VSS_OBJECT_SNAPSHOT): every finished copy of the current context.
  virtual hresult query(std::vector<SnapshotProperties>& snapshots) = 0;
  // Query(GUID_NULL, VSS_OBJECT_NONE, VSS_OBJECT_PROVIDER): the registered providers. Same call and same state
  // rules as above (after InitializeForBackup and SetContext, during a backup).
  virtual hresult queryProviders(std::vector<ProviderProperties>& providers) = 0;
  virtual hresult deleteSnapshots(const Guid& sourceId, std::int32_t sourceObjectType, bool forceDelete,
                                  std::int32_t& deletedSnapshots, Guid& nonDeletedSnapshotId) = 0;

  // Restore ("Overview of Processing a Restore Under VSS"): InitializeForRestore(document) instead of
  // InitializeForBackup; GatherWriterMetadata; per component SetSelectedForRestore and optionally
  // SetRestoreOptions / SetAdditionalRestores / AddAlternativeLocationMapping / AddNewTarget; SetRestoreState;
  // PreRestore; the requester copies the files back; SetFileRestoreStatus per component; PostRestore.
  virtual hresult initializeForRestore(const WString& document) = 0;
  virtual hresult setRestoreState(std::int32_t restoreType) = 0;  // VSS_RESTORE_TYPE
  // SetSelectedForRestore; IVssBackupComponentsEx::SetSelectedForRestoreEx when instanceId is not GUID_NULL.
  virtual hresult setSelectedForRestore(const Guid& instanceId, const Guid& writerId, std::int32_t componentType,
                                        const WString* logicalPath, const WString& componentName, bool selected) = 0;
  virtual hresult setAdditionalRestores(const Guid& writerId, std::int32_t componentType, const WString* logicalPath,
                                        const WString& componentName, bool additionalRestores) = 0;
  virtual hresult setRestoreOptions(const Guid& writerId, std::int32_t componentType, const WString* logicalPath,
                                    const WString& componentName, const WString& options) = 0;
  virtual hresult addAlternativeLocationMapping(const Guid& writerId, std::int32_t componentType,
                                                const WString* logicalPath, const WString& componentName,
                                                const WString& path, const WString& filespec, bool recursive,
                                                const WString& destination) = 0;
  virtual hresult addNewTarget(const Guid& writerId, std::int32_t componentType, const WString* logicalPath,
                               const WString& componentName, const WString& path, const WString& fileName,
                               bool recursive, const WString& alternatePath) = 0;
  virtual hresult preRestore(std::unique_ptr<AsyncOperation>& async) = 0;
  virtual hresult setFileRestoreStatus(const Guid& writerId, std::int32_t componentType, const WString* logicalPath,
                                       const WString& componentName, std::int32_t status) = 0;  // VSS_FILE_RESTORE_STATUS
  virtual hresult postRestore(std::unique_ptr<AsyncOperation>& async) = 0;

  // ExposeSnapshot: a persistent copy mounted as a drive letter ("X:") or an empty NTFS folder (locally,
  // pathFromRoot null), or shared (remotely; expose null lets VSS name the share). `exposed` is the name VSS
  // gave it (the backend frees VSS's string, CoTaskMemFree). In INIT or after DoSnapshotSet, any context.
  virtual hresult exposeSnapshot(const Guid& snapshotId, const WString* pathFromRoot, std::int32_t attributes,
                                 const WString* expose, WString& exposed) = 0;
  // IVssBackupComponentsEx2::UnexposeSnapshot (Windows Server 2008 and later): removes the drive letter, folder
  // mount or share; VSS_E_OBJECT_NOT_FOUND if the copy does not exist or is not exposed.
  virtual hresult unexposeSnapshot(const Guid& snapshotId) = 0;
};

// IVssDifferentialSoftwareSnapshotMgmt of the system provider (IVssSnapshotMgmt::GetProviderMgmtInterface): the
// shadow copy storage areas ("diff areas") of its copies. A different COM object from IVssBackupComponents, with
// no state of its own between calls. Volume names take a trailing backslash (drive letter, mounted folder or
// volume GUID path); a byte count of -1 means no limit.
class ShadowStorage {
 public:
  virtual ~ShadowStorage() = default;
  // QueryDiffAreasForVolume: the associations whose original volume is `volume`.
  virtual hresult queryDiffAreasForVolume(const WString& volume, std::vector<DiffArea>& areas) = 0;
  // AddDiffArea: at least 320 MB, or -1.
  virtual hresult addDiffArea(const WString& volume, const WString& diffAreaVolume, std::int64_t maximumBytes) = 0;
  // ChangeDiffAreaMaximumSize: 0 deletes the association, -1 lifts the limit.
  virtual hresult changeDiffAreaMaximumSize(const WString& volume, const WString& diffAreaVolume,
                                            std::int64_t maximumBytes) = 0;
};

// A Windows service as the Service Control Manager reports it (SERVICE_STATUS_PROCESS, QUERY_SERVICE_CONFIG).
struct ServiceState {
  bool exists = false;
  std::uint32_t currentState = 0;  // SERVICE_STOPPED (1) ... SERVICE_PAUSED (7)
  std::uint32_t startType = 0;     // SERVICE_BOOT_START (0) ... SERVICE_DISABLED (4)
};

// One entry of the Windows event log: the event's System section and its message as the Event Viewer shows it.
struct LoggedEvent {
  WString channel;                // the log it was read from: Application or System
  WString source;                 // the provider's name, e.g. VSS, volsnap
  std::uint32_t eventId = 0;      // EventID, without qualifiers
  std::uint32_t level = 0;        // 1 critical, 2 error, 3 warning, 4 information, 5 verbose; 0 LogAlways
  std::int64_t timeMillis = 0;    // TimeCreated: milliseconds since 1970-01-01 UTC
  WString message;                // the formatted message; empty when its provider's message file is missing
};

// Which events to read: those of `sources` in the Application and System logs, created in [fromMillis, toMillis]
// (milliseconds since 1970-01-01 UTC), of level 1 to maxLevel (0 counts as 4: LogAlways entries are kept), newest
// first, at most maxCount. The whole read takes at most about timeoutMillis; what was read by then is answered.
struct EventQuery {
  std::vector<WString> sources;
  std::int64_t fromMillis = 0;
  std::int64_t toMillis = 0;
  std::uint32_t maxLevel = 2;
  std::uint32_t maxCount = 20;
  std::uint32_t timeoutMillis = 2000;
};

class Backend {  // where BackupComponents objects come from: real VSS, or one simulated machine
 public:
  virtual ~Backend() = default;
  // CreateVssBackupComponents. Runs on the new object's own thread.
  virtual hresult createBackupComponents(std::unique_ptr<BackupComponents>& components) = 0;
  // CoCreateInstance(CLSID_VssSnapshotMgmt), then GetProviderMgmtInterface for the system provider. A backend
  // that cannot manage shadow storage answers E_NOTIMPL.
  virtual hresult openShadowStorage(std::unique_ptr<ShadowStorage>& storage) {
    storage.reset();
    return hr::kNotImpl;
  }
  // The state and start type of the service named `name` (e.g. VSS, swprv): OpenSCManager, OpenService,
  // QueryServiceStatusEx and QueryServiceConfig. A service that does not exist is S_OK with exists = false; any
  // other failure is HRESULT_FROM_WIN32 of its error. A backend without services answers E_NOTIMPL.
  virtual hresult queryService(const WString& name, ServiceState& state) {
    (void)name;
    state = ServiceState{};
    return hr::kNotImpl;
  }
  // The events a query names, newest first (wevtapi: EvtQuery, EvtNext, EvtRender, EvtFormatMessage on Windows;
  // what the simulated machine logged for its faults elsewhere). Read-only. A log that cannot be read is its
  // failure as an HRESULT (e.g. E_ACCESSDENIED); a backend without an event log answers E_NOTIMPL.
  virtual hresult readEvents(const EventQuery& query, std::vector<LoggedEvent>& events) {
    (void)query;
    events.clear();
    return hr::kNotImpl;
  }
  // Run first and last on every thread the core starts (Windows: join and leave the multithreaded apartment).
  virtual void threadStarted() {}
  virtual void threadStopping() {}
};

}  // namespace vss4j
