// What every call of a simulated backup-components object shares, for the files that define its methods
// (backup_components.cpp, restore_calls.cpp): the phase test, planned faults, and the frame each call runs in.
#pragma once

#include <mutex>
#include <new>
#include <optional>

#include "sim/backup_components.h"

namespace vss4j::sim {

template <typename... Phases>
bool in(ObjectPhase phase, Phases... allowed) {
  return ((phase == allowed) || ...);
}

// A fault planned for a synchronous call: it is the call's result (throughQueryStatus means nothing there).
inline std::optional<hresult> immediateFault(MachineState& machine, Operation operation) {
  auto fault = machine.faults.attempt(operation);
  if (fault && failed(fault->result)) return fault->result;
  return std::nullopt;
}

template <typename Body>
hresult SimBackupComponents::call(Operation operation, Body&& body) {
  try {
    std::lock_guard<std::mutex> lock(machine_->mutex);
    machine_->settle(Clock::now());
    machine_->callLog.record(operation);
    auto found = machine_->objects.find(id_);
    if (found == machine_->objects.end()) return hr::kUnexpected;
    ObjectState& object = found->second;
    // GATHERING, PREPARING, SNAPSHOTTING, COMPLETING: only the IVssAsync and AbortBackup are served.
    if (object.pending && operation != Operation::AbortBackup) return hr::kBadState;
    return body(object);
  } catch (const std::bad_alloc&) {
    return hr::kOutOfMemory;
  } catch (...) {
    return hr::kUnexpected;
  }
}

}  // namespace vss4j::sim
