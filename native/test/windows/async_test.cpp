// DoSnapshotSet through the adapter: every documented outcome, at once and through QueryStatus; cancel; a Wait
// that returns before the operation ends, and one that fails; reference counts.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <string>

#include "../core/async_contract.h"
#include "core/async_wait.h"
#include "core/hresult.h"
#include "test_support.h"
#include "windows/com_backend.h"
#include "windows/convert.h"

namespace vss4j::win::test {
namespace {

class DoSnapshotSetOutcome : public ::testing::TestWithParam<hresult> {
 protected:
  void TearDown() override {
    expectReleased(vss, "IVssBackupComponents");
    expectReleased(async, "IVssAsync");
    EXPECT_TRUE(frees.freed.empty());
  }
  FreeLog frees;
  fake::BackupComponents vss;
  fake::Async async;
};

TEST_P(DoSnapshotSetOutcome, ImmediateReturnPassedThrough) {
  const hresult code = GetParam();
  if (succeeded(code)) {  // S_OK at once: an IVssAsync comes back
    vss.nextAsync = &async;
    auto components = wrapBackupComponents(vss.give(), fakeApi(frees));
    std::unique_ptr<AsyncOperation> op;
    EXPECT_EQ(components->doSnapshotSet(op), hr::kOk);
    EXPECT_NE(op, nullptr);
    return;
  }
  vss.asyncCallResult = code;
  vss.nextAsync = &async;
  auto components = wrapBackupComponents(vss.give(), fakeApi(frees));
  std::unique_ptr<AsyncOperation> op;
  EXPECT_EQ(components->doSnapshotSet(op), code);
  EXPECT_EQ(op, nullptr);
}

TEST_P(DoSnapshotSetOutcome, OutcomeThroughWaitAndQueryStatus) {
  const hresult code = GetParam();
  vss.nextAsync = &async;
  auto components = wrapBackupComponents(vss.give(), fakeApi(frees));
  std::unique_ptr<AsyncOperation> op;
  ASSERT_EQ(components->doSnapshotSet(op), hr::kOk);
  ASSERT_NE(op, nullptr);
  EXPECT_EQ(async.refs(), 1);

  hresult status = hr::kOk;
  ASSERT_EQ(op->queryStatus(status), hr::kOk);
  EXPECT_EQ(status, hr::kAsyncPending);

  const hresult outcome = succeeded(code) ? hr::kAsyncFinished : code;
  async.finish(outcome);
  EXPECT_EQ(op->wait(AsyncOperation::kInfinite), succeeded(code) ? hr::kOk : code);
  ASSERT_EQ(op->queryStatus(status), hr::kOk);
  EXPECT_EQ(status, outcome);
  // Cancelling a finished operation reports how it ended.
  EXPECT_EQ(op->cancel(), outcome);

  op.reset();
  EXPECT_EQ(async.refs(), 0);
}

INSTANTIATE_TEST_SUITE_P(
    Documented, DoSnapshotSetOutcome,
    ::testing::Values(hr::kOk, hr::kAccessDenied, hr::kInvalidArg, hr::kOutOfMemory, hr::kBadState,
                      hr::kInsufficientStorage, hr::kFlushWritesTimeout, hr::kHoldWritesTimeout,
                      hr::kNestedVolumeLimit, hr::kProviderVeto, hr::kRebootRequired, hr::kTransactionFreezeTimeout,
                      hr::kTransactionThawTimeout, hr::kVssUnexpected, hr::kUnexpected, hr::kUnexpectedProviderError),
    [](const ::testing::TestParamInfo<hresult>& outcome) {
      char name[16];
      std::snprintf(name, sizeof name, "hr_%08X", static_cast<unsigned>(outcome.param));
      return std::string(name);
    });

class AsyncAdapter : public ::testing::Test {
 protected:
  void SetUp() override {
    vss.nextAsync = &async;
    components = wrapBackupComponents(vss.give(), fakeApi(frees));
    ASSERT_EQ(components->doSnapshotSet(op), hr::kOk);
    ASSERT_NE(op, nullptr);
  }
  void TearDown() override {
    op.reset();
    components.reset();
    expectReleased(vss, "IVssBackupComponents");
    expectReleased(async, "IVssAsync");
  }
  FreeLog frees;
  fake::BackupComponents vss;
  fake::Async async;
  std::unique_ptr<BackupComponents> components;
  std::unique_ptr<AsyncOperation> op;
};

TEST_F(AsyncAdapter, CancelWhilePendingThenAgain) {
  EXPECT_EQ(op->cancel(), hr::kOk);
  hresult status = hr::kOk;
  ASSERT_EQ(op->queryStatus(status), hr::kOk);
  EXPECT_EQ(status, hr::kAsyncCancelled);
  EXPECT_EQ(op->cancel(), hr::kAsyncCancelled);
  EXPECT_EQ(async.cancels.load(), 2);
}

TEST_F(AsyncAdapter, CancelFromAnotherThreadEndsAnInfiniteWait) { vss4j::testing::expectCancelEndsAnInfiniteWait(*op); }

TEST_F(AsyncAdapter, WaitThatTimesOutLeavesTheOperationPending) {
  EXPECT_EQ(op->wait(1), hr::kOk);  // the fake's timeout return (S_OK, as restic observed)
  async.waitTimeoutResult = static_cast<HRESULT>(HRESULT_FROM_WIN32(WAIT_TIMEOUT));
  EXPECT_EQ(op->wait(1), static_cast<hresult>(HRESULT_FROM_WIN32(WAIT_TIMEOUT)));  // passed through untouched
  hresult status = hr::kOk;
  ASSERT_EQ(op->queryStatus(status), hr::kOk);
  EXPECT_EQ(status, hr::kAsyncPending);
  EXPECT_EQ(async.waits.load(), 2);
  async.finish(hr::kAsyncFinished);
  EXPECT_EQ(op->wait(AsyncOperation::kInfinite), hr::kOk);
}

// The waiter's loop (core/async_wait.h) over the adapter: a Wait that fails while the operation is pending is not
// retried forever; the operation is cancelled and the Wait's error is its outcome.
TEST_F(AsyncAdapter, AFailedWaitIsCancelledAndItsErrorIsTheOutcome) {
  const auto broken = static_cast<hresult>(RPC_E_DISCONNECTED);
  async.waitFailure = broken;
  int pauses = 0;
  // Bounded: should the waiter wait again, the operation ends after three pauses and the outcome shows it.
  const hresult outcome = awaitEnd(*op, [&](std::chrono::milliseconds) {
    if (++pauses == 3) async.finish(hr::kAsyncFinished);
  });
  EXPECT_EQ(outcome, broken) << hex(outcome);
  EXPECT_EQ(pauses, 0);
  EXPECT_EQ(async.waits.load(), 1);
  EXPECT_EQ(async.cancels.load(), 1);
  hresult status = hr::kOk;
  ASSERT_EQ(op->queryStatus(status), hr::kOk);
  EXPECT_EQ(status, hr::kAsyncCancelled);
}

TEST_F(AsyncAdapter, AFailedWaitOfAnOperationThatFinishesBeforeTheCancelReportsTheFinish) {
  async.waitFailure = static_cast<hresult>(RPC_E_DISCONNECTED);
  async.endBeforeCancel = hr::kAsyncFinished;  // the copy was made: reporting a failure would hide it
  int pauses = 0;
  EXPECT_EQ(awaitEnd(*op, [&](std::chrono::milliseconds) {
              if (++pauses == 3) async.finish(hr::kAsyncFinished);
            }),
            hr::kAsyncFinished);
  EXPECT_EQ(pauses, 0);
  EXPECT_EQ(async.cancels.load(), 1);
}

TEST_F(AsyncAdapter, AWaitThatFailsBecauseTheOperationFailedReportsTheOperationsError) {
  async.finish(hr::kProviderVeto);  // Wait returns the operation's error, and QueryStatus says the same
  EXPECT_EQ(awaitEnd(*op, [](std::chrono::milliseconds) { ADD_FAILURE() << "no pause expected"; }),
            hr::kProviderVeto);
  EXPECT_EQ(async.cancels.load(), 0);
}

TEST_F(AsyncAdapter, AsyncOutlivesItsBackupComponents) {
  components.reset();
  EXPECT_EQ(vss.refs(), 0);
  EXPECT_EQ(async.refs(), 1);
  async.finish(hr::kAsyncFinished);
  hresult status = hr::kOk;
  ASSERT_EQ(op->queryStatus(status), hr::kOk);
  EXPECT_EQ(status, hr::kAsyncFinished);
}

TEST(AsyncCalls, EveryAsynchronousCallWrapsItsIVssAsync) {
  FreeLog frees;
  fake::BackupComponents vss;
  fake::Async async;
  vss.nextAsync = &async;
  {
    auto components = wrapBackupComponents(vss.give(), fakeApi(frees));
    using Start = hresult (BackupComponents::*)(std::unique_ptr<AsyncOperation>&);
    for (Start start : {&BackupComponents::gatherWriterMetadata, &BackupComponents::prepareForBackup,
                        &BackupComponents::gatherWriterStatus, &BackupComponents::backupComplete,
                        &BackupComponents::doSnapshotSet}) {
      std::unique_ptr<AsyncOperation> op;
      ASSERT_EQ(((*components).*start)(op), hr::kOk);
      ASSERT_NE(op, nullptr);
      EXPECT_EQ(async.refs(), 1);
    }
    // A succeeded call that hands back no IVssAsync is an error, not a null AsyncOperation.
    vss.nextAsync = nullptr;
    std::unique_ptr<AsyncOperation> op;
    EXPECT_EQ(components->doSnapshotSet(op), hr::kUnexpected);
    EXPECT_EQ(op, nullptr);
  }
  expectReleased(vss, "IVssBackupComponents");
  expectReleased(async, "IVssAsync");
}

}  // namespace
}  // namespace vss4j::win::test
