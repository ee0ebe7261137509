// Where the end of an asynchronous operation is reported (the JNI layer: a CompletionQueue that Java threads take
// the reports from).
#pragma once

#include <cstdint>

#include "core/hresult.h"

namespace vss4j {

class CompletionSink {
 public:
  virtual ~CompletionSink() = default;
  // Called before an operation starts, on the thread that starts it: whatever completed() will need is set
  // aside now, so that completed() cannot fail for want of it. May throw (std::bad_alloc).
  virtual void reserve() {}
  // The operation did not start after all: completed() will not be called for it.
  virtual void unreserve() noexcept {}
  // Called once per operation, on a waiter thread, with QueryStatus's final value: VSS_S_ASYNC_FINISHED,
  // VSS_S_ASYNC_CANCELLED or the operation's error.
  virtual void completed(std::uint64_t token, hresult status) noexcept = 0;
};

}  // namespace vss4j
