// NativeBridge's entry points for ExposeSnapshot and UnexposeSnapshot: strings decoded on this (Java) thread, the
// call run on the object's own thread, the HRESULT returned for Java to translate.
#include <jni.h>

#include <optional>

#include "io_github_vss4j_internal_NativeBridge.h"
#include "jni/jni_util.h"
#include "jni/marshal.h"
#include "jni/session_calls.h"

using vss4j::BackupComponents;
using vss4j::Guid;
using vss4j::WString;
namespace jni = vss4j::jni;
using jni::onSession;
using jni::sessionEntry;

namespace {

// A Java string that may be null (VSS takes NULL there): false with an exception pending if it cannot be read.
bool optionalText(JNIEnv* env, jstring text, const char* what, std::optional<WString>& out) {
  if (text == nullptr) return true;
  out = jni::toWString(env, text, what);
  return out.has_value();
}

}  // namespace

VSS4J_JNI(jint, exposeSnapshot)(JNIEnv* env, jclass, jlong handle, jlong idHi, jlong idLo, jstring pathFromRoot,
                                jint attributes, jstring expose, jobjectArray out) {
  return jni::guarded(env, jint{0}, [&]() -> jint {
    if (!jni::checkLength(env, out, 1, "exposed-name holder")) return 0;
    std::optional<WString> path;
    std::optional<WString> name;
    if (!optionalText(env, pathFromRoot, "pathFromRoot", path) || !optionalText(env, expose, "expose", name)) {
      return 0;
    }
    const Guid id = jni::guidOf(idHi, idLo);
    WString exposed;
    const jint hr = onSession(env, handle, [&](BackupComponents& c) {
      return c.exposeSnapshot(id, path ? &*path : nullptr, attributes, name ? &*name : nullptr, exposed);
    });
    if (env->ExceptionCheck() || vss4j::failed(hr)) return hr;
    jni::LocalRef<jstring> text(env, jni::toJString(env, exposed));
    if (text.get() == nullptr) return 0;
    env->SetObjectArrayElement(out, 0, text.get());
    return env->ExceptionCheck() ? 0 : hr;
  });
}

VSS4J_JNI(jint, unexposeSnapshot)(JNIEnv* env, jclass, jlong handle, jlong idHi, jlong idLo) {
  const Guid id = jni::guidOf(idHi, idLo);
  return sessionEntry(env, handle, [&](BackupComponents& c) { return c.unexposeSnapshot(id); });
}
