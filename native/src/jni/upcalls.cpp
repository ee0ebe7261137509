#include "jni/upcalls.h"

#include <jni.h>

#include <string>

#include "core/log.h"
#include "jni/jni_util.h"

namespace vss4j::jni {
namespace {

// Detaches, at thread exit, a thread that this file attached; never one the JVM attached itself.
class Attachment {
 public:
  ~Attachment() {
    if (attached_ && vm() != nullptr) vm()->DetachCurrentThread();
  }

  JNIEnv* env() {
    JavaVM* jvm = vm();
    if (jvm == nullptr) return nullptr;
    JNIEnv* env = nullptr;
    const jint got = jvm->GetEnv(reinterpret_cast<void**>(&env), JNI_VERSION_1_8);
    if (got == JNI_OK) return env;
    if (got != JNI_EDETACHED) return nullptr;
    JavaVMAttachArgs args{JNI_VERSION_1_8, const_cast<char*>("vss4j-native"), nullptr};
    // Daemon: a shim thread must never keep the JVM from exiting.
    if (jvm->AttachCurrentThreadAsDaemon(reinterpret_cast<void**>(&env), &args) != JNI_OK) return nullptr;
    attached_ = true;
    return env;
  }

 private:
  bool attached_ = false;
};

JNIEnv* currentEnv() {
  thread_local Attachment attachment;
  return attachment.env();
}

// NativeCallbacks catches and logs what Java code throws; only an Error (e.g. OutOfMemoryError) gets here,
// and it must not stay pending on a native thread.
void clearPending(JNIEnv* env) {
  if (env->ExceptionCheck()) env->ExceptionClear();
}

void javaLogSink(LogLevel level, const std::string& message) noexcept {
  JNIEnv* env = currentEnv();
  if (env == nullptr) return;
  jstring text = env->NewStringUTF(message.c_str());
  if (text == nullptr) {
    clearPending(env);
    return;
  }
  env->CallStaticVoidMethod(classes().callbacks, classes().log, static_cast<jint>(level), text);
  clearPending(env);
  env->DeleteLocalRef(text);
}

}  // namespace

void installJavaLogSink() { setLogSink(&javaLogSink); }

}  // namespace vss4j::jni
