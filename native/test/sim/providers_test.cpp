// Query for providers: the system provider as Windows reports it, the ones the simulation adds, and the state
// rules and fault plan it shares with Query for copies.
#include "sim_fixture.h"

namespace vss4j::sim::test {
namespace {

const Guid kArrayProvider{0x1111222233334444ULL, 0x5555666677778888ULL};

TEST_F(SimTest, QueryProvidersListsTheSystemProviderAsWindowsReportsIt) {
  auto object = initialized();
  std::vector<ProviderProperties> providers;
  ASSERT_EQ(object->queryProviders(providers), hr::kOk);
  ASSERT_EQ(providers.size(), 1u);
  EXPECT_EQ(providers[0].providerId, kSystemProvider);
  EXPECT_EQ(providers[0].providerName, u"Microsoft Software Shadow Copy provider 1.0");
  EXPECT_EQ(providers[0].providerType, provider_type::SYSTEM);
  EXPECT_EQ(providers[0].providerVersion, u"1.0.0.7");
  EXPECT_FALSE(providers[0].classId.isNull());
}

TEST_F(SimTest, QueryProvidersListsAddedProvidersAfterTheSystemOneOnce) {
  machine->addProvider(kArrayProvider);
  machine->addProvider(kArrayProvider);
  machine->addProvider(kSystemProvider);  // always there: not listed twice
  auto object = initialized();
  std::vector<ProviderProperties> providers;
  ASSERT_EQ(object->queryProviders(providers), hr::kOk);
  ASSERT_EQ(providers.size(), 2u);
  EXPECT_EQ(providers[0].providerId, kSystemProvider);
  EXPECT_EQ(providers[1].providerId, kArrayProvider);
  EXPECT_EQ(providers[1].providerType, provider_type::HARDWARE);
}

TEST_F(SimTest, QueryProvidersNeedsAnInitializedObjectAndNotASetInProgress) {
  std::vector<ProviderProperties> providers;
  {
    auto object = create();
    EXPECT_EQ(object->queryProviders(providers), hr::kBadState);
    EXPECT_TRUE(providers.empty());
  }
  auto object = withSetStarted(ctx::FILE_SHARE_BACKUP);
  EXPECT_EQ(object->queryProviders(providers), hr::kBadState);
  ASSERT_EQ(add(*object, u"C:\\"), hr::kOk);
  ASSERT_EQ(doSnapshot(*object), hr::kAsyncFinished);
  EXPECT_EQ(object->queryProviders(providers), hr::kOk);
  EXPECT_EQ(providers.size(), 1u);
}

TEST_F(SimTest, AFaultPlannedForQueryHitsTheProviderQueryToo) {
  machine->addFault(FaultSpec{Operation::Query, hr::kUnexpectedProviderError, false});
  auto object = initialized();
  std::vector<ProviderProperties> providers;
  EXPECT_EQ(object->queryProviders(providers), hr::kUnexpectedProviderError);
  EXPECT_TRUE(providers.empty());
  EXPECT_EQ(object->queryProviders(providers), hr::kOk);
}

}  // namespace
}  // namespace vss4j::sim::test
