#include "core/session.h"

#include <gtest/gtest.h>

#include <chrono>
#include <future>
#include <map>
#include <mutex>
#include <thread>

#include "core/async_wait.h"
#include "core/completion_queue.h"
#include "fake_backend.h"

namespace vss4j {
namespace {

using testing::AsyncScript;
using testing::FakeAsync;
using testing::FakeBackend;

constexpr auto kBound = std::chrono::seconds(10);

// Collects completion reports; a test awaits one with a bound.
class RecordingSink final : public CompletionSink {
 public:
  void completed(std::uint64_t token, hresult status) noexcept override {
    std::lock_guard<std::mutex> lock(mutex_);
    reports_[token].push_back(status);
    threads_.push_back(std::this_thread::get_id());
    changed_.notify_all();
  }
  // The status reported for token, waiting at most kBound; kAsyncPending if none came.
  hresult awaitReport(std::uint64_t token) {
    std::unique_lock<std::mutex> lock(mutex_);
    changed_.wait_for(lock, kBound, [&] { return reports_.count(token) != 0; });
    return reports_.count(token) ? reports_[token].front() : hr::kAsyncPending;
  }
  std::size_t reportsFor(std::uint64_t token) {
    std::lock_guard<std::mutex> lock(mutex_);
    return reports_.count(token) ? reports_[token].size() : 0;
  }
  std::vector<std::thread::id> threads() {
    std::lock_guard<std::mutex> lock(mutex_);
    return threads_;
  }

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  std::map<std::uint64_t, std::vector<hresult>> reports_;
  std::vector<std::thread::id> threads_;
};

Session::Starter doSnapshotSet() {
  return [](BackupComponents& c, std::unique_ptr<AsyncOperation>& async) { return c.doSnapshotSet(async); };
}

// A session over a fake backend that reports to a RecordingSink; a test sets `backend` up before open().
class SessionTest : public ::testing::Test {
 protected:
  hresult open() { return Session::open(backend, sink, session); }
  // Starts a DoSnapshotSet reported under `token` and returns its async id (0, and a failure, if it did not start).
  std::uint64_t started(std::uint64_t token) {
    std::uint64_t asyncId = 0;
    EXPECT_EQ(session->startAsync(doSnapshotSet(), token, asyncId), hr::kOk);
    return asyncId;
  }

  std::shared_ptr<FakeBackend> backend = std::make_shared<FakeBackend>();
  std::shared_ptr<RecordingSink> sink = std::make_shared<RecordingSink>();
  std::shared_ptr<Session> session;
};

TEST_F(SessionTest, RunsEveryCallOnItsOwnThreadNotTheCallers) {
  ASSERT_EQ(open(), hr::kOk);
  EXPECT_EQ(session->call([](BackupComponents& c) { return c.initializeForBackup(nullptr); }), hr::kOk);
  EXPECT_EQ(session->call([](BackupComponents& c) { return c.setContext(0); }), hr::kOk);
  session->close();
  std::lock_guard<std::mutex> lock(backend->callersMutex);
  ASSERT_EQ(backend->callers.size(), 3u);  // two calls and the release
  EXPECT_NE(backend->callers[0], std::this_thread::get_id());
  EXPECT_EQ(backend->callers[0], backend->callers[1]);
  EXPECT_EQ(backend->callers[1], backend->callers[2]);
  EXPECT_EQ(backend->live.load(), 0);
  EXPECT_EQ(backend->threadsStarted.load(), 2);  // object thread and waiter
  EXPECT_EQ(backend->threadsStopped.load(), 2);
}

TEST_F(SessionTest, ReportsTheEndOfAnAsyncOperationOnceWithQueryStatusValue) {
  ASSERT_EQ(open(), hr::kOk);
  const std::uint64_t asyncId = started(42);
  hresult status = 0;
  ASSERT_EQ(session->queryStatus(asyncId, status), hr::kOk);
  EXPECT_EQ(status, hr::kAsyncPending);
  EXPECT_EQ(sink->reportsFor(42), 0u);
  backend->script->end(hr::kFlushWritesTimeout);
  EXPECT_EQ(sink->awaitReport(42), hr::kFlushWritesTimeout);
  session->releaseAsync(asyncId);
  session->close();
  EXPECT_EQ(sink->reportsFor(42), 1u);
  EXPECT_EQ(backend->live.load(), 0);
}

TEST_F(SessionTest, ReservesRoomForEachReportAndGivesItBackWhenNothingStarts) {
  auto queue = std::make_shared<CompletionQueue>();
  ASSERT_EQ(Session::open(backend, queue, session), hr::kOk);
  const std::uint64_t asyncId = started(3);
  EXPECT_EQ(queue->reserved(), 1u);
  backend->script->end(hr::kAsyncFinished);
  CompletionQueue::Report report;
  ASSERT_TRUE(queue->take(report, std::chrono::duration_cast<std::chrono::milliseconds>(kBound)));
  EXPECT_EQ(report.token, 3u);
  EXPECT_EQ(report.status, hr::kAsyncFinished);
  EXPECT_EQ(queue->reserved(), 0u);

  session->releaseAsync(asyncId);
  session->close();
  EXPECT_EQ(backend->live.load(), 0);

  auto failing = std::make_shared<FakeBackend>();
  failing->asyncImmediateFailure = hr::kBadState;
  std::shared_ptr<Session> refused;
  ASSERT_EQ(Session::open(failing, queue, refused), hr::kOk);
  std::uint64_t none = 0;
  EXPECT_EQ(refused->startAsync(doSnapshotSet(), 4, none), hr::kBadState);
  EXPECT_EQ(queue->reserved(), 0u);
  refused->close();
  EXPECT_EQ(queue->queued(), 0u);
  EXPECT_EQ(failing->live.load(), 0);
}

TEST_F(SessionTest, AnImmediateFailureReportsNothingAndLeavesNothingAlive) {
  backend->asyncImmediateFailure = hr::kBadState;
  ASSERT_EQ(open(), hr::kOk);
  std::uint64_t asyncId = 0;
  EXPECT_EQ(session->startAsync(doSnapshotSet(), 7, asyncId), hr::kBadState);
  session->close();
  EXPECT_EQ(sink->reportsFor(7), 0u);
  EXPECT_EQ(backend->live.load(), 0);
}

TEST_F(SessionTest, CloseCancelsWhatIsRunningReportsItAndReleasesEverythingOnce) {
  ASSERT_EQ(open(), hr::kOk);
  const std::uint64_t asyncId = started(9);
  session->close();  // the operation never ended by itself
  EXPECT_EQ(sink->awaitReport(9), hr::kAsyncCancelled);
  EXPECT_EQ(backend->live.load(), 0);
  EXPECT_THROW(session->call([](BackupComponents& c) { return c.abortBackup(); }), ClosedError);
  EXPECT_THROW({ hresult s; session->queryStatus(asyncId, s); }, ClosedError);
  session->releaseAsync(asyncId);  // harmless after close
  session->close();                // idempotent
  EXPECT_EQ(backend->live.load(), 0);
}

TEST_F(SessionTest, AsyncReleasedBeforeItEndsIsReleasedWhenTheWaiterIsDone) {
  ASSERT_EQ(open(), hr::kOk);
  const std::uint64_t first = started(11);
  session->releaseAsync(first);
  EXPECT_EQ(backend->live.load(), 2);  // the waiter still holds it
  EXPECT_THROW({ hresult s; session->queryStatus(first, s); }, ClosedError);
  backend->script->end(hr::kAsyncFinished);
  EXPECT_EQ(sink->awaitReport(11), hr::kAsyncFinished);
  // The waiter's jobs run in order: once a second operation is reported, the first job has let go and queued
  // the release on the object thread, where a call queued after it sees it done.
  started(12);
  EXPECT_EQ(sink->awaitReport(12), hr::kAsyncFinished);
  session->call([](BackupComponents& c) { return c.abortBackup(); });
  EXPECT_EQ(backend->live.load(), 2);  // the object and the second IVssAsync; the first is gone
  session->close();
  EXPECT_EQ(backend->live.load(), 0);
}

TEST_F(SessionTest, ReleasingTheAsyncThenClosingRightAfterTheReportIsSafe) {
  // The caller learns of the end from the report, before the waiter lets go of the IVssAsync: releasing it and
  // closing at once races the waiter's own release (once a null dereference in close). Many rounds to hit it.
  for (int round = 0; round < 2000; ++round) {
    backend = std::make_shared<FakeBackend>();
    backend->script->status = hr::kAsyncFinished;
    sink = std::make_shared<RecordingSink>();
    ASSERT_EQ(open(), hr::kOk);
    const std::uint64_t asyncId = started(1);
    ASSERT_EQ(sink->awaitReport(1), hr::kAsyncFinished);
    session->releaseAsync(asyncId);
    session->close();
    ASSERT_EQ(backend->live.load(), 0) << "round " << round;
  }
}

TEST_F(SessionTest, CreateFailureReturnsItsHresultAndStopsTheThreads) {
  backend->createResult = hr::kAccessDenied;
  EXPECT_EQ(open(), hr::kAccessDenied);
  EXPECT_EQ(session, nullptr);
  EXPECT_EQ(backend->threadsStopped.load(), 2);
}

TEST_F(SessionTest, CompletionIsReportedOnTheWaiterThread) {
  ASSERT_EQ(open(), hr::kOk);
  started(5);
  backend->script->end(hr::kAsyncFinished);
  ASSERT_EQ(sink->awaitReport(5), hr::kAsyncFinished);
  EXPECT_NE(sink->threads().at(0), std::this_thread::get_id());
  std::lock_guard<std::mutex> lock(backend->callersMutex);
  EXPECT_NE(sink->threads().at(0), backend->callers.at(0));  // not the object thread either
}

TEST(AwaitEnd, WaitsAgainWhenWaitReturnsEarlyAndBacksOffWithoutSpinning) {
  std::atomic<int> live{0};
  auto script = std::make_shared<AsyncScript>();
  script->early = 5;
  FakeAsync op(script, live);
  std::vector<std::chrono::milliseconds> pauses;
  auto ender = std::async(std::launch::async, [&] {
    // Ends the operation once the early Waits are used up (the fake's sixth Wait blocks).
    std::unique_lock<std::mutex> lock(script->mutex);
    script->changed.wait_for(lock, kBound, [&] { return script->waits >= 6; });
    lock.unlock();
    script->end(hr::kAsyncFinished);
  });
  auto pause = [&](std::chrono::milliseconds d) { pauses.push_back(d); };
  EXPECT_EQ(awaitEnd(op, pause), hr::kAsyncFinished);
  ender.get();
  ASSERT_EQ(pauses.size(), 5u);
  EXPECT_EQ(pauses[0].count(), 1);
  EXPECT_EQ(pauses[4].count(), 16);
}

TEST(AwaitEnd, AWaitThatFailsWhileThePendingOperationRunsCancelsItAndIsTheOutcome) {
  class Broken final : public AsyncOperation {
   public:
    hresult wait(std::uint32_t) override { return status == hr::kAsyncPending ? hr::kAccessDenied : hr::kOk; }
    hresult queryStatus(hresult& out) override {
      out = status;
      return hr::kOk;
    }
    hresult cancel() override {
      ++cancels;
      status = hr::kAsyncCancelled;
      return hr::kOk;
    }
    hresult status = hr::kAsyncPending;
    int cancels = 0;
  } op;
  int pauses = 0;
  // Bounded: should it wait again, the operation ends after three pauses and the outcome shows it.
  EXPECT_EQ(awaitEnd(op, [&](std::chrono::milliseconds) {
              if (++pauses == 3) op.status = hr::kAsyncFinished;
            }),
            hr::kAccessDenied);
  EXPECT_EQ(pauses, 0);
  EXPECT_EQ(op.cancels, 1);
}

TEST(AwaitEnd, AFailingQueryStatusIsTheResult) {
  class Broken final : public AsyncOperation {
   public:
    hresult wait(std::uint32_t) override { return hr::kOk; }
    hresult queryStatus(hresult&) override { return hr::kUnexpected; }
    hresult cancel() override { return hr::kOk; }
  } op;
  EXPECT_EQ(awaitEnd(op, [](std::chrono::milliseconds) { FAIL() << "no pause expected"; }), hr::kUnexpected);
}

}  // namespace
}  // namespace vss4j
