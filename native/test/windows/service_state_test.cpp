// A service's state through the Service Control Manager, under Wine's SCM: a service Windows and Wine both have
// (RpcSs), one that does not exist, and a name the SCM refuses.
#include <gtest/gtest.h>

#include "windows/service_state.h"

namespace vss4j::win::test {
namespace {

TEST(ServiceState, AnExistingServiceReportsItsStateAndStartType) {
  ServiceState state;
  ASSERT_EQ(queryService(u"RpcSs", state), S_OK);
  EXPECT_TRUE(state.exists);
  EXPECT_GE(state.currentState, static_cast<std::uint32_t>(SERVICE_STOPPED));
  EXPECT_LE(state.currentState, static_cast<std::uint32_t>(SERVICE_PAUSED));
  EXPECT_LE(state.startType, static_cast<std::uint32_t>(SERVICE_DISABLED));
}

TEST(ServiceState, AMissingServiceIsNotAnError) {
  ServiceState state;
  state.exists = true;
  ASSERT_EQ(queryService(u"vss4j-no-such-service", state), S_OK);
  EXPECT_FALSE(state.exists);
}

TEST(ServiceState, ANameTheScmRefusesIsItsWin32Error) {
  ServiceState state;
  const HRESULT result = queryService(u"", state);
  EXPECT_TRUE(FAILED(result)) << std::hex << result;
  EXPECT_EQ(HRESULT_FACILITY(result), FACILITY_WIN32);
  EXPECT_FALSE(state.exists);
}

}  // namespace
}  // namespace vss4j::win::test
