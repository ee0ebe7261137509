// Query for providers through the adapter: each VSS_PROVIDER_PROP copied (GUIDs, type, non-ASCII strings), its
// two strings freed once each with CoTaskMemFree, the enumerator released once, on success and on failure.
#include <gtest/gtest.h>

#include <algorithm>

#include "core/hresult.h"
#include "test_support.h"
#include "windows/com_backend.h"
#include "windows/convert.h"

namespace vss4j::win::test {
namespace {

const GUID kSystemProvider = makeGuid(0xb5946137, 0x7b9f, 0x4925, 0xaf8051abd60b20d5ull);
const GUID kArrayProvider = makeGuid(0x11112222, 0x3333, 0x4444, 0x5555666677778888ull);
const GUID kVersionId = makeGuid(0x00000001, 0x0000, 0x0000, 0x0007000000000000ull);
const GUID kClassId = makeGuid(0x65ee1dba, 0x8ff4, 0x4a58, 0xac1c3470ee2f376aull);

fake::Provider systemProvider() {
  return fake::Provider{kSystemProvider, L"Microsoft Software Shadow Copy provider 1.0", L"1.0.0.7",
                        VSS_PROV_SYSTEM, kVersionId, kClassId};
}

class Providers : public ::testing::Test {
 protected:
  void SetUp() override { components = wrapBackupComponents(vss.give(), fakeApi(frees)); }
  void TearDown() override {
    components.reset();
    expectReleased(vss, "IVssBackupComponents");
    expectReleased(providers, "IVssEnumObject");
  }
  // Every string the enumerator handed out was freed, and nothing else, each once.
  void expectEveryStringFreedOnce() {
    std::vector<void*> handed = providers.handedOut;
    std::vector<void*> freed = frees.freedMemory;
    freed.erase(std::remove(freed.begin(), freed.end(), nullptr), freed.end());  // CoTaskMemFree(NULL): no-op
    std::sort(handed.begin(), handed.end());
    std::sort(freed.begin(), freed.end());
    EXPECT_EQ(freed, handed);
  }

  fake::BackupComponents vss;
  fake::ProviderEnum providers;
  FreeLog frees;
  std::unique_ptr<BackupComponents> components;
};

TEST_F(Providers, EveryProviderCopiedEveryStringFreedOnceTheEnumeratorReleased) {
  fake::Provider array{kArrayProvider, L"Array provider caf\u00e9 \U0001F600", L"7.2", VSS_PROV_HARDWARE,
                       kVersionId, kClassId};
  providers.providers = {systemProvider(), array};
  vss.providerResult = &providers;
  std::vector<ProviderProperties> found;
  ASSERT_EQ(components->queryProviders(found), hr::kOk);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].providerId, toGuid(kSystemProvider));
  EXPECT_EQ(found[0].providerName, u"Microsoft Software Shadow Copy provider 1.0");
  EXPECT_EQ(found[0].providerType, provider_type::SYSTEM);
  EXPECT_EQ(found[0].providerVersion, u"1.0.0.7");
  EXPECT_EQ(found[0].providerVersionId, toGuid(kVersionId));
  EXPECT_EQ(found[0].classId, toGuid(kClassId));
  EXPECT_EQ(found[1].providerName, u"Array provider caf\u00e9 \U0001F600");
  EXPECT_EQ(found[1].providerType, provider_type::HARDWARE);
  EXPECT_EQ(providers.handedOut.size(), 4u);
  expectEveryStringFreedOnce();
}

TEST_F(Providers, AProviderWithoutStringsIsCopiedEmpty) {
  providers.providers = {fake::Provider{kArrayProvider, L"", L"", VSS_PROV_SOFTWARE, kVersionId, kClassId}};
  vss.providerResult = &providers;
  std::vector<ProviderProperties> found;
  ASSERT_EQ(components->queryProviders(found), hr::kOk);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_TRUE(found[0].providerName.empty());
  EXPECT_TRUE(found[0].providerVersion.empty());
  expectEveryStringFreedOnce();
}

TEST_F(Providers, FailingMidwayReturnsTheErrorAndLeaksNothing) {
  providers.providers = {systemProvider()};
  providers.failAt = VSS_E_UNEXPECTED_PROVIDER_ERROR;
  vss.providerResult = &providers;
  std::vector<ProviderProperties> found;
  EXPECT_EQ(components->queryProviders(found), hr::kUnexpectedProviderError);
  expectEveryStringFreedOnce();
}

TEST_F(Providers, AFailedQueryHandsBackNothingAndTheSnapshotQueryIsUnchanged) {
  vss.providerResult = &providers;
  vss.callResult = VSS_E_BAD_STATE;
  std::vector<ProviderProperties> found(2);
  EXPECT_EQ(components->queryProviders(found), hr::kBadState);
  EXPECT_TRUE(found.empty());
  vss.callResult = S_OK;
  std::vector<SnapshotProperties> copies;
  EXPECT_EQ(components->query(copies), hr::kOk);  // asks for copies: the provider enumerator is not handed out
  EXPECT_TRUE(copies.empty());
  EXPECT_TRUE(frees.freedMemory.empty());
}

}  // namespace
}  // namespace vss4j::win::test
