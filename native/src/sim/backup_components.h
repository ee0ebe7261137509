// The simulated IVssBackupComponents: one object on the machine, following VSS-BEHAVIOUR.md's
// "One object's states". Anything a state does not allow returns VSS_E_BAD_STATE.
#pragma once

#include <functional>
#include <initializer_list>
#include <memory>
#include <optional>

#include "sim/machine_state.h"

namespace vss4j::sim {

class SimBackupComponents final : public BackupComponents {
 public:
  explicit SimBackupComponents(std::shared_ptr<MachineState> machine);
  ~SimBackupComponents() override;  // Release()
  SimBackupComponents(const SimBackupComponents&) = delete;
  SimBackupComponents& operator=(const SimBackupComponents&) = delete;

  void attach(std::uint64_t id) { id_ = id; }

  hresult initializeForBackup(const WString* xml) override;
  hresult setContext(std::int32_t context) override;
  hresult setBackupState(bool selectComponents, bool backupBootableSystemState, std::int32_t backupType,
                         bool partialFileSupport) override;
  hresult disableWriterClasses(const std::vector<Guid>& writerClassIds) override;
  hresult enableWriterClasses(const std::vector<Guid>& writerClassIds) override;
  hresult disableWriterInstances(const std::vector<Guid>& writerInstanceIds) override;
  hresult gatherWriterMetadata(std::unique_ptr<AsyncOperation>& async) override;
  hresult getWriterMetadata(std::vector<WriterMetadata>& writers) override;
  hresult freeWriterMetadata() override;
  hresult addComponent(const Guid& instanceId, const Guid& writerId, std::int32_t componentType,
                       const WString* logicalPath, const WString& componentName) override;
  hresult saveAsXml(WString& document) override;
  hresult getWriterComponents(std::vector<RecordedComponent>& components) override;
  hresult setBackupOptions(const Guid& writerId, std::int32_t componentType, const WString* logicalPath,
                           const WString& componentName, const WString& options) override;
  hresult setPreviousBackupStamp(const Guid& writerId, std::int32_t componentType, const WString* logicalPath,
                                 const WString& componentName, const WString& previousBackupStamp) override;
  hresult startSnapshotSet(Guid& snapshotSetId) override;
  hresult addToSnapshotSet(const WString& volumeName, const Guid& providerId, Guid& snapshotId) override;
  hresult isVolumeSupported(const Guid& providerId, const WString& volumeName, bool& supported) override;
  hresult prepareForBackup(std::unique_ptr<AsyncOperation>& async) override;
  hresult doSnapshotSet(std::unique_ptr<AsyncOperation>& async) override;
  hresult gatherWriterStatus(std::unique_ptr<AsyncOperation>& async) override;
  hresult getWriterStatus(std::vector<WriterStatus>& writers) override;
  hresult getSnapshotProperties(const Guid& snapshotId, SnapshotProperties& properties) override;
  hresult setBackupSucceeded(const Guid& instanceId, const Guid& writerId, std::int32_t componentType,
                             const WString* logicalPath, const WString& componentName, bool succeeded) override;
  hresult backupComplete(std::unique_ptr<AsyncOperation>& async) override;
  hresult abortBackup() override;
  hresult query(std::vector<SnapshotProperties>& snapshots) override;
  hresult queryProviders(std::vector<ProviderProperties>& providers) override;
  hresult deleteSnapshots(const Guid& sourceId, std::int32_t sourceObjectType, bool forceDelete,
                          std::int32_t& deletedSnapshots, Guid& nonDeletedSnapshotId) override;
  hresult initializeForRestore(const WString& document) override;
  hresult setRestoreState(std::int32_t restoreType) override;
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
  // expose_calls.cpp
  hresult exposeSnapshot(const Guid& snapshotId, const WString* pathFromRoot, std::int32_t attributes,
                         const WString* expose, WString& exposed) override;
  hresult unexposeSnapshot(const Guid& snapshotId) override;

 private:
  // Runs `body` under the machine's lock with due operations settled and the call logged; no exception leaves.
  template <typename Body>
  hresult call(Operation operation, Body&& body);
  // Starts `operation` and hands out its IVssAsync; a fault planned for the call itself is returned instead.
  hresult startAsync(Operation operation, std::unique_ptr<AsyncOperation>& async);
  // Enable/DisableWriterClasses and DisableWriterInstances: allowed before a set is started.
  hresult selectWriters(Operation operation, const std::function<void(WriterSelection&)>& change);
  // SetBackupOptions and SetPreviousBackupStamp: `note` for an added component, before PrepareForBackup.
  hresult noteOnComponent(Operation operation, const Guid& writerId, std::int32_t componentType,
                          const WString* logicalPath, const WString& componentName, WString AddedComponent::*field,
                          const WString& text);

  // The restore calls that change one component of the loaded document: in `phases`, with valid arguments
  // (E_INVALIDARG otherwise), for a component the document holds (VSS_E_OBJECT_NOT_FOUND otherwise), whose notes
  // `change` edits.
  hresult onRestoreComponent(Operation operation, std::initializer_list<ObjectPhase> phases, bool argumentsValid,
                             const Guid& writerId, std::int32_t componentType, const WString* logicalPath,
                             const WString& componentName, const std::function<void(RestoreNotes&)>& change);

  std::shared_ptr<MachineState> machine_;
  std::uint64_t id_ = 0;
};

}  // namespace vss4j::sim
