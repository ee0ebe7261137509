// Calls from shim threads up into Java: log lines. (Completions go the other way: Java threads take them from
// completionQueue(), see completions_jni.cpp.)
#pragma once

#include <memory>

#include "core/completion_queue.h"

namespace vss4j::jni {

// Where every session of this JVM reports the end of its operations, for NativeBridge.awaitCompletion.
std::shared_ptr<CompletionQueue> completionQueue();

// Installs the log sink that forwards native log lines to NativeCallbacks.log (SLF4J). A shim thread is
// attached to the JVM as a daemon the first time it logs, and detached when it ends; a thread the JVM already
// knows is used as it is.
void installJavaLogSink();

}  // namespace vss4j::jni
