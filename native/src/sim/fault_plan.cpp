#include "sim/fault_plan.h"

namespace vss4j::sim {
namespace {
// VSS-BEHAVIOUR.md marks these DoSnapshotSet errors "QueryStatus only": the real call never returns them.
bool onlyThroughQueryStatus(hresult result) {
  return result == hr::kInsufficientStorage || result == hr::kProviderVeto || result == hr::kUnexpectedProviderError;
}
}  // namespace

void FaultPlan::add(const FaultSpec& fault) {
  FaultSpec planned = fault;
  if (planned.operation == Operation::DoSnapshotSet && onlyThroughQueryStatus(planned.result)) {
    planned.throughQueryStatus = true;
  }
  faults_.push_back(planned);
}

std::optional<FaultSpec> FaultPlan::attempt(Operation operation) {
  const auto index = static_cast<std::size_t>(operation);
  if (index >= attempts_.size()) return std::nullopt;
  const std::int32_t number = ++attempts_[index];
  for (const FaultSpec& fault : faults_) {
    if (fault.operation != operation || number < fault.firstAttempt) continue;
    if (fault.attempts >= 0 && number >= fault.firstAttempt + fault.attempts) continue;
    return fault;
  }
  return std::nullopt;
}

}  // namespace vss4j::sim
