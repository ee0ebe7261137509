// ExposeSnapshot and UnexposeSnapshot through the adapter, against the COM fake: arguments passed as VSS takes
// them (null kept null), the exposed name copied and VSS's string freed once with CoTaskMemFree, and
// IVssBackupComponentsEx2 obtained through QueryInterface and released.
#include <gtest/gtest.h>

#include <algorithm>

#include "core/hresult.h"
#include "test_support.h"
#include "windows/com_backend.h"
#include "windows/convert.h"

namespace vss4j::win::test {
namespace {

const GUID kSnapshot = makeGuid(0x01234567, 0x89ab, 0xcdef, 0x0011223344556677ull);

class Expose : public ::testing::Test {
 protected:
  void SetUp() override { components = wrapBackupComponents(vss.give(), fakeApi(frees)); }
  void TearDown() override {
    components.reset();
    expectReleased(vss, "IVssBackupComponents");
  }
  long timesFreed(void* memory) {
    return static_cast<long>(std::count(frees.freedMemory.begin(), frees.freedMemory.end(), memory));
  }

  FreeLog frees;
  fake::BackupComponents vss;
  std::unique_ptr<BackupComponents> components;
};

TEST_F(Expose, LocallyPassesNullPathFromRootAndFreesTheExposedNameOnce) {
  vss.exposedName = L"X:";
  const WString letter = u"X:";
  WString exposed;
  ASSERT_EQ(components->exposeSnapshot(toGuid(kSnapshot), nullptr, attr::EXPOSED_LOCALLY, &letter, exposed),
            hr::kOk);
  EXPECT_EQ(exposed, u"X:");
  EXPECT_TRUE(IsEqualGUID(vss.exposedId, kSnapshot));
  EXPECT_TRUE(vss.exposePathWasNull);
  EXPECT_EQ(vss.exposeAttributes, VSS_VOLSNAP_ATTR_EXPOSED_LOCALLY);
  EXPECT_FALSE(vss.exposeNameWasNull);
  EXPECT_EQ(vss.exposeName, L"X:");
  ASSERT_NE(vss.handedOutExposed, nullptr);
  EXPECT_EQ(timesFreed(vss.handedOutExposed), 1);
  EXPECT_EQ(frees.freedMemory.size(), 1u);
}

TEST_F(Expose, RemotelyPassesPathFromRootAndANullShareForVssToName) {
  vss.exposedName = L"Share\u00e9\U0001F600";  // VSS's own choice, outside ASCII and the BMP
  const WString path = u"Users\\Public";
  WString exposed;
  ASSERT_EQ(components->exposeSnapshot(toGuid(kSnapshot), &path, attr::EXPOSED_REMOTELY, nullptr, exposed), hr::kOk);
  EXPECT_EQ(exposed, u"Share\u00e9\U0001F600");
  EXPECT_FALSE(vss.exposePathWasNull);
  EXPECT_EQ(vss.exposePath, L"Users\\Public");
  EXPECT_TRUE(vss.exposeNameWasNull);
  EXPECT_EQ(vss.exposeAttributes, VSS_VOLSNAP_ATTR_EXPOSED_REMOTELY);
  EXPECT_EQ(timesFreed(vss.handedOutExposed), 1);
}

TEST_F(Expose, AFailureKeepsItsHresultAndFreesNothingVssDidNotHandOut) {
  vss.callResult = E_INVALIDARG;
  const WString letter = u"X:";
  WString exposed = u"stale";
  EXPECT_EQ(components->exposeSnapshot(toGuid(kSnapshot), nullptr, attr::EXPOSED_LOCALLY, &letter, exposed),
            hr::kInvalidArg);
  EXPECT_TRUE(exposed.empty());
  EXPECT_TRUE(frees.freedMemory.empty() ||
              std::all_of(frees.freedMemory.begin(), frees.freedMemory.end(), [](void* m) { return m == nullptr; }));
}

TEST_F(Expose, UnexposeGoesThroughIVssBackupComponentsEx2AndReleasesIt) {
  ASSERT_EQ(components->unexposeSnapshot(toGuid(kSnapshot)), hr::kOk);
  EXPECT_EQ(vss.extended2Queries, 1);
  EXPECT_TRUE(IsEqualGUID(vss.unexposedId, kSnapshot));
  vss.callResult = VSS_E_OBJECT_NOT_FOUND;
  EXPECT_EQ(components->unexposeSnapshot(toGuid(kSnapshot)), hr::kObjectNotFound);
  EXPECT_EQ(vss.extended2Queries, 2);
  // TearDown checks that every reference QueryInterface added was released.
}

TEST_F(Expose, UnexposeWithoutIVssBackupComponentsEx2AnswersNoInterface) {
  vss.extended2 = false;
  EXPECT_EQ(components->unexposeSnapshot(toGuid(kSnapshot)), static_cast<hresult>(E_NOINTERFACE));
  EXPECT_EQ(vss.extended2Queries, 1);
  EXPECT_TRUE(IsEqualGUID(vss.unexposedId, GUID_NULL));
}

}  // namespace
}  // namespace vss4j::win::test
