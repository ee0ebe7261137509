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

WString hexOf(hresult value) {
  static const char digits[] = "0123456789ABCDEF";
  std::string text = "0x";
  for (int shift = 28; shift >= 0; shift -= 4) text += digits[(static_cast<std::uint32_t>(value) >> shift) & 0xF];
  return ascii(text);
}

WString decimal(std::int64_t value) {
  std::string digits = std::to_string(value);
  return WString(digits.begin(), digits.end());
}

WString volumeGuidPath(const Guid& id) {
  const std::string text = id.toString();
  return u"\\\\?\\Volume{" + WString(text.begin(), text.end()) + u"}\\";
}

WString ascii(const std::string& text) { return WString(text.begin(), text.end()); }

WString braced(const Guid& id) { return u"{" + ascii(id.toString()) + u"}"; }

std::optional<Guid> guidOfBraced(const WString& text) {
  // 38 characters: the braces, 32 hex digits, dashes after the 8th, 12th, 16th and 20th digit.
  if (text.size() != 38 || text.front() != u'{' || text.back() != u'}') return std::nullopt;
  std::uint64_t halves[2] = {0, 0};
  int digits = 0;
  for (std::size_t i = 1; i + 1 < text.size(); ++i) {
    const char16_t c = text[i];
    if (i == 9 || i == 14 || i == 19 || i == 24) {
      if (c != u'-') return std::nullopt;
      continue;
    }
    std::uint64_t value;
    if (c >= u'0' && c <= u'9') value = c - u'0';
    else if (c >= u'a' && c <= u'f') value = c - u'a' + 10;
    else if (c >= u'A' && c <= u'F') value = c - u'A' + 10;
    else return std::nullopt;
    std::uint64_t& half = halves[digits / 16];
    half = half << 4 | value;
    ++digits;
  }
  return Guid{halves[0], halves[1]};
}

}  // namespace vss4j::sim
