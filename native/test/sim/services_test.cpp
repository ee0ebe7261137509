// The services the simulated machine reports to the doctor: VSS and the system provider, demand-start and running;
// no other service.
#include "sim_fixture.h"

namespace vss4j::sim::test {
namespace {

TEST_F(SimTest, VssAndTheSystemProviderAreDemandStartServicesThatRun) {
  for (const WString& name : {WString(u"VSS"), WString(u"swprv"), WString(u"vss")}) {
    ServiceState state;
    ASSERT_EQ(machine->queryService(name, state), hr::kOk);
    EXPECT_TRUE(state.exists);
    EXPECT_EQ(state.currentState, 4u);  // SERVICE_RUNNING
    EXPECT_EQ(state.startType, 3u);     // SERVICE_DEMAND_START
  }
}

TEST_F(SimTest, AnyOtherServiceDoesNotExist) {
  ServiceState state;
  state.exists = true;
  ASSERT_EQ(machine->queryService(u"CryptSvc", state), hr::kOk);
  EXPECT_FALSE(state.exists);
  EXPECT_EQ(machine->liveObjects(), 0);
}

}  // namespace
}  // namespace vss4j::sim::test
