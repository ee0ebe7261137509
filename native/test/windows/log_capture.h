// The lines the adapter logs (through core/log.h, as on its way to SLF4J), captured for one test.
#pragma once

#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "core/log.h"

namespace vss4j::win::test {

// Installs itself as the log sink for its lifetime; a test owns one at a time (the sink is process-wide).
class LogCapture {
 public:
  LogCapture() {
    lines().clear();
    setLogSink(&capture);
  }
  ~LogCapture() { setLogSink(nullptr); }
  LogCapture(const LogCapture&) = delete;
  LogCapture& operator=(const LogCapture&) = delete;

  bool logged(LogLevel level, const std::string& part) const {
    std::lock_guard<std::mutex> lock(mutex());
    for (const auto& line : lines())
      if (line.first == level && line.second.find(part) != std::string::npos) return true;
    return false;
  }
  bool loggedAtAnyLevel(const std::string& part) const {
    for (LogLevel level : {LogLevel::Error, LogLevel::Warn, LogLevel::Info, LogLevel::Debug, LogLevel::Trace})
      if (logged(level, part)) return true;
    return false;
  }

 private:
  // The sink is a plain function pointer, so what it captures lives in function-local statics.
  static std::mutex& mutex() {
    static std::mutex instance;
    return instance;
  }
  static std::vector<std::pair<LogLevel, std::string>>& lines() {
    static std::vector<std::pair<LogLevel, std::string>> instance;
    return instance;
  }
  static void capture(LogLevel level, const std::string& message) noexcept {
    try {
      std::lock_guard<std::mutex> lock(mutex());
      lines().emplace_back(level, message);
    } catch (...) {
      // Out of memory in a test: the assertion that looks for the line reports it.
    }
  }
};

}  // namespace vss4j::win::test
