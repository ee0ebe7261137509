#include "sim/xml_check.h"

#include <cstddef>
#include <cstdint>
#include <utility>
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
  Checker(const WString& text, std::vector<XmlElement>* elements) : s_(text), elements_(elements) {}

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
  // At '&'; the character it stands for goes to `out` when there is one (a reference past U+FFFF: refused).
  bool reference(WString* out = nullptr) {
    ++i_;
    char16_t meant = 0;
    if (at(u"#x") || at(u"#")) {
      const bool hex = at(u"#x");
      i_ += hex ? 2 : 1;
      const std::size_t start = i_;
      std::uint32_t code = 0;
      while (i_ < s_.size() && isDigit(s_[i_], hex)) {
        const char16_t c = s_[i_++];
        const std::uint32_t digit = c <= u'9' ? c - u'0' : (c | 0x20) - u'a' + 10;
        code = code * (hex ? 16 : 10) + digit;
        if (code > 0xFFFF) return false;
      }
      if (i_ == start || !isXmlChar(static_cast<char16_t>(code))) return false;
      meant = static_cast<char16_t>(code);
    } else {
      WString entity;
      if (!name(&entity)) return false;
      if (entity == u"lt") meant = u'<';
      else if (entity == u"gt") meant = u'>';
      else if (entity == u"amp") meant = u'&';
      else if (entity == u"apos") meant = u'\'';
      else if (entity == u"quot") meant = u'"';
      else return false;
    }
    if (!at(u";")) return false;
    ++i_;
    if (out != nullptr) *out += meant;
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
  bool attributeValue(WString& value) {
    if (i_ >= s_.size() || (s_[i_] != u'"' && s_[i_] != u'\'')) return false;
    const char16_t quote = s_[i_++];
    while (i_ < s_.size() && s_[i_] != quote) {
      if (s_[i_] == u'<') return false;
      if (s_[i_] == u'&') {
        if (!reference(&value)) return false;
      } else {
        value += s_[i_++];
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
    XmlElement element;
    element.parent = open_.empty() ? -1 : open_.back().index;
    if (!name(&element.tag)) return false;
    for (;;) {
      const std::size_t before = i_;
      spaces();
      if (at(u"/>") || at(u">")) {
        const bool empty = at(u"/>");
        i_ += empty ? 2 : 1;
        const int index = elements_ == nullptr ? -1 : static_cast<int>(elements_->size());
        if (!empty) open_.push_back(Open{element.tag, index});
        if (elements_ != nullptr) elements_->push_back(std::move(element));
        return true;
      }
      std::pair<WString, WString> attribute;
      if (i_ == before || !name(&attribute.first)) return false;
      spaces();
      if (!at(u"=")) return false;
      ++i_;
      spaces();
      if (!attributeValue(attribute.second)) return false;
      element.attributes.push_back(std::move(attribute));
    }
  }
  // One piece of the innermost open element's content.
  bool content() {
    if (i_ >= s_.size()) return false;
    if (at(u"</")) {
      i_ += 2;
      WString tag;
      if (!name(&tag) || tag != open_.back().tag) return false;
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

  struct Open {
    WString tag;
    int index;  // in elements_
  };

  const WString& s_;
  std::vector<XmlElement>* elements_;
  std::size_t i_ = 0;
  std::vector<Open> open_;
};

}  // namespace

const WString* XmlElement::attribute(const char* wanted) const {
  for (const auto& [key, value] : attributes) {
    std::size_t i = 0;
    while (i < key.size() && wanted[i] != 0 && key[i] == static_cast<char16_t>(wanted[i])) ++i;
    if (i == key.size() && wanted[i] == 0) return &value;
  }
  return nullptr;
}

bool isWellFormedXml(const WString& text) { return Checker(text, nullptr).document(); }

std::optional<std::vector<XmlElement>> parseXml(const WString& text) {
  std::vector<XmlElement> elements;
  if (!Checker(text, &elements).document()) return std::nullopt;
  return elements;
}

}  // namespace vss4j::sim
