#include "core/session.h"

#include <exception>
#include <utility>
#include <vector>

#include "core/log.h"

namespace vss4j {

Session::Session(std::shared_ptr<Backend> backend, std::shared_ptr<CompletionSink> sink, Pause pause)
    : backend_(std::move(backend)), sink_(std::move(sink)), pause_(std::move(pause)) {
  auto started = [backend = backend_] { backend->threadStarted(); };
  auto stopping = [backend = backend_] { backend->threadStopping(); };
  objectThread_ = std::make_unique<ObjectThread>(started, stopping);
  waiter_ = std::make_unique<ObjectThread>(started, stopping);
}

hresult Session::open(std::shared_ptr<Backend> backend, std::shared_ptr<CompletionSink> sink,
                      std::shared_ptr<Session>& session, Pause pause) {
  std::shared_ptr<Session> created(new Session(std::move(backend), std::move(sink), std::move(pause)));
  const hresult result = created->objectThread_->call([&]() -> hresult {
    const hresult hr = created->backend_->createBackupComponents(created->components_);
    if (succeeded(hr) && !created->components_) return hr::kUnexpected;  // a backend bug, not a crash
    return hr;
  });
  if (failed(result)) {
    created->components_.reset();
    created->close();
    return result;
  }
  session = std::move(created);
  return result;
}

Session::~Session() {
  try {
    close();
  } catch (...) {
    // close() catches what the backend throws; nothing may escape a destructor.
  }
}

hresult Session::startAsync(const Starter& start, std::uint64_t token, std::uint64_t& asyncId) {
  std::shared_lock<std::shared_mutex> lock(lifecycle_);
  if (closed_) throw ClosedError("the BackupComponents is closed");
  // Room for the report first: once VSS has started the operation, nothing may keep its end from being told.
  sink_->reserve();
  bool handedToWaiter = false;
  struct Unreserve {
    CompletionSink& sink;
    const bool& handedToWaiter;
    ~Unreserve() {
      if (!handedToWaiter) sink.unreserve();
    }
  } unreserveUnlessHanded{*sink_, handedToWaiter};
  std::unique_ptr<AsyncOperation> op;
  const hresult hr = objectThread_->call([&]() -> hresult { return start(*components_, op); });
  if (failed(hr)) return hr;
  if (!op) {
    log(LogLevel::Error, "vss4j: VSS reported success but returned no IVssAsync");
    return hr::kUnexpected;
  }
  auto entry = std::make_shared<AsyncSlot>();
  entry->op = std::move(op);
  std::uint64_t id = 0;
  {
    std::lock_guard<std::mutex> slots(slotsMutex_);
    id = nextAsyncId_++;
    slots_.emplace(id, entry);
  }
  asyncId = id;
  // The waiter may use `this`: close() lets every waiter job finish before anything is torn down.
  waiter_->post([this, entry, token, id] {
    const hresult status = awaitEnd(*entry->op, pause_);
    sink_->completed(token, status);
    waiterDone(id);
  });
  handedToWaiter = true;  // the waiter's job owns the reservation now
  return hr;
}

std::shared_ptr<Session::AsyncSlot> Session::slot(std::uint64_t asyncId) {
  std::lock_guard<std::mutex> slots(slotsMutex_);
  auto it = slots_.find(asyncId);
  if (it == slots_.end() || it->second->releaseRequested) throw ClosedError("the VssAsync is closed");
  return it->second;
}

// On the object thread: a release from another Java thread may have been queued, and run, between slot() and
// this call; the IVssAsync is then gone and the caller hears that it is closed, as it would a moment later.
AsyncOperation& Session::liveOp(AsyncSlot& entry) {
  if (!entry.op) throw ClosedError("the VssAsync is closed");
  return *entry.op;
}

hresult Session::queryStatus(std::uint64_t asyncId, hresult& status) {
  std::shared_lock<std::shared_mutex> lock(lifecycle_);
  if (closed_) throw ClosedError("the VssAsync is closed: its BackupComponents was closed");
  std::shared_ptr<AsyncSlot> entry = slot(asyncId);
  return objectThread_->call([&]() -> hresult { return liveOp(*entry).queryStatus(status); });
}

hresult Session::cancel(std::uint64_t asyncId) {
  std::shared_lock<std::shared_mutex> lock(lifecycle_);
  if (closed_) throw ClosedError("the VssAsync is closed: its BackupComponents was closed");
  std::shared_ptr<AsyncSlot> entry = slot(asyncId);
  return objectThread_->call([&]() -> hresult { return liveOp(*entry).cancel(); });
}

void Session::releaseAsync(std::uint64_t asyncId) {
  std::shared_lock<std::shared_mutex> lock(lifecycle_);
  if (closed_) return;  // close() released it already
  std::shared_ptr<AsyncSlot> entry;
  {
    std::lock_guard<std::mutex> slots(slotsMutex_);
    auto it = slots_.find(asyncId);
    if (it == slots_.end()) return;
    it->second->releaseRequested = true;
    if (it->second->waiting) return;  // waiterDone() releases it
    entry = std::move(it->second);
    slots_.erase(it);
  }
  objectThread_->post([entry] { entry->op.reset(); });
}

void Session::waiterDone(std::uint64_t asyncId) {
  std::shared_ptr<AsyncSlot> entry;
  {
    std::lock_guard<std::mutex> slots(slotsMutex_);
    auto it = slots_.find(asyncId);
    if (it == slots_.end()) return;
    it->second->waiting = false;
    if (!it->second->releaseRequested) return;
    entry = std::move(it->second);
    slots_.erase(it);
  }
  // Still ahead of close()'s final task on the object thread, which runs after the waiter has stopped.
  objectThread_->post([entry] { entry->op.reset(); });
}

void Session::close() {
  {
    std::unique_lock<std::shared_mutex> lock(lifecycle_);
    if (closed_) return;
    closed_ = true;
  }
  // Calls in flight have finished (they hold lifecycle_ shared); no new one can start.
  std::vector<std::shared_ptr<AsyncSlot>> pending;
  {
    std::lock_guard<std::mutex> slots(slotsMutex_);
    for (auto& [id, entry] : slots_) {
      if (entry->waiting) pending.push_back(entry);
    }
  }
  if (!pending.empty() && objectThread_) {
    // Some of these may have just ended (the waiter reports before it lets go): only S_OK is a real cancel.
    const std::size_t cancelled = objectThread_->call([&] {
      std::size_t count = 0;
      for (auto& entry : pending) {
        // A slot whose waiter just finished may have had its IVssAsync released already (on this thread,
        // by a task queued before this one): nothing left to cancel there.
        if (entry->op && entry->op->cancel() == hr::kOk) ++count;
      }
      return count;
    });
    if (cancelled != 0) {
      log(LogLevel::Info, "vss4j: a BackupComponents was closed while " + std::to_string(cancelled) +
                              " of its operations were still running; they were cancelled");
    }
  }
  waiter_.reset();  // runs the waiter's jobs to their end (each reports its outcome), then joins
  std::map<std::uint64_t, std::shared_ptr<AsyncSlot>> remaining;
  {
    std::lock_guard<std::mutex> slots(slotsMutex_);
    remaining.swap(slots_);
  }
  if (objectThread_) {
    objectThread_->post([this, remaining = std::move(remaining)]() mutable {
      for (auto& [id, entry] : remaining) entry->op.reset();
      components_.reset();
    });
    objectThread_.reset();  // runs the release above, then the backend's thread hook, then joins
  }
}

}  // namespace vss4j
