// The simulated IVssAsync: a view on one operation of the machine. It keeps the machine's state alive, so it
// may outlive its BackupComponents and the Machine handle.
#pragma once

#include <memory>

#include "sim/machine_state.h"

namespace vss4j::sim {

class SimAsyncOperation final : public AsyncOperation {
 public:
  explicit SimAsyncOperation(std::shared_ptr<MachineState> machine);
  ~SimAsyncOperation() override;
  SimAsyncOperation(const SimAsyncOperation&) = delete;
  SimAsyncOperation& operator=(const SimAsyncOperation&) = delete;

  // Made before the operation starts, so that starting it cannot fail half-way for want of memory.
  void attach(std::shared_ptr<OpRecord> op) { op_ = std::move(op); }

  hresult wait(std::uint32_t milliseconds) override;
  hresult queryStatus(hresult& status) override;
  hresult cancel() override;

 private:
  std::shared_ptr<MachineState> machine_;
  std::shared_ptr<OpRecord> op_;
};

}  // namespace vss4j::sim
