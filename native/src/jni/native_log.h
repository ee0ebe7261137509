// Native log lines into Java's SLF4J: the one call the shim makes up into Java. (Completions go the other way:
// Java threads take them from the queue in completions.h.)
#pragma once

namespace vss4j::jni {

// Installs the log sink that forwards native log lines to NativeLog.log (SLF4J). A thread the shim started
// (core/own_thread.h) is attached to the JVM as a daemon the first time it logs and detached by its end hook,
// before it ends; any other thread the JVM does not know is attached for one line and detached right after it;
// a thread the JVM already knows is used as it is.
void installJavaLogSink();

}  // namespace vss4j::jni
