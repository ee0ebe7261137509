// Threads the shim starts run the end hook themselves, before they end and before the pool counts them gone: the
// JNI layer detaches them from the JVM there, never from a thread_local destructor (core/own_thread.h).
#include "core/own_thread.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstddef>
#include <mutex>
#include <thread>
#include <vector>

#include "core/object_thread.h"
#include "core/thread_pool.h"

namespace vss4j {
namespace {

constexpr auto kBound = std::chrono::milliseconds(10000);

struct HookRun {
  std::thread::id thread;
  bool ownThread;
  std::size_t poolThreads;  // the test pool's count while the hook ran
};
std::mutex g_mutex;
std::vector<HookRun> g_runs;
ThreadPool* g_pool = nullptr;

void recordEnd() noexcept {
  std::lock_guard<std::mutex> lock(g_mutex);
  g_runs.push_back({std::this_thread::get_id(), OwnThread::current(), g_pool->threadCount()});
}

TEST(OwnThread, APoolThreadRunsTheEndHookOnItselfBeforeThePoolCountsItGone) {
  ThreadPool::Limits noIdle;
  noIdle.maxIdle = 0;  // a thread given back ends at once
  ThreadPool pool(noIdle);
  g_pool = &pool;
  setThreadEndHook(&recordEnd);
  std::thread::id worker;
  bool ownInside = false;
  {
    ObjectThread thread(nullptr, nullptr, pool);
    worker = thread.call([&] {
      ownInside = OwnThread::current();
      return std::this_thread::get_id();
    });
  }
  ASSERT_TRUE(pool.awaitThreadCount(0, kBound));
  setThreadEndHook(nullptr);
  EXPECT_TRUE(ownInside);
  EXPECT_FALSE(OwnThread::current());  // the test's own thread is not one of ours
  std::lock_guard<std::mutex> lock(g_mutex);
  int runs = 0;
  for (const HookRun& run : g_runs) {
    if (run.thread != worker) continue;  // a thread of the shared pool may end meanwhile
    ++runs;
    EXPECT_TRUE(run.ownThread);
    EXPECT_EQ(run.poolThreads, 1u);
  }
  EXPECT_EQ(runs, 1);
}

}  // namespace
}  // namespace vss4j
