// The core's VSS constants (core/*.h, written without the SDK) must equal the SDK's own: every row of every table,
// checked at compile time.
#include <cstdint>

#include "core/hresult.h"
#include "core/vss_types.h"
#include "windows/vss_sdk.h"

#define VSS4J_SAME_HRESULT(name, sdk, value) static_assert(hr::name == static_cast<hresult>(sdk), #sdk);
#define VSS4J_SAME_CONSTANT(ns, name, sdk, value) static_assert(ns::name == static_cast<std::int32_t>(sdk), #sdk);

namespace vss4j {
VSS4J_HRESULTS(VSS4J_SAME_HRESULT)
VSS4J_ENUMERATIONS(VSS4J_SAME_CONSTANT)
static_assert(kSnapshotStateCreated == VSS_SS_CREATED, "VSS_SS_CREATED");
}  // namespace vss4j

#undef VSS4J_SAME_CONSTANT
#undef VSS4J_SAME_HRESULT
