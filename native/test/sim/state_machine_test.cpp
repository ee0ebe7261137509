// The per-object state machine of VSS-BEHAVIOUR.md: every call out of order is VSS_E_BAD_STATE.
#include <functional>
#include <map>
#include <string>

#include "sim_fixture.h"

namespace vss4j::sim::test {
namespace {

// Every BackupComponents call but InitializeForBackup, each with harmless arguments; an IVssAsync handed out
// is released at once.
std::map<std::string, std::function<hresult(BackupComponents&)>> everyCall() {
  auto async = [](hresult (BackupComponents::*method)(std::unique_ptr<AsyncOperation>&)) {
    return [method](BackupComponents& o) {
      std::unique_ptr<AsyncOperation> a;
      return (o.*method)(a);
    };
  };
  return {
      {"SetContext", [](BackupComponents& o) { return o.setContext(ctx::BACKUP); }},
      {"SetBackupState",
       [](BackupComponents& o) { return o.setBackupState(false, false, backup_type::FULL, false); }},
      {"GatherWriterMetadata", async(&BackupComponents::gatherWriterMetadata)},
      {"GetWriterMetadata",
       [](BackupComponents& o) { std::vector<WriterMetadata> w; return o.getWriterMetadata(w); }},
      {"FreeWriterMetadata", [](BackupComponents& o) { return o.freeWriterMetadata(); }},
      {"StartSnapshotSet", [](BackupComponents& o) { Guid g; return o.startSnapshotSet(g); }},
      {"AddToSnapshotSet", [](BackupComponents& o) { Guid g; return o.addToSnapshotSet(u"C:\\", Guid{}, g); }},
      {"IsVolumeSupported",
       [](BackupComponents& o) { bool s = false; return o.isVolumeSupported(Guid{}, u"C:\\", s); }},
      {"PrepareForBackup", async(&BackupComponents::prepareForBackup)},
      {"DoSnapshotSet", async(&BackupComponents::doSnapshotSet)},
      {"GatherWriterStatus", async(&BackupComponents::gatherWriterStatus)},
      {"GetWriterStatus", [](BackupComponents& o) { std::vector<WriterStatus> w; return o.getWriterStatus(w); }},
      {"GetSnapshotProperties",
       [](BackupComponents& o) { SnapshotProperties p; return o.getSnapshotProperties(Guid{1, 1}, p); }},
      {"SetBackupSucceeded",
       [](BackupComponents& o) { return o.setBackupSucceeded(Guid{}, Guid{}, 1, nullptr, u"c", true); }},
      {"BackupComplete", async(&BackupComponents::backupComplete)},
      {"AbortBackup", [](BackupComponents& o) { return o.abortBackup(); }},
      {"Query", [](BackupComponents& o) { std::vector<SnapshotProperties> s; return o.query(s); }},
      {"DeleteSnapshots",
       [](BackupComponents& o) {
         std::int32_t n = 0;
         Guid g;
         return o.deleteSnapshots(Guid{1, 1}, object_type::SNAPSHOT, true, n, g);
       }},
  };
}

void expectEveryCallRefused(BackupComponents& object) {
  for (auto& [name, call] : everyCall()) EXPECT_EQ(call(object), hr::kBadState) << name;
}

TEST_F(SimTest, BeforeInitializeForBackupEverythingIsBadStateAbortIncluded) {
  auto object = create();
  expectEveryCallRefused(*object);
  EXPECT_EQ(object->initializeForBackup(nullptr), hr::kOk);
  EXPECT_EQ(object->initializeForBackup(nullptr), hr::kBadState);
}

TEST_F(SimTest, AfterAbortOnlyReleaseRemains) {
  auto object = initialized(ctx::FILE_SHARE_BACKUP);
  Guid set;
  ASSERT_EQ(object->startSnapshotSet(set), hr::kOk);
  ASSERT_EQ(object->abortBackup(), hr::kOk);
  expectEveryCallRefused(*object);
  EXPECT_EQ(object->initializeForBackup(nullptr), hr::kBadState);
}

TEST_F(SimTest, AbortWithNothingInProgressIsIgnored) {
  auto object = initialized();
  EXPECT_EQ(object->abortBackup(), hr::kOk);
  Guid set;
  EXPECT_EQ(object->startSnapshotSet(set), hr::kOk);  // still usable
}

TEST_F(SimTest, SetContextOnlyOnceAndOnlyBeforeTheBackupStarts) {
  auto object = create();
  ASSERT_EQ(object->initializeForBackup(nullptr), hr::kOk);
  EXPECT_EQ(object->setContext(0x1234), hr::kInvalidArg);
  EXPECT_EQ(object->setContext(ctx::BACKUP), hr::kOk);
  EXPECT_EQ(object->setContext(ctx::BACKUP), hr::kBadState);
  EXPECT_EQ(object->setContext(ctx::FILE_SHARE_BACKUP), hr::kBadState);

  auto other = create();
  ASSERT_EQ(other->initializeForBackup(nullptr), hr::kOk);
  ASSERT_EQ(runAsync([&](auto& a) { return other->gatherWriterMetadata(a); }), hr::kAsyncFinished);
  EXPECT_EQ(other->setContext(ctx::BACKUP), hr::kBadState);
}

TEST_F(SimTest, GatherWriterMetadataOnlyOnce) {
  auto object = initialized();
  ASSERT_EQ(runAsync([&](auto& a) { return object->gatherWriterMetadata(a); }), hr::kAsyncFinished);
  std::unique_ptr<AsyncOperation> again;
  EXPECT_EQ(object->gatherWriterMetadata(again), hr::kBadState);
  EXPECT_EQ(again, nullptr);
}

TEST_F(SimTest, WriterMetadataOnlyBetweenGatherAndFree) {
  auto object = initialized();
  std::vector<WriterMetadata> writers;
  EXPECT_EQ(object->getWriterMetadata(writers), hr::kBadState);
  EXPECT_EQ(object->freeWriterMetadata(), hr::kBadState);
  ASSERT_EQ(runAsync([&](auto& a) { return object->gatherWriterMetadata(a); }), hr::kAsyncFinished);
  EXPECT_EQ(object->getWriterMetadata(writers), hr::kOk);
  EXPECT_EQ(object->freeWriterMetadata(), hr::kOk);
  EXPECT_EQ(object->getWriterMetadata(writers), hr::kBadState);
  EXPECT_EQ(object->freeWriterMetadata(), hr::kBadState);
}

TEST_F(SimTest, AddToSnapshotSetNeedsAnOpenSet) {
  auto object = initialized(ctx::FILE_SHARE_BACKUP);
  Guid id;
  EXPECT_EQ(object->addToSnapshotSet(u"C:\\", Guid{}, id), hr::kBadState);
}

TEST_F(SimTest, SetBackupStateOnlyBeforeTheSetStarts) {
  auto object = initialized();
  Guid set;
  ASSERT_EQ(object->setBackupState(false, false, 99, false), hr::kInvalidArg);
  ASSERT_EQ(object->startSnapshotSet(set), hr::kOk);
  EXPECT_EQ(object->setBackupState(false, false, backup_type::FULL, false), hr::kBadState);
}

TEST_F(SimTest, StartSnapshotSetInContextAllIsRefused) {
  auto object = initialized(ctx::ALL);
  Guid set;
  EXPECT_EQ(object->startSnapshotSet(set), hr::kBadState);
}

TEST_F(SimTest, OneObjectServesOneSnapshotSet) {
  auto object = initialized(ctx::FILE_SHARE_BACKUP);
  ASSERT_EQ(prepareSet(*object, {u"C:\\"}, false), hr::kOk);
  ASSERT_EQ(doSnapshot(*object), hr::kAsyncFinished);
  std::unique_ptr<AsyncOperation> async;
  EXPECT_EQ(object->doSnapshotSet(async), hr::kBadState);
  EXPECT_EQ(async, nullptr);
  Guid id;
  EXPECT_EQ(object->startSnapshotSet(id), hr::kBadState);
  EXPECT_EQ(object->addToSnapshotSet(u"D:\\", Guid{}, id), hr::kBadState);
  EXPECT_EQ(machine->existingSnapshots().size(), 1u);
}

TEST_F(SimTest, BackupCompleteAfterAFailedDoSnapshotSetIsBadState) {
  machine->addFault(FaultSpec{Operation::DoSnapshotSet, hr::kFlushWritesTimeout, true});
  auto object = initialized();
  ASSERT_EQ(prepareSet(*object, {u"C:\\"}, true), hr::kOk);
  ASSERT_EQ(doSnapshot(*object), hr::kFlushWritesTimeout);
  std::unique_ptr<AsyncOperation> async;
  EXPECT_EQ(object->backupComplete(async), hr::kBadState);
  EXPECT_EQ(object->doSnapshotSet(async), hr::kBadState);
  SnapshotProperties p;
  EXPECT_EQ(object->getSnapshotProperties(Guid{1, 1}, p), hr::kBadState);
  // Writer status may still be read, to learn why; then abort and release.
  EXPECT_EQ(runAsync([&](auto& a) { return object->gatherWriterStatus(a); }), hr::kAsyncFinished);
  EXPECT_EQ(object->abortBackup(), hr::kOk);
  EXPECT_EQ(object->abortBackup(), hr::kBadState);
}

class WriterContexts : public SimTest, public ::testing::WithParamInterface<std::int32_t> {};

TEST_P(WriterContexts, DoSnapshotSetNeedsGatherWriterMetadata) {
  auto object = initialized(GetParam());
  ASSERT_EQ(prepareSet(*object, {u"C:\\"}, false), hr::kOk);
  ASSERT_EQ(object->setBackupState(false, false, backup_type::FULL, false), hr::kBadState);  // set is open
  auto other = initialized(GetParam());
  ASSERT_EQ(other->setBackupState(false, false, backup_type::FULL, false), hr::kOk);
  ASSERT_EQ(object->abortBackup(), hr::kOk);
  Guid set, id;
  ASSERT_EQ(other->startSnapshotSet(set), hr::kOk);
  ASSERT_EQ(other->addToSnapshotSet(u"C:\\", Guid{}, id), hr::kOk);
  ASSERT_EQ(runAsync([&](auto& a) { return other->prepareForBackup(a); }), hr::kAsyncFinished);
  std::unique_ptr<AsyncOperation> async;
  EXPECT_EQ(other->doSnapshotSet(async), hr::kBadState);
  EXPECT_EQ(async, nullptr);
}

TEST_P(WriterContexts, DoSnapshotSetNeedsPrepareForBackup) {
  auto object = initialized(GetParam());
  ASSERT_EQ(object->setBackupState(false, false, backup_type::FULL, false), hr::kOk);
  ASSERT_EQ(runAsync([&](auto& a) { return object->gatherWriterMetadata(a); }), hr::kAsyncFinished);
  Guid set, id;
  ASSERT_EQ(object->startSnapshotSet(set), hr::kOk);
  ASSERT_EQ(object->addToSnapshotSet(u"C:\\", Guid{}, id), hr::kOk);
  std::unique_ptr<AsyncOperation> async;
  EXPECT_EQ(object->doSnapshotSet(async), hr::kBadState);
  EXPECT_EQ(object->backupComplete(async), hr::kBadState);
  EXPECT_EQ(runAsync([&](auto& a) { return object->prepareForBackup(a); }), hr::kAsyncFinished);
  EXPECT_EQ(doSnapshot(*object), hr::kAsyncFinished);
}

TEST_P(WriterContexts, PrepareForBackupNeedsSetBackupState) {
  auto object = initialized(GetParam());
  ASSERT_EQ(runAsync([&](auto& a) { return object->gatherWriterMetadata(a); }), hr::kAsyncFinished);
  Guid set;
  ASSERT_EQ(object->startSnapshotSet(set), hr::kOk);
  std::unique_ptr<AsyncOperation> async;
  EXPECT_EQ(object->prepareForBackup(async), hr::kBadState);
  EXPECT_EQ(async, nullptr);
}

INSTANTIATE_TEST_SUITE_P(Sim, WriterContexts,
                         ::testing::Values(ctx::BACKUP, ctx::APP_ROLLBACK, ctx::CLIENT_ACCESSIBLE_WRITERS));

class NoWriterContexts : public SimTest, public ::testing::WithParamInterface<std::int32_t> {};

TEST_P(NoWriterContexts, PrepareForBackupBackupCompleteAndSetBackupSucceededAreRefused) {
  auto object = initialized(GetParam());
  ASSERT_EQ(object->setBackupState(false, false, backup_type::FULL, false), hr::kOk);
  ASSERT_EQ(prepareSet(*object, {u"C:\\"}, false), hr::kOk);
  std::unique_ptr<AsyncOperation> async;
  EXPECT_EQ(object->prepareForBackup(async), hr::kBadState);
  EXPECT_EQ(async, nullptr);
  ASSERT_EQ(doSnapshot(*object), hr::kAsyncFinished);
  EXPECT_EQ(object->backupComplete(async), hr::kBadState);
  EXPECT_EQ(async, nullptr);
  EXPECT_EQ(object->setBackupSucceeded(Guid{}, Guid{}, 1, nullptr, u"c", true), hr::kBadState);
}

INSTANTIATE_TEST_SUITE_P(Sim, NoWriterContexts,
                         ::testing::Values(ctx::FILE_SHARE_BACKUP, ctx::NAS_ROLLBACK, ctx::CLIENT_ACCESSIBLE));

TEST_F(SimTest, WhileAnOperationIsPendingOnlyItsAsyncAndAbortAreServed) {
  machine->setDuration(Operation::GatherWriterMetadata, std::chrono::hours(1));
  auto object = initialized();
  std::unique_ptr<AsyncOperation> gather;
  ASSERT_EQ(object->gatherWriterMetadata(gather), hr::kOk);
  std::vector<WriterMetadata> writers;
  EXPECT_EQ(object->getWriterMetadata(writers), hr::kBadState);
  Guid set;
  EXPECT_EQ(object->startSnapshotSet(set), hr::kBadState);
  EXPECT_EQ(object->setBackupState(false, false, backup_type::FULL, false), hr::kBadState);
  hresult status = hr::kOk;
  ASSERT_EQ(gather->queryStatus(status), hr::kOk);
  EXPECT_EQ(status, hr::kAsyncPending);
  EXPECT_EQ(object->abortBackup(), hr::kOk);
  ASSERT_EQ(gather->queryStatus(status), hr::kOk);
  EXPECT_EQ(status, hr::kAsyncCancelled);
}

TEST_F(SimTest, WriterStatusNeedsGatherWriterStatus) {
  auto object = initialized();
  ASSERT_EQ(prepareSet(*object, {u"C:\\"}, true), hr::kOk);
  std::vector<WriterStatus> status;
  EXPECT_EQ(object->getWriterStatus(status), hr::kBadState);
  ASSERT_EQ(runAsync([&](auto& a) { return object->gatherWriterStatus(a); }), hr::kAsyncFinished);
  EXPECT_EQ(object->getWriterStatus(status), hr::kOk);
}

// As the Windows backend does: a read frees the gathered status (FreeWriterStatus); the next needs a new gather.
TEST_F(SimTest, WriterStatusIsReadOnceForEachGather) {
  machine->addWriter(WriterSpec{u"A", Guid{1, 1}, Guid{1, 2}});
  auto object = initialized();
  ASSERT_EQ(prepareSet(*object, {u"C:\\"}, true), hr::kOk);
  std::vector<WriterStatus> status;
  ASSERT_EQ(runAsync([&](auto& a) { return object->gatherWriterStatus(a); }), hr::kAsyncFinished);
  ASSERT_EQ(object->getWriterStatus(status), hr::kOk);
  EXPECT_EQ(status.size(), 1u);
  EXPECT_EQ(object->getWriterStatus(status), hr::kBadState);
  ASSERT_EQ(runAsync([&](auto& a) { return object->gatherWriterStatus(a); }), hr::kAsyncFinished);
  ASSERT_EQ(object->getWriterStatus(status), hr::kOk);
  EXPECT_EQ(status.size(), 1u);
}

TEST_F(SimTest, WriterMetadataIsReadableUntilItIsFreed) {
  machine->addWriter(WriterSpec{u"A", Guid{1, 1}, Guid{1, 2}});
  auto object = initialized();
  ASSERT_EQ(runAsync([&](auto& a) { return object->gatherWriterMetadata(a); }), hr::kAsyncFinished);
  std::vector<WriterMetadata> writers;
  ASSERT_EQ(object->getWriterMetadata(writers), hr::kOk);
  ASSERT_EQ(object->getWriterMetadata(writers), hr::kOk);
  EXPECT_EQ(writers.size(), 1u);
  ASSERT_EQ(object->freeWriterMetadata(), hr::kOk);
  EXPECT_EQ(object->getWriterMetadata(writers), hr::kBadState);
}

TEST_F(SimTest, AFailedPrepareForBackupLeavesOnlyAbortAndRelease) {
  machine->addFault(FaultSpec{Operation::PrepareForBackup, hr::kWriterInfrastructure, true});
  auto object = initialized();
  ASSERT_EQ(prepareSet(*object, {u"C:\\"}, true), hr::kWriterInfrastructure);
  std::unique_ptr<AsyncOperation> async;
  EXPECT_EQ(object->doSnapshotSet(async), hr::kBadState);
  // The set it held is given up: another object may start one.
  auto other = initialized(ctx::FILE_SHARE_BACKUP);
  Guid set;
  EXPECT_EQ(other->startSnapshotSet(set), hr::kOk);
  EXPECT_EQ(object->abortBackup(), hr::kOk);
}

TEST_F(SimTest, CallsOutsideTheirStates) {
  auto object = initialized(ctx::FILE_SHARE_BACKUP);
  std::unique_ptr<AsyncOperation> async;
  EXPECT_EQ(object->doSnapshotSet(async), hr::kBadState);  // no set started
  EXPECT_EQ(object->gatherWriterStatus(async), hr::kBadState);
  Guid set, id;
  ASSERT_EQ(object->startSnapshotSet(set), hr::kOk);
  ASSERT_EQ(object->addToSnapshotSet(u"C:\\", Guid{}, id), hr::kOk);
  SnapshotProperties p;
  EXPECT_EQ(object->getSnapshotProperties(id, p), hr::kBadState);  // not made yet
  std::vector<SnapshotProperties> found;
  EXPECT_EQ(object->query(found), hr::kBadState);
  std::int32_t deleted = 0;
  EXPECT_EQ(object->deleteSnapshots(id, object_type::SNAPSHOT, true, deleted, set), hr::kBadState);
  EXPECT_EQ(object->setContext(ctx::BACKUP), hr::kBadState);

  auto writerObject = initialized(ctx::BACKUP);
  ASSERT_EQ(object->abortBackup(), hr::kOk);
  ASSERT_EQ(prepareSet(*writerObject, {u"C:\\"}, true), hr::kOk);
  EXPECT_EQ(writerObject->prepareForBackup(async), hr::kBadState);  // PrepareForBackup twice
  EXPECT_EQ(writerObject->addToSnapshotSet(u"D:\\", Guid{}, id), hr::kBadState);  // after PrepareForBackup
  ASSERT_EQ(doSnapshot(*writerObject), hr::kAsyncFinished);
  ASSERT_EQ(runAsync([&](auto& a) { return writerObject->backupComplete(a); }), hr::kAsyncFinished);
  EXPECT_EQ(writerObject->backupComplete(async), hr::kBadState);  // BackupComplete twice
  EXPECT_EQ(writerObject->abortBackup(), hr::kBadState);          // nothing left to abort
  EXPECT_EQ(runAsync([&](auto& a) { return writerObject->gatherWriterStatus(a); }), hr::kAsyncFinished);
}

TEST_F(SimTest, TheCallLogHasEveryCallRefusedOnesIncluded) {
  auto object = create();
  Guid set;
  EXPECT_EQ(object->startSnapshotSet(set), hr::kBadState);
  EXPECT_EQ(object->initializeForBackup(nullptr), hr::kOk);
  EXPECT_EQ(object->abortBackup(), hr::kOk);
  const std::vector<Operation> expected{Operation::CreateBackupComponents, Operation::StartSnapshotSet,
                                        Operation::InitializeForBackup, Operation::AbortBackup};
  EXPECT_EQ(machine->callLog(), expected);
}

}  // namespace
}  // namespace vss4j::sim::test
