// The providers a simulated machine has registered, as Query(VSS_OBJECT_PROVIDER) lists them.
#pragma once

#include <vector>

#include "sim/machine_state.h"

namespace vss4j::sim {

// The system provider first, then the providers the simulation added, in the order they were added.
std::vector<ProviderProperties> registeredProviders(const MachineState& machine);

}  // namespace vss4j::sim
