// IVssAsync: durations, Wait with and without timeout, QueryStatus, Cancel, across threads.
#include <chrono>
#include <thread>

#include "../core/async_contract.h"
#include "sim_fixture.h"

namespace vss4j::sim::test {
namespace {

using std::chrono::milliseconds;

TEST_F(SimTest, ZeroDurationOperationsAreFinishedWhenTheCallReturns) {
  auto object = initialized();
  std::unique_ptr<AsyncOperation> async;
  ASSERT_EQ(object->gatherWriterMetadata(async), hr::kOk);
  hresult status = hr::kOk;
  ASSERT_EQ(async->queryStatus(status), hr::kOk);
  EXPECT_EQ(status, hr::kAsyncFinished);
  EXPECT_EQ(async->wait(0), hr::kOk);
  EXPECT_EQ(async->cancel(), hr::kAsyncFinished);
}

TEST_F(SimTest, WaitBlocksUntilTheOperationEnds) {
  machine->setDuration(Operation::DoSnapshotSet, milliseconds(50));
  auto object = initialized(ctx::FILE_SHARE_BACKUP);
  ASSERT_EQ(prepareSet(*object, {u"C:\\"}, false), hr::kOk);
  std::unique_ptr<AsyncOperation> async;
  const auto start = std::chrono::steady_clock::now();
  ASSERT_EQ(object->doSnapshotSet(async), hr::kOk);
  hresult status = hr::kOk;
  ASSERT_EQ(async->queryStatus(status), hr::kOk);
  EXPECT_EQ(status, hr::kAsyncPending);
  EXPECT_EQ(async->wait(AsyncOperation::kInfinite), hr::kOk);
  EXPECT_GE(std::chrono::steady_clock::now() - start, milliseconds(50));
  ASSERT_EQ(async->queryStatus(status), hr::kOk);
  EXPECT_EQ(status, hr::kAsyncFinished);
  EXPECT_EQ(machine->existingSnapshots().size(), 1u);
}

TEST_F(SimTest, WaitTimeoutReturnsTheConfiguredResultAndTheOperationStaysPending) {
  machine->setDuration(Operation::DoSnapshotSet, std::chrono::hours(1));
  auto object = initialized(ctx::FILE_SHARE_BACKUP);
  ASSERT_EQ(prepareSet(*object, {u"C:\\"}, false), hr::kOk);
  std::unique_ptr<AsyncOperation> async;
  ASSERT_EQ(object->doSnapshotSet(async), hr::kOk);
  const auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(async->wait(20), hr::kOk);  // S_OK by default: callers must look at QueryStatus
  EXPECT_GE(std::chrono::steady_clock::now() - start, milliseconds(20));
  hresult status = hr::kOk;
  ASSERT_EQ(async->queryStatus(status), hr::kOk);
  EXPECT_EQ(status, hr::kAsyncPending);
  machine->setWaitTimeoutResult(hr::kAsyncPending);
  EXPECT_EQ(async->wait(0), hr::kAsyncPending);
  machine->setWaitTimeoutResult(hr::kWriterNotResponding);
  EXPECT_EQ(async->wait(1), hr::kWriterNotResponding);
}

TEST_F(SimTest, CancelDuringALongDoSnapshotSetEndsItAtOnce) {
  machine->setDuration(Operation::DoSnapshotSet, std::chrono::hours(1));
  auto object = initialized(ctx::FILE_SHARE_BACKUP);
  auto other = initialized(ctx::FILE_SHARE_BACKUP);
  ASSERT_EQ(prepareSet(*object, {u"C:\\"}, false), hr::kOk);
  std::unique_ptr<AsyncOperation> async;
  ASSERT_EQ(object->doSnapshotSet(async), hr::kOk);

  hresult waited = hr::kUnexpected;
  auto start = std::chrono::steady_clock::now();
  std::thread waiter([&] { waited = async->wait(AsyncOperation::kInfinite); });
  EXPECT_EQ(async->cancel(), hr::kOk);
  waiter.join();
  EXPECT_EQ(waited, hr::kOk);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(10));

  hresult status = hr::kOk;
  ASSERT_EQ(async->queryStatus(status), hr::kOk);
  EXPECT_EQ(status, hr::kAsyncCancelled);
  EXPECT_EQ(async->cancel(), hr::kAsyncCancelled);
  EXPECT_TRUE(machine->existingSnapshots().empty());
  // SNAPSHOT_FAILED, and the machine is free.
  std::unique_ptr<AsyncOperation> complete;
  EXPECT_EQ(object->doSnapshotSet(complete), hr::kBadState);
  Guid set;
  EXPECT_EQ(other->startSnapshotSet(set), hr::kOk);
}

TEST_F(SimTest, WaitOnOneThreadWhileAnotherCancelsAfterTheWaitBegan) {
  machine->setDuration(Operation::PrepareForBackup, std::chrono::hours(1));
  auto object = initialized();
  std::unique_ptr<AsyncOperation> async;
  ASSERT_EQ(object->setBackupState(false, false, backup_type::FULL, false), hr::kOk);
  Guid set;
  ASSERT_EQ(object->startSnapshotSet(set), hr::kOk);
  ASSERT_EQ(object->prepareForBackup(async), hr::kOk);
  vss4j::testing::expectCancelEndsAnInfiniteWait(*async);
}

TEST_F(SimTest, AnAsyncMayOutliveItsObjectAndTheMachineHandle) {
  std::unique_ptr<AsyncOperation> async;
  {
    auto object = initialized(ctx::FILE_SHARE_BACKUP);
    ASSERT_EQ(prepareSet(*object, {u"C:\\"}, false), hr::kOk);
    ASSERT_EQ(object->doSnapshotSet(async), hr::kOk);
  }
  auto survivor = machine;
  machine.reset();
  hresult status = hr::kOk;
  ASSERT_EQ(async->queryStatus(status), hr::kOk);
  EXPECT_EQ(status, hr::kAsyncFinished);
  EXPECT_EQ(survivor->liveObjects(), 1);
  async.reset();
  EXPECT_EQ(survivor->liveObjects(), 0);
  machine = survivor;
}

TEST_F(SimTest, APendingAsyncMayBeDroppedAndTheOperationStillEnds) {
  machine->setDuration(Operation::DoSnapshotSet, milliseconds(20));
  machine->setDuration(Operation::GatherWriterMetadata, milliseconds(40));
  auto object = initialized(ctx::FILE_SHARE_BACKUP);
  ASSERT_EQ(prepareSet(*object, {u"C:\\"}, false), hr::kOk);
  {
    std::unique_ptr<AsyncOperation> async;
    ASSERT_EQ(object->doSnapshotSet(async), hr::kOk);
    EXPECT_EQ(machine->liveObjects(), 2);
  }
  EXPECT_EQ(machine->liveObjects(), 1);
  // An unrelated, longer operation's Wait lets the DoSnapshotSet's time pass.
  auto other = initialized();
  std::unique_ptr<AsyncOperation> slow;
  ASSERT_EQ(other->gatherWriterMetadata(slow), hr::kOk);
  ASSERT_EQ(slow->wait(kBoundMs), hr::kOk);
  EXPECT_EQ(machine->existingSnapshots().size(), 1u);
  std::vector<SnapshotProperties> found;
  EXPECT_EQ(object->query(found), hr::kOk);  // SNAPSHOT_DONE
  EXPECT_EQ(found.size(), 1u);
}

}  // namespace
}  // namespace vss4j::sim::test
