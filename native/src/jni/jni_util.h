// Small JNI helpers: cached classes and method ids, RAII local references, one throw helper per Java
// exception, and the guard that keeps every C++ exception on this side of the boundary.
#pragma once

#include <jni.h>

#include <exception>
#include <new>
#include <optional>
#include <string>

#include "core/session.h"
#include "core/vss_types.h"

// Declares a NativeBridge entry point (the generated header declares the same names).
#define VSS4J_JNI(ret, name) extern "C" JNIEXPORT ret JNICALL Java_io_github_vss4j_internal_NativeBridge_##name

namespace vss4j::jni {

// Global references and method ids, looked up once in JNI_OnLoad.
struct Classes {
  jclass string = nullptr;
  jclass illegalState = nullptr;
  jclass illegalArgument = nullptr;
  jclass nullPointer = nullptr;
  jclass unsupported = nullptr;
  jclass outOfMemory = nullptr;
  jclass runtime = nullptr;
  jclass nativeLog = nullptr;        // io.github.vss4j.internal.NativeLog
  jmethodID log = nullptr;           // static void log(int level, String message)
};
const Classes& classes();
JavaVM* vm();

template <typename T>
class LocalRef {
 public:
  LocalRef(JNIEnv* env, T ref) : env_(env), ref_(ref) {}
  ~LocalRef() {
    if (ref_ != nullptr) env_->DeleteLocalRef(ref_);
  }
  LocalRef(const LocalRef&) = delete;
  LocalRef& operator=(const LocalRef&) = delete;
  T get() const { return ref_; }

 private:
  JNIEnv* env_;
  T ref_;
};

void throwIllegalState(JNIEnv* env, const std::string& message);
void throwIllegalArgument(JNIEnv* env, const std::string& message);
void throwNullPointer(JNIEnv* env, const std::string& message);
void throwUnsupported(JNIEnv* env, const std::string& message);
void throwOutOfMemory(JNIEnv* env, const std::string& message);
void throwRuntime(JNIEnv* env, const std::string& message);

// Called in a catch block: the C++ exception being handled as a Java exception (ClosedError as
// IllegalStateException, std::bad_alloc as OutOfMemoryError, anything else as RuntimeException). Out of line, so
// that the many instantiations of guarded() share one copy of this code (the library's size is hashed on every
// load).
void throwCurrentException(JNIEnv* env) noexcept;

// The one guard of a JNI entry (each Java_* function wraps its whole body in exactly one): a C++ exception becomes a
// pending Java exception and `onError` is returned instead. Not win::asHresult, which turns it into an HRESULT.
template <typename R, typename F>
R guarded(JNIEnv* env, R onError, F&& body) noexcept {
  try {
    return body();
  } catch (...) {
    throwCurrentException(env);
  }
  return onError;
}

// guarded() for an entry that returns void.
template <typename F>
void guardedVoid(JNIEnv* env, F&& body) noexcept {
  guarded(env, 0, [&] {
    body();
    return 0;
  });
}

// A Java string as VSS's UTF-16 text. nullopt (with NullPointerException or OutOfMemoryError pending) if it
// cannot be read; `what` names the argument in the exception.
std::optional<WString> toWString(JNIEnv* env, jstring text, const char* what);
// UTF-16 text to a new Java string; nullptr with an exception pending on failure.
jstring toJString(JNIEnv* env, const WString& text);

}  // namespace vss4j::jni
