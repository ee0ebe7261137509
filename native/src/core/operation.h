// The requester calls by number. Java's io.github.vss4j.Operation is their one source: the build generates
// generated/operations.h from it (src/build/java/GenerateTables.java), so the numbers are Java's ordinals.
#pragma once

#include <cstdint>

#include "generated/operations.h"

namespace vss4j {

constexpr std::int32_t kOperationCount = static_cast<std::int32_t>(Operation::Count);
// Signed on both sides: MSVC's /W4 warns on a signed/unsigned comparison even in a constant expression.
static_assert(static_cast<std::int32_t>(sizeof(kOperationNames) / sizeof(kOperationNames[0])) == kOperationCount,
              "one name per operation");

inline bool isValidOperation(std::int32_t value) { return value >= 0 && value < kOperationCount; }

// The VSS method's own name, e.g. "DoSnapshotSet"; "?" for a number out of range.
inline const char* operationName(Operation op) {
  const auto value = static_cast<std::int32_t>(op);
  return isValidOperation(value) ? kOperationNames[value] : "?";
}

}  // namespace vss4j
