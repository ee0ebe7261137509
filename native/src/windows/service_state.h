// A service's state through the Service Control Manager, for the doctor: is VSS (or the system provider, swprv)
// disabled, stopped or running. Read-only rights only; every handle is closed on every path.
#pragma once

#include "core/backend.h"
#include "windows/vss_sdk.h"

namespace vss4j::win {

HRESULT queryService(const WString& name, ServiceState& state);

}  // namespace vss4j::win
