// A thread of the shim's own that runs one object's calls in order. On Windows it is the object's
// apartment thread: the backend's thread hooks run first and last on it, so Java threads never enter COM.
// The thread is borrowed from a ThreadPool for the object's lifetime and serves nothing else meanwhile.
#pragma once

#include <chrono>
#include <functional>
#include <future>
#include <memory>
#include <thread>
#include <type_traits>

#include "core/brief_spin.h"
#include "core/thread_pool.h"

namespace vss4j {

class ObjectThread {
 public:
  using Hook = std::function<void()>;

  // Borrows a thread and queues `started` on it.
  ObjectThread(Hook started, Hook stopping, ThreadPool& pool = ThreadPool::shared());
  // Runs what is queued, then `stopping`, then gives the thread back, and waits for all of that unless it
  // is called on the thread itself (then it all happens right after the current task).
  ~ObjectThread();
  ObjectThread(const ObjectThread&) = delete;
  ObjectThread& operator=(const ObjectThread&) = delete;

  // Runs `task` on this thread and returns its result (or rethrows its exception) to the caller.
  // Called from the thread itself, it runs inline rather than deadlock.
  template <typename F>
  auto call(F&& task) -> std::invoke_result_t<F&> {
    using R = std::invoke_result_t<F&>;
    if (isCurrent()) return task();
    std::packaged_task<R()> packaged(std::forward<F>(task));
    std::future<R> result = packaged.get_future();
    post([&packaged] { packaged(); });
    // The answer usually comes within microseconds: look for it before blocking in get() (brief_spin.h).
    spinBriefly([&] { return result.wait_for(std::chrono::seconds(0)) == std::future_status::ready; });
    return result.get();
  }

  // Queues `task` without waiting for it.
  void post(std::function<void()> task);
  bool isCurrent() const { return std::this_thread::get_id() == id_; }

 private:
  ThreadPool& pool_;
  std::shared_ptr<ThreadPool::Worker> worker_;
  std::thread::id id_;
  Hook stopping_;
};

}  // namespace vss4j
