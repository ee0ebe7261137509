#include "windows/log.h"

#include <atomic>

#include "windows/system_backend.h"

namespace vss4j::win {
namespace {
std::atomic<LogSink> g_sink{nullptr};
}  // namespace

void setLogSink(LogSink sink) { g_sink.store(sink); }

namespace log {
void write(Level level, const std::string& utf8) noexcept {
  // No sink: stay silent. The library never prints on its own.
  if (LogSink sink = g_sink.load()) sink(static_cast<int>(level), utf8.c_str());
}
}  // namespace log

}  // namespace vss4j::win
