// Writer components on the simulated machine: GetWriterMetadata reports them in full with each file's volume;
// AddComponent, SetBackupSucceeded and SaveAsXML follow VSS's documented order and errors.
#include "sim/backup_document.h"
#include "sim/components.h"
#include "sim/xml_check.h"
#include "sim_fixture.h"

namespace vss4j::sim::test {
namespace {

const Guid kSqlClass{0xa65faa63ULL << 32 | 0x5ea8ULL << 16 | 0x4ebcULL, 0x9dbd1a1a14a7d5b8ULL};
const Guid kSqlInstance{0x11, 0x22};

WriterSpec sqlWriter() {
  WriterSpec spec{u"SqlServerWriter", kSqlClass, kSqlInstance};
  spec.restoreMethod = RestoreMethod{3, u"MSSQLSERVER", u"", 2, true, 0};
  spec.backupSchema = 0x2 | 0x10;
  spec.excludeFiles.push_back(FileDescriptor{file_kind::EXCLUDE, u"D:\\SQL\\Temp", u"*.tmp", true, u"", u""});
  WriterComponent db1;
  db1.type = component_type::DATABASE;
  db1.logicalPath = u"INSTANCE1";
  db1.name = u"db1";
  db1.caption = u"Sales";
  db1.selectableForBackup = true;
  db1.notifyOnBackupComplete = true;
  db1.files.push_back(FileDescriptor{file_kind::DATABASE, u"d:\\sql\\data", u"db1.mdf", false, u"", u""});
  db1.files.push_back(FileDescriptor{file_kind::LOG, u"L:\\Logs\\Deep", u"db1.ldf", false, u"", u""});
  db1.dependencies.push_back(ComponentDependency{kSqlClass, u"INSTANCE1", u"master"});
  spec.components.push_back(db1);
  WriterComponent master;
  master.type = component_type::DATABASE;
  master.logicalPath = u"INSTANCE1";
  master.name = u"master";
  spec.components.push_back(master);
  return spec;
}

class ComponentsTest : public SimTest {
 protected:
  void SetUp() override {
    SimTest::SetUp();
    machine->addVolume(VolumeSpec{u"L:\\", true, -1, 0, -1, u"\\\\?\\Volume{0000000b-0000-0000-0000-00000000000b}\\"});
    machine->addVolume(VolumeSpec{u"L:\\Logs\\", true, -1, 0, -1,
                                  u"\\\\?\\Volume{0000000c-0000-0000-0000-00000000000c}\\"});
    machine->addWriter(sqlWriter());
  }

  // Initialized in component mode with metadata gathered.
  std::unique_ptr<BackupComponents> gathered(bool selectComponents = true) {
    auto object = initialized();
    EXPECT_EQ(object->setBackupState(selectComponents, false, backup_type::FULL, false), hr::kOk);
    EXPECT_EQ(runAsync([&](auto& a) { return object->gatherWriterMetadata(a); }), hr::kAsyncFinished);
    return object;
  }

  hresult addDb1(BackupComponents& object) {
    const WString path = u"INSTANCE1";
    return object.addComponent(kSqlInstance, kSqlClass, component_type::DATABASE, &path, u"db1");
  }

  // From gathered to a finished DoSnapshotSet with db1 added.
  hresult snapshotWithDb1(BackupComponents& object) {
    if (hresult r = addDb1(object); failed(r)) return r;
    if (hresult r = startAndPrepare(object, u"D:\\"); failed(r)) return r;
    return doSnapshot(object);
  }
};

TEST_F(ComponentsTest, MetadataReportsComponentsFilesAndVolumes) {
  auto object = gathered();
  std::vector<WriterMetadata> writers;
  ASSERT_EQ(object->getWriterMetadata(writers), hr::kOk);
  ASSERT_EQ(writers.size(), 1u);
  const WriterMetadata& w = writers[0];
  EXPECT_EQ(w.restoreMethod.method, 3);
  EXPECT_EQ(w.restoreMethod.service, u"MSSQLSERVER");
  EXPECT_TRUE(w.restoreMethod.rebootRequired);
  EXPECT_EQ(w.backupSchema, 0x12);
  ASSERT_EQ(w.excludeFiles.size(), 1u);
  ASSERT_EQ(w.components.size(), 2u);
  const WriterComponent& db1 = w.components[0];
  EXPECT_EQ(db1.name, u"db1");
  EXPECT_EQ(db1.caption, u"Sales");
  EXPECT_TRUE(db1.notifyOnBackupComplete);
  ASSERT_EQ(db1.files.size(), 2u);
  ASSERT_EQ(db1.dependencies.size(), 1u);
  EXPECT_EQ(db1.dependencies[0].componentName, u"master");
  // Volumes: matched without regard to case, the deepest mount point wins, the GUID path is reported.
  std::vector<VolumeSpec> volumes{VolumeSpec{u"D:\\", true, -1, 0, -1, u"\\\\?\\Volume{d}\\"}};
  EXPECT_EQ(volumeOfPath(volumes, u"d:\\sql\\data"), u"\\\\?\\Volume{d}\\");
  EXPECT_EQ(volumeOfPath(volumes, u"D:"), u"\\\\?\\Volume{d}\\");
  EXPECT_EQ(volumeOfPath(volumes, u"E:\\x"), u"");
  EXPECT_FALSE(db1.files[0].volume.empty());
  EXPECT_EQ(db1.files[1].volume, u"\\\\?\\Volume{0000000c-0000-0000-0000-00000000000c}\\");
  EXPECT_EQ(w.excludeFiles[0].volume, db1.files[0].volume);
}

TEST_F(ComponentsTest, AddComponentFollowsTheDocumentedOrder) {
  {
    auto object = initialized();
    ASSERT_EQ(object->setBackupState(true, false, backup_type::FULL, false), hr::kOk);
    EXPECT_EQ(addDb1(*object), hr::kBadState);  // before GatherWriterMetadata
  }
  {
    auto object = gathered(false);
    EXPECT_EQ(addDb1(*object), hr::kBadState);  // not in component mode
  }
  {
    auto object = gathered();
    Guid set;
    Guid id;
    ASSERT_EQ(object->startSnapshotSet(set), hr::kOk);
    EXPECT_EQ(addDb1(*object), hr::kOk);  // a set may be open: only PrepareForBackup ends the selection
    ASSERT_EQ(object->addToSnapshotSet(u"D:\\", Guid{}, id), hr::kOk);
    ASSERT_EQ(runAsync([&](auto& a) { return object->prepareForBackup(a); }), hr::kAsyncFinished);
    const WString path = u"INSTANCE1";
    EXPECT_EQ(object->addComponent(kSqlInstance, kSqlClass, component_type::DATABASE, &path, u"master"),
              hr::kBadState);  // after PrepareForBackup
  }
}

TEST_F(ComponentsTest, AddComponentRefusesUnknownAndDuplicateComponents) {
  auto object = gathered();
  const WString path = u"INSTANCE1";
  const WString other = u"INSTANCE2";
  EXPECT_EQ(object->addComponent(kSqlInstance, kSqlClass, component_type::DATABASE, &path, u"nope"),
            hr::kObjectNotFound);
  EXPECT_EQ(object->addComponent(kSqlInstance, kSqlClass, component_type::DATABASE, &other, u"db1"),
            hr::kObjectNotFound);
  EXPECT_EQ(object->addComponent(kSqlInstance, kSqlClass, component_type::FILE_GROUP, &path, u"db1"),
            hr::kObjectNotFound);
  EXPECT_EQ(object->addComponent(Guid{9, 9}, kSqlClass, component_type::DATABASE, &path, u"db1"),
            hr::kObjectNotFound);
  EXPECT_EQ(object->addComponent(kSqlInstance, kSqlClass, 7, &path, u"db1"), hr::kInvalidArg);
  EXPECT_EQ(addDb1(*object), hr::kOk);
  EXPECT_EQ(addDb1(*object), hr::kObjectAlreadyExists);
}

TEST_F(ComponentsTest, NoWriterContextsTakeNoComponents) {
  auto object = initialized(ctx::FILE_SHARE_BACKUP);
  ASSERT_EQ(object->setBackupState(true, false, backup_type::FULL, false), hr::kOk);
  ASSERT_EQ(runAsync([&](auto& a) { return object->gatherWriterMetadata(a); }), hr::kAsyncFinished);
  EXPECT_EQ(addDb1(*object), hr::kBadState);
}

TEST_F(ComponentsTest, SetBackupSucceededIsRecordedPerComponent) {
  auto object = gathered();
  const WString path = u"INSTANCE1";
  ASSERT_EQ(addDb1(*object), hr::kOk);
  EXPECT_EQ(object->setBackupSucceeded(kSqlInstance, kSqlClass, component_type::DATABASE, &path, u"db1", true),
            hr::kBadState);  // before DoSnapshotSet
  object.reset();
  object = gathered();
  ASSERT_EQ(snapshotWithDb1(*object), hr::kAsyncFinished);
  EXPECT_EQ(object->setBackupSucceeded(kSqlInstance, kSqlClass, component_type::DATABASE, &path, u"master", true),
            hr::kObjectNotFound);  // not added
  EXPECT_TRUE(machine->componentOutcomes().empty());
  ASSERT_EQ(object->setBackupSucceeded(kSqlInstance, kSqlClass, component_type::DATABASE, &path, u"db1", false),
            hr::kOk);
  ASSERT_EQ(object->setBackupSucceeded(kSqlInstance, kSqlClass, component_type::DATABASE, &path, u"db1", true),
            hr::kOk);
  const auto outcomes = machine->componentOutcomes();
  ASSERT_EQ(outcomes.size(), 1u);
  EXPECT_EQ(outcomes[0].componentName, u"db1");
  EXPECT_TRUE(outcomes[0].succeeded);  // the latest call counts
  ASSERT_EQ(runAsync([&](auto& a) { return object->backupComplete(a); }), hr::kAsyncFinished);
  EXPECT_EQ(object->setBackupSucceeded(kSqlInstance, kSqlClass, component_type::DATABASE, &path, u"db1", true),
            hr::kBadState);  // after BackupComplete
}

TEST_F(ComponentsTest, TheDocumentHoldsComponentsStampsAndOutcomes) {
  auto object = create();
  WString document;
  EXPECT_EQ(object->saveAsXml(document), hr::kBadState);  // not initialized
  object.reset();
  object = gathered();
  ASSERT_EQ(snapshotWithDb1(*object), hr::kAsyncFinished);
  const WString path = u"INSTANCE1";
  ASSERT_EQ(object->setBackupSucceeded(kSqlInstance, kSqlClass, component_type::DATABASE, &path, u"db1", true),
            hr::kOk);
  ASSERT_EQ(object->saveAsXml(document), hr::kOk);
  EXPECT_TRUE(isWellFormedXml(document));
  const std::string text(document.begin(), document.end());
  EXPECT_NE(text.find("selectComponents=\"yes\""), std::string::npos) << text;
  EXPECT_NE(text.find("componentName=\"db1\""), std::string::npos) << text;
  EXPECT_NE(text.find("backupStamp=\"{"), std::string::npos) << text;
  EXPECT_NE(text.find("backupSucceeded=\"yes\""), std::string::npos) << text;
  EXPECT_EQ(text.find("master"), std::string::npos) << text;  // not selected
  // The document is what a later InitializeForBackup takes.
  auto again = create();
  EXPECT_EQ(again->initializeForBackup(&document), hr::kOk);
}

TEST_F(ComponentsTest, OptionsAndPreviousStampGoWithAnAddedComponentBeforePrepare) {
  auto object = gathered();
  const WString path = u"INSTANCE1";
  EXPECT_EQ(object->setPreviousBackupStamp(kSqlClass, component_type::DATABASE, &path, u"db1", u"stamp-1"),
            hr::kObjectNotFound);  // not added yet
  ASSERT_EQ(addDb1(*object), hr::kOk);
  EXPECT_EQ(object->setPreviousBackupStamp(kSqlClass, component_type::DATABASE, &path, u"db1", u"stamp-1"), hr::kOk);
  EXPECT_EQ(object->setBackupOptions(kSqlClass, component_type::DATABASE, &path, u"db1", u"COPY_ONLY"), hr::kOk);
  EXPECT_EQ(object->setBackupOptions(kSqlClass, component_type::FILE_GROUP, &path, u"db1", u"x"),
            hr::kObjectNotFound);
  WString document;
  ASSERT_EQ(object->saveAsXml(document), hr::kOk);
  const std::string text(document.begin(), document.end());
  EXPECT_NE(text.find("previousBackupStamp=\"stamp-1\""), std::string::npos) << text;
  EXPECT_NE(text.find("backupOptions=\"COPY_ONLY\""), std::string::npos) << text;
  Guid set;
  Guid id;
  ASSERT_EQ(object->startSnapshotSet(set), hr::kOk);
  ASSERT_EQ(object->addToSnapshotSet(u"D:\\", Guid{}, id), hr::kOk);
  ASSERT_EQ(runAsync([&](auto& a) { return object->prepareForBackup(a); }), hr::kAsyncFinished);
  EXPECT_EQ(object->setPreviousBackupStamp(kSqlClass, component_type::DATABASE, &path, u"db1", u"stamp-2"),
            hr::kBadState);  // after PrepareForBackup
  EXPECT_EQ(object->setBackupOptions(kSqlClass, component_type::DATABASE, &path, u"db1", u"x"), hr::kBadState);
}

TEST_F(ComponentsTest, WriterComponentsReadBackWhatWasRecorded) {
  auto object = gathered();
  std::vector<RecordedComponent> recorded;
  EXPECT_EQ(object->getWriterComponents(recorded), hr::kBadState);  // before PrepareForBackup
  const WString path = u"INSTANCE1";
  ASSERT_EQ(addDb1(*object), hr::kOk);
  ASSERT_EQ(object->setPreviousBackupStamp(kSqlClass, component_type::DATABASE, &path, u"db1", u"old"), hr::kOk);
  Guid set;
  Guid id;
  ASSERT_EQ(object->startSnapshotSet(set), hr::kOk);
  ASSERT_EQ(object->addToSnapshotSet(u"D:\\", Guid{}, id), hr::kOk);
  ASSERT_EQ(runAsync([&](auto& a) { return object->prepareForBackup(a); }), hr::kAsyncFinished);
  ASSERT_EQ(object->getWriterComponents(recorded), hr::kOk);
  ASSERT_EQ(recorded.size(), 1u);
  EXPECT_EQ(recorded[0].backupStamp, u"");  // no copies yet: nothing stamped
  EXPECT_EQ(recorded[0].previousBackupStamp, u"old");
  ASSERT_EQ(doSnapshot(*object), hr::kAsyncFinished);
  ASSERT_EQ(object->setBackupSucceeded(kSqlInstance, kSqlClass, component_type::DATABASE, &path, u"db1", true),
            hr::kOk);
  ASSERT_EQ(object->getWriterComponents(recorded), hr::kOk);
  ASSERT_EQ(recorded.size(), 1u);
  EXPECT_EQ(recorded[0].instanceId, kSqlInstance);
  EXPECT_EQ(recorded[0].writerId, kSqlClass);
  EXPECT_EQ(recorded[0].componentName, u"db1");
  EXPECT_TRUE(recorded[0].backupSucceeded);
  EXPECT_FALSE(recorded[0].backupStamp.empty());
  // The stamp in the document is the one GetWriterComponents reports.
  WString document;
  ASSERT_EQ(object->saveAsXml(document), hr::kOk);
  EXPECT_NE(document.find(u"backupStamp=\"" + recorded[0].backupStamp + u"\""), WString::npos);
}

TEST(BackupDocument, EscapesWhatXmlReserves) {
  ObjectState object;
  object.components.push_back(AddedComponent{Guid{1, 2}, Guid{3, 4}, component_type::FILE_GROUP,
                                             u"a<b>&\"c'", u"n&m", -1});
  const WString document = backupComponentsDocument(object, u"VSS4J-SIM");
  EXPECT_TRUE(isWellFormedXml(document));
  const std::string text(document.begin(), document.end());
  EXPECT_NE(text.find("a&lt;b&gt;&amp;&quot;c&apos;"), std::string::npos) << text;
}

}  // namespace
}  // namespace vss4j::sim::test
