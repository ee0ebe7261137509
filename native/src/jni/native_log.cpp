#include "jni/native_log.h"

#include <jni.h>

#include <string>

#include "core/log.h"
#include "core/own_thread.h"
#include "jni/jni_util.h"

namespace vss4j::jni {
namespace {

// Whether this file attached the current thread (never true for a thread the JVM attached itself). A plain bool:
// nothing may run for it at thread exit, when Windows holds the loader lock (core/own_thread.h).
thread_local bool t_attached = false;

// The current thread's JNIEnv, attaching the thread as a daemon (it must never keep the JVM from exiting) if the
// JVM does not know it yet; nullptr if there is no JVM or it refuses.
JNIEnv* attachedEnv() {
  JavaVM* jvm = vm();
  if (jvm == nullptr) return nullptr;
  JNIEnv* env = nullptr;
  const jint got = jvm->GetEnv(reinterpret_cast<void**>(&env), JNI_VERSION_1_8);
  if (got == JNI_OK) return env;
  if (got != JNI_EDETACHED) return nullptr;
  JavaVMAttachArgs args{JNI_VERSION_1_8, const_cast<char*>("vss4j-native"), nullptr};
  if (jvm->AttachCurrentThreadAsDaemon(reinterpret_cast<void**>(&env), &args) != JNI_OK) return nullptr;
  t_attached = true;
  return env;
}

// Detaches the current thread if this file attached it; the JVM's own threads are left alone.
void detachIfAttached() noexcept {
  if (!t_attached) return;
  t_attached = false;
  if (JavaVM* jvm = vm()) jvm->DetachCurrentThread();
}

// Whatever NativeLog.log throws (an Error such as OutOfMemoryError, or a logging backend's RuntimeException) must
// not stay pending on a native thread.
void clearPending(JNIEnv* env) {
  if (env->ExceptionCheck()) env->ExceptionClear();
}

void callNativeLog(JNIEnv* env, LogLevel level, const std::string& message) noexcept {
  jstring text = env->NewStringUTF(message.c_str());
  if (text == nullptr) {
    clearPending(env);
    return;
  }
  env->CallStaticVoidMethod(classes().nativeLog, classes().log, static_cast<jint>(level), text);
  clearPending(env);
  env->DeleteLocalRef(text);
}

void javaLogSink(LogLevel level, const std::string& message) noexcept {
  JNIEnv* env = attachedEnv();
  if (env == nullptr) return;
  callNativeLog(env, level, message);
  // A thread of ours stays attached until its OwnThread ends; any other is not ours to keep attached.
  if (!OwnThread::current()) detachIfAttached();
}

}  // namespace

void installJavaLogSink() {
  setThreadEndHook(&detachIfAttached);
  setLogSink(&javaLogSink);
}

}  // namespace vss4j::jni
