#include "core/thread_pool.h"

#include <algorithm>
#include <exception>
#include <string>

#include "core/brief_spin.h"
#include "core/log.h"
#include "core/own_thread.h"

namespace vss4j {

ThreadPool& ThreadPool::shared() {
  static auto* pool = new ThreadPool(Limits{});
  return *pool;
}

ThreadPool::ThreadPool(Limits limits) : limits_(limits) {}

ThreadPool::~ThreadPool() {
  std::unique_lock<std::mutex> lock(mutex_);
  for (auto& worker : idle_) {
    {
      std::lock_guard<std::mutex> queue(worker->mutex);
      worker->exit = true;
    }
    worker->wake.notify_one();
  }
  idle_.clear();
  changed_.wait(lock, [&] { return threads_ == 0; });
}

std::shared_ptr<ThreadPool::Worker> ThreadPool::borrow() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!idle_.empty()) {
      std::shared_ptr<Worker> worker = std::move(idle_.back());
      idle_.pop_back();
      return worker;
    }
    ++threads_;
  }
  auto worker = std::make_shared<Worker>();
  try {
    std::thread thread([this, worker] { run(worker); });
    worker->id = thread.get_id();
    thread.detach();  // it ends on its own: retired when idle too long, or told to exit
  } catch (...) {
    std::lock_guard<std::mutex> lock(mutex_);
    --threads_;
    changed_.notify_all();
    throw;
  }
  return worker;
}

void ThreadPool::giveBack(const std::shared_ptr<Worker>& worker) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (idle_.size() < limits_.maxIdle) {
      idle_.push_back(worker);
      changed_.notify_all();
      return;
    }
  }
  std::lock_guard<std::mutex> queue(worker->mutex);
  worker->exit = true;  // nobody can borrow it any more: it ends after the task that gave it back
}

bool ThreadPool::retire(const std::shared_ptr<Worker>& worker) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = std::find(idle_.begin(), idle_.end(), worker);
  if (it == idle_.end()) return false;  // borrowed, and waiting for its borrower's next task
  idle_.erase(it);  // not borrowable any more, so nothing can be queued after this
  return true;
}

std::size_t ThreadPool::idleCount() {
  std::lock_guard<std::mutex> lock(mutex_);
  return idle_.size();
}

std::size_t ThreadPool::threadCount() {
  std::lock_guard<std::mutex> lock(mutex_);
  return threads_;
}

bool ThreadPool::awaitThreadCount(std::size_t count, std::chrono::milliseconds timeout) {
  std::unique_lock<std::mutex> lock(mutex_);
  return changed_.wait_for(lock, timeout, [&] { return threads_ == count; });
}

bool ThreadPool::awaitIdleCount(std::size_t count, std::chrono::milliseconds timeout) {
  std::unique_lock<std::mutex> lock(mutex_);
  return changed_.wait_for(lock, timeout, [&] { return idle_.size() == count; });
}

void ThreadPool::run(const std::shared_ptr<Worker>& worker) {
  {
    OwnThread own;  // its end hook runs before the pool counts the thread gone
    serve(worker);
  }
  // Under the lock: once the destructor of a test's pool sees zero, this thread touches the pool no more.
  std::lock_guard<std::mutex> lock(mutex_);
  --threads_;
  changed_.notify_all();
}

void ThreadPool::serve(const std::shared_ptr<Worker>& worker) {
  for (;;) {
    std::function<void()> task;
    spinBriefly([&] { return worker->queued.load(std::memory_order_acquire) != 0; });
    {
      std::unique_lock<std::mutex> lock(worker->mutex);
      // A timed wait, not a poll: an idle thread wakes once, after idleLimit, to end itself.
      worker->wake.wait_for(lock, limits_.idleLimit, [&] { return worker->exit || !worker->tasks.empty(); });
      if (!worker->tasks.empty()) {
        task = std::move(worker->tasks.front());
        worker->tasks.pop_front();
        worker->queued.fetch_sub(1, std::memory_order_relaxed);
      } else if (worker->exit) {
        return;
      }
    }
    if (!task) {
      if (retire(worker)) return;
      continue;
    }
    try {
      task();
    } catch (const std::exception& e) {
      // ObjectThread::call() hands exceptions back through its future; only a posted task can get here.
      log(LogLevel::Error, std::string("vss4j: a background task failed: ") + e.what());
    } catch (...) {
      log(LogLevel::Error, "vss4j: a background task failed");
    }
  }
}

}  // namespace vss4j
