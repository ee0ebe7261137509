// Restore on the simulated machine: InitializeForRestore takes only a document the machine's own SaveAsXML wrote;
// the restore calls follow VSS's order (restore calls on a backup object and backup calls on a restore object are
// VSS_E_BAD_STATE); the writers take part at PreRestore and PostRestore, choose restore targets, record what they
// were told, refuse components they did not back up, and fail where planned.
#include "sim_fixture.h"

namespace vss4j::sim::test {
namespace {

const Guid kSqlClass{0xa65faa635ea84ebcULL, 0x9dbda0c4db26912aULL};
const Guid kSqlInstance{0x51, 0x52};
const WString kInstance1 = u"INSTANCE1";

WriterComponent database(const WString& name) {
  WriterComponent db;
  db.type = component_type::DATABASE;
  db.logicalPath = kInstance1;
  db.name = name;
  db.selectableForBackup = true;
  db.selectableForRestore = true;
  db.files.push_back(FileDescriptor{file_kind::DATABASE, u"D:\\SQL\\Data", name + u".mdf", false, u"", u""});
  return db;
}

WriterSpec sqlWriter(WriterPhase failsAt = WriterPhase::None) {
  WriterSpec spec{u"SqlServerWriter", kSqlClass, kSqlInstance};
  spec.failsAt = failsAt;
  spec.components = {database(u"db1"), database(u"db2"), database(u"db3")};
  return spec;
}

class RestoreTest : public SimTest {
 protected:
  void SetUp() override {
    SimTest::SetUp();
    machine->addWriter(sqlWriter());
  }

  hresult add(BackupComponents& object, const WString& name) {
    return object.addComponent(kSqlInstance, kSqlClass, component_type::DATABASE, &kInstance1, name);
  }

  // A finished component-mode backup of db1 and db2 (db3 added but left out of the copies: never stamped when
  // `stampDb3` is false); returns the document SaveAsXML gave.
  WString backupDocument() {
    auto object = initialized();
    EXPECT_EQ(object->setBackupState(true, false, backup_type::FULL, false), hr::kOk);
    EXPECT_EQ(runAsync([&](auto& a) { return object->gatherWriterMetadata(a); }), hr::kAsyncFinished);
    EXPECT_EQ(add(*object, u"db1"), hr::kOk);
    EXPECT_EQ(add(*object, u"db2"), hr::kOk);
    EXPECT_EQ(startAndPrepare(*object, u"D:\\"), hr::kOk);
    EXPECT_EQ(doSnapshot(*object), hr::kAsyncFinished);
    EXPECT_EQ(object->setBackupSucceeded(kSqlInstance, kSqlClass, component_type::DATABASE, &kInstance1, u"db1",
                                         true),
              hr::kOk);
    EXPECT_EQ(runAsync([&](auto& a) { return object->backupComplete(a); }), hr::kAsyncFinished);
    WString document;
    EXPECT_EQ(object->saveAsXml(document), hr::kOk);
    return document;
  }

  // A new object initialized for restore from `document`, with writer metadata gathered.
  std::unique_ptr<BackupComponents> restoring(const WString& document) {
    auto object = create();
    EXPECT_EQ(object->initializeForRestore(document), hr::kOk);
    EXPECT_EQ(runAsync([&](auto& a) { return object->gatherWriterMetadata(a); }), hr::kAsyncFinished);
    return object;
  }

  static hresult select(BackupComponents& object, const WString& name, const Guid& instance = Guid{}) {
    return object.setSelectedForRestore(instance, kSqlClass, component_type::DATABASE, &kInstance1, name, true);
  }

  static hresult preRestore(BackupComponents& object) {
    return runAsync([&](auto& a) { return object.preRestore(a); });
  }

  static hresult postRestore(BackupComponents& object) {
    return runAsync([&](auto& a) { return object.postRestore(a); });
  }

  static hresult status(BackupComponents& object, const WString& name, std::int32_t value) {
    return object.setFileRestoreStatus(kSqlClass, component_type::DATABASE, &kInstance1, name, value);
  }

  static const RecordedComponent* named(const std::vector<RecordedComponent>& rows, const WString& name) {
    for (const RecordedComponent& row : rows) {
      if (row.componentName == name) return &row;
    }
    return nullptr;
  }

  WriterStatus sqlStatus(BackupComponents& object) {
    EXPECT_EQ(runAsync([&](auto& a) { return object.gatherWriterStatus(a); }), hr::kAsyncFinished);
    std::vector<WriterStatus> rows;
    EXPECT_EQ(object.getWriterStatus(rows), hr::kOk);
    return rows.empty() ? WriterStatus{} : rows.front();
  }
};

TEST_F(RestoreTest, TheWholeSequenceRestoresTheSelectedComponentAndTheWriterRecordsIt) {
  const WString document = backupDocument();
  {
    auto object = restoring(document);
    ASSERT_EQ(select(*object, u"db1", kSqlInstance), hr::kOk);
    const WString options = u"WITH NORECOVERY";
    ASSERT_EQ(object->setRestoreOptions(kSqlClass, component_type::DATABASE, &kInstance1, u"db1", options), hr::kOk);
    ASSERT_EQ(object->setAdditionalRestores(kSqlClass, component_type::DATABASE, &kInstance1, u"db1", true), hr::kOk);
    ASSERT_EQ(object->addAlternativeLocationMapping(kSqlClass, component_type::DATABASE, &kInstance1, u"db1",
                                                    u"D:\\SQL\\Data", u"db1.mdf", false, u"E:\\Moved"),
              hr::kOk);
    ASSERT_EQ(object->setRestoreState(restore_type::BY_COPY), hr::kOk);
    ASSERT_EQ(preRestore(*object), hr::kAsyncFinished);

    std::vector<RecordedComponent> rows;
    ASSERT_EQ(object->getWriterComponents(rows), hr::kOk);
    const RecordedComponent* db1 = named(rows, u"db1");
    ASSERT_NE(db1, nullptr);
    EXPECT_TRUE(db1->selectedForRestore);
    EXPECT_TRUE(db1->additionalRestores);
    EXPECT_EQ(db1->restoreOptions, options);
    EXPECT_EQ(db1->restoreTarget, restore_target::ORIGINAL);
    EXPECT_TRUE(db1->preRestoreFailureMessage.empty());
    ASSERT_NE(named(rows, u"db2"), nullptr);
    EXPECT_FALSE(named(rows, u"db2")->selectedForRestore);
    EXPECT_EQ(named(rows, u"db2")->restoreTarget, restore_target::UNDEFINED);

    ASSERT_EQ(status(*object, u"db1", file_restore_status::ALL), hr::kOk);
    ASSERT_EQ(postRestore(*object), hr::kAsyncFinished);
    EXPECT_EQ(sqlStatus(*object).state, writer_state::STABLE);
    ASSERT_EQ(object->getWriterComponents(rows), hr::kOk);
    EXPECT_EQ(named(rows, u"db1")->fileRestoreStatus, file_restore_status::ALL);
  }
  const std::vector<RestoreRecord> records = machine->restoreRecords();
  ASSERT_EQ(records.size(), 1u);
  const RestoreRecord& r = records[0];
  EXPECT_EQ(r.instanceId, kSqlInstance);
  EXPECT_EQ(r.componentName, u"db1");
  EXPECT_EQ(r.restoreType, restore_type::BY_COPY);
  EXPECT_TRUE(r.additionalRestores);
  EXPECT_EQ(r.restoreOptions, u"WITH NORECOVERY");
  ASSERT_EQ(r.alternateLocations.size(), 1u);
  EXPECT_EQ(r.alternateLocations[0].destination, u"E:\\Moved");
  EXPECT_EQ(r.restoreTarget, restore_target::ORIGINAL);
  EXPECT_TRUE(r.postRestoreDone);
  EXPECT_EQ(r.fileRestoreStatus, file_restore_status::ALL);
}

TEST_F(RestoreTest, ADocumentNotWrittenByThisMachinesSaveAsXmlIsAnInvalidXmlDocument) {
  const WString document = backupDocument();
  WString foreign = document;
  const WString machineAttribute = u"machine=\"VSS4J-SIM\"";
  const auto at = foreign.find(machineAttribute);
  ASSERT_NE(at, WString::npos);
  foreign.replace(at, machineAttribute.size(), u"machine=\"OTHER-HOST\"");
  const WString damaged = document.substr(0, document.size() / 2);
  for (const WString& bad : {foreign, damaged, WString(u"not xml at all"), WString()}) {
    auto object = create();
    EXPECT_EQ(object->initializeForRestore(bad), hr::kInvalidXmlDocument);
    // Nothing was loaded: the object can still be initialized with a good document.
    EXPECT_EQ(object->initializeForRestore(document), hr::kOk);
  }
}

TEST_F(RestoreTest, InitializeForRestoreOnlyOnAFreshObject) {
  const WString document = backupDocument();
  auto backup = initialized();
  EXPECT_EQ(backup->initializeForRestore(document), hr::kBadState);
  auto twice = create();
  ASSERT_EQ(twice->initializeForRestore(document), hr::kOk);
  EXPECT_EQ(twice->initializeForRestore(document), hr::kBadState);
  EXPECT_EQ(twice->initializeForBackup(nullptr), hr::kBadState);
}

TEST_F(RestoreTest, RestoreCallsOnABackupObjectAreBadState) {
  auto object = initialized();
  ASSERT_EQ(object->setBackupState(true, false, backup_type::FULL, false), hr::kOk);
  ASSERT_EQ(runAsync([&](auto& a) { return object->gatherWriterMetadata(a); }), hr::kAsyncFinished);
  ASSERT_EQ(add(*object, u"db1"), hr::kOk);
  EXPECT_EQ(object->setRestoreState(restore_type::BY_COPY), hr::kBadState);
  EXPECT_EQ(select(*object, u"db1"), hr::kBadState);
  EXPECT_EQ(object->setRestoreOptions(kSqlClass, component_type::DATABASE, &kInstance1, u"db1", u"x"),
            hr::kBadState);
  EXPECT_EQ(status(*object, u"db1", file_restore_status::ALL), hr::kBadState);
  std::unique_ptr<AsyncOperation> async;
  EXPECT_EQ(object->preRestore(async), hr::kBadState);
  EXPECT_EQ(async, nullptr);
  EXPECT_EQ(object->postRestore(async), hr::kBadState);
  EXPECT_EQ(async, nullptr);
}

TEST_F(RestoreTest, BackupCallsOnARestoreObjectAreBadState) {
  auto object = restoring(backupDocument());
  EXPECT_EQ(object->setContext(ctx::BACKUP), hr::kBadState);
  EXPECT_EQ(object->setBackupState(true, false, backup_type::FULL, false), hr::kBadState);
  Guid set;
  EXPECT_EQ(object->startSnapshotSet(set), hr::kBadState);
  EXPECT_EQ(add(*object, u"db1"), hr::kBadState);
  EXPECT_EQ(object->abortBackup(), hr::kBadState);
  std::unique_ptr<AsyncOperation> async;
  EXPECT_EQ(object->prepareForBackup(async), hr::kBadState);
  EXPECT_EQ(object->backupComplete(async), hr::kBadState);
}

TEST_F(RestoreTest, TheRestoreCallsFollowTheDocumentedOrder) {
  const WString document = backupDocument();
  auto object = create();
  ASSERT_EQ(object->initializeForRestore(document), hr::kOk);
  // Before GatherWriterMetadata: no component can be selected and no PreRestore run; the restore type can be set.
  EXPECT_EQ(select(*object, u"db1"), hr::kBadState);
  std::unique_ptr<AsyncOperation> async;
  EXPECT_EQ(object->preRestore(async), hr::kBadState);
  EXPECT_EQ(object->setRestoreState(restore_type::IMPORT), hr::kOk);
  ASSERT_EQ(runAsync([&](auto& a) { return object->gatherWriterMetadata(a); }), hr::kAsyncFinished);
  ASSERT_EQ(select(*object, u"db1"), hr::kOk);
  // SetFileRestoreStatus and PostRestore only after PreRestore.
  EXPECT_EQ(status(*object, u"db1", file_restore_status::ALL), hr::kBadState);
  EXPECT_EQ(object->postRestore(async), hr::kBadState);
  ASSERT_EQ(preRestore(*object), hr::kAsyncFinished);
  // After PreRestore: the selection and restore type are fixed; PreRestore runs once.
  EXPECT_EQ(select(*object, u"db2"), hr::kBadState);
  EXPECT_EQ(object->setRestoreState(restore_type::BY_COPY), hr::kBadState);
  EXPECT_EQ(object->preRestore(async), hr::kBadState);
  ASSERT_EQ(status(*object, u"db1", file_restore_status::FAILED), hr::kOk);
  ASSERT_EQ(postRestore(*object), hr::kAsyncFinished);
  // After PostRestore: nothing more to report.
  EXPECT_EQ(status(*object, u"db1", file_restore_status::ALL), hr::kBadState);
  EXPECT_EQ(object->postRestore(async), hr::kBadState);
}

TEST_F(RestoreTest, AComponentTheDocumentDoesNotHoldIsNotFound) {
  auto object = restoring(backupDocument());
  EXPECT_EQ(select(*object, u"db3"), hr::kObjectNotFound);  // declared, never backed up
  EXPECT_EQ(select(*object, u"nosuch"), hr::kObjectNotFound);
  const Guid otherInstance{0x99, 0x99};
  EXPECT_EQ(select(*object, u"db1", otherInstance), hr::kObjectNotFound);
  EXPECT_EQ(object->setRestoreOptions(kSqlClass, component_type::DATABASE, &kInstance1, u"db3", u"x"),
            hr::kObjectNotFound);
  EXPECT_EQ(object->setSelectedForRestore(Guid{}, kSqlClass, component_type::FILE_GROUP, &kInstance1, u"db1", true),
            hr::kObjectNotFound);
  EXPECT_EQ(object->setSelectedForRestore(Guid{}, kSqlClass, component_type::UNDEFINED, &kInstance1, u"db1", true),
            hr::kInvalidArg);
  ASSERT_EQ(select(*object, u"db1"), hr::kOk);
  ASSERT_EQ(preRestore(*object), hr::kAsyncFinished);
  EXPECT_EQ(status(*object, u"db3", file_restore_status::ALL), hr::kObjectNotFound);
  EXPECT_EQ(status(*object, u"db1", 4), hr::kInvalidArg);
}

TEST_F(RestoreTest, AComponentWhoseWriterIsNotRunningIsNotFound) {
  const WString document = backupDocument();
  auto object = create();
  ASSERT_EQ(object->initializeForRestore(document), hr::kOk);
  ASSERT_EQ(object->disableWriterInstances({kSqlInstance}), hr::kOk);
  ASSERT_EQ(runAsync([&](auto& a) { return object->gatherWriterMetadata(a); }), hr::kAsyncFinished);
  EXPECT_EQ(select(*object, u"db1"), hr::kObjectNotFound);
}

TEST_F(RestoreTest, FileSetsWithAWildcardPathOrADirectoryInTheirSpecificationAreInvalid) {
  auto object = restoring(backupDocument());
  auto map = [&](const WString& path, const WString& spec, const WString& destination) {
    return object->addAlternativeLocationMapping(kSqlClass, component_type::DATABASE, &kInstance1, u"db1", path, spec,
                                                 false, destination);
  };
  EXPECT_EQ(map(u"D:\\SQL\\*", u"db1.mdf", u"E:\\"), hr::kInvalidArg);
  EXPECT_EQ(map(u"D:\\SQL", u"Data\\db1.mdf", u"E:\\"), hr::kInvalidArg);
  EXPECT_EQ(map(u"D:\\SQL", u"db1.mdf", u""), hr::kInvalidArg);
  EXPECT_EQ(map(u"D:\\SQL", u"*.mdf", u"E:\\"), hr::kOk);
  EXPECT_EQ(object->addNewTarget(kSqlClass, component_type::DATABASE, &kInstance1, u"db1", u"D:\\SQL", u"*.ldf", true,
                                 u"F:\\Logs"),
            hr::kOk);
}

TEST_F(RestoreTest, AWriterRefusesAComponentItDidNotBackUp) {
  // A document from a backup that stopped after PrepareForBackup: the components are in it, unstamped.
  WString document;
  {
    auto object = initialized();
    ASSERT_EQ(object->setBackupState(true, false, backup_type::FULL, false), hr::kOk);
    ASSERT_EQ(runAsync([&](auto& a) { return object->gatherWriterMetadata(a); }), hr::kAsyncFinished);
    ASSERT_EQ(add(*object, u"db1"), hr::kOk);
    ASSERT_EQ(startAndPrepare(*object, u"D:\\"), hr::kOk);
    ASSERT_EQ(object->saveAsXml(document), hr::kOk);
    ASSERT_EQ(object->abortBackup(), hr::kOk);
  }
  auto object = restoring(document);
  ASSERT_EQ(select(*object, u"db1"), hr::kOk);
  // The writer's refusal is its failure, not the call's.
  ASSERT_EQ(preRestore(*object), hr::kAsyncFinished);
  const WriterStatus sql = sqlStatus(*object);
  EXPECT_EQ(sql.state, writer_state::FAILED_AT_PRE_RESTORE);
  EXPECT_EQ(sql.failure, hr::kWriterErrorNonRetryable);
  std::vector<RecordedComponent> rows;
  ASSERT_EQ(object->getWriterComponents(rows), hr::kOk);
  EXPECT_FALSE(named(rows, u"db1")->preRestoreFailureMessage.empty());
}

struct PhaseCase {
  WriterPhase phase;
  std::int32_t failedState;
};

class RestorePhaseFailures : public RestoreTest, public ::testing::WithParamInterface<PhaseCase> {};

TEST_P(RestorePhaseFailures, AWriterFailingAtARestorePhaseShowsItAndSetsTheComponentsFailureMessage) {
  const WString document = backupDocument();
  machine = Machine::create();  // the same machine name, a writer that fails this time
  machine->addVolume(VolumeSpec{u"C:\\"});
  machine->addVolume(VolumeSpec{u"D:\\"});
  WriterSpec failing = sqlWriter(GetParam().phase);
  failing.failure = hr::kWriterErrorRetryable;
  machine->addWriter(failing);
  {
    auto object = restoring(document);
    ASSERT_EQ(select(*object, u"db1"), hr::kOk);
    ASSERT_EQ(preRestore(*object), hr::kAsyncFinished);
    ASSERT_EQ(status(*object, u"db1", file_restore_status::ALL), hr::kOk);
    ASSERT_EQ(postRestore(*object), hr::kAsyncFinished);
    const WriterStatus sql = sqlStatus(*object);
    EXPECT_EQ(sql.state, GetParam().failedState);
    EXPECT_EQ(sql.failure, hr::kWriterErrorRetryable);
    std::vector<RecordedComponent> rows;
    ASSERT_EQ(object->getWriterComponents(rows), hr::kOk);
    const bool pre = GetParam().phase == WriterPhase::PreRestore;
    const RecordedComponent* db1 = named(rows, u"db1");
    EXPECT_EQ(db1->preRestoreFailureMessage.empty(), !pre);
    EXPECT_EQ(db1->postRestoreFailureMessage.empty(), pre);
    EXPECT_NE((pre ? db1->preRestoreFailureMessage : db1->postRestoreFailureMessage).find(u"0x800423F3"),
              WString::npos);
  }
  // The machine's writer keeps the failure after the object is gone, as after a backup.
  EXPECT_EQ(machine->writerStates().front().state, GetParam().failedState);
  const std::vector<RestoreRecord> records = machine->restoreRecords();
  ASSERT_EQ(records.size(), 1u);
  // A writer that failed at PreRestore sits out PostRestore; one failing at PostRestore was told the status.
  EXPECT_EQ(records[0].postRestoreDone, GetParam().phase == WriterPhase::PostRestore);
}

INSTANTIATE_TEST_SUITE_P(Sim, RestorePhaseFailures,
                         ::testing::Values(PhaseCase{WriterPhase::PreRestore, writer_state::FAILED_AT_PRE_RESTORE},
                                           PhaseCase{WriterPhase::PostRestore, writer_state::FAILED_AT_POST_RESTORE}));

TEST_F(RestoreTest, AConfiguredRestoreTargetIsWhatTheWriterChoosesAtPreRestore) {
  RestoreTargetChoice alternate{component_type::DATABASE, kInstance1, u"db2", restore_target::ALTERNATE_LOCATION};
  ASSERT_TRUE(machine->setRestoreTarget(kSqlInstance, alternate));
  RestoreTargetChoice unknown{component_type::DATABASE, kInstance1, u"nosuch", restore_target::ALTERNATE_LOCATION};
  EXPECT_FALSE(machine->setRestoreTarget(kSqlInstance, unknown));
  alternate.target = 9;
  EXPECT_FALSE(machine->setRestoreTarget(kSqlInstance, alternate));
  auto object = restoring(backupDocument());
  ASSERT_EQ(select(*object, u"db1"), hr::kOk);
  ASSERT_EQ(select(*object, u"db2"), hr::kOk);
  ASSERT_EQ(preRestore(*object), hr::kAsyncFinished);
  std::vector<RecordedComponent> rows;
  ASSERT_EQ(object->getWriterComponents(rows), hr::kOk);
  EXPECT_EQ(named(rows, u"db1")->restoreTarget, restore_target::ORIGINAL);
  EXPECT_EQ(named(rows, u"db2")->restoreTarget, restore_target::ALTERNATE_LOCATION);
}

TEST_F(RestoreTest, PreRestoreIsAsynchronousAndReleasingMidwayCancelsIt) {
  machine->setDuration(Operation::PreRestore, std::chrono::hours(1));
  const WString document = backupDocument();
  std::unique_ptr<AsyncOperation> async;
  {
    auto object = restoring(document);
    ASSERT_EQ(select(*object, u"db1"), hr::kOk);
    ASSERT_EQ(object->preRestore(async), hr::kOk);
    hresult state = hr::kOk;
    ASSERT_EQ(async->queryStatus(state), hr::kOk);
    EXPECT_EQ(state, hr::kAsyncPending);
    // While PreRestore runs only the IVssAsync is served.
    EXPECT_EQ(status(*object, u"db1", file_restore_status::ALL), hr::kBadState);
  }
  hresult state = hr::kOk;
  ASSERT_EQ(async->queryStatus(state), hr::kOk);
  EXPECT_EQ(state, hr::kAsyncCancelled);
  async.reset();
  EXPECT_TRUE(machine->restoreRecords().empty());
}

TEST_F(RestoreTest, AWriterHangingAtPreRestoreHoldsItForTheWriterTimeoutOnlyWhenItTakesPart) {
  const WString document = backupDocument();
  machine = Machine::create();
  machine->addVolume(VolumeSpec{u"C:\\"});
  machine->addVolume(VolumeSpec{u"D:\\"});
  WriterSpec hanging = sqlWriter(WriterPhase::PreRestore);
  hanging.hangs = true;
  machine->addWriter(hanging);
  machine->setWriterTimeout(std::chrono::hours(1));
  {
    // Nothing of the hanging writer's is selected: PreRestore does not wait for it.
    auto object = restoring(document);
    EXPECT_EQ(preRestore(*object), hr::kAsyncFinished);
  }
  auto object = restoring(document);
  ASSERT_EQ(select(*object, u"db1"), hr::kOk);
  std::unique_ptr<AsyncOperation> async;
  ASSERT_EQ(object->preRestore(async), hr::kOk);
  hresult state = hr::kOk;
  ASSERT_EQ(async->queryStatus(state), hr::kOk);
  EXPECT_EQ(state, hr::kAsyncPending);
  EXPECT_EQ(async->cancel(), hr::kOk);
}

TEST_F(RestoreTest, APlannedFaultFailsTheCallAndIsCountedAsAnAttempt) {
  machine->addFault(FaultSpec{Operation::InitializeForRestore, hr::kVssUnexpected, false, 1, 1});
  machine->addFault(FaultSpec{Operation::PreRestore, hr::kVssUnexpected, true, 1, 1});
  const WString document = backupDocument();
  auto first = create();
  EXPECT_EQ(first->initializeForRestore(document), hr::kVssUnexpected);
  auto object = restoring(document);
  ASSERT_EQ(select(*object, u"db1"), hr::kOk);
  EXPECT_EQ(preRestore(*object), hr::kVssUnexpected);
  // A PreRestore that failed leaves nothing to restore into: release and start again.
  EXPECT_EQ(status(*object, u"db1", file_restore_status::ALL), hr::kBadState);
}

}  // namespace
}  // namespace vss4j::sim::test
