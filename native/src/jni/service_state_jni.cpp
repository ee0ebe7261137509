// NativeBridge.queryService: a service's state for the doctor, asked of the backend (the Service Control Manager on
// Windows; the simulated machine's answer elsewhere). The SCM needs no COM apartment: it runs on the caller's thread.
#include <jni.h>

#include <memory>
#include <optional>

#include "core/backend.h"
#include "io_github_vss4j_internal_NativeBridge.h"
#include "jni/handles.h"
#include "jni/jni_util.h"
#include "jni/marshal.h"

namespace jni = vss4j::jni;

// out: {exists (0/1), currentState, startType}.
VSS4J_JNI(jint, queryService)(JNIEnv* env, jclass, jlong handle, jstring name, jintArray out) {
  return jni::guarded(env, jint{0}, [&]() -> jint {
    if (!jni::checkLength(env, out, 3, "result holder")) return 0;
    std::optional<vss4j::WString> service = jni::toWString(env, name, "service name");
    if (!service) return 0;
    std::shared_ptr<vss4j::Backend> backend = jni::backendOrThrow(env, handle);
    if (!backend) return 0;
    vss4j::ServiceState state;
    const jint hr = backend->queryService(*service, state);
    if (vss4j::succeeded(hr)) {
      const jint values[3] = {state.exists ? 1 : 0, static_cast<jint>(state.currentState),
                              static_cast<jint>(state.startType)};
      env->SetIntArrayRegion(out, 0, 3, values);
    }
    return hr;
  });
}
