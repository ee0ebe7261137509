// A BSTR owned by one scope: SysFreeString on every path out of it, once.
#pragma once

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
  WString text() const { return value_ == nullptr ? WString() : toWString(value_, SysStringLen(value_)); }

 private:
  BSTR value_ = nullptr;
};

}  // namespace vss4j::win
