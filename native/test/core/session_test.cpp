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

TEST(Session, RunsEveryCallOnItsOwnThreadNotTheCallers) {
  auto backend = std::make_shared<FakeBackend>();
  auto sink = std::make_shared<RecordingSink>();
  std::shared_ptr<Session> session;
  ASSERT_EQ(Session::open(backend, sink, session), hr::kOk);
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

TEST(Session, ReportsTheEndOfAnAsyncOperationOnceWithQueryStatusValue) {
  auto backend = std::make_shared<FakeBackend>();
  auto sink = std::make_shared<RecordingSink>();
  std::shared_ptr<Session> session;
  ASSERT_EQ(Session::open(backend, sink, session), hr::kOk);
  std::uint64_t asyncId = 0;
  ASSERT_EQ(session->startAsync(doSnapshotSet(), 42, asyncId), hr::kOk);
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

TEST(Session, ReservesRoomForEachReportAndGivesItBackWhenNothingStarts) {
  auto backend = std::make_shared<FakeBackend>();
  auto queue = std::make_shared<CompletionQueue>();
  std::shared_ptr<Session> session;
  ASSERT_EQ(Session::open(backend, queue, session), hr::kOk);
  std::uint64_t asyncId = 0;
  ASSERT_EQ(session->startAsync(doSnapshotSet(), 3, asyncId), hr::kOk);
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
  EXPECT_EQ(refused->startAsync(doSnapshotSet(), 4, asyncId), hr::kBadState);
  EXPECT_EQ(queue->reserved(), 0u);
  refused->close();
  EXPECT_EQ(queue->queued(), 0u);
  EXPECT_EQ(failing->live.load(), 0);
}

TEST(Session, AnImmediateFailureReportsNothingAndLeavesNothingAlive) {
  auto backend = std::make_shared<FakeBackend>();
  backend->asyncImmediateFailure = hr::kBadState;
  auto sink = std::make_shared<RecordingSink>();
  std::shared_ptr<Session> session;
  ASSERT_EQ(Session::open(backend, sink, session), hr::kOk);
  std::uint64_t asyncId = 0;
  EXPECT_EQ(session->startAsync(doSnapshotSet(), 7, asyncId), hr::kBadState);
  session->close();
  EXPECT_EQ(sink->reportsFor(7), 0u);
  EXPECT_EQ(backend->live.load(), 0);
}

TEST(Session, CloseCancelsWhatIsRunningReportsItAndReleasesEverythingOnce) {
  auto backend = std::make_shared<FakeBackend>();
  auto sink = std::make_shared<RecordingSink>();
  std::shared_ptr<Session> session;
  ASSERT_EQ(Session::open(backend, sink, session), hr::kOk);
  std::uint64_t asyncId = 0;
  ASSERT_EQ(session->startAsync(doSnapshotSet(), 9, asyncId), hr::kOk);
  session->close();  // the operation never ended by itself
  EXPECT_EQ(sink->awaitReport(9), hr::kAsyncCancelled);
  EXPECT_EQ(backend->live.load(), 0);
  EXPECT_THROW(session->call([](BackupComponents& c) { return c.abortBackup(); }), ClosedError);
  EXPECT_THROW({ hresult s; session->queryStatus(asyncId, s); }, ClosedError);
  session->releaseAsync(asyncId);  // harmless after close
  session->close();                // idempotent
  EXPECT_EQ(backend->live.load(), 0);
}

TEST(Session, AsyncReleasedBeforeItEndsIsReleasedWhenTheWaiterIsDone) {
  auto backend = std::make_shared<FakeBackend>();
  auto sink = std::make_shared<RecordingSink>();
  std::shared_ptr<Session> session;
  ASSERT_EQ(Session::open(backend, sink, session), hr::kOk);
  std::uint64_t first = 0;
  ASSERT_EQ(session->startAsync(doSnapshotSet(), 11, first), hr::kOk);
  session->releaseAsync(first);
  EXPECT_EQ(backend->live.load(), 2);  // the waiter still holds it
  EXPECT_THROW({ hresult s; session->queryStatus(first, s); }, ClosedError);
  backend->script->end(hr::kAsyncFinished);
  EXPECT_EQ(sink->awaitReport(11), hr::kAsyncFinished);
  // The waiter's jobs run in order: once a second operation is reported, the first job has let go and queued
  // the release on the object thread, where a call queued after it sees it done.
  std::uint64_t second = 0;
  ASSERT_EQ(session->startAsync(doSnapshotSet(), 12, second), hr::kOk);
  EXPECT_EQ(sink->awaitReport(12), hr::kAsyncFinished);
  session->call([](BackupComponents& c) { return c.abortBackup(); });
  EXPECT_EQ(backend->live.load(), 2);  // the object and the second IVssAsync; the first is gone
  session->close();
  EXPECT_EQ(backend->live.load(), 0);
}

TEST(Session, ReleasingTheAsyncThenClosingRightAfterTheReportIsSafe) {
  // The caller learns of the end from the report, before the waiter lets go of the IVssAsync: releasing it and
  // closing at once races the waiter's own release (once a null dereference in close). Many rounds to hit it.
  for (int round = 0; round < 2000; ++round) {
    auto backend = std::make_shared<FakeBackend>();
    backend->script->status = hr::kAsyncFinished;
    auto sink = std::make_shared<RecordingSink>();
    std::shared_ptr<Session> session;
    ASSERT_EQ(Session::open(backend, sink, session), hr::kOk);
    std::uint64_t asyncId = 0;
    ASSERT_EQ(session->startAsync(doSnapshotSet(), 1, asyncId), hr::kOk);
    ASSERT_EQ(sink->awaitReport(1), hr::kAsyncFinished);
    session->releaseAsync(asyncId);
    session->close();
    ASSERT_EQ(backend->live.load(), 0) << "round " << round;
  }
}

TEST(Session, CreateFailureReturnsItsHresultAndStopsTheThreads) {
  auto backend = std::make_shared<FakeBackend>();
  backend->createResult = hr::kAccessDenied;
  std::shared_ptr<Session> session;
  EXPECT_EQ(Session::open(backend, std::make_shared<RecordingSink>(), session), hr::kAccessDenied);
  EXPECT_EQ(session, nullptr);
  EXPECT_EQ(backend->threadsStopped.load(), 2);
}

TEST(Session, CompletionIsReportedOnTheWaiterThread) {
  auto backend = std::make_shared<FakeBackend>();
  auto sink = std::make_shared<RecordingSink>();
  std::shared_ptr<Session> session;
  ASSERT_EQ(Session::open(backend, sink, session), hr::kOk);
  std::uint64_t asyncId = 0;
  ASSERT_EQ(session->startAsync(doSnapshotSet(), 5, asyncId), hr::kOk);
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
