// Calls from shim threads up into Java: completion reports and log lines.
#pragma once

#include <memory>

#include "core/completion_sink.h"

namespace vss4j::jni {

// Reports each completion to NativeCallbacks.completed. A shim thread is attached to the JVM as a daemon the
// first time it calls up, and detached when it ends; a thread the JVM already knows is used as it is.
std::shared_ptr<CompletionSink> javaCompletionSink();

// Installs the log sink that forwards native log lines to NativeCallbacks.log (SLF4J).
void installJavaLogSink();

}  // namespace vss4j::jni
