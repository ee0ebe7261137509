#include "core/guid.h"

namespace vss4j {

std::string Guid::toString() const {
  static const char digits[] = "0123456789abcdef";
  std::string text;
  text.reserve(36);
  auto put = [&](std::uint64_t value, int nibbles) {
    for (int i = nibbles - 1; i >= 0; --i) text.push_back(digits[(value >> (4 * i)) & 0xF]);
  };
  put(hi >> 32, 8);
  text.push_back('-');
  put(hi >> 16, 4);
  text.push_back('-');
  put(hi, 4);
  text.push_back('-');
  put(lo >> 48, 4);
  text.push_back('-');
  put(lo, 12);
  return text;
}

}  // namespace vss4j
