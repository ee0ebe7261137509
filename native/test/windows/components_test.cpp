// The synchronous IVssBackupComponents calls through the adapter: arguments and results converted right
// (strings, GUIDs, snapshot properties, writer rows), VSS's memory freed the documented way, no reference leaked.
#include <gtest/gtest.h>

#include <stdexcept>
#include <thread>

#include "core/hresult.h"
#include "test_support.h"
#include "windows/com_backend.h"
#include "windows/convert.h"

namespace vss4j::win::test {
namespace {

// The system provider's id: {b5946137-7b9f-4925-af80-51abd60b20d5}.
const GUID kSystemProvider = makeGuid(0xb5946137, 0x7b9f, 0x4925, 0xaf8051abd60b20d5ull);
const Guid kSystemProviderUuid{0xb59461377b9f4925ull, 0xaf8051abd60b20d5ull};
const GUID kSnapshotA = makeGuid(0x01234567, 0x89ab, 0xcdef, 0x0011223344556677ull);
const GUID kSnapshotB = makeGuid(0xfedcba98, 0x7654, 0x3210, 0xffeeddccbbaa9988ull);
const GUID kSet = makeGuid(0x11111111, 0x2222, 0x3333, 0x4444555566667777ull);

// Non-ASCII on purpose: a BMP character, and one outside it (a surrogate pair in UTF-16).
const wchar_t kVolumeWide[] = L"\\\\?\\Volume{c0ffee00-0000-0000-0000-000000000001}\\caf\u00e9\U0001F600\\";
const char16_t kVolume16[] = u"\\\\?\\Volume{c0ffee00-0000-0000-0000-000000000001}\\caf\u00e9\U0001F600\\";

fake::Snapshot snapshot(const GUID& id) {
  fake::Snapshot s;
  s.id = id;
  s.setId = kSet;
  s.count = 2;
  s.device = L"\\\\?\\GLOBALROOT\\Device\\HarddiskVolumeShadowCopy7";
  s.original = kVolumeWide;
  s.originating = L"host.example";
  s.service = L"host.example";
  s.provider = kSystemProvider;
  s.attributes = VSS_VOLSNAP_ATTR_NO_AUTORECOVERY | VSS_VOLSNAP_ATTR_AUTORECOVER;
  s.created = 133000000000000000LL;
  return s;
}

class Components : public ::testing::Test {
 protected:
  void SetUp() override { components = wrapBackupComponents(vss.give(), fakeApi(frees)); }
  void TearDown() override {
    components.reset();
    expectReleased(vss, "IVssBackupComponents");
    for (auto* metadata : vss.writerMetadata) expectReleased(*metadata, "IVssExamineWriterMetadata");
    expectReleased(objects, "IVssEnumObject");
  }
  // GatherWriterStatus started and its IVssAsync released, as the core does once the operation ended.
  void gatherStatus() {
    fake::Async gathering;
    vss.nextAsync = &gathering;
    std::unique_ptr<AsyncOperation> async;
    ASSERT_EQ(components->gatherWriterStatus(async), hr::kOk);
    async.reset();
    vss.nextAsync = nullptr;
    expectReleased(gathering, "GatherWriterStatus's IVssAsync");
  }

  FreeLog frees;
  fake::BackupComponents vss;
  fake::EnumObject objects;
  std::unique_ptr<BackupComponents> components;
};

TEST(Convert, GuidMatchesJavaUuidLayoutBothWays) {
  EXPECT_EQ(toGuid(kSystemProvider), kSystemProviderUuid);
  EXPECT_EQ(toGuid(kSystemProvider).toString(), "b5946137-7b9f-4925-af80-51abd60b20d5");
  GUID back = toGuid(kSystemProviderUuid);
  EXPECT_TRUE(IsEqualGUID(back, kSystemProvider));
  wchar_t text[40] = {};
  ASSERT_GT(StringFromGUID2(back, text, 40), 0);
  EXPECT_STREQ(text, L"{B5946137-7B9F-4925-AF80-51ABD60B20D5}");
}

TEST(Convert, StringsKeepEveryUtf16Unit) {
  EXPECT_EQ(toWString(kVolumeWide), WString(kVolume16));
  EXPECT_EQ(toWide(WString(kVolume16)), std::wstring(kVolumeWide));
  EXPECT_EQ(toWString(nullptr), WString());
  const wchar_t embedded[] = {L'a', L'\0', L'b'};
  EXPECT_EQ(toWString(embedded, 3), WString(u"a\0b", 3));
}

TEST_F(Components, InitializeForBackupWithAndWithoutXml) {
  EXPECT_EQ(components->initializeForBackup(nullptr), hr::kOk);
  EXPECT_TRUE(vss.initializedWithNull);
  WString xml = u"<BackupComponents \u00e9/>";
  EXPECT_EQ(components->initializeForBackup(&xml), hr::kOk);
  EXPECT_FALSE(vss.initializedWithNull);
  EXPECT_EQ(vss.initializeXml, L"<BackupComponents \u00e9/>");
  vss.callResult = VSS_E_INVALID_XML_DOCUMENT;
  EXPECT_EQ(components->initializeForBackup(&xml), hr::kInvalidXmlDocument);
}

TEST_F(Components, ContextAndBackupStatePassedThrough) {
  EXPECT_EQ(components->setContext(ctx::CLIENT_ACCESSIBLE_WRITERS), hr::kOk);
  EXPECT_EQ(vss.context, VSS_CTX_CLIENT_ACCESSIBLE_WRITERS);
  EXPECT_EQ(components->setBackupState(true, false, backup_type::COPY, true), hr::kOk);
  EXPECT_TRUE(vss.selectComponents);
  EXPECT_FALSE(vss.bootable);
  EXPECT_EQ(vss.backupType, VSS_BT_COPY);
  EXPECT_TRUE(vss.partial);
  vss.callResult = VSS_E_BAD_STATE;
  EXPECT_EQ(components->setContext(ctx::BACKUP), hr::kBadState);
  EXPECT_EQ(components->abortBackup(), hr::kBadState);
  EXPECT_EQ(components->freeWriterMetadata(), hr::kBadState);
}

TEST_F(Components, WriterSelectionPassesEveryIdThrough) {
  const Guid a{0x0102030405060708ULL, 0x090a0b0c0d0e0f10ULL};
  const Guid b{0x1112131415161718ULL, 0x191a1b1c1d1e1f20ULL};
  EXPECT_EQ(components->disableWriterClasses({a, b}), hr::kOk);
  ASSERT_EQ(vss.disabledClasses.size(), 2u);
  EXPECT_EQ(toGuid(vss.disabledClasses[0]), a);
  EXPECT_EQ(toGuid(vss.disabledClasses[1]), b);
  EXPECT_EQ(components->enableWriterClasses({b}), hr::kOk);
  ASSERT_EQ(vss.enabledClasses.size(), 1u);
  EXPECT_EQ(toGuid(vss.enabledClasses[0]), b);
  EXPECT_EQ(components->disableWriterInstances({}), hr::kOk);
  EXPECT_TRUE(vss.disabledInstances.empty());
  vss.callResult = VSS_E_BAD_STATE;
  EXPECT_EQ(components->disableWriterInstances({a}), hr::kBadState);
}

TEST_F(Components, SnapshotSetIdsAndVolumeNames) {
  vss.newId = kSet;
  Guid set;
  ASSERT_EQ(components->startSnapshotSet(set), hr::kOk);
  EXPECT_EQ(set, toGuid(kSet));

  vss.newId = kSnapshotA;
  Guid id;
  ASSERT_EQ(components->addToSnapshotSet(kVolume16, kSystemProviderUuid, id), hr::kOk);
  EXPECT_EQ(vss.volume, kVolumeWide);
  EXPECT_TRUE(IsEqualGUID(vss.provider, kSystemProvider));
  EXPECT_EQ(id, toGuid(kSnapshotA));

  bool supported = false;
  vss.volumeSupported = TRUE;
  ASSERT_EQ(components->isVolumeSupported(kSystemProviderUuid, kVolume16, supported), hr::kOk);
  EXPECT_TRUE(supported);
  vss.volumeSupported = FALSE;
  ASSERT_EQ(components->isVolumeSupported(Guid{}, kVolume16, supported), hr::kOk);
  EXPECT_FALSE(supported);
  EXPECT_TRUE(IsEqualGUID(vss.provider, GUID_NULL));

  vss.callResult = VSS_E_NESTED_VOLUME_LIMIT;
  Guid untouched{1, 2};
  EXPECT_EQ(components->addToSnapshotSet(kVolume16, Guid{}, untouched), hr::kNestedVolumeLimit);
  EXPECT_EQ(untouched, (Guid{1, 2}));
}

TEST_F(Components, SnapshotPropertiesCopiedThenFreedThroughTheFreeFunction) {
  vss.snapshotsById[fake::BackupComponents::key(kSnapshotA)] = snapshot(kSnapshotA);
  SnapshotProperties props;
  ASSERT_EQ(components->getSnapshotProperties(toGuid(kSnapshotA), props), hr::kOk);
  EXPECT_EQ(props.snapshotId, toGuid(kSnapshotA));
  EXPECT_EQ(props.snapshotSetId, toGuid(kSet));
  EXPECT_EQ(props.snapshotsCount, 2);
  EXPECT_EQ(props.snapshotDeviceObject, u"\\\\?\\GLOBALROOT\\Device\\HarddiskVolumeShadowCopy7");
  EXPECT_EQ(props.originalVolumeName, WString(kVolume16));
  EXPECT_EQ(props.originatingMachine, u"host.example");
  EXPECT_EQ(props.serviceMachine, u"host.example");
  EXPECT_EQ(props.exposedName, u"");  // NULL in VSS's copy
  EXPECT_EQ(props.exposedPath, u"");
  EXPECT_EQ(props.providerId, kSystemProviderUuid);
  EXPECT_EQ(props.snapshotAttributes, attr::NO_AUTORECOVERY | attr::AUTORECOVER);
  EXPECT_EQ(props.creationTimestamp, 133000000000000000LL);
  EXPECT_EQ(props.status, kSnapshotStateCreated);
  ASSERT_EQ(frees.freed.size(), 1u);
  EXPECT_TRUE(IsEqualGUID(frees.freed[0], kSnapshotA));

  // A failed call hands back nothing to free.
  EXPECT_EQ(components->getSnapshotProperties(toGuid(kSnapshotB), props), hr::kObjectNotFound);
  EXPECT_EQ(frees.freed.size(), 1u);
}

TEST_F(Components, QueryCopiesAndFreesEverySnapshotAndReleasesTheEnumerator) {
  objects.snapshots = {snapshot(kSnapshotA), snapshot(kSnapshotB)};
  vss.queryResult = &objects;
  std::vector<SnapshotProperties> found;
  ASSERT_EQ(components->query(found), hr::kOk);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].snapshotId, toGuid(kSnapshotA));
  EXPECT_EQ(found[1].snapshotId, toGuid(kSnapshotB));
  EXPECT_EQ(found[1].originalVolumeName, WString(kVolume16));
  ASSERT_EQ(frees.freed.size(), 2u);
  EXPECT_TRUE(IsEqualGUID(frees.freed[1], kSnapshotB));
  EXPECT_EQ(objects.refs(), 0);
}

TEST_F(Components, QueryFailingMidwayReturnsTheErrorAndLeaksNothing) {
  objects.snapshots = {snapshot(kSnapshotA)};
  objects.failAt = VSS_E_UNEXPECTED;
  vss.queryResult = &objects;
  std::vector<SnapshotProperties> found;
  EXPECT_EQ(components->query(found), hr::kVssUnexpected);
  EXPECT_EQ(frees.freed.size(), 1u);
  EXPECT_EQ(objects.refs(), 0);
}

TEST_F(Components, QueryWithoutAnEnumeratorIsEmpty) {
  std::vector<SnapshotProperties> found(3);
  EXPECT_EQ(components->query(found), hr::kOk);
  EXPECT_TRUE(found.empty());
  vss.callResult = VSS_E_BAD_STATE;
  EXPECT_EQ(components->query(found), hr::kBadState);
}

TEST_F(Components, WriterStatusRowsCopiedAndFreed) {
  fake::WriterRow ok{kSnapshotA, kSet, L"System Writer", VSS_WS_STABLE, S_OK};
  fake::WriterRow bad{kSnapshotB, kSystemProvider, L"SqlServerWriter \u00e9", VSS_WS_FAILED_AT_FREEZE,
                      VSS_E_WRITERERROR_TIMEOUT};
  vss.writerStatus = {ok, bad};
  gatherStatus();
  std::vector<WriterStatus> rows;
  ASSERT_EQ(components->getWriterStatus(rows), hr::kOk);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].writerName, u"System Writer");
  EXPECT_EQ(rows[0].state, writer_state::STABLE);
  EXPECT_EQ(rows[0].failure, hr::kOk);
  EXPECT_EQ(rows[1].instanceId, toGuid(kSnapshotB));
  EXPECT_EQ(rows[1].writerId, kSystemProviderUuid);
  EXPECT_EQ(rows[1].writerName, u"SqlServerWriter \u00e9");
  EXPECT_EQ(rows[1].state, writer_state::FAILED_AT_FREEZE);
  EXPECT_EQ(rows[1].failure, hr::kWriterErrorTimeout);
  EXPECT_EQ(vss.writerStatusCounts, 1);
  EXPECT_EQ(vss.writerStatusFrees, 1);
}

TEST_F(Components, WriterStatusFailingMidwayStillFreesTheStatus) {
  vss.writerStatus = {fake::WriterRow{}, fake::WriterRow{}};
  vss.writerStatusFailAt = 1;
  gatherStatus();
  std::vector<WriterStatus> rows;
  EXPECT_EQ(components->getWriterStatus(rows), hr::kObjectNotFound);
  EXPECT_EQ(vss.writerStatusFrees, 1);
}

// The backend contract, the same on the simulator: each read frees what one GatherWriterStatus gathered, and
// reading again needs a new gather (what VSS itself answers after FreeWriterStatus is undocumented).
TEST_F(Components, WriterStatusIsReadOnceForEachGather) {
  vss.writerStatus = {fake::WriterRow{}};
  std::vector<WriterStatus> rows;
  EXPECT_EQ(components->getWriterStatus(rows), hr::kBadState);
  gatherStatus();
  ASSERT_EQ(components->getWriterStatus(rows), hr::kOk);
  EXPECT_EQ(rows.size(), 1u);
  EXPECT_EQ(components->getWriterStatus(rows), hr::kBadState);
  EXPECT_TRUE(rows.empty());
  EXPECT_EQ(vss.writerStatusCounts, 1);
  EXPECT_EQ(vss.writerStatusFrees, 1);
  gatherStatus();
  ASSERT_EQ(components->getWriterStatus(rows), hr::kOk);
  EXPECT_EQ(vss.writerStatusFrees, 2);
}

TEST_F(Components, WriterMetadataCannotBeReadAfterItWasFreed) {
  std::vector<WriterMetadata> writers;
  ASSERT_EQ(components->getWriterMetadata(writers), hr::kOk);
  ASSERT_EQ(components->getWriterMetadata(writers), hr::kOk);  // as often as needed until it is freed
  ASSERT_EQ(components->freeWriterMetadata(), hr::kOk);
  EXPECT_EQ(components->getWriterMetadata(writers), hr::kBadState);
}

TEST_F(Components, WriterMetadataIdentityCopiedAndInterfacesReleased) {
  fake::ExamineWriterMetadata first;
  first.instanceId = kSnapshotA;
  first.writerId = kSystemProvider;
  first.name = L"System Writer";
  first.usage = VSS_UT_BOOTABLESYSTEMSTATE;
  first.source = VSS_ST_OTHER;
  fake::ExamineWriterMetadata second;
  second.name = L"Registry Writer";
  second.usage = VSS_UT_SYSTEMSERVICE;
  vss.writerMetadata = {&first, &second};
  std::vector<WriterMetadata> writers;
  ASSERT_EQ(components->getWriterMetadata(writers), hr::kOk);
  ASSERT_EQ(writers.size(), 2u);
  EXPECT_EQ(writers[0].instanceId, toGuid(kSnapshotA));
  EXPECT_EQ(writers[0].writerId, kSystemProviderUuid);
  EXPECT_EQ(writers[0].writerName, u"System Writer");
  EXPECT_EQ(writers[0].usageType, static_cast<std::int32_t>(VSS_UT_BOOTABLESYSTEMSTATE));
  EXPECT_EQ(writers[0].sourceType, static_cast<std::int32_t>(VSS_ST_OTHER));
  EXPECT_EQ(writers[1].writerName, u"Registry Writer");
  expectReleased(first, "first IVssExamineWriterMetadata");
  expectReleased(second, "second IVssExamineWriterMetadata");
  vss.writerMetadata.clear();
}

TEST_F(Components, SetBackupSucceededWithAndWithoutLogicalPath) {
  WString path = u"C:\\Data";
  EXPECT_EQ(components->setBackupSucceeded(Guid{}, Guid{}, 1, &path, u"comp\u00e9", true), hr::kOk);
  EXPECT_FALSE(vss.logicalPathWasNull);
  EXPECT_EQ(vss.logicalPath, L"C:\\Data");
  EXPECT_EQ(vss.componentName, L"comp\u00e9");
  EXPECT_TRUE(vss.backupSucceeded);
  EXPECT_EQ(components->setBackupSucceeded(Guid{}, Guid{}, 1, nullptr, u"c", false), hr::kOk);
  EXPECT_TRUE(vss.logicalPathWasNull);
  EXPECT_FALSE(vss.backupSucceeded);
}

TEST_F(Components, DeleteSnapshotsReportsCountAndTheOneThatStayed) {
  vss.deletedCount = 3;
  vss.nonDeleted = kSnapshotB;
  vss.callResult = VSS_E_OBJECT_NOT_FOUND;
  std::int32_t deleted = 0;
  Guid stayed;
  EXPECT_EQ(components->deleteSnapshots(toGuid(kSet), object_type::SNAPSHOT_SET, true, deleted, stayed),
            hr::kObjectNotFound);
  EXPECT_EQ(deleted, 3);
  EXPECT_EQ(stayed, toGuid(kSnapshotB));
  EXPECT_TRUE(IsEqualGUID(vss.deleteSource, kSet));
  EXPECT_EQ(vss.deleteType, VSS_OBJECT_SNAPSHOT_SET);
  EXPECT_EQ(vss.forceDelete, TRUE);
}

TEST(Backend, CreateWrapsTheObjectAndReleasesItOnce) {
  FreeLog frees;
  fake::BackupComponents vss;
  {
    auto backend = makeComBackend(fakeApi(frees, &vss));
    std::unique_ptr<BackupComponents> components;
    ASSERT_EQ(backend->createBackupComponents(components), hr::kOk);
    ASSERT_NE(components, nullptr);
    EXPECT_EQ(vss.refs(), 1);
    backend.reset();  // the object outlives the backend handle
    EXPECT_EQ(components->setContext(ctx::BACKUP), hr::kOk);
  }
  expectReleased(vss, "IVssBackupComponents");
}

TEST(Backend, CreateFailurePassedThrough) {
  FreeLog frees;
  auto backend = makeComBackend(fakeApi(frees, nullptr, E_ACCESSDENIED));
  std::unique_ptr<BackupComponents> components;
  EXPECT_EQ(backend->createBackupComponents(components), hr::kAccessDenied);
  EXPECT_EQ(components, nullptr);
}

TEST(Backend, NoExceptionEscapes) {
  auto api = std::make_shared<VssApi>();
  api->createBackupComponents = [](IVssBackupComponents**) -> HRESULT { throw std::bad_alloc(); };
  std::unique_ptr<BackupComponents> components;
  EXPECT_EQ(makeComBackend(api)->createBackupComponents(components), hr::kOutOfMemory);
  api->createBackupComponents = [](IVssBackupComponents**) -> HRESULT { throw std::runtime_error("boom"); };
  EXPECT_EQ(makeComBackend(api)->createBackupComponents(components), hr::kUnexpected);

  // A throwing free function (only a test's can): the copy is kept, the exception stops in the adapter.
  fake::BackupComponents vss;
  vss.snapshotsById[fake::BackupComponents::key(kSnapshotA)] = snapshot(kSnapshotA);
  FreeLog frees;
  auto throwing = fakeApi(frees);
  throwing->freeSnapshotProperties = [&frees](VSS_SNAPSHOT_PROP* prop) {
    frees.release(prop);
    throw std::runtime_error("free failed");
  };
  {
    auto wrapped = wrapBackupComponents(vss.give(), throwing);
    SnapshotProperties props;
    EXPECT_EQ(wrapped->getSnapshotProperties(toGuid(kSnapshotA), props), hr::kOk);
    EXPECT_EQ(props.snapshotId, toGuid(kSnapshotA));
  }
  EXPECT_EQ(frees.freed.size(), 1u);
  expectReleased(vss, "IVssBackupComponents");
}

TEST(Backend, ThreadStartedJoinsAndThreadStoppingLeavesTheMta) {
  FreeLog frees;
  auto backend = makeComBackend(fakeApi(frees));
  std::thread thread([&] {
    backend->threadStarted();
    APTTYPE type = APTTYPE_STA;
    APTTYPEQUALIFIER qualifier = APTTYPEQUALIFIER_NONE;
    ASSERT_EQ(CoGetApartmentType(&type, &qualifier), S_OK);
    EXPECT_EQ(type, APTTYPE_MTA);
    EXPECT_EQ(qualifier, APTTYPEQUALIFIER_NONE);  // explicitly joined, not the implicit MTA
    backend->threadStopping();
    // Left: joining again is a first join (S_OK), not a nested one (S_FALSE).
    HRESULT again = CoInitializeEx(nullptr, COINIT_MULTITHREADED);
    EXPECT_EQ(again, S_OK);
    if (SUCCEEDED(again)) CoUninitialize();
    backend->threadStopping();  // unbalanced: ignored
  });
  thread.join();
}

TEST(Backend, ThreadInASingleThreadedApartmentIsLeftAlone) {
  FreeLog frees;
  auto backend = makeComBackend(fakeApi(frees));
  std::thread thread([&] {
    ASSERT_EQ(CoInitializeEx(nullptr, COINIT_APARTMENTTHREADED), S_OK);
    backend->threadStarted();   // RPC_E_CHANGED_MODE: logged, not counted
    backend->threadStopping();  // so nothing to undo: the STA stays
    APTTYPE type = APTTYPE_MTA;
    APTTYPEQUALIFIER qualifier = APTTYPEQUALIFIER_NONE;
    ASSERT_EQ(CoGetApartmentType(&type, &qualifier), S_OK);
    EXPECT_TRUE(type == APTTYPE_STA || type == APTTYPE_MAINSTA);
    CoUninitialize();
  });
  thread.join();
}

TEST(Fake, QueryInterfaceAnswersItsOwnIidAndCounts) {
  fake::BackupComponents vss;
  void* same = nullptr;
  ASSERT_EQ(vss.QueryInterface(fake::kIidBackupComponents, &same), S_OK);
  EXPECT_EQ(same, static_cast<IVssBackupComponents*>(&vss));
  void* other = nullptr;
  EXPECT_EQ(vss.QueryInterface(fake::kIidAsync, &other), E_NOINTERFACE);
  EXPECT_EQ(vss.refs(), 1);
  vss.Release();
  expectReleased(vss, "IVssBackupComponents");
}

}  // namespace
}  // namespace vss4j::win::test
