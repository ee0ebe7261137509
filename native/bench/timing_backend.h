// Bench only: a Backend that forwards to another one and notes when each IVssAsync::Wait returns, which is
// the moment the shim learns that an operation has ended ("native completion" in the benchmark's table).
#pragma once

#include <cstdint>
#include <memory>

#include "core/backend.h"

namespace vss4j::bench {

// steady_clock, in nanoseconds: on Linux CLOCK_MONOTONIC, the clock System.nanoTime() reads as well.
std::int64_t monotonicNanos() noexcept;

// When the latest Wait on an operation of a timing backend returned (monotonicNanos), or 0.
std::int64_t lastWaitReturnNanos() noexcept;

std::shared_ptr<Backend> timingBackend(std::shared_ptr<Backend> inner);

}  // namespace vss4j::bench
