// The reports of ended operations, queued for the threads that deliver them to Java: a Java thread blocks in
// take() (called through JNI) and a waiter thread wakes it with completed(), the way the benchmark's floor wakes
// one native thread from another. The waiter never enters the JVM for a completion, and the Java thread that
// takes the report runs the callbacks without a further hand-off.
//
// Room for a report is reserved when its operation starts (which may fail, and then the start fails), so that
// completed(), on a waiter thread with nobody to tell of a failure, never allocates.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <vector>

#include "core/completion_sink.h"

namespace vss4j {

class CompletionQueue final : public CompletionSink {
 public:
  struct Report {
    std::uint64_t token = 0;
    hresult status = 0;
  };

  void reserve() override;
  void unreserve() noexcept override;
  void completed(std::uint64_t token, hresult status) noexcept override;

  // Waits up to `timeout` for a report: true with the oldest one in `out`, false if none came.
  bool take(Report& out, std::chrono::milliseconds timeout);

  // Reports queued and not yet taken; rooms reserved for reports to come.
  std::size_t queued() const;
  std::size_t reserved() const;

 private:
  mutable std::mutex mutex_;
  std::condition_variable ready_;
  std::vector<Report> ring_;  // capacity >= queued + reserved at all times
  std::size_t head_ = 0;
  std::size_t count_ = 0;
  std::size_t reserved_ = 0;
};

}  // namespace vss4j
