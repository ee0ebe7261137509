#include "core/object_thread.h"

#include <exception>
#include <string>
#include <utility>

#include "core/log.h"

namespace vss4j {

ObjectThread::ObjectThread(Hook started, Hook stopping, ThreadPool& pool)
    : pool_(pool), worker_(pool.borrow()), id_(worker_->id), stopping_(std::move(stopping)) {
  if (started) post(std::move(started));
}

ObjectThread::~ObjectThread() {
  auto done = std::make_shared<std::promise<void>>();
  std::future<void> finished = done->get_future();
  // Captures nothing of `this`: called on the thread itself, this object is gone before the task runs.
  post([pool = &pool_, worker = worker_, stopping = std::move(stopping_), done] {
    try {
      if (stopping) stopping();
    } catch (...) {
      log(LogLevel::Error, "vss4j: a thread's stopping hook failed");
    }
    // Given back before the borrower hears of it: a pool may be destroyed as soon as its borrowers are.
    pool->giveBack(worker);
    done->set_value();
  });
  if (!isCurrent()) finished.wait();
}

void ObjectThread::post(std::function<void()> task) {
  {
    std::lock_guard<std::mutex> lock(worker_->mutex);
    worker_->tasks.push_back(std::move(task));
    worker_->queued.fetch_add(1, std::memory_order_release);
  }
  worker_->wake.notify_one();
}

}  // namespace vss4j
