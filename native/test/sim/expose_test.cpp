// ExposeSnapshot and UnexposeSnapshot on the simulated machine: only persistent copies, locally a free drive letter
// or an empty folder of one of the machine's volumes with no path from root, remotely a share; the copy's
// properties report the exposure as Windows reports it; unexposing or deleting the copy undoes it.
#include "sim_fixture.h"

namespace vss4j::sim::test {
namespace {

class ExposeTest : public SimTest {
 protected:
  // A finished set of C:\ in `context`; the object stays alive (for auto-release copies) and `id` is C:'s copy.
  std::unique_ptr<BackupComponents> copyOfC(std::int32_t context, Guid& id) {
    auto object = initialized(context);
    std::vector<Guid> ids;
    EXPECT_EQ(prepareSet(*object, {u"C:\\"}, (context & attr::NO_WRITERS) == 0, &ids), hr::kOk);
    EXPECT_EQ(doSnapshot(*object), hr::kAsyncFinished);
    id = ids.empty() ? Guid{} : ids[0];
    return object;
  }
  SnapshotProperties properties(BackupComponents& object, const Guid& id) {
    SnapshotProperties p;
    EXPECT_EQ(object.getSnapshotProperties(id, p), hr::kOk);
    return p;
  }
  static hresult exposeLocally(BackupComponents& object, const Guid& id, const WString& name) {
    WString exposed;
    return object.exposeSnapshot(id, nullptr, attr::EXPOSED_LOCALLY, &name, exposed);
  }
};

TEST_F(ExposeTest, APersistentCopyExposedAsADriveLetterReportsItUntilUnexposed) {
  Guid id;
  auto object = copyOfC(ctx::CLIENT_ACCESSIBLE, id);
  const WString letter = u"X:";
  WString exposed;
  ASSERT_EQ(object->exposeSnapshot(id, nullptr, attr::EXPOSED_LOCALLY, &letter, exposed), hr::kOk);
  EXPECT_EQ(exposed, u"X:");
  SnapshotProperties p = properties(*object, id);
  EXPECT_EQ(p.exposedName, u"X:");
  EXPECT_TRUE(p.exposedPath.empty());
  EXPECT_NE(p.snapshotAttributes & attr::EXPOSED_LOCALLY, 0);
  EXPECT_EQ(p.snapshotAttributes & attr::EXPOSED_REMOTELY, 0);

  ASSERT_EQ(object->unexposeSnapshot(id), hr::kOk);
  p = properties(*object, id);
  EXPECT_TRUE(p.exposedName.empty());
  EXPECT_EQ(p.snapshotAttributes & (attr::EXPOSED_LOCALLY | attr::EXPOSED_REMOTELY), 0);
  EXPECT_EQ(object->unexposeSnapshot(id), hr::kObjectNotFound);  // "does not exist or is not exposed"
}

TEST_F(ExposeTest, AnAutoReleaseCopyIsRefused) {
  Guid id;
  auto object = copyOfC(ctx::BACKUP, id);
  EXPECT_EQ(exposeLocally(*object, id, u"X:"), hr::kInvalidArg);
  WString exposed;
  EXPECT_EQ(object->exposeSnapshot(id, nullptr, attr::EXPOSED_REMOTELY, nullptr, exposed), hr::kInvalidArg);
  EXPECT_TRUE(exposed.empty());
  EXPECT_EQ(properties(*object, id).snapshotAttributes & attr::EXPOSED_LOCALLY, 0);
}

TEST_F(ExposeTest, ADriveLetterInUseOrAFolderThatIsNotEmptyIsRefused) {
  Guid id;
  auto object = copyOfC(ctx::NAS_ROLLBACK, id);
  EXPECT_EQ(exposeLocally(*object, id, u"C:"), hr::kInvalidArg);      // a volume of the machine
  EXPECT_EQ(exposeLocally(*object, id, u"d:"), hr::kInvalidArg);      // letters compare without case
  EXPECT_EQ(exposeLocally(*object, id, u"Q:\\Mount"), hr::kInvalidArg);  // Q: is no volume of the machine
  ASSERT_EQ(exposeLocally(*object, id, u"C:\\Mount\\Copy"), hr::kOk);
  EXPECT_EQ(properties(*object, id).exposedName, u"C:\\Mount\\Copy");

  Guid second;
  auto other = copyOfC(ctx::NAS_ROLLBACK, second);
  EXPECT_EQ(exposeLocally(*other, second, u"C:\\Mount\\Copy"), hr::kInvalidArg);       // the first copy is there
  EXPECT_EQ(exposeLocally(*other, second, u"C:\\Mount"), hr::kInvalidArg);             // holds that mount
  EXPECT_EQ(exposeLocally(*other, second, u"C:\\Mount\\Copy\\Sub"), hr::kInvalidArg);  // inside a read-only copy
  EXPECT_EQ(exposeLocally(*object, id, u"Y:"), hr::kInvalidArg);  // exposed once at a time
  ASSERT_EQ(exposeLocally(*other, second, u"Y:"), hr::kOk);
  EXPECT_EQ(exposeLocally(*object, id, u"Y:"), hr::kInvalidArg);  // now Y: is taken
}

TEST_F(ExposeTest, MalformedArgumentsAreInvalid) {
  Guid id;
  auto object = copyOfC(ctx::CLIENT_ACCESSIBLE, id);
  const WString letter = u"X:";
  const WString path = u"Users";
  WString exposed;
  EXPECT_EQ(object->exposeSnapshot(id, &path, attr::EXPOSED_LOCALLY, &letter, exposed), hr::kInvalidArg);
  EXPECT_EQ(object->exposeSnapshot(id, nullptr, attr::EXPOSED_LOCALLY, nullptr, exposed), hr::kInvalidArg);
  EXPECT_EQ(object->exposeSnapshot(id, nullptr, attr::EXPOSED_LOCALLY | attr::EXPOSED_REMOTELY, &letter, exposed),
            hr::kInvalidArg);
  EXPECT_EQ(object->exposeSnapshot(id, nullptr, attr::PERSISTENT, &letter, exposed), hr::kInvalidArg);
  for (const WString bad : {u"X", u"XY:", u"1:", u"C:\\", u"C:\\a\\..\\b", u"C:\\a*", u"C:\\%TEMP%"}) {
    EXPECT_EQ(exposeLocally(*object, id, bad), hr::kInvalidArg) << std::string(bad.begin(), bad.end());
  }
  const WString wildcard = u"Users\\*";
  const WString badShare = u"a/b";
  EXPECT_EQ(object->exposeSnapshot(id, &wildcard, attr::EXPOSED_REMOTELY, nullptr, exposed), hr::kInvalidArg);
  EXPECT_EQ(object->exposeSnapshot(id, nullptr, attr::EXPOSED_REMOTELY, &badShare, exposed), hr::kInvalidArg);
  EXPECT_EQ(exposeLocally(*object, Guid{9, 9}, u"X:"), hr::kObjectNotFound);
  EXPECT_EQ(object->unexposeSnapshot(Guid{9, 9}), hr::kObjectNotFound);
}

TEST_F(ExposeTest, RemotelyAShareWithAPathFromRootOrOneVssNames) {
  Guid id;
  auto object = copyOfC(ctx::CLIENT_ACCESSIBLE, id);
  const WString path = u"Users\\Public";
  const WString share = u"UsersThen";
  WString exposed;
  ASSERT_EQ(object->exposeSnapshot(id, &path, attr::EXPOSED_REMOTELY, &share, exposed), hr::kOk);
  EXPECT_EQ(exposed, u"UsersThen");
  SnapshotProperties p = properties(*object, id);
  EXPECT_EQ(p.exposedName, u"UsersThen");
  EXPECT_EQ(p.exposedPath, u"Users\\Public");
  EXPECT_NE(p.snapshotAttributes & attr::EXPOSED_REMOTELY, 0);

  Guid second;
  auto other = copyOfC(ctx::CLIENT_ACCESSIBLE, second);
  const WString sameShareOtherCase = u"usersthen";
  EXPECT_EQ(other->exposeSnapshot(second, nullptr, attr::EXPOSED_REMOTELY, &sameShareOtherCase, exposed),
            hr::kInvalidArg);
  ASSERT_EQ(other->exposeSnapshot(second, nullptr, attr::EXPOSED_REMOTELY, nullptr, exposed), hr::kOk);
  const WString device = properties(*other, second).snapshotDeviceObject;
  EXPECT_EQ(exposed, device.substr(device.find_last_of(u'\\') + 1));
}

TEST_F(ExposeTest, DeletingTheCopyFreesItsDriveLetter) {
  Guid id;
  auto object = copyOfC(ctx::CLIENT_ACCESSIBLE, id);
  ASSERT_EQ(exposeLocally(*object, id, u"X:"), hr::kOk);
  std::int32_t deleted = 0;
  Guid notDeleted;
  ASSERT_EQ(object->deleteSnapshots(id, object_type::SNAPSHOT, true, deleted, notDeleted), hr::kOk);
  EXPECT_EQ(object->unexposeSnapshot(id), hr::kObjectNotFound);
  Guid second;
  auto other = copyOfC(ctx::CLIENT_ACCESSIBLE, second);
  EXPECT_EQ(exposeLocally(*other, second, u"X:"), hr::kOk);
}

TEST_F(ExposeTest, CalledBeforeInitializeOrWhileASetIsOpenIsBadState) {
  auto fresh = create();
  WString exposed;
  const WString letter = u"X:";
  EXPECT_EQ(fresh->exposeSnapshot(Guid{1, 1}, nullptr, attr::EXPOSED_LOCALLY, &letter, exposed), hr::kBadState);
  EXPECT_EQ(fresh->unexposeSnapshot(Guid{1, 1}), hr::kBadState);
  auto open = withSetStarted(ctx::CLIENT_ACCESSIBLE);
  EXPECT_EQ(open->exposeSnapshot(Guid{1, 1}, nullptr, attr::EXPOSED_LOCALLY, &letter, exposed), hr::kBadState);
}

TEST_F(ExposeTest, AFaultPlanFailsTheCallAndTheCallLogNamesIt) {
  Guid id;
  auto object = copyOfC(ctx::CLIENT_ACCESSIBLE, id);
  machine->addFault(FaultSpec{Operation::ExposeSnapshot, hr::kProviderVeto, false, 1, 1});
  EXPECT_EQ(exposeLocally(*object, id, u"X:"), hr::kProviderVeto);
  EXPECT_EQ(properties(*object, id).snapshotAttributes & attr::EXPOSED_LOCALLY, 0);
  EXPECT_EQ(exposeLocally(*object, id, u"X:"), hr::kOk);
  const auto log = machine->callLog();
  EXPECT_EQ(std::count(log.begin(), log.end(), Operation::ExposeSnapshot), 2);
}

}  // namespace
}  // namespace vss4j::sim::test
