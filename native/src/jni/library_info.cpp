// What the shim knows about itself: its version and the operation names Java's Operation must match.
#include <jni.h>

#include "core/operation.h"
#include "io_github_vss4j_internal_NativeBridge.h"
#include "jni/jni_util.h"

#ifndef VSS4J_VERSION
#error "VSS4J_VERSION must be defined by the build"
#endif

extern "C" JNIEXPORT jstring JNICALL Java_io_github_vss4j_internal_NativeBridge_nativeVersion(JNIEnv* env, jclass) {
  return vss4j::jni::guarded(env, jstring{nullptr}, [&] { return env->NewStringUTF(VSS4J_VERSION); });
}

extern "C" JNIEXPORT jobjectArray JNICALL Java_io_github_vss4j_internal_NativeBridge_operationNames(JNIEnv* env,
                                                                                                   jclass) {
  return vss4j::jni::guarded(env, jobjectArray{nullptr}, [&]() -> jobjectArray {
    jobjectArray names = env->NewObjectArray(vss4j::kOperationCount, vss4j::jni::classes().string, nullptr);
    if (names == nullptr) return nullptr;
    for (jint i = 0; i < vss4j::kOperationCount; ++i) {
      vss4j::jni::LocalRef<jstring> name(env, env->NewStringUTF(vss4j::operationName(static_cast<vss4j::Operation>(i))));
      if (name.get() == nullptr) return nullptr;
      env->SetObjectArrayElement(names, i, name.get());
    }
    return names;
  });
}
