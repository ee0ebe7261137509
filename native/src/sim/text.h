// Small UTF-16 helpers for the simulator: volume names compare like Windows compares them, and
// device names carry a decimal number.
#pragma once

#include <cstdint>

#include "core/guid.h"
#include "core/vss_types.h"

namespace vss4j::sim {

// Windows matches volume names without regard to case; the names VSS takes ("C:\", "\\?\Volume{...}\")
// are ASCII, so folding A-Z is enough.
bool sameVolumeName(const WString& a, const WString& b);

WString decimal(std::int64_t value);

// \\?\Volume{xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx}\, lower case as Windows writes it.
WString volumeGuidPath(const Guid& id);

}  // namespace vss4j::sim
