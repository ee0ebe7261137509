// A Backend method's guard (core's contract: no C++ exception leaves one): an exception becomes an HRESULT,
// E_OUTOFMEMORY or E_UNEXPECTED (logged with `what`). Not jni::guarded, which raises a Java exception instead.
#pragma once

#include <new>
#include <string>

#include "core/hresult.h"
#include "core/log.h"

namespace vss4j::win {

template <typename Body>
hresult asHresult(const char* what, Body&& body) noexcept {
  try {
    return body();
  } catch (const std::bad_alloc&) {
    return hr::kOutOfMemory;
  } catch (...) {
    try {
      log(LogLevel::Error, std::string("unexpected C++ exception in ") + what);
    } catch (...) {
    }
    return hr::kUnexpected;
  }
}

}  // namespace vss4j::win
