// Volumes, providers and the provider's limits: volumes per set, copies per volume, shadow storage.
#include <string>

#include "sim/call_log.h"
#include "sim_fixture.h"

namespace vss4j::sim::test {
namespace {

WString volumeName(int i) {
  const std::string text = "V" + std::to_string(i) + ":\\";
  return WString(text.begin(), text.end());
}

TEST_F(SimTest, SixtyFourVolumesPerSetAndNotOneMore) {
  for (int i = 0; i < 65; ++i) machine->addVolume(VolumeSpec{volumeName(i)});
  auto object = withSetStarted(ctx::FILE_SHARE_BACKUP);
  for (int i = 0; i < 64; ++i) ASSERT_EQ(add(*object, volumeName(i)), hr::kOk) << i;
  EXPECT_EQ(add(*object, volumeName(64)), hr::kMaxVolumesReached);
  ASSERT_EQ(doSnapshot(*object), hr::kAsyncFinished);
  EXPECT_EQ(machine->existingSnapshots().size(), 64u);
}

TEST_F(SimTest, VolumesAreMatchedWithoutCaseAndUnknownOnesAreNotFound) {
  machine->addVolume(VolumeSpec{u"\\\\?\\Volume{0d5b1e2a-0000-0000-0000-100000000000}\\"});
  auto object = initialized(ctx::FILE_SHARE_BACKUP);
  bool supported = false;
  EXPECT_EQ(object->isVolumeSupported(Guid{}, u"c:\\", supported), hr::kOk);
  EXPECT_TRUE(supported);
  EXPECT_EQ(object->isVolumeSupported(Guid{}, u"Q:\\", supported), hr::kObjectNotFound);
  EXPECT_EQ(object->isVolumeSupported(Guid{}, u"C:", supported), hr::kObjectNotFound);  // no trailing backslash
  Guid set, id;
  ASSERT_EQ(object->startSnapshotSet(set), hr::kOk);
  EXPECT_EQ(object->addToSnapshotSet(u"Q:\\", Guid{}, id), hr::kObjectNotFound);
  EXPECT_EQ(object->addToSnapshotSet(u"\\\\?\\VOLUME{0D5B1E2A-0000-0000-0000-100000000000}\\", Guid{}, id), hr::kOk);
}

TEST_F(SimTest, UnsupportedVolumes) {
  VolumeSpec fat{u"F:\\"};
  fat.supported = false;
  machine->addVolume(fat);
  auto object = initialized(ctx::FILE_SHARE_BACKUP);
  bool supported = true;
  ASSERT_EQ(object->isVolumeSupported(Guid{}, u"F:\\", supported), hr::kOk);
  EXPECT_FALSE(supported);
  Guid set, id;
  ASSERT_EQ(object->startSnapshotSet(set), hr::kOk);
  EXPECT_EQ(object->addToSnapshotSet(u"F:\\", Guid{}, id), hr::kVolumeNotSupported);
}

TEST_F(SimTest, TheSameVolumeTwiceInASet) {
  auto object = withSetStarted(ctx::FILE_SHARE_BACKUP);
  ASSERT_EQ(add(*object, u"C:\\"), hr::kOk);
  EXPECT_EQ(add(*object, u"c:\\"), hr::kObjectAlreadyExists);
}

TEST_F(SimTest, OnlyTheSystemProviderIsRegistered) {
  auto object = initialized(ctx::FILE_SHARE_BACKUP);
  const Guid other{0x1234, 0x5678};
  bool supported = false;
  EXPECT_EQ(object->isVolumeSupported(other, u"C:\\", supported), hr::kProviderNotRegistered);
  EXPECT_EQ(object->isVolumeSupported(kSystemProvider, u"C:\\", supported), hr::kOk);
  Guid set, id;
  ASSERT_EQ(object->startSnapshotSet(set), hr::kOk);
  EXPECT_EQ(object->addToSnapshotSet(u"C:\\", other, id), hr::kProviderNotRegistered);
  EXPECT_EQ(object->addToSnapshotSet(u"C:\\", kSystemProvider, id), hr::kOk);
  EXPECT_EQ(object->addToSnapshotSet(u"D:\\", Guid{}, id), hr::kOk);
}

TEST_F(SimTest, ConfiguredCopyLimitPerVolume) {
  VolumeSpec small{u"E:\\"};
  small.maxShadowCopies = 2;
  machine->addVolume(small);
  for (int i = 0; i < 2; ++i) {
    auto object = initialized(ctx::APP_ROLLBACK);  // persistent: the copies stay
    ASSERT_EQ(prepareSet(*object, {u"E:\\"}, true), hr::kOk);
    ASSERT_EQ(doSnapshot(*object), hr::kAsyncFinished);
  }
  auto object = withSetStarted(ctx::FILE_SHARE_BACKUP);
  EXPECT_EQ(add(*object, u"E:\\"), hr::kMaxSnapshotsReached);
  EXPECT_EQ(add(*object, u"C:\\"), hr::kOk);
}

TEST_F(SimTest, ClientAccessibleContextsDefaultToSixtyFourCopiesPerVolume) {
  for (int i = 0; i < 64; ++i) {
    auto object = initialized(ctx::CLIENT_ACCESSIBLE);
    ASSERT_EQ(prepareSet(*object, {u"C:\\"}, false), hr::kOk);
    ASSERT_EQ(doSnapshot(*object), hr::kAsyncFinished);
  }
  EXPECT_EQ(add(*withSetStarted(ctx::CLIENT_ACCESSIBLE), u"C:\\"), hr::kMaxSnapshotsReached);
  EXPECT_EQ(add(*withSetStarted(ctx::CLIENT_ACCESSIBLE_WRITERS), u"C:\\"), hr::kMaxSnapshotsReached);
  // 512 outside the client-accessible contexts.
  EXPECT_EQ(add(*withSetStarted(ctx::NAS_ROLLBACK), u"C:\\"), hr::kOk);
}

TEST_F(SimTest, DiffAreaSpaceRunsOutThroughQueryStatusAndNothingOfTheSetIsKept) {
  VolumeSpec roomy{u"G:\\"};
  roomy.diffAreaBytes = -1;
  roomy.bytesPerCopy = 1000;
  VolumeSpec tight{u"H:\\"};
  tight.diffAreaBytes = 250;
  tight.bytesPerCopy = 100;
  machine->addVolume(roomy);
  machine->addVolume(tight);
  for (int i = 0; i < 2; ++i) {
    auto object = initialized(ctx::NAS_ROLLBACK);
    ASSERT_EQ(prepareSet(*object, {u"H:\\"}, false), hr::kOk);
    ASSERT_EQ(doSnapshot(*object), hr::kAsyncFinished);
  }
  {
    auto object = initialized(ctx::NAS_ROLLBACK);
    ASSERT_EQ(prepareSet(*object, {u"G:\\", u"H:\\"}, false), hr::kOk);  // AddToSnapshotSet does not know yet
    std::unique_ptr<AsyncOperation> async;
    ASSERT_EQ(object->doSnapshotSet(async), hr::kOk);
    EXPECT_EQ(async->wait(kBoundMs), hr::kInsufficientStorage);
    hresult status = hr::kOk;
    ASSERT_EQ(async->queryStatus(status), hr::kOk);
    EXPECT_EQ(status, hr::kInsufficientStorage);
  }
  EXPECT_EQ(machine->existingSnapshots().size(), 2u);  // no copy of G:\ either
  // Deleting a copy gives its space back.
  {
    auto admin = initialized(ctx::ALL);
    auto copies = machine->existingSnapshots();
    std::int32_t deleted = 0;
    Guid notDeleted;
    ASSERT_EQ(admin->deleteSnapshots(copies[0].snapshotId, object_type::SNAPSHOT, true, deleted, notDeleted), hr::kOk);
  }
  auto object = initialized(ctx::NAS_ROLLBACK);
  ASSERT_EQ(prepareSet(*object, {u"G:\\", u"H:\\"}, false), hr::kOk);
  EXPECT_EQ(doSnapshot(*object), hr::kAsyncFinished);
  EXPECT_EQ(machine->existingSnapshots().size(), 3u);
}

}  // namespace
}  // namespace vss4j::sim::test

namespace vss4j::sim::test {
namespace {

TEST_F(SimTest, TheCallLogKeepsTheMostRecentCallsOnlySoALongSoakStaysFlat) {
  auto object = initialized(ctx::FILE_SHARE_BACKUP);  // CreateVssBackupComponents, InitializeForBackup, SetContext
  bool supported = false;
  for (std::size_t i = 0; i < CallLog::kLimit; ++i) {
    ASSERT_EQ(object->isVolumeSupported(Guid{}, u"C:\\", supported), hr::kOk);
  }
  Guid set;
  ASSERT_EQ(object->startSnapshotSet(set), hr::kOk);
  const std::vector<Operation> log = machine->callLog();
  ASSERT_EQ(log.size(), CallLog::kLimit);
  EXPECT_EQ(log.front(), Operation::IsVolumeSupported);  // the first three calls and one more fell off
  EXPECT_EQ(log.back(), Operation::StartSnapshotSet);
}

}  // namespace
}  // namespace vss4j::sim::test
