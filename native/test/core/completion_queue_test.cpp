#include "core/completion_queue.h"

#include <gtest/gtest.h>

#include <chrono>
#include <future>
#include <thread>
#include <vector>

namespace vss4j {
namespace {

using std::chrono::milliseconds;
constexpr auto kBound = std::chrono::seconds(10);

TEST(CompletionQueue, TakesReportsInTheOrderTheyCame) {
  CompletionQueue queue;
  for (int i = 0; i < 40; ++i) queue.reserve();  // more than the first ring holds: it grows in order
  for (std::uint64_t token = 1; token <= 40; ++token) queue.completed(token, static_cast<hresult>(token * 3));
  EXPECT_EQ(queue.queued(), 40u);
  EXPECT_EQ(queue.reserved(), 0u);
  for (std::uint64_t token = 1; token <= 40; ++token) {
    CompletionQueue::Report report;
    ASSERT_TRUE(queue.take(report, milliseconds(0)));
    EXPECT_EQ(report.token, token);
    EXPECT_EQ(report.status, static_cast<hresult>(token * 3));
  }
  EXPECT_EQ(queue.queued(), 0u);
}

TEST(CompletionQueue, GrowsInOrderWhileReportsWrapAroundTheRing) {
  CompletionQueue queue;
  std::uint64_t next = 1;
  std::uint64_t expected = 1;
  for (int round = 0; round < 50; ++round) {
    // Reserve and report a few more than are taken each round, so the ring fills while its head moves.
    for (int i = 0; i < 3; ++i) {
      queue.reserve();
      queue.completed(next, 0);
      ++next;
    }
    for (int i = 0; i < 2; ++i) {
      CompletionQueue::Report report;
      ASSERT_TRUE(queue.take(report, milliseconds(0)));
      EXPECT_EQ(report.token, expected++);
    }
  }
  CompletionQueue::Report report;
  while (queue.take(report, milliseconds(0))) EXPECT_EQ(report.token, expected++);
  EXPECT_EQ(expected, next);
}

TEST(CompletionQueue, TakeTimesOutWhenNothingEnds) {
  CompletionQueue queue;
  CompletionQueue::Report report;
  EXPECT_FALSE(queue.take(report, milliseconds(20)));
}

TEST(CompletionQueue, AReportWakesAThreadWaitingToTakeOne) {
  CompletionQueue queue;
  queue.reserve();
  auto taken = std::async(std::launch::async, [&] {
    CompletionQueue::Report report;
    return queue.take(report, std::chrono::duration_cast<milliseconds>(kBound)) ? report.token : 0;
  });
  queue.completed(77, 0);
  ASSERT_EQ(taken.wait_for(kBound), std::future_status::ready);
  EXPECT_EQ(taken.get(), 77u);
}

TEST(CompletionQueue, ManyThreadsReportAndTakeEachReportOnce) {
  CompletionQueue queue;
  constexpr int kPerThread = 500;
  constexpr int kThreads = 4;
  for (int i = 0; i < kPerThread * kThreads; ++i) queue.reserve();
  std::vector<std::thread> reporters;
  for (int t = 0; t < kThreads; ++t) {
    reporters.emplace_back([&queue, t] {
      for (int i = 0; i < kPerThread; ++i) queue.completed(static_cast<std::uint64_t>(t * kPerThread + i + 1), 0);
    });
  }
  std::vector<int> seen(kPerThread * kThreads + 1, 0);
  for (int i = 0; i < kPerThread * kThreads; ++i) {
    CompletionQueue::Report report;
    ASSERT_TRUE(queue.take(report, std::chrono::duration_cast<milliseconds>(kBound)));
    ++seen[report.token];
  }
  for (auto& reporter : reporters) reporter.join();
  for (std::size_t token = 1; token < seen.size(); ++token) EXPECT_EQ(seen[token], 1) << token;
  EXPECT_EQ(queue.reserved(), 0u);
}

TEST(CompletionQueue, AReportWithoutReservedRoomIsDroppedNotWritten) {
  CompletionQueue queue;
  queue.completed(5, 0);
  EXPECT_EQ(queue.queued(), 0u);
  queue.reserve();
  queue.unreserve();
  queue.unreserve();  // one too many: harmless
  EXPECT_EQ(queue.reserved(), 0u);
}

}  // namespace
}  // namespace vss4j
