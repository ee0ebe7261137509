#include "core/completion_queue.h"

#include <utility>

#include "core/log.h"

namespace vss4j {

void CompletionQueue::reserve() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (count_ + reserved_ == ring_.size()) {
    // Grown in order, oldest first, so that head_ is 0 again.
    std::vector<Report> grown(ring_.empty() ? 16 : ring_.size() * 2);
    for (std::size_t i = 0; i < count_; ++i) grown[i] = ring_[(head_ + i) % ring_.size()];
    ring_ = std::move(grown);
    head_ = 0;
  }
  ++reserved_;
}

void CompletionQueue::unreserve() noexcept {
  std::lock_guard<std::mutex> lock(mutex_);
  if (reserved_ > 0) --reserved_;
}

void CompletionQueue::completed(std::uint64_t token, hresult status) noexcept {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (reserved_ == 0) {
      // A caller that did not reserve: a bug in the shim, and a report that cannot be delivered without memory.
      log(LogLevel::Error, "vss4j: an operation ended without room reserved for its report; its waiters are not told");
      return;
    }
    --reserved_;
    ring_[(head_ + count_) % ring_.size()] = Report{token, status};
    ++count_;
  }
  ready_.notify_one();
}

bool CompletionQueue::take(Report& out, std::chrono::milliseconds timeout) {
  std::unique_lock<std::mutex> lock(mutex_);
  if (!ready_.wait_for(lock, timeout, [this] { return count_ > 0; })) return false;
  out = ring_[head_];
  head_ = (head_ + 1) % ring_.size();
  --count_;
  return true;
}

std::size_t CompletionQueue::queued() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return count_;
}

std::size_t CompletionQueue::reserved() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return reserved_;
}

}  // namespace vss4j
