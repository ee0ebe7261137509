// The threads behind every ObjectThread, kept for reuse. Starting a thread, and attaching it to the JVM at its
// first upcall, cost more than a whole simulated backup cycle, and each new thread may leave a malloc arena
// behind; a BackupComponents therefore borrows its object thread and its waiter from here and gives them back
// when it is closed. A borrowed thread serves that one borrower alone, so a slow VSS call on one object never
// holds up another. Idle threads end after `idleLimit`; at most `maxIdle` wait at any time.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace vss4j {

class ThreadPool {
 public:
  struct Limits {
    std::size_t maxIdle = 32;
    std::chrono::milliseconds idleLimit{30000};
  };

  // One pooled thread and its task queue. Shared between the thread, the pool and the borrower.
  struct Worker {
    std::mutex mutex;
    std::condition_variable wake;
    std::deque<std::function<void()>> tasks;
    std::atomic<std::size_t> queued{0};  // tasks.size(), readable without the mutex while spinning
    bool exit = false;  // set when nothing more will be queued: the thread ends once the queue is empty
    std::thread::id id;
  };

  // The process-wide pool. Never destroyed: at exit no static destructor may wait for a thread that the JVM
  // may be tearing down.
  static ThreadPool& shared();

  explicit ThreadPool(Limits limits);
  // Tests only: every borrowed worker must have been given back. Ends the idle threads and waits for them.
  ~ThreadPool();
  ThreadPool(const ThreadPool&) = delete;
  ThreadPool& operator=(const ThreadPool&) = delete;

  // An idle worker, or a new thread when none is idle. Its queue is empty.
  std::shared_ptr<Worker> borrow();
  // Called by the worker's own thread, as the last task of a borrower, once its queue is empty again.
  void giveBack(const std::shared_ptr<Worker>& worker);

  std::size_t idleCount();
  std::size_t threadCount();  // idle, borrowed, and ending but not yet gone
  // Tests: wait until threadCount() / idleCount() == count; false if `timeout` passed first.
  bool awaitThreadCount(std::size_t count, std::chrono::milliseconds timeout);
  bool awaitIdleCount(std::size_t count, std::chrono::milliseconds timeout);

 private:
  void run(const std::shared_ptr<Worker>& worker);
  // Runs the worker's tasks until it is told to exit or retires.
  void serve(const std::shared_ptr<Worker>& worker);
  // The worker waited idleLimit with nothing to do: true if it left the idle list and must end.
  bool retire(const std::shared_ptr<Worker>& worker);

  const Limits limits_;
  std::mutex mutex_;
  std::condition_variable changed_;  // threads_ or idle_ changed
  std::vector<std::shared_ptr<Worker>> idle_;  // most recently given back last: it is reused first
  std::size_t threads_ = 0;
};

}  // namespace vss4j
