// One IVssBackupComponents and everything the shim runs for it: its object thread (every call, and its
// creation and release, happen there), its waiter thread (blocks in IVssAsync::Wait and reports the end),
// and the IVssAsync objects it returned, each released exactly once.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <stdexcept>
#include <string>

#include "core/async_wait.h"
#include "core/backend.h"
#include "core/completion_sink.h"
#include "core/object_thread.h"

namespace vss4j {

// A call on a session or async operation that was closed: the JNI layer turns it into IllegalStateException.
class ClosedError : public std::logic_error {
 public:
  using std::logic_error::logic_error;
};

class Session {
 public:
  // Starts the threads and creates the backend object on the object thread. On failure returns the
  // backend's HRESULT and leaves `session` empty (everything already stopped and released).
  static hresult open(std::shared_ptr<Backend> backend, std::shared_ptr<CompletionSink> sink,
                      std::shared_ptr<Session>& session, Pause pause = sleepingPause);
  ~Session();
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  // Runs body(BackupComponents&) on the object thread and returns its HRESULT.
  template <typename F>
  hresult call(F&& body) {
    std::shared_lock<std::shared_mutex> lock(lifecycle_);
    if (closed_) throw ClosedError("the BackupComponents is closed");
    return objectThread_->call([&]() -> hresult { return body(*components_); });
  }

  using Starter = std::function<hresult(BackupComponents&, std::unique_ptr<AsyncOperation>&)>;
  // Starts an asynchronous call. On success a waiter reports its end to the sink with `token`, and
  // `asyncId` names the operation for the calls below; on failure nothing is reported.
  hresult startAsync(const Starter& start, std::uint64_t token, std::uint64_t& asyncId);
  hresult queryStatus(std::uint64_t asyncId, hresult& status);
  hresult cancel(std::uint64_t asyncId);
  // The caller is done with the IVssAsync: it is released now, or when its waiter is done with it.
  void releaseAsync(std::uint64_t asyncId);

  // Cancels what is pending, lets the waiter report it, releases every IVssAsync and the object, and stops
  // both threads. Idempotent. Java calls it, never the waiter it joins: that thread calls into Java only to log.
  void close();

 private:
  struct AsyncSlot {
    std::unique_ptr<AsyncOperation> op;
    bool waiting = true;            // the waiter still uses op
    bool releaseRequested = false;  // the caller is done with it
  };

  Session(std::shared_ptr<Backend> backend, std::shared_ptr<CompletionSink> sink, Pause pause);
  std::shared_ptr<AsyncSlot> slot(std::uint64_t asyncId);
  static AsyncOperation& liveOp(AsyncSlot& entry);  // the slot's IVssAsync, or ClosedError if it was released
  void waiterDone(std::uint64_t asyncId);

  std::shared_ptr<Backend> backend_;
  std::shared_ptr<CompletionSink> sink_;
  Pause pause_;

  // Shared by calls in flight, exclusive for close: close never tears down under a running call.
  std::shared_mutex lifecycle_;
  bool closed_ = false;

  std::mutex slotsMutex_;
  std::map<std::uint64_t, std::shared_ptr<AsyncSlot>> slots_;
  std::uint64_t nextAsyncId_ = 1;

  std::unique_ptr<BackupComponents> components_;  // touched only on the object thread
  std::unique_ptr<ObjectThread> objectThread_;
  std::unique_ptr<ObjectThread> waiter_;
};

}  // namespace vss4j
