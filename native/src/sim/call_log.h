// The calls made on a simulated machine's objects, oldest first. Only the most recent kLimit are kept: a soak
// test that runs a million backups against one machine must see its memory stay flat.
#pragma once

#include <cstddef>
#include <deque>
#include <vector>

#include "core/operation.h"

namespace vss4j::sim {

class CallLog {
 public:
  static constexpr std::size_t kLimit = 100000;

  void record(Operation operation) {
    if (entries_.size() == kLimit) entries_.pop_front();
    entries_.push_back(operation);
  }
  std::vector<Operation> entries() const { return {entries_.begin(), entries_.end()}; }

 private:
  std::deque<Operation> entries_;
};

}  // namespace vss4j::sim
