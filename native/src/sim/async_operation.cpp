#include "sim/async_operation.h"

#include <algorithm>
#include <new>

namespace vss4j::sim {

SimAsyncOperation::SimAsyncOperation(std::shared_ptr<MachineState> machine) : machine_(std::move(machine)) {
  ++machine_->liveObjects;
}

// Dropping the IVssAsync of a pending operation does not stop it (as with VSS): it still ends on time.
SimAsyncOperation::~SimAsyncOperation() { --machine_->liveObjects; }

hresult SimAsyncOperation::wait(std::uint32_t milliseconds) {
  try {
    std::unique_lock<std::mutex> lock(machine_->mutex);
    const auto start = Clock::now();
    // An INFINITE wait still needs a finite time point: a century keeps clear of overflow.
    const auto timeoutAt = milliseconds == kInfinite ? start + std::chrono::hours(24 * 365 * 100)
                                                     : start + std::chrono::milliseconds(milliseconds);
    for (;;) {
      const auto now = Clock::now();
      machine_->settle(now);
      switch (op_->status) {
        case OpRecord::Status::Finished:
        case OpRecord::Status::Cancelled: return hr::kOk;
        case OpRecord::Status::Failed: return op_->error;
        case OpRecord::Status::Pending: break;
      }
      if (now >= timeoutAt) return machine_->waitTimeoutResult;
      machine_->changed.wait_until(lock, std::min(op_->deadline, timeoutAt));
    }
  } catch (const std::bad_alloc&) {
    return hr::kOutOfMemory;
  } catch (...) {
    return hr::kUnexpected;
  }
}

hresult SimAsyncOperation::queryStatus(hresult& status) {
  try {
    std::lock_guard<std::mutex> lock(machine_->mutex);
    machine_->settle(Clock::now());
    switch (op_->status) {
      case OpRecord::Status::Pending: status = hr::kAsyncPending; break;
      case OpRecord::Status::Finished: status = hr::kAsyncFinished; break;
      case OpRecord::Status::Cancelled: status = hr::kAsyncCancelled; break;
      case OpRecord::Status::Failed: status = op_->error; break;
    }
    return hr::kOk;
  } catch (const std::bad_alloc&) {
    return hr::kOutOfMemory;
  } catch (...) {
    return hr::kUnexpected;
  }
}

hresult SimAsyncOperation::cancel() {
  try {
    std::lock_guard<std::mutex> lock(machine_->mutex);
    machine_->settle(Clock::now());
    switch (op_->status) {
      case OpRecord::Status::Pending: machine_->cancel(op_); return hr::kOk;
      case OpRecord::Status::Finished: return hr::kAsyncFinished;
      case OpRecord::Status::Cancelled: return hr::kAsyncCancelled;
      case OpRecord::Status::Failed: return op_->error;
    }
    return hr::kUnexpected;
  } catch (const std::bad_alloc&) {
    return hr::kOutOfMemory;
  } catch (...) {
    return hr::kUnexpected;
  }
}

}  // namespace vss4j::sim
