// Only one snapshot set may be in creation on a machine, from StartSnapshotSet to the end of its DoSnapshotSet.
#include "sim_fixture.h"

namespace vss4j::sim::test {
namespace {

TEST_F(SimTest, ASecondSetOnTheMachineIsRefusedUntilTheFirstDoSnapshotSetEnds) {
  auto first = initialized(ctx::FILE_SHARE_BACKUP);
  auto second = initialized(ctx::FILE_SHARE_BACKUP);
  ASSERT_EQ(prepareSet(*first, {u"C:\\"}, false), hr::kOk);
  Guid set;
  EXPECT_EQ(second->startSnapshotSet(set), hr::kSnapshotSetInProgress);
  ASSERT_EQ(doSnapshot(*first), hr::kAsyncFinished);
  EXPECT_EQ(second->startSnapshotSet(set), hr::kOk);
}

TEST_F(SimTest, TheLockIsHeldWhileDoSnapshotSetIsPendingAndGoesWhenItEndsUnwatched) {
  machine->setDuration(Operation::DoSnapshotSet, std::chrono::milliseconds(30));
  machine->setDuration(Operation::GatherWriterMetadata, std::chrono::milliseconds(60));
  auto first = initialized(ctx::FILE_SHARE_BACKUP);
  auto second = initialized(ctx::BACKUP);
  ASSERT_EQ(prepareSet(*first, {u"C:\\"}, false), hr::kOk);
  {
    std::unique_ptr<AsyncOperation> snapshot;
    ASSERT_EQ(first->doSnapshotSet(snapshot), hr::kOk);
    Guid set;
    EXPECT_EQ(second->startSnapshotSet(set), hr::kSnapshotSetInProgress);
  }  // nobody will ever wait on the DoSnapshotSet
  // Waiting on something unrelated that takes longer lets the DoSnapshotSet's time pass.
  std::unique_ptr<AsyncOperation> gather;
  ASSERT_EQ(second->gatherWriterMetadata(gather), hr::kOk);
  ASSERT_EQ(gather->wait(kBoundMs), hr::kOk);
  Guid set;
  EXPECT_EQ(second->startSnapshotSet(set), hr::kOk);
  EXPECT_EQ(machine->existingSnapshots().size(), 1u);
}

TEST_F(SimTest, AbortReleasesTheLock) {
  auto first = initialized(ctx::FILE_SHARE_BACKUP);
  auto second = initialized(ctx::FILE_SHARE_BACKUP);
  Guid set;
  ASSERT_EQ(first->startSnapshotSet(set), hr::kOk);
  EXPECT_EQ(second->startSnapshotSet(set), hr::kSnapshotSetInProgress);
  ASSERT_EQ(first->abortBackup(), hr::kOk);
  EXPECT_EQ(second->startSnapshotSet(set), hr::kOk);
}

TEST_F(SimTest, ReleaseReleasesTheLock) {
  auto second = initialized(ctx::FILE_SHARE_BACKUP);
  Guid set;
  {
    auto first = initialized(ctx::FILE_SHARE_BACKUP);
    ASSERT_EQ(first->startSnapshotSet(set), hr::kOk);
    EXPECT_EQ(second->startSnapshotSet(set), hr::kSnapshotSetInProgress);
  }
  EXPECT_EQ(second->startSnapshotSet(set), hr::kOk);
}

TEST_F(SimTest, ReleaseDuringAPendingDoSnapshotSetCancelsItAndReleasesTheLock) {
  machine->setDuration(Operation::DoSnapshotSet, std::chrono::hours(1));
  auto second = initialized(ctx::FILE_SHARE_BACKUP);
  std::unique_ptr<AsyncOperation> snapshot;
  {
    auto first = initialized(ctx::FILE_SHARE_BACKUP);
    ASSERT_EQ(prepareSet(*first, {u"C:\\"}, false), hr::kOk);
    ASSERT_EQ(first->doSnapshotSet(snapshot), hr::kOk);
  }
  // The IVssAsync outlives its object and tells what happened.
  EXPECT_EQ(snapshot->wait(kBoundMs), hr::kOk);
  hresult status = hr::kOk;
  ASSERT_EQ(snapshot->queryStatus(status), hr::kOk);
  EXPECT_EQ(status, hr::kAsyncCancelled);
  Guid set;
  EXPECT_EQ(second->startSnapshotSet(set), hr::kOk);
  EXPECT_TRUE(machine->existingSnapshots().empty());
}

TEST_F(SimTest, AFailedDoSnapshotSetReleasesTheLockEitherWay) {
  machine->addFault(FaultSpec{Operation::DoSnapshotSet, hr::kRebootRequired, false, 1, 1});
  machine->addFault(FaultSpec{Operation::DoSnapshotSet, hr::kRebootRequired, true, 2, 1});
  for (int round = 0; round < 2; ++round) {
    auto first = initialized(ctx::FILE_SHARE_BACKUP);
    auto second = initialized(ctx::FILE_SHARE_BACKUP);
    ASSERT_EQ(prepareSet(*first, {u"C:\\"}, false), hr::kOk);
    EXPECT_EQ(doSnapshot(*first), hr::kRebootRequired) << round;
    Guid set;
    EXPECT_EQ(second->startSnapshotSet(set), hr::kOk) << round;
  }
}

TEST_F(SimTest, ASecondStartSnapshotSetOnTheSameObjectIsBadState) {
  auto first = initialized(ctx::FILE_SHARE_BACKUP);
  Guid set;
  ASSERT_EQ(first->startSnapshotSet(set), hr::kOk);
  Guid again;
  EXPECT_EQ(first->startSnapshotSet(again), hr::kBadState);
}

}  // namespace
}  // namespace vss4j::sim::test
