// A BSTR owned by one scope: SysFreeString on every path out of it, once.
#pragma once

#include <cstddef>

#include "core/vss_types.h"
#include "windows/convert.h"
#include "windows/vss_sdk.h"

namespace vss4j::win {

class Bstr {
 public:
  Bstr() = default;
  Bstr(const Bstr&) = delete;
  Bstr& operator=(const Bstr&) = delete;
  ~Bstr() { SysFreeString(value_); }
  BSTR* put() {
    SysFreeString(value_);
    value_ = nullptr;
    return &value_;
  }
  BSTR get() const { return value_; }
  // Holds a copy of `text` (embedded NULs included), for a call that takes a BSTR in. False: out of memory.
  bool assign(const WString& text) {
    BSTR copy = SysAllocStringLen(nullptr, static_cast<UINT>(text.size()));
    if (copy == nullptr) return false;
    for (std::size_t i = 0; i < text.size(); ++i) copy[i] = static_cast<wchar_t>(text[i]);
    copy[text.size()] = L'\0';  // allocated with the length, not written: a NULL source leaves it uninitialised
    *put() = copy;
    return true;
  }
  WString text() const { return value_ == nullptr ? WString() : toWString(value_, SysStringLen(value_)); }

 private:
  BSTR value_ = nullptr;
};

}  // namespace vss4j::win
