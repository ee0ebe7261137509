// The Windows backend's log, forwarded to whatever sink the host installed (system_backend.h: setLogSink).
#pragma once

#include <string>

namespace vss4j::win::log {

enum Level : int { kError = 0, kWarn = 1, kInfo = 2, kDebug = 3 };

void write(Level level, const std::string& utf8) noexcept;

}  // namespace vss4j::win::log
