// Volume names as Windows treats them: a volume is reached by its drive letter or mount point and by its
// GUID path, copies report the GUID path, and one volume named two ways is still one volume.
#include "sim_fixture.h"

namespace vss4j::sim::test {
namespace {

const char16_t kDataGuidPath[] = u"\\\\?\\Volume{6d2b1a6e-0000-4000-8000-100000000001}\\";

class VolumeNames : public SimTest {
 protected:
  void SetUp() override {
    SimTest::SetUp();
    VolumeSpec data{u"E:\\Data\\"};  // a mount point
    data.guidName = kDataGuidPath;
    machine->addVolume(data);
  }

  SnapshotProperties copyOf(const WString& volume) {
    auto object = initialized(ctx::FILE_SHARE_BACKUP);
    std::vector<Guid> ids;
    EXPECT_EQ(prepareSet(*object, {volume}, false, &ids), hr::kOk);
    EXPECT_EQ(doSnapshot(*object), hr::kAsyncFinished);
    SnapshotProperties properties;
    if (!ids.empty()) {
      EXPECT_EQ(object->getSnapshotProperties(ids[0], properties), hr::kOk);
    }
    return properties;
  }
};

TEST_F(VolumeNames, ACopyReportsTheGuidPathWhicheverNameWasGiven) {
  EXPECT_EQ(copyOf(u"E:\\Data\\").originalVolumeName, kDataGuidPath);
  EXPECT_EQ(copyOf(u"e:\\data\\").originalVolumeName, kDataGuidPath);
  EXPECT_EQ(copyOf(kDataGuidPath).originalVolumeName, kDataGuidPath);
}

TEST_F(VolumeNames, AVolumeWithoutAGuidPathGetsOneForTheMachinesLife) {
  const WString first = copyOf(u"C:\\").originalVolumeName;
  EXPECT_EQ(first.rfind(u"\\\\?\\Volume{", 0), 0u);
  EXPECT_EQ(first.size(), WString(kDataGuidPath).size());
  EXPECT_EQ(copyOf(u"C:\\").originalVolumeName, first);
  EXPECT_EQ(copyOf(first).originalVolumeName, first);
  EXPECT_NE(copyOf(u"D:\\").originalVolumeName, first);
}

TEST_F(VolumeNames, TheSameVolumeNamedTwoWaysInOneSetIsAlreadyThere) {
  auto object = withSetStarted(ctx::FILE_SHARE_BACKUP);
  ASSERT_EQ(add(*object, u"E:\\Data\\"), hr::kOk);
  EXPECT_EQ(add(*object, kDataGuidPath), hr::kObjectAlreadyExists);
}

TEST_F(VolumeNames, IsVolumeSupportedTakesEveryName) {
  auto object = initialized(ctx::FILE_SHARE_BACKUP);
  for (const WString& name : {WString(u"E:\\Data\\"), WString(kDataGuidPath)}) {
    bool supported = false;
    EXPECT_EQ(object->isVolumeSupported(Guid{}, name, supported), hr::kOk);
    EXPECT_TRUE(supported);
  }
  bool supported = false;
  EXPECT_EQ(object->isVolumeSupported(Guid{}, u"\\\\?\\Volume{00000000-0000-0000-0000-000000000000}\\", supported),
            hr::kObjectNotFound);
}

TEST_F(VolumeNames, CopyLimitsCountCopiesMadeUnderEitherName) {
  VolumeSpec limited{u"F:\\"};
  limited.maxShadowCopies = 1;
  limited.guidName = u"\\\\?\\Volume{6d2b1a6e-0000-4000-8000-100000000002}\\";
  machine->addVolume(limited);
  auto object = initialized(ctx::NAS_ROLLBACK);
  ASSERT_EQ(prepareSet(*object, {u"F:\\"}, false), hr::kOk);
  ASSERT_EQ(doSnapshot(*object), hr::kAsyncFinished);
  auto next = withSetStarted(ctx::NAS_ROLLBACK);
  EXPECT_EQ(add(*next, limited.guidName), hr::kMaxSnapshotsReached);
}

}  // namespace
}  // namespace vss4j::sim::test
