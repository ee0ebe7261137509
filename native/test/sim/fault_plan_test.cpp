// The fault plan: any operation fails with any HRESULT, at once or through QueryStatus, on chosen attempts.
#include <tuple>

#include "sim_fixture.h"

namespace vss4j::sim::test {
namespace {

const hresult kDoSnapshotSetErrors[] = {
    hr::kAccessDenied,          hr::kInvalidArg,       hr::kOutOfMemory,
    hr::kBadState,              hr::kInsufficientStorage, hr::kFlushWritesTimeout,
    hr::kHoldWritesTimeout,     hr::kNestedVolumeLimit, hr::kProviderVeto,
    hr::kRebootRequired,        hr::kTransactionFreezeTimeout, hr::kTransactionThawTimeout,
    hr::kVssUnexpected,         hr::kUnexpected,       hr::kUnexpectedProviderError};

bool queryStatusOnly(hresult error) {
  return error == hr::kInsufficientStorage || error == hr::kProviderVeto || error == hr::kUnexpectedProviderError;
}

class DoSnapshotSetFaults : public SimTest, public ::testing::WithParamInterface<std::tuple<hresult, bool>> {};

TEST_P(DoSnapshotSetFaults, FailTheSetLeaveNoCopyAndFreeTheMachine) {
  const auto [error, throughQueryStatus] = GetParam();
  machine->addFault(FaultSpec{Operation::DoSnapshotSet, error, throughQueryStatus});
  machine->addWriter(WriterSpec{u"W", Guid{7, 1}, Guid{7, 2}});
  {
    auto object = initialized();
    ASSERT_EQ(prepareSet(*object, {u"C:\\", u"D:\\"}, true), hr::kOk);
    std::unique_ptr<AsyncOperation> async;
    const hresult started = object->doSnapshotSet(async);
    if (throughQueryStatus || queryStatusOnly(error)) {
      ASSERT_EQ(started, hr::kOk);
      ASSERT_NE(async, nullptr);
      EXPECT_EQ(async->wait(kBoundMs), error);
      hresult status = hr::kOk;
      ASSERT_EQ(async->queryStatus(status), hr::kOk);
      EXPECT_EQ(status, error);
      EXPECT_EQ(async->cancel(), error);
    } else {
      EXPECT_EQ(started, error);
      EXPECT_EQ(async, nullptr);
    }
    EXPECT_TRUE(machine->existingSnapshots().empty());
    // SNAPSHOT_FAILED: no BackupComplete, writers back to stable, abort then release.
    EXPECT_EQ(object->backupComplete(async), hr::kBadState);
    ASSERT_EQ(runAsync([&](auto& a) { return object->gatherWriterStatus(a); }), hr::kAsyncFinished);
    std::vector<WriterStatus> status;
    ASSERT_EQ(object->getWriterStatus(status), hr::kOk);
    ASSERT_EQ(status.size(), 1u);
    EXPECT_EQ(status[0].state, writer_state::STABLE);
    EXPECT_EQ(object->abortBackup(), hr::kOk);
  }
  // The machine is free again, and the plan hit only the first attempt.
  auto retry = initialized();
  ASSERT_EQ(prepareSet(*retry, {u"C:\\", u"D:\\"}, true), hr::kOk);
  EXPECT_EQ(doSnapshot(*retry), hr::kAsyncFinished);
  EXPECT_EQ(machine->existingSnapshots().size(), 2u);
}

INSTANTIATE_TEST_SUITE_P(Sim, DoSnapshotSetFaults,
                         ::testing::Combine(::testing::ValuesIn(kDoSnapshotSetErrors), ::testing::Bool()));

TEST_F(SimTest, AttemptsAreCountedAcrossObjects) {
  machine->addFault(FaultSpec{Operation::DoSnapshotSet, hr::kProviderVeto, true, 2, 2});
  const hresult expected[] = {hr::kAsyncFinished, hr::kProviderVeto, hr::kProviderVeto, hr::kAsyncFinished};
  for (hresult outcome : expected) {
    auto object = initialized(ctx::FILE_SHARE_BACKUP);
    ASSERT_EQ(prepareSet(*object, {u"C:\\"}, false), hr::kOk);
    EXPECT_EQ(doSnapshot(*object), outcome);
  }
}

TEST_F(SimTest, AFaultForEveryAttemptFromOneOn) {
  machine->addFault(FaultSpec{Operation::DoSnapshotSet, hr::kHoldWritesTimeout, false, 3, -1});
  const hresult expected[] = {hr::kAsyncFinished, hr::kAsyncFinished, hr::kHoldWritesTimeout, hr::kHoldWritesTimeout,
                              hr::kHoldWritesTimeout};
  for (hresult outcome : expected) {
    auto object = initialized(ctx::FILE_SHARE_BACKUP);
    ASSERT_EQ(prepareSet(*object, {u"C:\\"}, false), hr::kOk);
    EXPECT_EQ(doSnapshot(*object), outcome);
  }
}

TEST_F(SimTest, FaultsOnOtherOperations) {
  machine->addFault(FaultSpec{Operation::InitializeForBackup, hr::kAccessDenied});
  machine->addFault(FaultSpec{Operation::GatherWriterMetadata, hr::kWriterInfrastructure, true});
  machine->addFault(FaultSpec{Operation::StartSnapshotSet, hr::kUnexpected});
  machine->addFault(FaultSpec{Operation::AddToSnapshotSet, hr::kNestedVolumeLimit});
  machine->addFault(FaultSpec{Operation::GetSnapshotProperties, hr::kProviderVeto});

  auto object = create();
  EXPECT_EQ(object->initializeForBackup(nullptr), hr::kAccessDenied);
  ASSERT_EQ(object->initializeForBackup(nullptr), hr::kOk);  // the call had no effect: it may be made again
  EXPECT_EQ(runAsync([&](auto& a) { return object->gatherWriterMetadata(a); }), hr::kWriterInfrastructure);

  auto other = initialized(ctx::FILE_SHARE_BACKUP);
  Guid set, id;
  EXPECT_EQ(other->startSnapshotSet(set), hr::kUnexpected);
  auto third = initialized(ctx::FILE_SHARE_BACKUP);
  EXPECT_EQ(third->startSnapshotSet(set), hr::kOk);  // the failed start held no lock
  EXPECT_EQ(third->addToSnapshotSet(u"C:\\", Guid{}, id), hr::kNestedVolumeLimit);
  ASSERT_EQ(third->addToSnapshotSet(u"C:\\", Guid{}, id), hr::kOk);
  ASSERT_EQ(doSnapshot(*third), hr::kAsyncFinished);
  SnapshotProperties p;
  EXPECT_EQ(third->getSnapshotProperties(id, p), hr::kProviderVeto);
  EXPECT_EQ(third->getSnapshotProperties(id, p), hr::kOk);
}

TEST_F(SimTest, AFaultedAsyncCallHandsOutNoAsync) {
  machine->addFault(FaultSpec{Operation::GatherWriterStatus, hr::kWriterInfrastructure});
  auto object = initialized(ctx::FILE_SHARE_BACKUP);
  ASSERT_EQ(prepareSet(*object, {u"C:\\"}, false), hr::kOk);
  ASSERT_EQ(doSnapshot(*object), hr::kAsyncFinished);
  std::unique_ptr<AsyncOperation> async;
  EXPECT_EQ(object->gatherWriterStatus(async), hr::kWriterInfrastructure);
  EXPECT_EQ(async, nullptr);
}

}  // namespace
}  // namespace vss4j::sim::test
