#include "core/object_thread.h"

#include <exception>
#include <string>

#include "core/log.h"

namespace vss4j {

ObjectThread::ObjectThread(Hook started, Hook stopping) : queue_(std::make_shared<Queue>()) {
  thread_ = std::thread([queue = queue_, started = std::move(started), stopping = std::move(stopping)] {
    run(queue, started, stopping);
  });
  id_ = thread_.get_id();
}

ObjectThread::~ObjectThread() {
  {
    std::lock_guard<std::mutex> lock(queue_->mutex);
    queue_->stopping = true;
  }
  queue_->wake.notify_one();
  if (isCurrent()) {
    thread_.detach();  // the thread holds its own queue and ends after this task
  } else {
    thread_.join();
  }
}

void ObjectThread::post(std::function<void()> task) {
  {
    std::lock_guard<std::mutex> lock(queue_->mutex);
    queue_->tasks.push_back(std::move(task));
  }
  queue_->wake.notify_one();
}

void ObjectThread::run(const std::shared_ptr<Queue>& queue, const Hook& started, const Hook& stopping) {
  if (started) started();
  for (;;) {
    std::function<void()> task;
    {
      std::unique_lock<std::mutex> lock(queue->mutex);
      queue->wake.wait(lock, [&] { return queue->stopping || !queue->tasks.empty(); });
      if (queue->tasks.empty()) break;  // stopping, and nothing left to run
      task = std::move(queue->tasks.front());
      queue->tasks.pop_front();
    }
    try {
      task();
    } catch (const std::exception& e) {
      // call() hands exceptions back through its future; only a posted task can get here.
      log(LogLevel::Error, std::string("vss4j: a background task failed: ") + e.what());
    } catch (...) {
      log(LogLevel::Error, "vss4j: a background task failed");
    }
  }
  if (stopping) stopping();
}

}  // namespace vss4j
