#include "core/guid.h"

#include <gtest/gtest.h>

namespace vss4j {
namespace {

TEST(Guid, PrintsInTheCanonicalFormJavaUuidUses) {
  // The system provider id {b5946137-7b9f-4925-af80-51abd60b20d5}.
  Guid provider{0xb59461377b9f4925ULL, 0xaf8051abd60b20d5ULL};
  EXPECT_EQ(provider.toString(), "b5946137-7b9f-4925-af80-51abd60b20d5");
  EXPECT_FALSE(provider.isNull());
  EXPECT_TRUE(Guid{}.isNull());
  EXPECT_EQ(Guid{}.toString(), "00000000-0000-0000-0000-000000000000");
}

}  // namespace
}  // namespace vss4j
