// NativeBridge.awaitCompletion, and the queue it takes from.
#include "jni/completions.h"

#include <jni.h>

#include <chrono>
#include <string>

#include "io_github_vss4j_internal_NativeBridge.h"
#include "jni/jni_util.h"
#include "jni/marshal.h"

namespace vss4j::jni {

std::shared_ptr<CompletionQueue> completionQueue() {
  // Never destroyed: vss4j's callback threads may still wait in it while the process exits and runs static
  // destructors, and a condition variable must not be destroyed under a waiter.
  static const auto* const queue = new std::shared_ptr<CompletionQueue>(std::make_shared<CompletionQueue>());
  return *queue;
}

}  // namespace vss4j::jni

namespace jni = vss4j::jni;

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
