// A thread of the shim's own that runs one object's calls in order. On Windows it is the object's
// apartment thread: the backend's thread hooks run first and last on it, so Java threads never enter COM.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <thread>
#include <type_traits>

namespace vss4j {

class ObjectThread {
 public:
  using Hook = std::function<void()>;

  ObjectThread(Hook started, Hook stopping);
  // Runs what is queued, then the stopping hook, then joins.
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
    return result.get();
  }

  // Queues `task` without waiting for it.
  void post(std::function<void()> task);
  bool isCurrent() const { return std::this_thread::get_id() == id_; }
  std::thread::id id() const { return id_; }

 private:
  // Shared with the thread, so that a thread told to stop by its own last task can finish detached.
  struct Queue {
    std::mutex mutex;
    std::condition_variable wake;
    std::deque<std::function<void()>> tasks;
    bool stopping = false;
  };
  static void run(const std::shared_ptr<Queue>& queue, const Hook& started, const Hook& stopping);

  std::shared_ptr<Queue> queue_;
  std::thread thread_;
  std::thread::id id_;
};

}  // namespace vss4j
