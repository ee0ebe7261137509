#include "sim/xml_check.h"

#include <cstddef>
#include <vector>

namespace vss4j::sim {
namespace {

// XML 1.0's Char: no control characters but tab and line ends, no U+FFFE/U+FFFF.
bool isXmlChar(char16_t c) {
  return c >= 0x20 ? (c != 0xFFFE && c != 0xFFFF) : (c == u'\t' || c == u'\r' || c == u'\n');
}
bool isSpace(char16_t c) { return c == u' ' || c == u'\t' || c == u'\r' || c == u'\n'; }
bool isNameStart(char16_t c) {
  return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || c == u'_' || c == u':' || c >= 0x80;
}
bool isNameChar(char16_t c) { return isNameStart(c) || (c >= u'0' && c <= u'9') || c == u'-' || c == u'.'; }
bool isDigit(char16_t c, bool hex) {
  return (c >= u'0' && c <= u'9') || (hex && ((c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F')));
}

// One pass over the text with an explicit stack of open elements, so that deep nesting cannot exhaust the
// native stack.
class Checker {
 public:
  explicit Checker(const WString& text) : s_(text) {}

  bool document() {
    for (char16_t c : s_) {
      if (!isXmlChar(c)) return false;
    }
    if (at(u"\uFEFF")) ++i_;
    if (!misc()) return false;
    if (!element()) return false;
    while (!open_.empty()) {
      if (!content()) return false;
    }
    return misc() && i_ == s_.size();
  }

 private:
  bool at(const char16_t* literal) const {
    std::size_t j = i_;
    for (; *literal != 0; ++literal, ++j) {
      if (j >= s_.size() || s_[j] != *literal) return false;
    }
    return true;
  }
  std::size_t length(const char16_t* literal) const {
    std::size_t n = 0;
    while (literal[n] != 0) ++n;
    return n;
  }
  void spaces() {
    while (i_ < s_.size() && isSpace(s_[i_])) ++i_;
  }
  // Skips to just past `end`; false if the text ends first.
  bool skipPast(const char16_t* end) {
    while (i_ < s_.size()) {
      if (at(end)) {
        i_ += length(end);
        return true;
      }
      ++i_;
    }
    return false;
  }
  bool name(WString* out) {
    const std::size_t start = i_;
    if (i_ >= s_.size() || !isNameStart(s_[i_])) return false;
    while (i_ < s_.size() && isNameChar(s_[i_])) ++i_;
    if (out != nullptr) *out = s_.substr(start, i_ - start);
    return true;
  }
  bool reference() {  // at '&'
    ++i_;
    if (at(u"#x") || at(u"#")) {
      const bool hex = at(u"#x");
      i_ += hex ? 2 : 1;
      const std::size_t start = i_;
      while (i_ < s_.size() && isDigit(s_[i_], hex)) ++i_;
      if (i_ == start) return false;
    } else {
      WString entity;
      if (!name(&entity)) return false;
      if (entity != u"lt" && entity != u"gt" && entity != u"amp" && entity != u"apos" && entity != u"quot") {
        return false;
      }
    }
    if (!at(u";")) return false;
    ++i_;
    return true;
  }
  // Comments, processing instructions and white space, before and after the root element.
  bool misc() {
    for (;;) {
      spaces();
      if (at(u"<!--")) {
        if (!skipPast(u"-->")) return false;
      } else if (at(u"<?")) {
        if (!skipPast(u"?>")) return false;
      } else {
        return true;
      }
    }
  }
  bool attributeValue() {
    if (i_ >= s_.size() || (s_[i_] != u'"' && s_[i_] != u'\'')) return false;
    const char16_t quote = s_[i_++];
    while (i_ < s_.size() && s_[i_] != quote) {
      if (s_[i_] == u'<') return false;
      if (s_[i_] == u'&') {
        if (!reference()) return false;
      } else {
        ++i_;
      }
    }
    if (i_ >= s_.size()) return false;
    ++i_;
    return true;
  }
  // A start tag at '<': an empty element is done at once, any other stays open.
  bool element() {
    if (!at(u"<")) return false;
    ++i_;
    WString tag;
    if (!name(&tag)) return false;
    for (;;) {
      const std::size_t before = i_;
      spaces();
      if (at(u"/>")) {
        i_ += 2;
        return true;
      }
      if (at(u">")) {
        ++i_;
        open_.push_back(tag);
        return true;
      }
      if (i_ == before || !name(nullptr)) return false;
      spaces();
      if (!at(u"=")) return false;
      ++i_;
      spaces();
      if (!attributeValue()) return false;
    }
  }
  // One piece of the innermost open element's content.
  bool content() {
    if (i_ >= s_.size()) return false;
    if (at(u"</")) {
      i_ += 2;
      WString tag;
      if (!name(&tag) || tag != open_.back()) return false;
      spaces();
      if (!at(u">")) return false;
      ++i_;
      open_.pop_back();
      return true;
    }
    if (at(u"<!--")) return skipPast(u"-->");
    if (at(u"<![CDATA[")) return skipPast(u"]]>");
    if (at(u"<?")) return skipPast(u"?>");
    if (at(u"<")) return element();
    if (s_[i_] == u'&') return reference();
    ++i_;
    return true;
  }

  const WString& s_;
  std::size_t i_ = 0;
  std::vector<WString> open_;
};

}  // namespace

bool isWellFormedXml(const WString& text) { return Checker(text).document(); }

}  // namespace vss4j::sim
