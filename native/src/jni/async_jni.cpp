// NativeBridge's IVssAsync entry points.
#include <jni.h>

#include <chrono>
#include <string>

#include "io_github_vss4j_internal_NativeBridge.h"
#include "jni/handles.h"
#include "jni/jni_util.h"
#include "jni/marshal.h"
#include "jni/upcalls.h"

namespace jni = vss4j::jni;

VSS4J_JNI(jint, asyncQueryStatus)(JNIEnv* env, jclass, jlong handle, jintArray out) {
  return jni::guarded(env, jint{0}, [&]() -> jint {
    if (!jni::checkLength(env, out, 1, "status holder")) return 0;
    std::shared_ptr<jni::AsyncHandle> async = jni::asyncOrThrow(env, handle);
    if (!async) return 0;
    vss4j::hresult status = vss4j::hr::kAsyncPending;
    const vss4j::hresult hr = async->session->queryStatus(async->asyncId, status);
    if (vss4j::succeeded(hr)) env->SetIntArrayRegion(out, 0, 1, &status);
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

// Blocks the calling Java thread (one of vss4j's completion threads) until an operation ends or `timeoutMillis`
// pass: 1 with its token and final status in the arrays, 0 if none ended. One report per call, so that the
// caller never holds a report back while it runs another's callbacks.
VSS4J_JNI(jint, awaitCompletion)(JNIEnv* env, jclass, jlongArray token, jintArray status, jint timeoutMillis) {
  return jni::guarded(env, jint{0}, [&]() -> jint {
    if (!jni::checkLength(env, token, 1, "token holder") || !jni::checkLength(env, status, 1, "status holder")) return 0;
    if (timeoutMillis < 0) {
      jni::throwIllegalArgument(env, "timeoutMillis must not be negative, got " + std::to_string(timeoutMillis));
      return 0;
    }
    vss4j::CompletionQueue::Report report;
    if (!jni::completionQueue()->take(report, std::chrono::milliseconds(timeoutMillis))) return 0;
    const auto t = static_cast<jlong>(report.token);
    const auto s = static_cast<jint>(report.status);
    env->SetLongArrayRegion(token, 0, 1, &t);
    env->SetIntArrayRegion(status, 0, 1, &s);
    return 1;
  });
}
