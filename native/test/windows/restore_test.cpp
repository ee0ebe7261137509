// The restore calls through the adapter: every argument arrives as given (a NULL logical path included), every
// error comes back raw, InitializeForRestore's BSTR is allocated and freed once, IVssBackupComponentsEx is asked
// for only with an instance id and released once, and PreRestore's and PostRestore's IVssAsync are wrapped.
#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "bstr_counting.h"
#include "core/hresult.h"
#include "test_support.h"
#include "windows/com_backend.h"
#include "windows/convert.h"

namespace vss4j::win::test {
namespace {

const GUID kWriter = makeGuid(0x0b0b0b0b, 0x1, 0x2, 0x0304050607080910ull);
const GUID kInstance = makeGuid(0x0a0a0a0a, 0x1, 0x2, 0x0304050607080910ull);
const WString kPath = u"INSTANCE1\\caf\u00e9";
const WString kName = u"db1 \U0001F600";

class ComRestoreCalls : public ::testing::Test {
 protected:
  void SetUp() override {
    CoInitializeEx(nullptr, COINIT_MULTITHREADED);
    ASSERT_TRUE(stopBstrCache());
    components = wrapBackupComponents(vss.give(), fakeApi(frees));
  }
  void TearDown() override {
    components.reset();
    expectReleased(vss, "IVssBackupComponents");
    CoUninitialize();
  }

  // The component the last call named: the writer class, the type, the logical path (or NULL) and the name.
  void expectComponent(bool withPath, VSS_COMPONENT_TYPE type = VSS_CT_DATABASE) {
    EXPECT_TRUE(IsEqualGUID(vss.addedWriter, kWriter));
    EXPECT_EQ(vss.addedType, type);
    EXPECT_EQ(vss.logicalPathWasNull, !withPath);
    EXPECT_EQ(vss.logicalPath, withPath ? toWide(kPath) : L"");
    EXPECT_EQ(vss.componentName, toWide(kName));
  }

  // PreRestore or PostRestore: the IVssAsync handed back is what the wrapper waits on, and released once.
  void expectAsyncWrapped(const std::function<hresult(std::unique_ptr<AsyncOperation>&)>& start) {
    fake::Async operation;
    vss.nextAsync = &operation;
    std::unique_ptr<AsyncOperation> async;
    ASSERT_EQ(start(async), hr::kOk);
    ASSERT_NE(async, nullptr);
    hresult status = hr::kOk;
    ASSERT_EQ(async->queryStatus(status), hr::kOk);
    EXPECT_EQ(status, VSS_S_ASYNC_PENDING);
    operation.finish(VSS_E_WRITERERROR_RETRYABLE);
    EXPECT_EQ(async->wait(AsyncOperation::kInfinite), VSS_E_WRITERERROR_RETRYABLE);
    ASSERT_EQ(async->queryStatus(status), hr::kOk);
    EXPECT_EQ(status, VSS_E_WRITERERROR_RETRYABLE);
    EXPECT_EQ(operation.waits.load(), 1);
    async.reset();
    vss.nextAsync = nullptr;
    expectReleased(operation, "the restore call's IVssAsync");

    // Refused at once: the error raw, nothing to wait on, no IVssAsync taken.
    fake::Async never;
    vss.nextAsync = &never;
    vss.asyncCallResult = VSS_E_BAD_STATE;
    EXPECT_EQ(start(async), VSS_E_BAD_STATE);
    EXPECT_EQ(async, nullptr);
    expectReleased(never, "an IVssAsync never handed out");
    vss.asyncCallResult = S_OK;
    vss.nextAsync = nullptr;
  }

  FreeLog frees;
  CountingSpy spy;
  fake::BackupComponents vss;
  std::unique_ptr<BackupComponents> components;
};

TEST_F(ComRestoreCalls, InitializeForRestoreHandsOverTheDocumentAsOneBstrFreedOnce) {
  // Every UTF-16 unit arrives: non-ASCII, a surrogate pair, an embedded NUL.
  const WString document = WString(u"<BACKUP_COMPONENTS caf\u00e9 \U0001F600/>") + WString(u"\0tail", 5);
  ASSERT_EQ(CoRegisterMallocSpy(&spy), S_OK);
  EXPECT_EQ(components->initializeForRestore(document), hr::kOk);
  EXPECT_EQ(spy.allocs.load(), 1);
  EXPECT_EQ(spy.frees.load(), 1);
  vss.callResult = VSS_E_INVALID_XML_DOCUMENT;
  EXPECT_EQ(components->initializeForRestore(u"<damaged"), VSS_E_INVALID_XML_DOCUMENT);
  EXPECT_EQ(spy.allocs.load(), 2);
  EXPECT_EQ(spy.frees.load(), 2);
  CoRevokeMallocSpy();
  EXPECT_EQ(vss.restoreXml, L"<damaged");
  vss.callResult = S_OK;
  EXPECT_EQ(components->initializeForRestore(document), hr::kOk);
  EXPECT_EQ(vss.restoreXml, toWide(document));
  EXPECT_EQ(components->initializeForRestore(u""), hr::kOk);  // VSS judges an empty document, not the adapter
  EXPECT_EQ(vss.restoreXml, L"");
}

TEST_F(ComRestoreCalls, SetRestoreStatePassesEveryTypeThrough) {
  for (VSS_RESTORE_TYPE type : {VSS_RTYPE_UNDEFINED, VSS_RTYPE_BY_COPY, VSS_RTYPE_IMPORT, VSS_RTYPE_OTHER}) {
    EXPECT_EQ(components->setRestoreState(static_cast<std::int32_t>(type)), hr::kOk);
    EXPECT_EQ(vss.restoreType, type);
  }
}

TEST_F(ComRestoreCalls, SetSelectedForRestoreWithoutAnInstanceIdCallsTheBaseInterface) {
  EXPECT_EQ(components->setSelectedForRestore(Guid{}, toGuid(kWriter), component_type::DATABASE, &kPath, kName, true),
            hr::kOk);
  EXPECT_EQ(vss.lastCall, "SetSelectedForRestore");
  expectComponent(true);
  EXPECT_TRUE(vss.flag);
  EXPECT_EQ(components->setSelectedForRestore(Guid{}, toGuid(kWriter), component_type::FILE_GROUP, nullptr, kName,
                                              false),
            hr::kOk);
  expectComponent(false, VSS_CT_FILEGROUP);
  EXPECT_FALSE(vss.flag);
  EXPECT_EQ(vss.extendedQueries, 0);
}

TEST_F(ComRestoreCalls, SetSelectedForRestoreWithAnInstanceIdGoesThroughIVssBackupComponentsEx) {
  EXPECT_EQ(components->setSelectedForRestore(toGuid(kInstance), toGuid(kWriter), component_type::DATABASE, nullptr,
                                              kName, true),
            hr::kOk);
  EXPECT_EQ(vss.lastCall, "SetSelectedForRestoreEx");
  EXPECT_TRUE(IsEqualGUID(vss.restoreInstance, kInstance));
  expectComponent(false);
  EXPECT_TRUE(vss.flag);
  EXPECT_EQ(vss.extendedQueries, 1);
  EXPECT_EQ(vss.refs(), 1) << "IVssBackupComponentsEx not released (or released twice)";

  vss.callResult = VSS_E_OBJECT_NOT_FOUND;  // no live instance of that writer
  EXPECT_EQ(components->setSelectedForRestore(toGuid(kInstance), toGuid(kWriter), component_type::DATABASE, &kPath,
                                              kName, false),
            VSS_E_OBJECT_NOT_FOUND);
  expectComponent(true);
  EXPECT_FALSE(vss.flag);
  EXPECT_EQ(vss.refs(), 1);
}

TEST_F(ComRestoreCalls, SetSelectedForRestoreWithAnInstanceIdWhereThereIsNoExInterfaceFailsRaw) {
  vss.extended = false;
  EXPECT_EQ(components->setSelectedForRestore(toGuid(kInstance), toGuid(kWriter), component_type::DATABASE, &kPath,
                                              kName, true),
            E_NOINTERFACE);
  EXPECT_EQ(vss.lastCall, "");
  EXPECT_EQ(vss.refs(), 1);
}

TEST_F(ComRestoreCalls, SetAdditionalRestoresAndSetRestoreOptionsNameTheComponent) {
  EXPECT_EQ(components->setAdditionalRestores(toGuid(kWriter), component_type::DATABASE, &kPath, kName, true), hr::kOk);
  EXPECT_EQ(vss.lastCall, "SetAdditionalRestores");
  expectComponent(true);
  EXPECT_TRUE(vss.flag);
  EXPECT_EQ(components->setAdditionalRestores(toGuid(kWriter), component_type::DATABASE, nullptr, kName, false),
            hr::kOk);
  expectComponent(false);
  EXPECT_FALSE(vss.flag);

  EXPECT_EQ(components->setRestoreOptions(toGuid(kWriter), component_type::DATABASE, nullptr, kName,
                                          u"RECOVERY=NO caf\u00e9"),
            hr::kOk);
  EXPECT_EQ(vss.lastCall, "SetRestoreOptions");
  expectComponent(false);
  EXPECT_EQ(vss.componentText, L"RECOVERY=NO caf\u00e9");
}

TEST_F(ComRestoreCalls, AddAlternativeLocationMappingAndAddNewTargetPassEveryArgument) {
  EXPECT_EQ(components->addAlternativeLocationMapping(toGuid(kWriter), component_type::DATABASE, &kPath, kName,
                                                      u"C:\\SQL\\Data", u"*.mdf", true, u"D:\\Restored\u00e9"),
            hr::kOk);
  EXPECT_EQ(vss.lastCall, "AddAlternativeLocationMapping");
  expectComponent(true);
  EXPECT_EQ(vss.redirectedPath, L"C:\\SQL\\Data");
  EXPECT_EQ(vss.files, L"*.mdf");
  EXPECT_TRUE(vss.flag);
  EXPECT_EQ(vss.destination, L"D:\\Restored\u00e9");

  EXPECT_EQ(components->addNewTarget(toGuid(kWriter), component_type::FILE_GROUP, nullptr, kName, u"C:\\App",
                                     u"app.ini", false, u"E:\\Moved"),
            hr::kOk);
  EXPECT_EQ(vss.lastCall, "AddNewTarget");
  expectComponent(false, VSS_CT_FILEGROUP);
  EXPECT_EQ(vss.redirectedPath, L"C:\\App");
  EXPECT_EQ(vss.files, L"app.ini");
  EXPECT_FALSE(vss.flag);
  EXPECT_EQ(vss.destination, L"E:\\Moved");
}

TEST_F(ComRestoreCalls, SetFileRestoreStatusPassesEveryStatusThrough) {
  for (VSS_FILE_RESTORE_STATUS status : {VSS_RS_UNDEFINED, VSS_RS_NONE, VSS_RS_ALL, VSS_RS_FAILED}) {
    EXPECT_EQ(components->setFileRestoreStatus(toGuid(kWriter), component_type::DATABASE, &kPath, kName,
                                               static_cast<std::int32_t>(status)),
              hr::kOk);
    EXPECT_EQ(vss.fileRestoreStatus, status);
    expectComponent(true);
  }
  EXPECT_EQ(components->setFileRestoreStatus(toGuid(kWriter), component_type::DATABASE, nullptr, kName, 2), hr::kOk);
  expectComponent(false);
}

TEST_F(ComRestoreCalls, EverySynchronousCallReturnsVssErrorsRaw) {
  const std::vector<std::pair<const char*, std::function<hresult()>>> calls = {
      {"InitializeForRestore", [&] { return components->initializeForRestore(u"<doc/>"); }},
      {"SetRestoreState", [&] { return components->setRestoreState(1); }},
      {"SetSelectedForRestore",
       [&] { return components->setSelectedForRestore(Guid{}, toGuid(kWriter), 1, nullptr, kName, true); }},
      {"SetSelectedForRestoreEx",
       [&] { return components->setSelectedForRestore(toGuid(kInstance), toGuid(kWriter), 1, nullptr, kName, true); }},
      {"SetAdditionalRestores",
       [&] { return components->setAdditionalRestores(toGuid(kWriter), 1, nullptr, kName, true); }},
      {"SetRestoreOptions", [&] { return components->setRestoreOptions(toGuid(kWriter), 1, nullptr, kName, u"o"); }},
      {"AddAlternativeLocationMapping",
       [&] {
         return components->addAlternativeLocationMapping(toGuid(kWriter), 1, nullptr, kName, u"p", u"*", false, u"d");
       }},
      {"AddNewTarget",
       [&] { return components->addNewTarget(toGuid(kWriter), 1, nullptr, kName, u"p", u"f", false, u"d"); }},
      {"SetFileRestoreStatus", [&] { return components->setFileRestoreStatus(toGuid(kWriter), 1, nullptr, kName, 2); }},
  };
  for (HRESULT error : {VSS_E_BAD_STATE, VSS_E_OBJECT_NOT_FOUND, E_ACCESSDENIED}) {
    vss.callResult = error;
    for (const auto& [name, call] : calls) {
      vss.lastCall.clear();
      EXPECT_EQ(call(), error) << name;
      EXPECT_EQ(vss.lastCall, name) << "the call that answered";
    }
  }
  EXPECT_EQ(vss.refs(), 1);
}

TEST_F(ComRestoreCalls, PreRestoreWrapsItsIVssAsync) {
  expectAsyncWrapped([&](std::unique_ptr<AsyncOperation>& async) { return components->preRestore(async); });
  EXPECT_EQ(vss.lastCall, "PreRestore");
}

TEST_F(ComRestoreCalls, PostRestoreWrapsItsIVssAsync) {
  expectAsyncWrapped([&](std::unique_ptr<AsyncOperation>& async) { return components->postRestore(async); });
  EXPECT_EQ(vss.lastCall, "PostRestore");
}

}  // namespace
}  // namespace vss4j::win::test
