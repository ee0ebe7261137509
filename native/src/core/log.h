// Native log lines go to one sink (the JNI layer forwards them to SLF4J); nothing in the shim prints.
#pragma once

#include <string>

namespace vss4j {

enum class LogLevel : int { Error = 0, Warn = 1, Info = 2, Debug = 3, Trace = 4 };

using LogSink = void (*)(LogLevel level, const std::string& message) noexcept;

// Installs the sink; nullptr drops lines. Safe to call from any thread.
void setLogSink(LogSink sink) noexcept;
void log(LogLevel level, const std::string& message) noexcept;

}  // namespace vss4j
