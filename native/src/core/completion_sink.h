// Where the end of an asynchronous operation is reported (the JNI layer: an upcall into Java).
#pragma once

#include <cstdint>

#include "core/hresult.h"

namespace vss4j {

class CompletionSink {
 public:
  virtual ~CompletionSink() = default;
  // Called once per operation, on a waiter thread, with QueryStatus's final value: VSS_S_ASYNC_FINISHED,
  // VSS_S_ASYNC_CANCELLED or the operation's error.
  virtual void completed(std::uint64_t token, hresult status) noexcept = 0;
  // Called once on each new waiter thread before its first wait, so that whatever completed() needs on a
  // thread (attaching it to the JVM) is paid for when the object is created, not when its operation ends.
  virtual void waiterStarted() noexcept {}
};

}  // namespace vss4j
