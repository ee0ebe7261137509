// NativeBridge's IVssAsync entry points.
#include <jni.h>

#include "io_github_vss4j_internal_NativeBridge.h"
#include "jni/handles.h"
#include "jni/jni_util.h"
#include "jni/marshal.h"

namespace jni = vss4j::jni;

VSS4J_JNI(jint, asyncQueryStatus)(JNIEnv* env, jclass, jlong handle, jintArray out) {
  return jni::guarded(env, jint{0}, [&]() -> jint {
    if (!jni::checkLength(env, out, 1, "status holder")) return 0;
    std::shared_ptr<jni::AsyncHandle> async = jni::asyncOrThrow(env, handle);
    if (!async) return 0;
    vss4j::hresult status = vss4j::hr::kAsyncPending;
    const vss4j::hresult hr = async->session->queryStatus(async->asyncId, status);
    if (vss4j::succeeded(hr)) {
      const jint value = status;  // jint is a long on Windows: never pass an hresult* where JNI wants a jint*
      env->SetIntArrayRegion(out, 0, 1, &value);
    }
    return hr;
  });
}

VSS4J_JNI(jint, asyncCancel)(JNIEnv* env, jclass, jlong handle) {
  return jni::guarded(env, jint{0}, [&]() -> jint {
    std::shared_ptr<jni::AsyncHandle> async = jni::asyncOrThrow(env, handle);
    if (!async) return 0;
    return async->session->cancel(async->asyncId);
  });
}

VSS4J_JNI(void, asyncRelease)(JNIEnv* env, jclass, jlong handle) {
  jni::guardedVoid(env, [&] {
    std::shared_ptr<jni::AsyncHandle> async = jni::asyncs().remove(handle);
    if (async) async->session->releaseAsync(async->asyncId);
  });
}
