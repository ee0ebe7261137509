// A VSS id (GUID) held the way java.util.UUID holds it, so that it crosses JNI as two longs.
#pragma once

#include <cstdint>
#include <string>

namespace vss4j {

// hi = Data1 << 32 | Data2 << 16 | Data3; lo = Data4[0..7] read big-endian.
// The canonical text form of both is the same "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx".
struct Guid {
  std::uint64_t hi = 0;
  std::uint64_t lo = 0;

  bool isNull() const { return hi == 0 && lo == 0; }
  friend bool operator==(const Guid& a, const Guid& b) { return a.hi == b.hi && a.lo == b.lo; }
  friend bool operator!=(const Guid& a, const Guid& b) { return !(a == b); }
  friend bool operator<(const Guid& a, const Guid& b) { return a.hi != b.hi ? a.hi < b.hi : a.lo < b.lo; }

  // Lower-case canonical form, for logs.
  std::string toString() const;
};

}  // namespace vss4j
