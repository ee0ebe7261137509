// A scripted backend for the core's tests: asynchronous operations end when the test says so.
#pragma once

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "core/backend.h"

namespace vss4j::testing {

// Shared by a FakeAsync and the test: the test ends it; Wait blocks on it.
struct AsyncScript {
  std::mutex mutex;
  std::condition_variable changed;
  hresult status = hr::kAsyncPending;
  int waits = 0;
  int early = 0;  // how many more Waits return before the end (a misbehaving Wait)

  void end(hresult final) {
    {
      std::lock_guard<std::mutex> lock(mutex);
      status = final;
    }
    changed.notify_all();
  }
};

class FakeAsync final : public AsyncOperation {
 public:
  FakeAsync(std::shared_ptr<AsyncScript> script, std::atomic<int>& live) : script_(std::move(script)), live_(live) {
    ++live_;
  }
  ~FakeAsync() override { --live_; }

  hresult wait(std::uint32_t) override {
    std::unique_lock<std::mutex> lock(script_->mutex);
    ++script_->waits;
    script_->changed.notify_all();  // lets a test see that Wait was entered
    if (script_->early > 0) {
      --script_->early;
      return hr::kOk;
    }
    script_->changed.wait(lock, [&] { return script_->status != hr::kAsyncPending; });
    return hr::kOk;
  }
  hresult queryStatus(hresult& status) override {
    std::lock_guard<std::mutex> lock(script_->mutex);
    status = script_->status;
    return hr::kOk;
  }
  hresult cancel() override {
    std::lock_guard<std::mutex> lock(script_->mutex);
    if (script_->status == hr::kAsyncPending) {
      script_->status = hr::kAsyncCancelled;
      script_->changed.notify_all();
      return hr::kOk;
    }
    return script_->status == hr::kAsyncFinished ? hr::kAsyncFinished : script_->status;
  }

 private:
  std::shared_ptr<AsyncScript> script_;
  std::atomic<int>& live_;
};

class FakeComponents final : public BackupComponents {
 public:
  FakeComponents(std::atomic<int>& live, std::vector<std::thread::id>& callers, std::mutex& callersMutex,
                 std::shared_ptr<AsyncScript> script)
      : live_(live), callers_(callers), callersMutex_(callersMutex), script_(std::move(script)) {
    ++live_;
  }
  ~FakeComponents() override {
    note();
    --live_;
  }

  hresult initializeForBackup(const WString*) override { return note(); }
  hresult setContext(std::int32_t) override { return note(); }
  hresult setBackupState(bool, bool, std::int32_t, bool) override { return note(); }
  hresult disableWriterClasses(const std::vector<Guid>&) override { return note(); }
  hresult enableWriterClasses(const std::vector<Guid>&) override { return note(); }
  hresult disableWriterInstances(const std::vector<Guid>&) override { return note(); }
  hresult gatherWriterMetadata(std::unique_ptr<AsyncOperation>& async) override { return start(async); }
  hresult getWriterMetadata(std::vector<WriterMetadata>&) override { return note(); }
  hresult freeWriterMetadata() override { return note(); }
  hresult startSnapshotSet(Guid& id) override {
    id = Guid{1, 2};
    return note();
  }
  hresult addToSnapshotSet(const WString&, const Guid&, Guid& id) override {
    id = Guid{3, 4};
    return note();
  }
  hresult isVolumeSupported(const Guid&, const WString&, bool& supported) override {
    supported = true;
    return note();
  }
  hresult prepareForBackup(std::unique_ptr<AsyncOperation>& async) override { return start(async); }
  hresult doSnapshotSet(std::unique_ptr<AsyncOperation>& async) override { return start(async); }
  hresult gatherWriterStatus(std::unique_ptr<AsyncOperation>& async) override { return start(async); }
  hresult getWriterStatus(std::vector<WriterStatus>&) override { return note(); }
  hresult getSnapshotProperties(const Guid&, SnapshotProperties&) override { return note(); }
  hresult setBackupSucceeded(const Guid&, const Guid&, std::int32_t, const WString*, const WString&, bool) override {
    return note();
  }
  hresult addComponent(const Guid&, const Guid&, std::int32_t, const WString*, const WString&) override {
    return note();
  }
  hresult saveAsXml(WString&) override { return note(); }
  hresult getWriterComponents(std::vector<RecordedComponent>&) override { return note(); }
  hresult setBackupOptions(const Guid&, std::int32_t, const WString*, const WString&, const WString&) override {
    return note();
  }
  hresult setPreviousBackupStamp(const Guid&, std::int32_t, const WString*, const WString&, const WString&) override {
    return note();
  }
  hresult backupComplete(std::unique_ptr<AsyncOperation>& async) override { return start(async); }
  hresult abortBackup() override { return note(); }
  hresult query(std::vector<SnapshotProperties>&) override { return note(); }
  hresult queryProviders(std::vector<ProviderProperties>&) override { return note(); }
  hresult deleteSnapshots(const Guid&, std::int32_t, bool, std::int32_t&, Guid&) override { return note(); }
  hresult initializeForRestore(const WString&) override { return note(); }
  hresult setRestoreState(std::int32_t) override { return note(); }
  hresult setSelectedForRestore(const Guid&, const Guid&, std::int32_t, const WString*, const WString&, bool) override {
    return note();
  }
  hresult setAdditionalRestores(const Guid&, std::int32_t, const WString*, const WString&, bool) override {
    return note();
  }
  hresult setRestoreOptions(const Guid&, std::int32_t, const WString*, const WString&, const WString&) override {
    return note();
  }
  hresult addAlternativeLocationMapping(const Guid&, std::int32_t, const WString*, const WString&, const WString&,
                                        const WString&, bool, const WString&) override {
    return note();
  }
  hresult addNewTarget(const Guid&, std::int32_t, const WString*, const WString&, const WString&, const WString&, bool,
                       const WString&) override {
    return note();
  }
  hresult preRestore(std::unique_ptr<AsyncOperation>& async) override { return start(async); }
  hresult setFileRestoreStatus(const Guid&, std::int32_t, const WString*, const WString&, std::int32_t) override {
    return note();
  }
  hresult postRestore(std::unique_ptr<AsyncOperation>& async) override { return start(async); }
  hresult exposeSnapshot(const Guid&, const WString*, std::int32_t, const WString*, WString&) override {
    return note();
  }
  hresult unexposeSnapshot(const Guid&) override { return note(); }

  hresult immediateFailure = hr::kOk;  // what the asynchronous calls return at once

 private:
  hresult note() {
    std::lock_guard<std::mutex> lock(callersMutex_);
    callers_.push_back(std::this_thread::get_id());
    return hr::kOk;
  }
  hresult start(std::unique_ptr<AsyncOperation>& async) {
    note();
    if (failed(immediateFailure)) return immediateFailure;
    async = std::make_unique<FakeAsync>(script_, live_);
    return hr::kOk;
  }

  std::atomic<int>& live_;
  std::vector<std::thread::id>& callers_;
  std::mutex& callersMutex_;
  std::shared_ptr<AsyncScript> script_;
};

class FakeBackend final : public Backend {
 public:
  hresult createBackupComponents(std::unique_ptr<BackupComponents>& components) override {
    if (failed(createResult)) return createResult;
    auto made = std::make_unique<FakeComponents>(live, callers, callersMutex, script);
    made->immediateFailure = asyncImmediateFailure;
    components = std::move(made);
    return hr::kOk;
  }
  void threadStarted() override { ++threadsStarted; }
  void threadStopping() override { ++threadsStopped; }

  std::atomic<int> live{0};
  std::atomic<int> threadsStarted{0};
  std::atomic<int> threadsStopped{0};
  hresult createResult = hr::kOk;
  hresult asyncImmediateFailure = hr::kOk;
  std::shared_ptr<AsyncScript> script = std::make_shared<AsyncScript>();
  std::mutex callersMutex;
  std::vector<std::thread::id> callers;
};

}  // namespace vss4j::testing
