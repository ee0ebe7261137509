// Enable/DisableWriterClasses and DisableWriterInstances decide which writers take part.
#include <set>
#include <string>

#include "sim_fixture.h"

namespace vss4j::sim::test {
namespace {

class WriterSelectionTest : public SimTest {
 protected:
  void SetUp() override {
    SimTest::SetUp();
    machine->addWriter(WriterSpec{u"A", Guid{1, 1}, Guid{1, 2}, WriterPhase::None, hr::kOk, false});
    machine->addWriter(WriterSpec{u"B", Guid{2, 1}, Guid{2, 2}, WriterPhase::Freeze, hr::kWriterErrorRetryable, false});
    machine->addWriter(WriterSpec{u"C", Guid{3, 1}, Guid{3, 2}, WriterPhase::None, hr::kOk, false});
  }

  std::set<std::u16string> takingPart(BackupComponents& object) {
    EXPECT_EQ(runAsync([&](auto& a) { return object.gatherWriterMetadata(a); }), hr::kAsyncFinished);
    std::vector<WriterMetadata> rows;
    EXPECT_EQ(object.getWriterMetadata(rows), hr::kOk);
    std::set<std::u16string> names;
    for (const WriterMetadata& row : rows) names.insert(row.writerName);
    return names;
  }
};

TEST_F(WriterSelectionTest, WithoutACallEveryWriterTakesPart) {
  auto object = initialized();
  EXPECT_EQ(takingPart(*object), (std::set<std::u16string>{u"A", u"B", u"C"}));
}

TEST_F(WriterSelectionTest, DisabledClassesAndInstancesTakeNoPartAndCannotFailTheBackup) {
  auto object = initialized();
  ASSERT_EQ(object->disableWriterClasses({Guid{2, 1}}), hr::kOk);
  ASSERT_EQ(object->disableWriterInstances({Guid{3, 2}}), hr::kOk);
  ASSERT_EQ(object->setBackupState(false, false, backup_type::COPY, false), hr::kOk);
  EXPECT_EQ(takingPart(*object), (std::set<std::u16string>{u"A"}));
  Guid set;
  Guid copy;
  ASSERT_EQ(object->startSnapshotSet(set), hr::kOk);
  ASSERT_EQ(object->addToSnapshotSet(u"C:\\", Guid{}, copy), hr::kOk);
  ASSERT_EQ(runAsync([&](auto& a) { return object->prepareForBackup(a); }), hr::kAsyncFinished);
  ASSERT_EQ(doSnapshot(*object), hr::kAsyncFinished);
  ASSERT_EQ(runAsync([&](auto& a) { return object->gatherWriterStatus(a); }), hr::kAsyncFinished);
  std::vector<WriterStatus> rows;
  ASSERT_EQ(object->getWriterStatus(rows), hr::kOk);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].writerName, u"A");
  EXPECT_EQ(rows[0].failure, hr::kOk);
}

TEST_F(WriterSelectionTest, TheFirstEnableUndoesDisablesAndEnablesOnlyWhatItNames) {
  auto object = initialized();
  ASSERT_EQ(object->disableWriterClasses({Guid{1, 1}}), hr::kOk);
  ASSERT_EQ(object->enableWriterClasses({Guid{1, 1}}), hr::kOk);
  ASSERT_EQ(object->enableWriterClasses({Guid{3, 1}}), hr::kOk);
  EXPECT_EQ(takingPart(*object), (std::set<std::u16string>{u"A", u"C"}));
}

TEST_F(WriterSelectionTest, AfterGatherWriterMetadataTheCallIsAcceptedAndIgnored) {
  auto object = initialized();
  EXPECT_EQ(takingPart(*object).size(), 3u);
  EXPECT_EQ(object->disableWriterClasses({Guid{1, 1}}), hr::kOk);
  std::vector<WriterMetadata> rows;
  ASSERT_EQ(object->getWriterMetadata(rows), hr::kOk);
  EXPECT_EQ(rows.size(), 3u);
}

TEST_F(WriterSelectionTest, OutOfOrderIsBadState) {
  auto created = create();
  EXPECT_EQ(created->disableWriterClasses({Guid{1, 1}}), hr::kBadState);
  auto object = initialized();
  ASSERT_EQ(prepareSet(*object, {u"C:\\"}, true), hr::kOk);
  EXPECT_EQ(object->enableWriterClasses({Guid{1, 1}}), hr::kBadState);
  EXPECT_EQ(object->disableWriterInstances({Guid{1, 2}}), hr::kBadState);
}

}  // namespace
}  // namespace vss4j::sim::test
