// Auto-release and persistent copies, Query and DeleteSnapshots, and the count of live objects.
#include <algorithm>

#include "sim_fixture.h"

namespace vss4j::sim::test {
namespace {

class LifetimeTest : public SimTest {
 protected:
  // One finished set of `volumes` in `context`; returns the object (still alive) and the copies' ids.
  std::unique_ptr<BackupComponents> snapshot(std::int32_t context, const std::vector<WString>& volumes,
                                             std::vector<Guid>& ids, Guid* set = nullptr) {
    auto object = initialized(context);
    const bool writers = (context & attr::NO_WRITERS) == 0;
    EXPECT_EQ(prepareSet(*object, volumes, writers, &ids), hr::kOk);
    EXPECT_EQ(doSnapshot(*object), hr::kAsyncFinished);
    if (set != nullptr && !ids.empty()) {
      SnapshotProperties p;
      EXPECT_EQ(object->getSnapshotProperties(ids[0], p), hr::kOk);
      *set = p.snapshotSetId;
    }
    return object;
  }
};

TEST_F(LifetimeTest, AutoReleaseCopiesVanishWithTheirObject) {
  std::vector<Guid> ids;
  auto object = snapshot(ctx::BACKUP, {u"C:\\", u"D:\\"}, ids);
  EXPECT_EQ(machine->existingSnapshots().size(), 2u);
  object.reset();
  EXPECT_TRUE(machine->existingSnapshots().empty());
}

class PersistentContexts : public LifetimeTest, public ::testing::WithParamInterface<std::int32_t> {};

TEST_P(PersistentContexts, PersistentCopiesStayAndAreSeenByQueryInTheirContext) {
  std::vector<Guid> ids;
  snapshot(GetParam(), {u"C:\\", u"D:\\"}, ids).reset();
  const auto existing = machine->existingSnapshots();
  ASSERT_EQ(existing.size(), 2u);
  EXPECT_EQ(existing[0].snapshotAttributes, GetParam() | attr::DIFFERENTIAL);

  auto same = initialized(GetParam());
  std::vector<SnapshotProperties> found;
  ASSERT_EQ(same->query(found), hr::kOk);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_TRUE(found[0].snapshotId == ids[0] || found[1].snapshotId == ids[0]);
  SnapshotProperties p;
  EXPECT_EQ(same->getSnapshotProperties(ids[1], p), hr::kOk);
  EXPECT_EQ(p.snapshotId, ids[1]);

  auto otherContext = initialized(ctx::BACKUP);
  ASSERT_EQ(otherContext->query(found), hr::kOk);
  EXPECT_TRUE(found.empty());

  auto all = initialized(ctx::ALL);
  ASSERT_EQ(all->query(found), hr::kOk);
  EXPECT_EQ(found.size(), 2u);
}

INSTANTIATE_TEST_SUITE_P(Sim, PersistentContexts,
                         ::testing::Values(ctx::APP_ROLLBACK, ctx::NAS_ROLLBACK, ctx::CLIENT_ACCESSIBLE,
                                           ctx::CLIENT_ACCESSIBLE_WRITERS));

TEST_F(LifetimeTest, QuerySeesOnlyFinishedCopiesOfItsContext) {
  std::vector<Guid> persistent, temporary;
  snapshot(ctx::NAS_ROLLBACK, {u"C:\\"}, persistent).reset();
  auto live = snapshot(ctx::BACKUP, {u"D:\\"}, temporary);
  auto backup = initialized(ctx::BACKUP);
  std::vector<SnapshotProperties> found;
  ASSERT_EQ(backup->query(found), hr::kOk);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].snapshotId, temporary[0]);
  // A set still being made is not listed.
  machine->setDuration(Operation::DoSnapshotSet, std::chrono::hours(1));
  auto pending = initialized(ctx::NAS_ROLLBACK);
  ASSERT_EQ(prepareSet(*pending, {u"D:\\"}, false), hr::kOk);
  std::unique_ptr<AsyncOperation> async;
  ASSERT_EQ(pending->doSnapshotSet(async), hr::kOk);
  auto nas = initialized(ctx::NAS_ROLLBACK);
  ASSERT_EQ(nas->query(found), hr::kOk);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].snapshotId, persistent[0]);
}

TEST_F(LifetimeTest, UnknownIdsAreNotFound) {
  auto object = initialized(ctx::ALL);
  SnapshotProperties p;
  EXPECT_EQ(object->getSnapshotProperties(Guid{5, 5}, p), hr::kObjectNotFound);
  std::int32_t deleted = -1;
  Guid notDeleted;
  EXPECT_EQ(object->deleteSnapshots(Guid{5, 5}, object_type::SNAPSHOT, true, deleted, notDeleted),
            hr::kObjectNotFound);
  EXPECT_EQ(deleted, 0);
  EXPECT_EQ(notDeleted, (Guid{5, 5}));
  EXPECT_EQ(object->deleteSnapshots(Guid{5, 5}, object_type::SNAPSHOT_SET, true, deleted, notDeleted),
            hr::kObjectNotFound);
  EXPECT_EQ(object->deleteSnapshots(Guid{5, 5}, object_type::PROVIDER, true, deleted, notDeleted), hr::kInvalidArg);
}

TEST_F(LifetimeTest, DeleteOneCopyThenAWholeSet) {
  std::vector<Guid> first, second;
  Guid secondSet;
  snapshot(ctx::APP_ROLLBACK, {u"C:\\"}, first).reset();
  snapshot(ctx::APP_ROLLBACK, {u"C:\\", u"D:\\"}, second, &secondSet).reset();
  ASSERT_EQ(machine->existingSnapshots().size(), 3u);
  auto admin = initialized(ctx::APP_ROLLBACK);
  std::int32_t deleted = 0;
  Guid notDeleted{1, 1};
  ASSERT_EQ(admin->deleteSnapshots(first[0], object_type::SNAPSHOT, true, deleted, notDeleted), hr::kOk);
  EXPECT_EQ(deleted, 1);
  EXPECT_TRUE(notDeleted.isNull());
  ASSERT_EQ(admin->deleteSnapshots(secondSet, object_type::SNAPSHOT_SET, true, deleted, notDeleted), hr::kOk);
  EXPECT_EQ(deleted, 2);
  EXPECT_TRUE(machine->existingSnapshots().empty());
}

TEST_F(LifetimeTest, DeleteSnapshotsStopsAtTheFirstCopyItCannotDelete) {
  std::vector<Guid> ids;
  Guid set;
  snapshot(ctx::CLIENT_ACCESSIBLE, {u"C:\\", u"D:\\"}, ids, &set).reset();
  // Each copy is an attempt: the second copy of the set fails.
  machine->addFault(FaultSpec{Operation::DeleteSnapshots, hr::kProviderVeto, false, 2, 1});
  auto admin = initialized(ctx::ALL);
  std::int32_t deleted = 0;
  Guid notDeleted;
  EXPECT_EQ(admin->deleteSnapshots(set, object_type::SNAPSHOT_SET, true, deleted, notDeleted), hr::kProviderVeto);
  EXPECT_EQ(deleted, 1);
  EXPECT_EQ(notDeleted, ids[1]);
  auto left = machine->existingSnapshots();
  ASSERT_EQ(left.size(), 1u);
  EXPECT_EQ(left[0].snapshotId, ids[1]);
  ASSERT_EQ(admin->deleteSnapshots(set, object_type::SNAPSHOT_SET, true, deleted, notDeleted), hr::kOk);
  EXPECT_EQ(deleted, 1);
  EXPECT_TRUE(machine->existingSnapshots().empty());
}

TEST_F(LifetimeTest, LiveObjectsCountBothKindsAndReturnToZero) {
  EXPECT_EQ(machine->liveObjects(), 0);
  auto a = create();
  auto b = initialized();
  EXPECT_EQ(machine->liveObjects(), 2);
  std::unique_ptr<AsyncOperation> async;
  ASSERT_EQ(b->gatherWriterMetadata(async), hr::kOk);
  EXPECT_EQ(machine->liveObjects(), 3);
  b.reset();
  EXPECT_EQ(machine->liveObjects(), 2);
  async.reset();
  a.reset();
  EXPECT_EQ(machine->liveObjects(), 0);
}

TEST_F(LifetimeTest, AbortKeepsFinishedCopiesUntilRelease) {
  std::vector<Guid> ids;
  auto object = snapshot(ctx::FILE_SHARE_BACKUP, {u"C:\\"}, ids);
  ASSERT_EQ(object->abortBackup(), hr::kOk);
  EXPECT_EQ(machine->existingSnapshots().size(), 1u);
  object.reset();
  EXPECT_TRUE(machine->existingSnapshots().empty());
}

TEST_F(LifetimeTest, EverythingMayGoAwayWhileOperationsArePending) {
  auto survivor = machine;  // TearDown looks at the count afterwards
  {
    machine->setDuration(Operation::DoSnapshotSet, std::chrono::hours(1));
    machine->setDuration(Operation::GatherWriterMetadata, std::chrono::hours(1));
    auto object = initialized(ctx::FILE_SHARE_BACKUP);
    auto other = initialized();
    ASSERT_EQ(prepareSet(*object, {u"C:\\"}, false), hr::kOk);
    std::unique_ptr<AsyncOperation> snapshot, gather;
    ASSERT_EQ(object->doSnapshotSet(snapshot), hr::kOk);
    ASSERT_EQ(other->gatherWriterMetadata(gather), hr::kOk);
    machine.reset();
    EXPECT_EQ(survivor->liveObjects(), 4);
    // The objects go first here, their IVssAsync after: both orders must be clean.
    object.reset();
    gather.reset();
    other.reset();
  }
  EXPECT_EQ(survivor->liveObjects(), 0);
  EXPECT_TRUE(survivor->existingSnapshots().empty());
  machine = survivor;
}

}  // namespace
}  // namespace vss4j::sim::test
