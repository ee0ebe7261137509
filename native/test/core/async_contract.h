// What every backend's asynchronous operation answers alike (VSS-BEHAVIOUR.md, IVssAsync), checked once for the
// simulator's and, under Wine, for the COM adapter's.
#pragma once

#include <gtest/gtest.h>

#include <future>
#include <thread>

#include "core/backend.h"
#include "core/hresult.h"

namespace vss4j::testing {

// `async` is pending: a Cancel from another thread ends a Wait(INFINITE) under way, which returns S_OK, and the
// operation then reads as cancelled.
inline void expectCancelEndsAnInfiniteWait(AsyncOperation& async) {
  std::promise<void> waiting;
  hresult waited = hr::kUnexpected;
  std::thread waiter([&] {
    waiting.set_value();
    waited = async.wait(AsyncOperation::kInfinite);
  });
  waiting.get_future().wait();
  EXPECT_EQ(async.cancel(), hr::kOk);
  waiter.join();
  EXPECT_EQ(waited, hr::kOk);
  hresult status = hr::kOk;
  EXPECT_EQ(async.queryStatus(status), hr::kOk);
  EXPECT_EQ(status, hr::kAsyncCancelled);
}

}  // namespace vss4j::testing
