// Spin briefly before blocking. Handing a call to another thread and back costs two wake-ups when both sides
// block (the benchmark's floor row), far more than when the other side is still running. Calls to one object
// come in bursts (a backup makes a dozen in a row), so a thread that has just finished something looks for the
// next thing for a few microseconds before it sleeps. The spin yields the processor at every turn, so a thread
// with real work runs first, and it is bounded: a wait that lasts longer than kBriefSpin blocks as before, and
// nothing spins while VSS takes its seconds.
#pragma once

#include <chrono>
#include <thread>

namespace vss4j {

inline constexpr std::chrono::microseconds kBriefSpin{50};

// True as soon as ready() is; false once kBriefSpin has passed without it.
template <typename Ready>
bool spinBriefly(Ready&& ready) {
  const auto until = std::chrono::steady_clock::now() + kBriefSpin;
  for (;;) {
    if (ready()) return true;
    if (std::chrono::steady_clock::now() >= until) return false;
    std::this_thread::yield();
  }
}

}  // namespace vss4j
