#include "core/thread_pool.h"

#include <gtest/gtest.h>

#include <chrono>
#include <future>
#include <memory>
#include <stdexcept>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "core/brief_spin.h"
#include "core/object_thread.h"

namespace vss4j {
namespace {

constexpr auto kBound = std::chrono::milliseconds(10000);

ThreadPool::Limits limits(std::size_t maxIdle, std::chrono::milliseconds idleLimit = kBound * 6) {
  ThreadPool::Limits result;
  result.maxIdle = maxIdle;
  result.idleLimit = idleLimit;
  return result;
}

std::thread::id threadOf(ObjectThread& thread) {
  return thread.call([] { return std::this_thread::get_id(); });
}

TEST(ThreadPool, AThreadGivenBackServesTheNextBorrower) {
  ThreadPool pool(limits(4));
  std::thread::id first;
  {
    ObjectThread thread(nullptr, nullptr, pool);
    first = threadOf(thread);
  }
  EXPECT_EQ(pool.idleCount(), 1u);
  ObjectThread again(nullptr, nullptr, pool);
  EXPECT_EQ(threadOf(again), first);
  EXPECT_EQ(pool.threadCount(), 1u);
}

TEST(ThreadPool, ABorrowedThreadServesOneBorrowerSoASlowCallHoldsUpNoOtherObject) {
  ThreadPool pool(limits(4));
  ObjectThread slow(nullptr, nullptr, pool);
  ObjectThread other(nullptr, nullptr, pool);
  EXPECT_NE(threadOf(slow), threadOf(other));

  std::promise<void> release;
  std::shared_future<void> released = release.get_future().share();
  slow.post([released] { released.wait(); });  // a VSS call that takes its time
  std::future<int> answered = std::async(std::launch::async, [&] { return other.call([] { return 7; }); });
  ASSERT_EQ(answered.wait_for(kBound), std::future_status::ready);
  EXPECT_EQ(answered.get(), 7);
  release.set_value();
}

TEST(ThreadPool, HooksRunOnTheBorrowedThreadOncePerBorrowerStoppingBeforeTheNextStarts) {
  ThreadPool pool(limits(4));
  std::mutex mutex;
  std::vector<std::string> events;
  auto note = [&](std::string what) {
    return [&, what] {
      std::lock_guard<std::mutex> lock(mutex);
      events.push_back(what);
    };
  };
  std::thread::id first;
  {
    ObjectThread thread(note("started 1"), note("stopping 1"), pool);
    first = threadOf(thread);
    thread.post(note("task 1"));
  }
  {
    ObjectThread thread(note("started 2"), note("stopping 2"), pool);
    EXPECT_EQ(threadOf(thread), first);
  }
  std::lock_guard<std::mutex> lock(mutex);
  EXPECT_EQ(events, (std::vector<std::string>{"started 1", "task 1", "stopping 1", "started 2", "stopping 2"}));
}

TEST(ThreadPool, NoMoreThanMaxIdleThreadsStayTheRestEnd) {
  ThreadPool pool(limits(1));
  {
    ObjectThread a(nullptr, nullptr, pool);
    ObjectThread b(nullptr, nullptr, pool);
    ObjectThread c(nullptr, nullptr, pool);
    EXPECT_EQ(pool.threadCount(), 3u);
  }
  EXPECT_TRUE(pool.awaitThreadCount(1, kBound));
  EXPECT_EQ(pool.idleCount(), 1u);
}

TEST(ThreadPool, AThreadIdleForTheIdleLimitEndsAndTheNextBorrowerGetsANewOne) {
  ThreadPool pool(limits(4, std::chrono::milliseconds(20)));
  { ObjectThread thread(nullptr, nullptr, pool); }
  EXPECT_TRUE(pool.awaitThreadCount(0, kBound));
  EXPECT_EQ(pool.idleCount(), 0u);
  ObjectThread thread(nullptr, nullptr, pool);
  EXPECT_EQ(thread.call([] { return 1; }), 1);
  EXPECT_EQ(pool.threadCount(), 1u);
}

TEST(ThreadPool, ABorrowedThreadIdleLongerThanTheIdleLimitStaysWithItsBorrower) {
  ThreadPool pool(limits(4, std::chrono::milliseconds(1)));
  ObjectThread thread(nullptr, nullptr, pool);
  const std::thread::id before = threadOf(thread);
  for (int i = 0; i < 5; ++i) {
    // Not waiting for anything: this is the idle time, five times the limit, that the thread must sit out.
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    EXPECT_EQ(threadOf(thread), before);
  }
  EXPECT_EQ(pool.threadCount(), 1u);
}

TEST(ThreadPool, AnObjectThreadDestroyedByItsOwnTaskGivesItsThreadBackWithoutDeadlock) {
  ThreadPool pool(limits(4));
  auto thread = std::make_unique<ObjectThread>(nullptr, nullptr, pool);
  const std::thread::id id = threadOf(*thread);
  std::promise<void> destroyed;
  ObjectThread* raw = thread.release();
  raw->post([raw, &destroyed] {
    delete raw;
    destroyed.set_value();
  });
  ASSERT_EQ(destroyed.get_future().wait_for(kBound), std::future_status::ready);
  ASSERT_TRUE(pool.awaitIdleCount(1, kBound));  // given back once that task ended
  ObjectThread next(nullptr, nullptr, pool);
  EXPECT_EQ(threadOf(next), id);
}

TEST(ThreadPool, AThrowingStoppingHookStillGivesTheThreadBack) {
  ThreadPool pool(limits(4));
  { ObjectThread thread(nullptr, [] { throw std::runtime_error("hook"); }, pool); }
  EXPECT_EQ(pool.idleCount(), 1u);
}

TEST(ThreadPool, DestroyingThePoolEndsItsIdleThreadsAtOnce) {
  // Idle threads would otherwise end only after a minute: a destructor that did not tell them to end could
  // not return within the bound.
  auto pool = std::make_unique<ThreadPool>(limits(4, std::chrono::milliseconds(60000)));
  { ObjectThread thread(nullptr, nullptr, *pool); }
  ASSERT_EQ(pool->idleCount(), 1u);
  std::future<void> destroyed = std::async(std::launch::async, [&pool] { pool.reset(); });
  EXPECT_EQ(destroyed.wait_for(kBound), std::future_status::ready);
}

TEST(ObjectThread, ACallLongerThanTheBriefSpinBlocksAndStillGetsItsResult) {
  ThreadPool pool(limits(4));
  ObjectThread thread(nullptr, nullptr, pool);
  const int answer = thread.call([] {
    // The call's own work, forty times the spin: the caller must block and be woken.
    std::this_thread::sleep_for(kBriefSpin * 40);
    return 42;
  });
  EXPECT_EQ(answer, 42);
}

TEST(ObjectThread, ACallsExceptionReachesTheCallerAndTheThreadServesTheNextCall) {
  ThreadPool pool(limits(4));
  ObjectThread thread(nullptr, nullptr, pool);
  EXPECT_THROW(thread.call([]() -> int { throw std::runtime_error("backend bug"); }), std::runtime_error);
  EXPECT_EQ(thread.call([] { return 5; }), 5);
}

TEST(ObjectThread, ManyCallersAtOnceEachGetTheirOwnAnswer) {
  ThreadPool pool(limits(4));
  ObjectThread thread(nullptr, nullptr, pool);
  std::vector<std::future<int>> answers;
  for (int caller = 0; caller < 8; ++caller) {
    answers.push_back(std::async(std::launch::async, [&thread, caller] {
      int sum = 0;
      for (int i = 0; i < 500; ++i) sum += thread.call([caller, i] { return caller * 1000 + i; }) - caller * 1000;
      return sum;
    }));
  }
  for (auto& answer : answers) {
    ASSERT_EQ(answer.wait_for(kBound), std::future_status::ready);
    EXPECT_EQ(answer.get(), 499 * 500 / 2);
  }
}

}  // namespace
}  // namespace vss4j
