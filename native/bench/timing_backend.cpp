#include "timing_backend.h"

#include <atomic>
#include <chrono>
#include <utility>

namespace vss4j::bench {
namespace {

std::atomic<std::int64_t> lastWaitReturn{0};

class TimingAsync final : public AsyncOperation {
 public:
  explicit TimingAsync(std::unique_ptr<AsyncOperation> inner) : inner_(std::move(inner)) {}
  hresult wait(std::uint32_t milliseconds) override {
    const hresult hr = inner_->wait(milliseconds);
    lastWaitReturn.store(monotonicNanos(), std::memory_order_release);
    return hr;
  }
  hresult queryStatus(hresult& status) override { return inner_->queryStatus(status); }
  hresult cancel() override { return inner_->cancel(); }

 private:
  std::unique_ptr<AsyncOperation> inner_;
};

hresult wrap(hresult hr, std::unique_ptr<AsyncOperation>& async) {
  if (async) async = std::make_unique<TimingAsync>(std::move(async));
  return hr;
}

class TimingComponents final : public BackupComponents {
 public:
  explicit TimingComponents(std::unique_ptr<BackupComponents> inner) : in_(std::move(inner)) {}

  hresult initializeForBackup(const WString* xml) override { return in_->initializeForBackup(xml); }
  hresult setContext(std::int32_t context) override { return in_->setContext(context); }
  hresult setBackupState(bool selectComponents, bool bootable, std::int32_t backupType, bool partial) override {
    return in_->setBackupState(selectComponents, bootable, backupType, partial);
  }
  hresult disableWriterClasses(const std::vector<Guid>& ids) override { return in_->disableWriterClasses(ids); }
  hresult enableWriterClasses(const std::vector<Guid>& ids) override { return in_->enableWriterClasses(ids); }
  hresult disableWriterInstances(const std::vector<Guid>& ids) override { return in_->disableWriterInstances(ids); }
  hresult gatherWriterMetadata(std::unique_ptr<AsyncOperation>& async) override {
    return wrap(in_->gatherWriterMetadata(async), async);
  }
  hresult getWriterMetadata(std::vector<WriterMetadata>& writers) override { return in_->getWriterMetadata(writers); }
  hresult freeWriterMetadata() override { return in_->freeWriterMetadata(); }
  hresult startSnapshotSet(Guid& id) override { return in_->startSnapshotSet(id); }
  hresult addToSnapshotSet(const WString& volume, const Guid& provider, Guid& id) override {
    return in_->addToSnapshotSet(volume, provider, id);
  }
  hresult isVolumeSupported(const Guid& provider, const WString& volume, bool& supported) override {
    return in_->isVolumeSupported(provider, volume, supported);
  }
  hresult prepareForBackup(std::unique_ptr<AsyncOperation>& async) override {
    return wrap(in_->prepareForBackup(async), async);
  }
  hresult doSnapshotSet(std::unique_ptr<AsyncOperation>& async) override {
    return wrap(in_->doSnapshotSet(async), async);
  }
  hresult gatherWriterStatus(std::unique_ptr<AsyncOperation>& async) override {
    return wrap(in_->gatherWriterStatus(async), async);
  }
  hresult getWriterStatus(std::vector<WriterStatus>& writers) override { return in_->getWriterStatus(writers); }
  hresult getSnapshotProperties(const Guid& id, SnapshotProperties& properties) override {
    return in_->getSnapshotProperties(id, properties);
  }
  hresult setBackupSucceeded(const Guid& instanceId, const Guid& writerId, std::int32_t componentType,
                             const WString* logicalPath, const WString& componentName, bool ok) override {
    return in_->setBackupSucceeded(instanceId, writerId, componentType, logicalPath, componentName, ok);
  }
  hresult addComponent(const Guid& instanceId, const Guid& writerId, std::int32_t componentType,
                       const WString* logicalPath, const WString& componentName) override {
    return in_->addComponent(instanceId, writerId, componentType, logicalPath, componentName);
  }
  hresult saveAsXml(WString& document) override { return in_->saveAsXml(document); }
  hresult getWriterComponents(std::vector<RecordedComponent>& components) override {
    return in_->getWriterComponents(components);
  }
  hresult setBackupOptions(const Guid& writerId, std::int32_t type, const WString* logicalPath, const WString& name,
                           const WString& options) override {
    return in_->setBackupOptions(writerId, type, logicalPath, name, options);
  }
  hresult setPreviousBackupStamp(const Guid& writerId, std::int32_t type, const WString* logicalPath,
                                 const WString& name, const WString& stamp) override {
    return in_->setPreviousBackupStamp(writerId, type, logicalPath, name, stamp);
  }
  hresult backupComplete(std::unique_ptr<AsyncOperation>& async) override {
    return wrap(in_->backupComplete(async), async);
  }
  hresult abortBackup() override { return in_->abortBackup(); }
  hresult query(std::vector<SnapshotProperties>& snapshots) override { return in_->query(snapshots); }
  hresult queryProviders(std::vector<ProviderProperties>& providers) override {
    return in_->queryProviders(providers);
  }
  hresult deleteSnapshots(const Guid& sourceId, std::int32_t type, bool force, std::int32_t& deleted,
                          Guid& nonDeleted) override {
    return in_->deleteSnapshots(sourceId, type, force, deleted, nonDeleted);
  }
  hresult initializeForRestore(const WString& document) override { return in_->initializeForRestore(document); }
  hresult setRestoreState(std::int32_t restoreType) override { return in_->setRestoreState(restoreType); }
  hresult setSelectedForRestore(const Guid& instanceId, const Guid& writerId, std::int32_t type,
                                const WString* logicalPath, const WString& name, bool selected) override {
    return in_->setSelectedForRestore(instanceId, writerId, type, logicalPath, name, selected);
  }
  hresult setAdditionalRestores(const Guid& writerId, std::int32_t type, const WString* logicalPath,
                                const WString& name, bool additional) override {
    return in_->setAdditionalRestores(writerId, type, logicalPath, name, additional);
  }
  hresult setRestoreOptions(const Guid& writerId, std::int32_t type, const WString* logicalPath, const WString& name,
                            const WString& options) override {
    return in_->setRestoreOptions(writerId, type, logicalPath, name, options);
  }
  hresult addAlternativeLocationMapping(const Guid& writerId, std::int32_t type, const WString* logicalPath,
                                        const WString& name, const WString& path, const WString& filespec,
                                        bool recursive, const WString& destination) override {
    return in_->addAlternativeLocationMapping(writerId, type, logicalPath, name, path, filespec, recursive,
                                              destination);
  }
  hresult addNewTarget(const Guid& writerId, std::int32_t type, const WString* logicalPath, const WString& name,
                       const WString& path, const WString& fileName, bool recursive,
                       const WString& alternatePath) override {
    return in_->addNewTarget(writerId, type, logicalPath, name, path, fileName, recursive, alternatePath);
  }
  hresult preRestore(std::unique_ptr<AsyncOperation>& async) override { return wrap(in_->preRestore(async), async); }
  hresult setFileRestoreStatus(const Guid& writerId, std::int32_t type, const WString* logicalPath,
                               const WString& name, std::int32_t status) override {
    return in_->setFileRestoreStatus(writerId, type, logicalPath, name, status);
  }
  hresult postRestore(std::unique_ptr<AsyncOperation>& async) override {
    return wrap(in_->postRestore(async), async);
  }
  hresult exposeSnapshot(const Guid& snapshotId, const WString* pathFromRoot, std::int32_t attributes,
                         const WString* expose, WString& exposed) override {
    return in_->exposeSnapshot(snapshotId, pathFromRoot, attributes, expose, exposed);
  }
  hresult unexposeSnapshot(const Guid& snapshotId) override { return in_->unexposeSnapshot(snapshotId); }

 private:
  std::unique_ptr<BackupComponents> in_;
};

class TimingBackend final : public Backend {
 public:
  explicit TimingBackend(std::shared_ptr<Backend> inner) : inner_(std::move(inner)) {}
  hresult createBackupComponents(std::unique_ptr<BackupComponents>& components) override {
    std::unique_ptr<BackupComponents> created;
    const hresult hr = inner_->createBackupComponents(created);
    if (created) components = std::make_unique<TimingComponents>(std::move(created));
    return hr;
  }
  // Shadow storage is not timed: the benchmark measures backups.
  hresult openShadowStorage(std::unique_ptr<ShadowStorage>& storage) override {
    return inner_->openShadowStorage(storage);
  }
  void threadStarted() override { inner_->threadStarted(); }
  void threadStopping() override { inner_->threadStopping(); }

 private:
  std::shared_ptr<Backend> inner_;
};

}  // namespace

std::int64_t monotonicNanos() noexcept {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

std::int64_t lastWaitReturnNanos() noexcept { return lastWaitReturn.load(std::memory_order_acquire); }

std::shared_ptr<Backend> timingBackend(std::shared_ptr<Backend> inner) {
  return std::make_shared<TimingBackend>(std::move(inner));
}

}  // namespace vss4j::bench
