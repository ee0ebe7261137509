// Marks a thread the shim started, for its whole run, and runs the end hook as the thread's last ordinary code.
// The JNI layer keeps such a thread attached to the JVM between log lines (attaching costs more than a simulated
// backup) and detaches it from the hook. Never from a thread_local destructor: Windows runs those at
// DLL_THREAD_DETACH under the loader lock, where DetachCurrentThread can deadlock with a JVM thread that waits
// for the same lock. A thread without an OwnThread that logs is attached for that one line only.
#pragma once

namespace vss4j {

using ThreadEndHook = void (*)() noexcept;

// Installs the hook every OwnThread runs when it ends; nullptr for none. Safe to call from any thread.
void setThreadEndHook(ThreadEndHook hook) noexcept;

class OwnThread {
 public:
  OwnThread() noexcept;
  ~OwnThread();  // runs the end hook on this thread
  OwnThread(const OwnThread&) = delete;
  OwnThread& operator=(const OwnThread&) = delete;

  // True on a thread that holds an OwnThread now.
  static bool current() noexcept;
};

}  // namespace vss4j
