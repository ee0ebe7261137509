// The system provider's shadow copy storage areas on a simulated machine, as IVssDifferentialSoftwareSnapshotMgmt
// shows and changes them. Every volume has one association (its "diff area"), on itself unless AddDiffArea put
// it on another volume; what it uses is the sum of what its copies took (VolumeSpec::bytesPerCopy each).
#pragma once

#include <memory>

#include "core/backend.h"
#include "sim/machine_state.h"

namespace vss4j::sim {

// The smallest maximum AddDiffArea takes (Microsoft: "at least 320 MB").
constexpr std::int64_t kMinimumDiffAreaBytes = 320LL * 1024 * 1024;

// A new management object of `machine`: counted live until destroyed.
std::unique_ptr<ShadowStorage> openShadowStorage(std::shared_ptr<MachineState> machine);

// With the machine's mutex held: the association of `volume`, as QueryDiffAreasForVolume lists it.
DiffArea diffAreaOf(const MachineState& machine, const VolumeSpec& volume);

}  // namespace vss4j::sim
