// A pooled thread's end hook, where the JNI layer detaches it from the JVM, runs outside the loader lock: a thread
// it starts gets going at once. Windows runs thread_local destructors at DLL_THREAD_DETACH under that lock, where
// a new thread cannot start (its DLL_THREAD_ATTACH waits for the lock), and neither can the JVM's own work that
// DetachCurrentThread may wait for.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <future>
#include <memory>
#include <thread>

#include "core/object_thread.h"
#include "core/own_thread.h"
#include "core/thread_pool.h"
#include "windows/vss_sdk.h"

namespace vss4j::win::test {
namespace {

std::atomic<int> g_started{0};
std::atomic<int> g_stuck{0};

// What DetachCurrentThread may need: another thread to make progress. Bounded, so a held loader lock shows as a
// count, not as a hung test.
void startAThread() noexcept {
  try {
    auto ran = std::make_shared<std::promise<void>>();
    std::future<void> running = ran->get_future();
    std::thread helper([ran] { ran->set_value(); });
    if (running.wait_for(std::chrono::seconds(10)) == std::future_status::ready) {
      helper.join();
      ++g_started;
    } else {
      helper.detach();  // it runs once the lock is free; joining here would never return
      ++g_stuck;
    }
  } catch (...) {
    ++g_stuck;
  }
}

TEST(ThreadEnd, APooledThreadsEndHookRunsOutsideTheLoaderLock) {
  ThreadPool::Limits noIdle;
  noIdle.maxIdle = 0;  // a thread given back ends at once
  ThreadPool pool(noIdle);
  setThreadEndHook(&startAThread);
  { ObjectThread thread(nullptr, nullptr, pool); }
  ASSERT_TRUE(pool.awaitThreadCount(0, std::chrono::seconds(30)));
  setThreadEndHook(nullptr);
  EXPECT_EQ(g_stuck.load(), 0);
  EXPECT_GE(g_started.load(), 1);
}

}  // namespace
}  // namespace vss4j::win::test
