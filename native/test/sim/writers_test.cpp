// Writers: identity, states through the phases, failures and hangs, and whether they fail the set.
#include <string>

#include "sim_fixture.h"

namespace vss4j::sim::test {
namespace {

WriterSpec writer(const char16_t* name, std::uint64_t n, WriterPhase failsAt = WriterPhase::None,
                  hresult failure = hr::kWriterErrorRetryable, bool hangs = false) {
  return WriterSpec{name, Guid{n, 1}, Guid{n, 2}, failsAt, failure, hangs};
}

class WriterTest : public SimTest {
 protected:
  std::vector<WriterStatus> status(BackupComponents& object) {
    std::vector<WriterStatus> rows;
    EXPECT_EQ(runAsync([&](auto& a) { return object.gatherWriterStatus(a); }), hr::kAsyncFinished);
    EXPECT_EQ(object.getWriterStatus(rows), hr::kOk);
    return rows;
  }
};

TEST_F(WriterTest, StatesMoveThroughThePhases) {
  machine->addWriter(writer(u"A", 1));
  machine->addWriter(writer(u"B", 2));
  auto object = initialized();
  ASSERT_EQ(prepareSet(*object, {u"C:\\"}, true), hr::kOk);
  auto rows = status(*object);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].writerName, u"A");
  EXPECT_EQ(rows[0].writerId, (Guid{1, 1}));
  EXPECT_EQ(rows[0].instanceId, (Guid{1, 2}));
  EXPECT_EQ(rows[0].state, writer_state::STABLE);
  ASSERT_EQ(doSnapshot(*object), hr::kAsyncFinished);
  rows = status(*object);
  EXPECT_EQ(rows[0].state, writer_state::WAITING_FOR_BACKUP_COMPLETE);
  EXPECT_EQ(rows[1].state, writer_state::WAITING_FOR_BACKUP_COMPLETE);
  ASSERT_EQ(runAsync([&](auto& a) { return object->backupComplete(a); }), hr::kAsyncFinished);
  rows = status(*object);
  EXPECT_EQ(rows[0].state, writer_state::STABLE);
  EXPECT_EQ(rows[1].state, writer_state::STABLE);
}

struct PhaseCase {
  WriterPhase phase;
  std::int32_t failedState;
};

std::string phaseName(const ::testing::TestParamInfo<PhaseCase>& param) {
  static const char* const kNames[] = {"None", "Identify", "PrepareBackup", "PrepareSnapshot",
                                       "Freeze", "Thaw", "PostSnapshot", "BackupComplete"};
  return kNames[static_cast<int>(param.param.phase)];
}

class WriterFailures : public WriterTest, public ::testing::WithParamInterface<PhaseCase> {};

TEST_P(WriterFailures, AFailingWriterShowsItsPhaseAndErrorWhileTheSetSucceeds) {
  machine->addWriter(writer(u"Good", 1));
  machine->addWriter(writer(u"Bad", 2, GetParam().phase, hr::kWriterErrorNonRetryable));
  auto object = initialized();
  ASSERT_EQ(prepareSet(*object, {u"C:\\"}, true), hr::kOk);
  ASSERT_EQ(doSnapshot(*object), hr::kAsyncFinished);
  ASSERT_EQ(runAsync([&](auto& a) { return object->backupComplete(a); }), hr::kAsyncFinished);
  auto rows = status(*object);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].state, writer_state::STABLE);
  EXPECT_EQ(rows[0].failure, hr::kOk);
  EXPECT_EQ(rows[1].state, GetParam().failedState);
  EXPECT_EQ(rows[1].failure, hr::kWriterErrorNonRetryable);
  EXPECT_EQ(machine->existingSnapshots().size(), 1u);
}

INSTANTIATE_TEST_SUITE_P(
    Sim, WriterFailures,
    ::testing::Values(PhaseCase{WriterPhase::Identify, writer_state::FAILED_AT_IDENTIFY},
                      PhaseCase{WriterPhase::PrepareBackup, writer_state::FAILED_AT_PREPARE_BACKUP},
                      PhaseCase{WriterPhase::PrepareSnapshot, writer_state::FAILED_AT_PREPARE_SNAPSHOT},
                      PhaseCase{WriterPhase::Freeze, writer_state::FAILED_AT_FREEZE},
                      PhaseCase{WriterPhase::Thaw, writer_state::FAILED_AT_THAW},
                      PhaseCase{WriterPhase::PostSnapshot, writer_state::FAILED_AT_POST_SNAPSHOT},
                      PhaseCase{WriterPhase::BackupComplete, writer_state::FAILED_AT_BACKUP_COMPLETE}),
    phaseName);

TEST_F(WriterTest, AWriterThatFailsToIdentifyHasNoMetadata) {
  machine->addWriter(writer(u"Good", 1));
  machine->addWriter(writer(u"Bad", 2, WriterPhase::Identify));
  auto object = initialized();
  ASSERT_EQ(runAsync([&](auto& a) { return object->gatherWriterMetadata(a); }), hr::kAsyncFinished);
  std::vector<WriterMetadata> metadata;
  ASSERT_EQ(object->getWriterMetadata(metadata), hr::kOk);
  ASSERT_EQ(metadata.size(), 1u);
  EXPECT_EQ(metadata[0].writerName, u"Good");
}

TEST_F(WriterTest, AWriterFailureFailsTheSetWhenConfiguredSo) {
  machine->addWriter(writer(u"Bad", 2, WriterPhase::Freeze, hr::kWriterErrorRetryable));
  machine->setWriterFailureFailsSnapshotSet(true);
  auto object = initialized();
  ASSERT_EQ(prepareSet(*object, {u"C:\\"}, true), hr::kOk);
  EXPECT_EQ(doSnapshot(*object), hr::kUnexpectedWriterError);
  EXPECT_TRUE(machine->existingSnapshots().empty());
  auto rows = status(*object);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].state, writer_state::FAILED_AT_FREEZE);
  EXPECT_EQ(rows[0].failure, hr::kWriterErrorRetryable);
  // The machine is free again.
  auto other = initialized(ctx::FILE_SHARE_BACKUP);
  Guid set;
  EXPECT_EQ(other->startSnapshotSet(set), hr::kOk);
}

TEST_F(WriterTest, AHangingWriterHoldsThePhaseUntilTheWriterTimeout) {
  machine->addWriter(writer(u"Slow", 3, WriterPhase::Freeze, hr::kWriterErrorRetryable, true));
  machine->setWriterTimeout(std::chrono::milliseconds(60));
  auto object = initialized();
  ASSERT_EQ(prepareSet(*object, {u"C:\\"}, true), hr::kOk);
  std::unique_ptr<AsyncOperation> async;
  const auto start = std::chrono::steady_clock::now();
  ASSERT_EQ(object->doSnapshotSet(async), hr::kOk);
  hresult state = hr::kOk;
  ASSERT_EQ(async->queryStatus(state), hr::kOk);
  EXPECT_EQ(state, hr::kAsyncPending);
  EXPECT_EQ(async->wait(kBoundMs), hr::kOk);
  EXPECT_GE(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(60));
  auto rows = status(*object);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].state, writer_state::FAILED_AT_FREEZE);
  EXPECT_EQ(rows[0].failure, hr::kWriterErrorTimeout);
}

TEST_F(WriterTest, WritersTakeNoPartInNoWriterContexts) {
  machine->addWriter(writer(u"Bad", 2, WriterPhase::Freeze));
  machine->setWriterFailureFailsSnapshotSet(true);
  auto object = initialized(ctx::NAS_ROLLBACK);
  ASSERT_EQ(runAsync([&](auto& a) { return object->gatherWriterMetadata(a); }), hr::kAsyncFinished);
  std::vector<WriterMetadata> metadata;
  ASSERT_EQ(object->getWriterMetadata(metadata), hr::kOk);
  EXPECT_TRUE(metadata.empty());
  ASSERT_EQ(prepareSet(*object, {u"C:\\"}, false), hr::kOk);
  EXPECT_EQ(doSnapshot(*object), hr::kAsyncFinished);
  EXPECT_TRUE(status(*object).empty());
}

// A known writer is not enough: the component must be in the backup (components_test.cpp has the accepted case).
TEST_F(WriterTest, SetBackupSucceededNeedsAComponentOfTheBackup) {
  machine->addWriter(writer(u"A", 1));
  auto object = initialized();
  ASSERT_EQ(prepareSet(*object, {u"C:\\"}, true), hr::kOk);
  EXPECT_EQ(object->setBackupSucceeded(Guid{1, 2}, Guid{1, 1}, 1, nullptr, u"c", true), hr::kBadState);
  ASSERT_EQ(doSnapshot(*object), hr::kAsyncFinished);
  EXPECT_EQ(object->setBackupSucceeded(Guid{9, 2}, Guid{9, 1}, 1, nullptr, u"c", true), hr::kObjectNotFound);
  EXPECT_EQ(object->setBackupSucceeded(Guid{1, 2}, Guid{1, 1}, 1, nullptr, u"c", true), hr::kObjectNotFound);
}

}  // namespace
}  // namespace vss4j::sim::test
