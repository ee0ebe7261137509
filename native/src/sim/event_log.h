// The simulated machine's event log: what its faults wrote, read the way the Windows reader reads the real one.
// Not thread-safe on its own: MachineState's mutex guards it.
#pragma once

#include <cstddef>
#include <deque>
#include <vector>

#include "core/backend.h"

namespace vss4j::sim {

class EventLog {
 public:
  // The newest entries kept; older ones fall off, as a full Windows log overwrites its oldest events.
  static constexpr std::size_t kCapacity = 10000;

  void add(LoggedEvent event);
  // The entries `query` names (its sources, ignoring case; level 1..maxLevel, 0 kept when maxLevel >= 4; created
  // in [fromMillis, toMillis]), newest first, at most maxCount.
  std::vector<LoggedEvent> read(const EventQuery& query) const;
  std::size_t size() const { return entries_.size(); }

 private:
  std::deque<LoggedEvent> entries_;  // in the order written
};

// Milliseconds since 1970-01-01 UTC now: Windows stamps events with the wall clock.
std::int64_t wallClockMillis();

}  // namespace vss4j::sim
