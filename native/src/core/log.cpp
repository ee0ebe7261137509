#include "core/log.h"

#include <atomic>

namespace vss4j {
namespace {
std::atomic<LogSink> g_sink{nullptr};
}

void setLogSink(LogSink sink) noexcept { g_sink.store(sink, std::memory_order_release); }

void log(LogLevel level, const std::string& message) noexcept {
  if (LogSink sink = g_sink.load(std::memory_order_acquire)) sink(level, message);
}

}  // namespace vss4j
