// The system provider's shadow storage on a simulated machine: what QueryDiffAreasForVolume lists, how
// ChangeDiffAreaMaximumSize and AddDiffArea change it, and the errors Microsoft documents for them.
#include "sim/shadow_storage.h"
#include "sim_fixture.h"

namespace vss4j::sim::test {
namespace {

constexpr std::int64_t kMiB = 1024 * 1024;

class ShadowStorageTest : public SimTest {
 protected:
  std::unique_ptr<ShadowStorage> open() {
    std::unique_ptr<ShadowStorage> storage;
    EXPECT_EQ(machine->openShadowStorage(storage), hr::kOk);
    return storage;
  }

  DiffArea only(ShadowStorage& storage, const WString& volume) {
    std::vector<DiffArea> areas;
    EXPECT_EQ(storage.queryDiffAreasForVolume(volume, areas), hr::kOk);
    EXPECT_EQ(areas.size(), 1u);
    return areas.empty() ? DiffArea{} : areas[0];
  }

  // One copy of `volume` in a context without writers, kept after its object is released.
  hresult takeCopy(const WString& volume) {
    auto object = initialized(ctx::CLIENT_ACCESSIBLE);
    if (hresult r = prepareSet(*object, {volume}, false); failed(r)) return r;
    return doSnapshot(*object);
  }
};

TEST_F(ShadowStorageTest, TheManagementObjectCountsAsLiveUntilReleased) {
  auto storage = open();
  EXPECT_EQ(machine->liveObjects(), 1);
  storage.reset();
  EXPECT_EQ(machine->liveObjects(), 0);
}

TEST_F(ShadowStorageTest, AVolumeListsItsOwnDiffAreaWithWhatItsCopiesUse) {
  machine->addVolume(VolumeSpec{u"E:\\", true, 1000 * kMiB, 100 * kMiB});
  ASSERT_EQ(takeCopy(u"E:\\"), hr::kAsyncFinished);
  ASSERT_EQ(takeCopy(u"E:\\"), hr::kAsyncFinished);
  auto storage = open();
  const DiffArea area = only(*storage, u"e:\\");
  // Named by its volume GUID path, as every name of the management interfaces is.
  EXPECT_EQ(area.volumeName.rfind(u"\\\\?\\Volume{", 0), 0u);
  EXPECT_EQ(area.diffAreaVolumeName, area.volumeName);
  EXPECT_EQ(area.maximumBytes, 1000 * kMiB);
  EXPECT_EQ(area.usedBytes, 200 * kMiB);
  EXPECT_EQ(area.allocatedBytes, 200 * kMiB);
  EXPECT_EQ(only(*storage, u"C:\\").maximumBytes, -1);  // no limit described: unbounded
}

TEST_F(ShadowStorageTest, QueryRefusesAMalformedNameAndAnUnknownVolume) {
  auto storage = open();
  std::vector<DiffArea> areas;
  EXPECT_EQ(storage->queryDiffAreasForVolume(u"C:", areas), hr::kInvalidArg);
  EXPECT_EQ(storage->queryDiffAreasForVolume(u"Q:\\", areas), hr::kObjectNotFound);
  EXPECT_TRUE(areas.empty());
}

TEST_F(ShadowStorageTest, ARaisedMaximumMakesRoomForTheNextCopy) {
  machine->addVolume(VolumeSpec{u"E:\\", true, 150 * kMiB, 100 * kMiB});
  ASSERT_EQ(takeCopy(u"E:\\"), hr::kAsyncFinished);
  ASSERT_EQ(takeCopy(u"E:\\"), hr::kInsufficientStorage);
  auto storage = open();
  ASSERT_EQ(storage->changeDiffAreaMaximumSize(u"E:\\", u"E:\\", 400 * kMiB), hr::kOk);
  EXPECT_EQ(only(*storage, u"E:\\").maximumBytes, 400 * kMiB);
  EXPECT_EQ(takeCopy(u"E:\\"), hr::kAsyncFinished);
}

TEST_F(ShadowStorageTest, AMaximumBelowWhatIsUsedDeletesTheOldestCopies) {
  machine->addVolume(VolumeSpec{u"E:\\", true, -1, 100 * kMiB});
  for (int i = 0; i < 3; ++i) ASSERT_EQ(takeCopy(u"E:\\"), hr::kAsyncFinished);
  const std::vector<SnapshotProperties> before = machine->existingSnapshots();
  ASSERT_EQ(before.size(), 3u);
  auto storage = open();
  ASSERT_EQ(storage->changeDiffAreaMaximumSize(u"E:\\", u"E:\\", 150 * kMiB), hr::kOk);
  const std::vector<SnapshotProperties> after = machine->existingSnapshots();
  ASSERT_EQ(after.size(), 1u);
  EXPECT_EQ(after[0].snapshotId, before[2].snapshotId);
  EXPECT_EQ(only(*storage, u"E:\\").usedBytes, 100 * kMiB);
}

TEST_F(ShadowStorageTest, ChangeNeedsTheAssociationBetweenTheTwoVolumes) {
  auto storage = open();
  EXPECT_EQ(storage->changeDiffAreaMaximumSize(u"C:\\", u"D:\\", 400 * kMiB), hr::kObjectNotFound);
  EXPECT_EQ(storage->changeDiffAreaMaximumSize(u"Q:\\", u"Q:\\", 400 * kMiB), hr::kObjectNotFound);
  EXPECT_EQ(storage->changeDiffAreaMaximumSize(u"C:\\", u"C:\\", -2), hr::kInvalidArg);
  EXPECT_EQ(storage->changeDiffAreaMaximumSize(u"C:\\", u"C:\\", -1), hr::kOk);
}

TEST_F(ShadowStorageTest, MaximumZeroDeletesAnUnusedAreaAndRefusesOneInUse) {
  machine->addVolume(VolumeSpec{u"E:\\", true, 500 * kMiB, 100 * kMiB});
  auto storage = open();
  ASSERT_EQ(storage->changeDiffAreaMaximumSize(u"E:\\", u"E:\\", 0), hr::kOk);
  EXPECT_EQ(only(*storage, u"E:\\").maximumBytes, -1);
  ASSERT_EQ(takeCopy(u"E:\\"), hr::kAsyncFinished);
  EXPECT_EQ(storage->changeDiffAreaMaximumSize(u"E:\\", u"E:\\", 0), hr::kVolumeInUse);
}

TEST_F(ShadowStorageTest, AddDiffAreaPutsTheStorageOnAnotherVolumeBeforeAnyCopy) {
  auto storage = open();
  ASSERT_EQ(storage->addDiffArea(u"C:\\", u"D:\\", 400 * kMiB), hr::kOk);
  const DiffArea area = only(*storage, u"C:\\");
  EXPECT_EQ(area.diffAreaVolumeName, only(*storage, u"D:\\").volumeName);
  EXPECT_EQ(area.maximumBytes, 400 * kMiB);
  EXPECT_EQ(storage->addDiffArea(u"C:\\", u"D:\\", 400 * kMiB), hr::kObjectAlreadyExists);
  EXPECT_EQ(storage->changeDiffAreaMaximumSize(u"C:\\", u"C:\\", 800 * kMiB), hr::kObjectNotFound);
  EXPECT_EQ(storage->changeDiffAreaMaximumSize(u"C:\\", u"D:\\", 800 * kMiB), hr::kOk);
}

TEST_F(ShadowStorageTest, AddDiffAreaRefusesWhatMicrosoftDocuments) {
  machine->addVolume(VolumeSpec{u"F:\\", false});
  machine->addVolume(VolumeSpec{u"E:\\"});
  ASSERT_EQ(takeCopy(u"E:\\"), hr::kAsyncFinished);
  auto storage = open();
  EXPECT_EQ(storage->addDiffArea(u"C:\\", u"D:\\", 0), hr::kInvalidArg);
  EXPECT_EQ(storage->addDiffArea(u"C:\\", u"D:\\", kMinimumDiffAreaBytes - 1), hr::kInvalidArg);
  EXPECT_EQ(storage->addDiffArea(u"C:", u"D:\\", -1), hr::kInvalidArg);
  EXPECT_EQ(storage->addDiffArea(u"C:\\", u"Q:\\", -1), hr::kObjectNotFound);
  EXPECT_EQ(storage->addDiffArea(u"F:\\", u"D:\\", -1), hr::kVolumeNotSupported);
  EXPECT_EQ(storage->addDiffArea(u"C:\\", u"F:\\", -1), hr::kVolumeNotSupported);
  EXPECT_EQ(storage->addDiffArea(u"E:\\", u"D:\\", -1), hr::kObjectAlreadyExists);  // its copy uses its own
  const DiffArea e = only(*storage, u"E:\\");
  EXPECT_EQ(e.diffAreaVolumeName, e.volumeName);
}

TEST_F(ShadowStorageTest, CallsAreLoggedAndFaultPlansReachThem) {
  machine->addFault(FaultSpec{Operation::ChangeDiffAreaMaximumSize, hr::kProviderVeto});
  auto storage = open();
  EXPECT_EQ(storage->changeDiffAreaMaximumSize(u"C:\\", u"C:\\", -1), hr::kProviderVeto);
  EXPECT_EQ(storage->changeDiffAreaMaximumSize(u"C:\\", u"C:\\", -1), hr::kOk);
  const std::vector<Operation> log = machine->callLog();
  ASSERT_EQ(log.size(), 2u);
  EXPECT_EQ(log[0], Operation::ChangeDiffAreaMaximumSize);
}

}  // namespace
}  // namespace vss4j::sim::test
