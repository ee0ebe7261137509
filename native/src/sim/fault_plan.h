// The fault plan: which attempt of which operation fails, and how.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <vector>

#include "sim/machine.h"

namespace vss4j::sim {

class FaultPlan {
 public:
  void add(const FaultSpec& fault);
  // Counts one attempt of `operation` (machine-wide, so a retry with a fresh object is the next attempt)
  // and returns the first planned fault that covers it.
  std::optional<FaultSpec> attempt(Operation operation);

 private:
  std::vector<FaultSpec> faults_;
  std::array<std::int32_t, kOperationCount> attempts_{};
};

}  // namespace vss4j::sim
