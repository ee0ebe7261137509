// Looks up, once, every class and method the shim needs, so that no other entry point does.
#include <jni.h>

#include "jni/jni_util.h"
#include "jni/native_log.h"

namespace vss4j::jni {
namespace {

Classes g_classes;
JavaVM* g_vm = nullptr;

jclass globalClass(JNIEnv* env, const char* name) {
  jclass local = env->FindClass(name);
  if (local == nullptr) return nullptr;
  auto global = static_cast<jclass>(env->NewGlobalRef(local));
  env->DeleteLocalRef(local);
  return global;
}

bool lookUp(JNIEnv* env) {
  Classes c;
  // Each lookup stops at the first that fails: FindClass leaves NoClassDefFoundError pending for the caller.
  const struct {
    jclass* slot;
    const char* name;
  } wanted[] = {
      {&c.string, "java/lang/String"},
      {&c.illegalState, "java/lang/IllegalStateException"},
      {&c.illegalArgument, "java/lang/IllegalArgumentException"},
      {&c.nullPointer, "java/lang/NullPointerException"},
      {&c.unsupported, "java/lang/UnsupportedOperationException"},
      {&c.outOfMemory, "java/lang/OutOfMemoryError"},
      {&c.runtime, "java/lang/RuntimeException"},
      {&c.nativeLog, "io/github/vss4j/internal/NativeLog"},
  };
  for (const auto& entry : wanted) {
    *entry.slot = globalClass(env, entry.name);
    if (*entry.slot == nullptr) return false;
  }
  c.log = env->GetStaticMethodID(c.nativeLog, "log", "(ILjava/lang/String;)V");
  if (c.log == nullptr) return false;
  g_classes = c;
  return true;
}

}  // namespace

const Classes& classes() { return g_classes; }
JavaVM* vm() { return g_vm; }

}  // namespace vss4j::jni

extern "C" JNIEXPORT jint JNICALL JNI_OnLoad(JavaVM* vm, void*) {
  JNIEnv* env = nullptr;
  if (vm->GetEnv(reinterpret_cast<void**>(&env), JNI_VERSION_1_8) != JNI_OK) return JNI_ERR;
  vss4j::jni::g_vm = vm;
  // A class that cannot be found leaves NoClassDefFoundError pending, which System.load reports.
  if (!vss4j::jni::lookUp(env)) return JNI_ERR;
  vss4j::jni::installJavaLogSink();
  return JNI_VERSION_1_8;
}
