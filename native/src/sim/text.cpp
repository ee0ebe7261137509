#include "sim/text.h"

#include <string>

namespace vss4j::sim {
namespace {
char16_t fold(char16_t c) { return (c >= u'A' && c <= u'Z') ? static_cast<char16_t>(c - u'A' + u'a') : c; }
}  // namespace

bool sameVolumeName(const WString& a, const WString& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (fold(a[i]) != fold(b[i])) return false;
  }
  return true;
}

WString decimal(std::int64_t value) {
  std::string digits = std::to_string(value);
  return WString(digits.begin(), digits.end());
}

WString volumeGuidPath(const Guid& id) {
  const std::string text = id.toString();
  return u"\\\\?\\Volume{" + WString(text.begin(), text.end()) + u"}\\";
}

}  // namespace vss4j::sim
