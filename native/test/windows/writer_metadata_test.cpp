// GetWriterMetadata in full through the adapter: every IVssExamineWriterMetadata, IVssWMComponent,
// IVssWMFiledesc and IVssWMDependency released once, every VSS_COMPONENTINFO freed with FreeComponentInfo, every
// BSTR freed (counted through COM's allocator with oleaut32's string cache off), on success and on failure;
// AddComponent and SaveAsXML passed through.
#include <gtest/gtest.h>

#include "core/hresult.h"
#include "bstr_counting.h"
#include "test_support.h"
#include "windows/com_backend.h"
#include "windows/convert.h"
#include "windows/writer_metadata.h"

namespace vss4j::win::test {
namespace {

const GUID kInstance = makeGuid(0x0a0a0a0a, 0x1, 0x2, 0x0304050607080910ull);
const GUID kWriter = makeGuid(0x0b0b0b0b, 0x1, 0x2, 0x0304050607080910ull);
const GUID kOther = makeGuid(0x0c0c0c0c, 0x1, 0x2, 0x0304050607080910ull);

class WriterMetadataTest : public ::testing::Test {
 protected:
  static void describe(fake::WMFiledesc& descriptor, std::wstring path, std::wstring spec, bool recursive = false,
                       std::wstring alternate = {}) {
    descriptor.path = std::move(path);
    descriptor.spec = std::move(spec);
    descriptor.recursive = recursive;
    descriptor.alternate = std::move(alternate);
  }

  void SetUp() override {
    CoInitializeEx(nullptr, COINIT_MULTITHREADED);
    ASSERT_TRUE(stopBstrCache());
    metadata.instanceId = kInstance;
    metadata.writerId = kWriter;
    metadata.name = L"SqlServerWriter";
    metadata.restoreMethod = VSS_RME_RESTORE_IF_CAN_REPLACE;
    metadata.service = L"MSSQLSERVER";
    metadata.writerRestore = VSS_WRE_ALWAYS;
    metadata.reboot = true;
    metadata.schema = VSS_BS_DIFFERENTIAL | VSS_BS_LOG;
    describe(exclude, L"%SystemRoot%\\Temp", L"*.tmp", true);
    metadata.excludes = {&exclude};
    describe(data, L"C:\\SQL\\Data", L"db1.mdf");
    describe(log, L"C:\\SQL\\Logs", L"db1.ldf", false, L"D:\\Elsewhere");
    dependency.writerId = kOther;
    dependency.logicalPath = L"INSTANCE1";
    dependency.name = L"master";
    db1.logicalPath = L"INSTANCE1";
    db1.name = L"db1";
    db1.caption = L"Sales";
    db1.notify = true;
    db1.databaseFiles = {&data};
    db1.logFiles = {&log};
    db1.dependencies = {&dependency};
    group.type = VSS_CT_FILEGROUP;
    group.name = L"Config";  // no logical path: VSS hands out NULL
    group.selectable = false;
    group.files = {&file};
    describe(file, L"C:\\App", L"*.ini");
    metadata.components = {&db1, &group};
    vss.writerMetadata = {&metadata};
    components = wrapBackupComponents(vss.give(), fakeApi(frees));
    ASSERT_EQ(CoRegisterMallocSpy(&spy), S_OK);
  }
  void TearDown() override {
    CoRevokeMallocSpy();
    components.reset();
    vss.writerMetadata.clear();
    expectReleased(vss, "IVssBackupComponents");
    expectReleased(metadata, "IVssExamineWriterMetadata");
    for (auto* c : {&db1, &group}) {
      expectReleased(*c, "IVssWMComponent");
      EXPECT_EQ(c->infosGiven.load(), c->infosFreed.load()) << "VSS_COMPONENTINFO not freed";
      EXPECT_FALSE(c->freedUnknownInfo);
    }
    for (auto* f : {&exclude, &data, &log, &file}) expectReleased(*f, "IVssWMFiledesc");
    expectReleased(dependency, "IVssWMDependency");
    CoUninitialize();
  }

  // BSTRs the fake handed out during `call`, and the task-allocator blocks left over by it.
  template <typename Call>
  void expectEveryBstrFreed(Call&& call) {
    const long givenBefore = fake::g_bstrsGiven.load();
    const long allocsBefore = spy.allocs.load();
    const long freesBefore = spy.frees.load();
    call();
    EXPECT_GT(fake::g_bstrsGiven.load(), givenBefore);
    EXPECT_EQ(spy.allocs.load() - allocsBefore, spy.frees.load() - freesBefore) << "a BSTR was not freed";
  }

  // GetWriterComponents over one writer that recorded `recordedComponents`, answering `expected`: every BSTR
  // freed, the writer and every component (whichever interface it was asked for) released once.
  std::vector<RecordedComponent> readRecorded(const std::vector<fake::Component*>& recordedComponents,
                                              hresult expected = hr::kOk) {
    fake::WriterComponentsExt writer;
    writer.instanceId = kInstance;
    writer.writerId = kWriter;
    writer.components = recordedComponents;
    vss.writerComponents = {&writer};
    std::vector<RecordedComponent> recorded;
    expectEveryBstrFreed([&] { EXPECT_EQ(components->getWriterComponents(recorded), expected); });
    vss.writerComponents.clear();
    expectReleased(writer, "IVssWriterComponentsExt");
    for (auto* component : recordedComponents) expectReleased(*component, "IVssComponent");
    return recorded;
  }

  // The failure GetWriterComponents recorded for a writer whose one component is `component`.
  hresult failureRecordedFor(fake::Component& component) {
    component.name = L"db1";
    std::vector<RecordedComponent> recorded = readRecorded({&component});
    EXPECT_EQ(recorded.size(), 1u);
    if (recorded.empty()) return hr::kUnexpected;
    EXPECT_EQ(recorded[0].componentName, u"db1");
    return recorded[0].failure;
  }

  fake::BackupComponents vss;
  fake::ExamineWriterMetadata metadata;
  fake::WMComponent db1, group;
  fake::WMFiledesc exclude, data, log, file;
  fake::WMDependency dependency;
  FreeLog frees;
  CountingSpy spy;
  std::unique_ptr<BackupComponents> components;
};

TEST_F(WriterMetadataTest, EverythingIsCopiedAndEverythingReleased) {
  std::vector<WriterMetadata> writers;
  expectEveryBstrFreed([&] { ASSERT_EQ(components->getWriterMetadata(writers), hr::kOk); });
  ASSERT_EQ(writers.size(), 1u);
  const WriterMetadata& w = writers[0];
  EXPECT_EQ(w.writerName, u"SqlServerWriter");
  EXPECT_EQ(w.restoreMethod.method, VSS_RME_RESTORE_IF_CAN_REPLACE);
  EXPECT_EQ(w.restoreMethod.service, u"MSSQLSERVER");
  EXPECT_EQ(w.restoreMethod.userProcedure, u"");
  EXPECT_EQ(w.restoreMethod.writerRestore, VSS_WRE_ALWAYS);
  EXPECT_TRUE(w.restoreMethod.rebootRequired);
  EXPECT_EQ(w.backupSchema, static_cast<std::int32_t>(VSS_BS_DIFFERENTIAL | VSS_BS_LOG));
  ASSERT_EQ(w.excludeFiles.size(), 1u);
  EXPECT_EQ(w.excludeFiles[0].kind, file_kind::EXCLUDE);
  EXPECT_TRUE(w.excludeFiles[0].recursive);
  ASSERT_EQ(w.components.size(), 2u);
  const WriterComponent& c = w.components[0];
  EXPECT_EQ(c.type, component_type::DATABASE);
  EXPECT_EQ(c.logicalPath, u"INSTANCE1");
  EXPECT_EQ(c.caption, u"Sales");
  EXPECT_TRUE(c.selectableForBackup);
  EXPECT_TRUE(c.notifyOnBackupComplete);
  ASSERT_EQ(c.files.size(), 2u);
  EXPECT_EQ(c.files[0].kind, file_kind::DATABASE);
  EXPECT_EQ(c.files[0].fileSpec, u"db1.mdf");
  EXPECT_EQ(c.files[1].kind, file_kind::LOG);
  EXPECT_EQ(c.files[1].alternateLocation, u"D:\\Elsewhere");
  ASSERT_EQ(c.dependencies.size(), 1u);
  EXPECT_EQ(c.dependencies[0].writerId, toGuid(kOther));
  EXPECT_EQ(c.dependencies[0].componentName, u"master");
  const WriterComponent& g = w.components[1];
  EXPECT_EQ(g.type, component_type::FILE_GROUP);
  EXPECT_EQ(g.logicalPath, u"");
  EXPECT_FALSE(g.selectableForBackup);
  ASSERT_EQ(g.files.size(), 1u);
  EXPECT_EQ(g.files[0].kind, file_kind::FILE_GROUP);
  // Wine's C: is a volume with a GUID name, as on Windows; the environment variable is expanded first.
  EXPECT_EQ(c.files[0].volume.rfind(u"\\\\?\\Volume{", 0), 0u) << toUtf8(toWide(c.files[0].volume));
  EXPECT_EQ(w.excludeFiles[0].volume, c.files[0].volume);
}

TEST_F(WriterMetadataTest, AFailureHalfWayReleasesWhatWasObtained) {
  log.getPathResult = E_OUTOFMEMORY;
  std::vector<WriterMetadata> writers;
  expectEveryBstrFreed([&] { EXPECT_EQ(components->getWriterMetadata(writers), E_OUTOFMEMORY); });
  EXPECT_EQ(db1.infosGiven.load(), 1);
}

TEST_F(WriterMetadataTest, ASchemaFailureIsReturned) {
  metadata.schemaResult = VSS_E_UNEXPECTED;
  std::vector<WriterMetadata> writers;
  expectEveryBstrFreed([&] { EXPECT_EQ(components->getWriterMetadata(writers), VSS_E_UNEXPECTED); });
}

TEST_F(WriterMetadataTest, AddComponentPassesEveryArgument) {
  const WString path = u"INSTANCE1";
  EXPECT_EQ(components->addComponent(toGuid(kInstance), toGuid(kWriter), component_type::DATABASE, &path, u"db1"),
            hr::kOk);
  EXPECT_TRUE(IsEqualGUID(vss.addedInstance, kInstance));
  EXPECT_TRUE(IsEqualGUID(vss.addedWriter, kWriter));
  EXPECT_EQ(vss.addedType, VSS_CT_DATABASE);
  EXPECT_EQ(vss.logicalPath, L"INSTANCE1");
  EXPECT_EQ(vss.componentName, L"db1");
  EXPECT_EQ(components->addComponent(toGuid(kInstance), toGuid(kWriter), component_type::FILE_GROUP, nullptr,
                                     u"Config"),
            hr::kOk);
  EXPECT_TRUE(vss.logicalPathWasNull);
  vss.callResult = VSS_E_OBJECT_ALREADY_EXISTS;
  EXPECT_EQ(components->addComponent(toGuid(kInstance), toGuid(kWriter), component_type::FILE_GROUP, nullptr,
                                     u"Config"),
            VSS_E_OBJECT_ALREADY_EXISTS);
}

TEST_F(WriterMetadataTest, BackupOptionsAndPreviousStampPassEveryArgument) {
  const WString path = u"INSTANCE1";
  EXPECT_EQ(components->setBackupOptions(toGuid(kWriter), component_type::DATABASE, &path, u"db1", u"COPY_ONLY"),
            hr::kOk);
  EXPECT_TRUE(IsEqualGUID(vss.addedWriter, kWriter));
  EXPECT_EQ(vss.addedType, VSS_CT_DATABASE);
  EXPECT_EQ(vss.logicalPath, L"INSTANCE1");
  EXPECT_EQ(vss.componentName, L"db1");
  EXPECT_EQ(vss.componentText, L"COPY_ONLY");
  EXPECT_EQ(components->setPreviousBackupStamp(toGuid(kWriter), component_type::FILE_GROUP, nullptr, u"Config",
                                               u"stamp-\u00e9"),
            hr::kOk);
  EXPECT_TRUE(vss.logicalPathWasNull);
  EXPECT_EQ(vss.addedType, VSS_CT_FILEGROUP);
  EXPECT_EQ(vss.componentText, L"stamp-\u00e9");
  vss.callResult = VSS_E_OBJECT_NOT_FOUND;
  EXPECT_EQ(components->setPreviousBackupStamp(toGuid(kWriter), component_type::FILE_GROUP, nullptr, u"Config",
                                               u"s"),
            VSS_E_OBJECT_NOT_FOUND);
}

TEST_F(WriterMetadataTest, SaveAsXmlCopiesTheDocumentAndFreesTheBstr) {
  vss.document = L"<BACKUP_COMPONENTS caf\u00e9='1'/>";
  WString document;
  expectEveryBstrFreed([&] { ASSERT_EQ(components->saveAsXml(document), hr::kOk); });
  EXPECT_EQ(document, u"<BACKUP_COMPONENTS caf\u00e9='1'/>");
  vss.callResult = VSS_E_BAD_STATE;
  EXPECT_EQ(components->saveAsXml(document), VSS_E_BAD_STATE);
}

TEST_F(WriterMetadataTest, WriterComponentsAreReadAndReleased) {
  fake::Component recordedDb1;
  recordedDb1.logicalPath = L"INSTANCE1";
  recordedDb1.name = L"db1";
  recordedDb1.succeeded = true;
  recordedDb1.stamp = L"stamp-7";
  fake::Component recordedConfig;
  recordedConfig.type = VSS_CT_FILEGROUP;
  recordedConfig.name = L"Config";
  std::vector<RecordedComponent> recorded = readRecorded({&recordedDb1, &recordedConfig});
  ASSERT_EQ(recorded.size(), 2u);
  EXPECT_EQ(recorded[0].instanceId, toGuid(kInstance));
  EXPECT_EQ(recorded[0].writerId, toGuid(kWriter));
  EXPECT_EQ(recorded[0].type, component_type::DATABASE);
  EXPECT_EQ(recorded[0].logicalPath, u"INSTANCE1");
  EXPECT_TRUE(recorded[0].backupSucceeded);
  EXPECT_EQ(recorded[0].backupStamp, u"stamp-7");
  EXPECT_EQ(recorded[0].failure, hr::kOk);
  EXPECT_EQ(recorded[1].type, component_type::FILE_GROUP);
  EXPECT_EQ(recorded[1].logicalPath, u"");
  EXPECT_FALSE(recorded[1].backupSucceeded);
  EXPECT_EQ(recorded[1].backupStamp, u"");  // S_FALSE and NULL: nothing recorded
  vss.callResult = VSS_E_BAD_STATE;
  EXPECT_EQ(components->getWriterComponents(recorded), VSS_E_BAD_STATE);
}

TEST_F(WriterMetadataTest, WriterComponentsCarryTheFailureTheWriterReportedForEach) {
  fake::Component failed;
  failed.failure = VSS_E_WRITERERROR_NONRETRYABLE;
  failed.applicationFailure = E_OUTOFMEMORY;
  failed.applicationMessage = L"log disk full on caf\u00e9";  // a BSTR the requester frees
  EXPECT_EQ(failureRecordedFor(failed), VSS_E_WRITERERROR_NONRETRYABLE);
  fake::Component healthy;
  EXPECT_EQ(failureRecordedFor(healthy), hr::kOk);
}

TEST_F(WriterMetadataTest, WriterComponentsWithoutIVssComponentEx2ReportNoFailure) {
  fake::Component beforeWindows7;
  beforeWindows7.extended = false;
  beforeWindows7.failure = VSS_E_WRITERERROR_NONRETRYABLE;  // unreachable without the interface
  EXPECT_EQ(failureRecordedFor(beforeWindows7), hr::kOk);
}

TEST_F(WriterMetadataTest, WriterComponentsFailWhenGetFailureFailsAndReleaseEverything) {
  fake::Component component;
  component.name = L"db1";
  component.getFailureResult = VSS_E_BAD_STATE;
  EXPECT_TRUE(readRecorded({&component}, VSS_E_BAD_STATE).empty());
}

// In a restore (InitializeForRestore succeeded) each component carries what the requester selected and set and what
// the writer chose and reported.
TEST_F(WriterMetadataTest, RestoreFieldsAreReadInARestore) {
  ASSERT_EQ(components->initializeForRestore(u"<BACKUP_COMPONENTS/>"), hr::kOk);
  fake::Component restored;
  restored.name = L"db1";
  restored.selectedForRestore = true;
  restored.additionalRestores = true;
  restored.restoreOptions = L"RECOVERY=NO";
  restored.restoreTarget = VSS_RT_ALTERNATE;
  restored.fileRestoreStatus = VSS_RS_FAILED;
  restored.preRestoreFailure = L"service caf\u00e9 still running";
  restored.postRestoreFailure = L"log replay failed";
  std::vector<RecordedComponent> recorded = readRecorded({&restored});
  ASSERT_EQ(recorded.size(), 1u);
  EXPECT_TRUE(recorded[0].selectedForRestore);
  EXPECT_TRUE(recorded[0].additionalRestores);
  EXPECT_EQ(recorded[0].restoreOptions, u"RECOVERY=NO");
  EXPECT_EQ(recorded[0].restoreTarget, static_cast<std::int32_t>(VSS_RT_ALTERNATE));
  EXPECT_EQ(recorded[0].fileRestoreStatus, static_cast<std::int32_t>(VSS_RS_FAILED));
  EXPECT_EQ(recorded[0].preRestoreFailureMessage, u"service caf\u00e9 still running");
  EXPECT_EQ(recorded[0].postRestoreFailureMessage, u"log replay failed");
  EXPECT_EQ(restored.restoreReads.load(), 7);
}

// Each getter's documented "nothing recorded" answer leaves the field at its default and the read goes on.
TEST_F(WriterMetadataTest, RestoreFieldsNotRecordedKeepTheirDefaults) {
  ASSERT_EQ(components->initializeForRestore(u"<BACKUP_COMPONENTS/>"), hr::kOk);
  fake::Component beforePreRestore;
  beforePreRestore.name = L"db1";
  beforePreRestore.selectedResult = VSS_E_BAD_STATE;
  beforePreRestore.additionalResult = S_FALSE;
  beforePreRestore.targetResult = VSS_E_OBJECT_NOT_FOUND;
  beforePreRestore.statusResult = VSS_E_BAD_STATE;
  fake::Component targetOutOfState;
  targetOutOfState.name = L"Config";
  targetOutOfState.targetResult = VSS_E_BAD_STATE;
  targetOutOfState.selectedForRestore = true;
  std::vector<RecordedComponent> recorded = readRecorded({&beforePreRestore, &targetOutOfState});
  ASSERT_EQ(recorded.size(), 2u);
  for (const RecordedComponent& row : recorded) {
    EXPECT_FALSE(row.additionalRestores);
    EXPECT_EQ(row.restoreOptions, u"");  // S_FALSE and NULL
    EXPECT_EQ(row.restoreTarget, static_cast<std::int32_t>(VSS_RT_UNDEFINED));
    EXPECT_EQ(row.fileRestoreStatus, static_cast<std::int32_t>(VSS_RS_UNDEFINED));
    EXPECT_EQ(row.preRestoreFailureMessage, u"");
    EXPECT_EQ(row.postRestoreFailureMessage, u"");
  }
  EXPECT_FALSE(recorded[0].selectedForRestore);
  EXPECT_TRUE(recorded[1].selectedForRestore);
}

TEST_F(WriterMetadataTest, RestoreFieldFailingOtherwiseFailsTheReadRawAndReleasesEverything) {
  ASSERT_EQ(components->initializeForRestore(u"<BACKUP_COMPONENTS/>"), hr::kOk);
  fake::Component damaged;
  damaged.name = L"db1";
  damaged.statusResult = VSS_E_INVALID_XML_DOCUMENT;
  EXPECT_TRUE(readRecorded({&damaged}, VSS_E_INVALID_XML_DOCUMENT).empty());
  fake::Component unknown;
  unknown.name = L"db1";
  unknown.targetResult = E_UNEXPECTED;
  EXPECT_TRUE(readRecorded({&unknown}, E_UNEXPECTED).empty());
  // Another getter's "not recorded" is no excuse: VSS_E_OBJECT_NOT_FOUND is GetRestoreTarget's, not this one's.
  fake::Component notFound;
  notFound.name = L"db1";
  notFound.selectedResult = VSS_E_OBJECT_NOT_FOUND;
  EXPECT_TRUE(readRecorded({&notFound}, VSS_E_OBJECT_NOT_FOUND).empty());
  EXPECT_EQ(notFound.restoreReads.load(), 1) << "no getter after the one that failed";
}

// A backup's read asks for no restore field: those getters answer only in a restore.
TEST_F(WriterMetadataTest, BackupReadsNoRestoreField) {
  fake::Component backedUp;
  backedUp.name = L"db1";
  backedUp.selectedForRestore = true;
  backedUp.restoreOptions = L"RECOVERY=NO";
  backedUp.statusResult = VSS_E_BAD_STATE;
  std::vector<RecordedComponent> recorded = readRecorded({&backedUp});
  ASSERT_EQ(recorded.size(), 1u);
  EXPECT_FALSE(recorded[0].selectedForRestore);
  EXPECT_EQ(recorded[0].restoreOptions, u"");
  EXPECT_EQ(backedUp.restoreReads.load(), 0);
  vss.callResult = VSS_E_INVALID_XML_DOCUMENT;  // a refused InitializeForRestore leaves the object a backup one
  EXPECT_EQ(components->initializeForRestore(u"<damaged"), VSS_E_INVALID_XML_DOCUMENT);
  vss.callResult = S_OK;
  readRecorded({&backedUp});
  EXPECT_EQ(backedUp.restoreReads.load(), 0);
}

TEST(VolumeOfPath, UnknownPathsGiveNoVolume) {
  EXPECT_EQ(volumeOfPath(u""), u"");
  EXPECT_EQ(volumeOfPath(u"Q:\\nowhere"), u"");
}

}  // namespace
}  // namespace vss4j::win::test
