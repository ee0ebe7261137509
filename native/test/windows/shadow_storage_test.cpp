// Shadow storage through the adapter, against the COM fake: the system provider's interface asked for, each
// VSS_DIFF_AREA_PROP copied and its two strings freed once, every interface released once, the names and sizes
// passed through, and a failure at each step answered with its own HRESULT.
#include <gtest/gtest.h>

#include <algorithm>

#include "core/hresult.h"
#include "fake_vss_mgmt.h"
#include "test_support.h"
#include "windows/shadow_storage.h"

namespace vss4j::win::test {
namespace {

const GUID kSystemProvider = makeGuid(0xb5946137, 0x7b9f, 0x4925, 0xaf8051abd60b20d5ull);

class ShadowStorageAdapter : public ::testing::Test {
 protected:
  void SetUp() override {
    api = fakeApi(frees);
    api->createSnapshotMgmt = [this](IVssSnapshotMgmt** out) -> HRESULT {
      *out = nullptr;
      if (FAILED(createResult)) return createResult;
      *out = snapshotMgmt.give();
      return S_OK;
    };
    snapshotMgmt.provided = &mgmt;
  }
  void TearDown() override {
    storage.reset();
    expectReleased(snapshotMgmt, "IVssSnapshotMgmt");
    expectReleased(mgmt, "IVssDifferentialSoftwareSnapshotMgmt");
    expectReleased(areas, "IVssEnumMgmtObject");
  }
  hresult open() { return openShadowStorage(api, storage); }

  FreeLog frees;
  std::shared_ptr<VssApi> api;
  HRESULT createResult = S_OK;
  fake::SnapshotMgmt snapshotMgmt;
  fake::DiffSoftwareMgmt mgmt;
  fake::DiffAreaEnum areas;
  std::unique_ptr<ShadowStorage> storage;
};

TEST_F(ShadowStorageAdapter, AsksTheSystemProviderForItsDiffAreaInterfaceAndReleasesTheManager) {
  ASSERT_EQ(open(), hr::kOk);
  ASSERT_NE(storage, nullptr);
  EXPECT_TRUE(IsEqualGUID(snapshotMgmt.askedProvider, kSystemProvider));
  EXPECT_TRUE(IsEqualIID(snapshotMgmt.askedInterface, fake::kIidDiffSoftwareMgmt));
  EXPECT_EQ(snapshotMgmt.refs(), 0) << "IVssSnapshotMgmt is needed only to get the provider's interface";
  EXPECT_EQ(mgmt.refs(), 1);
}

TEST_F(ShadowStorageAdapter, EveryDiffAreaCopiedEveryStringFreedOnceTheEnumeratorReleased) {
  areas.rows = {{L"C:\\", L"C:\\", -1, 4096, 1024}, {L"\\\\?\\Volume{caf\u00e9}\\", L"D:\\", 400LL << 20, 0, 0}};
  mgmt.queryResult = &areas;
  ASSERT_EQ(open(), hr::kOk);
  std::vector<DiffArea> found;
  ASSERT_EQ(storage->queryDiffAreasForVolume(u"C:\\", found), hr::kOk);
  EXPECT_EQ(mgmt.volume, L"C:\\");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].volumeName, u"C:\\");
  EXPECT_EQ(found[0].maximumBytes, -1);
  EXPECT_EQ(found[0].allocatedBytes, 4096);
  EXPECT_EQ(found[0].usedBytes, 1024);
  EXPECT_EQ(found[1].volumeName, u"\\\\?\\Volume{caf\u00e9}\\");
  EXPECT_EQ(found[1].diffAreaVolumeName, u"D:\\");
  EXPECT_EQ(found[1].maximumBytes, 400LL << 20);
  std::vector<void*> handed = areas.handedOut;
  std::vector<void*> freed = frees.freedMemory;
  std::sort(handed.begin(), handed.end());
  std::sort(freed.begin(), freed.end());
  EXPECT_EQ(freed, handed);
  EXPECT_EQ(handed.size(), 4u);
}

TEST_F(ShadowStorageAdapter, AFailedEnumerationKeepsItsErrorAndStillFreesWhatItHandedOut) {
  areas.rows = {{L"C:\\", L"C:\\", -1, 0, 0}};
  areas.failAt = VSS_E_UNEXPECTED_PROVIDER_ERROR;
  mgmt.queryResult = &areas;
  ASSERT_EQ(open(), hr::kOk);
  std::vector<DiffArea> found;
  EXPECT_EQ(storage->queryDiffAreasForVolume(u"C:\\", found), hr::kUnexpectedProviderError);
  EXPECT_EQ(frees.freedMemory.size(), areas.handedOut.size());
}

TEST_F(ShadowStorageAdapter, ResizeAndAddPassNamesAndSizesAndReturnVssAnswer) {
  ASSERT_EQ(open(), hr::kOk);
  EXPECT_EQ(storage->changeDiffAreaMaximumSize(u"C:\\", u"D:\\", -1), hr::kOk);
  EXPECT_EQ(mgmt.volume, L"C:\\");
  EXPECT_EQ(mgmt.diffAreaVolume, L"D:\\");
  EXPECT_EQ(mgmt.maximum, -1);
  mgmt.result = VSS_E_OBJECT_ALREADY_EXISTS;
  EXPECT_EQ(storage->addDiffArea(u"E:\\", u"F:\\", 320LL << 20), hr::kObjectAlreadyExists);
  EXPECT_EQ(mgmt.volume, L"E:\\");
  EXPECT_EQ(mgmt.maximum, 320LL << 20);
  mgmt.result = VSS_E_OBJECT_NOT_FOUND;
  std::vector<DiffArea> found;
  EXPECT_EQ(storage->queryDiffAreasForVolume(u"Q:\\", found), hr::kObjectNotFound);
  EXPECT_TRUE(found.empty());
}

TEST_F(ShadowStorageAdapter, FailuresToCreateOrToGetTheProviderInterfaceLeaveNothingHeld) {
  createResult = E_ACCESSDENIED;
  EXPECT_EQ(open(), hr::kAccessDenied);
  EXPECT_EQ(storage, nullptr);
  createResult = S_OK;
  snapshotMgmt.providerResult = VSS_E_PROVIDER_NOT_REGISTERED;
  EXPECT_EQ(open(), hr::kProviderNotRegistered);
  EXPECT_EQ(storage, nullptr);
  snapshotMgmt.providerResult = S_OK;
  snapshotMgmt.provided = nullptr;  // S_OK and no interface: not trusted
  EXPECT_EQ(open(), hr::kUnexpected);
  EXPECT_EQ(storage, nullptr);
}

}  // namespace
}  // namespace vss4j::win::test
