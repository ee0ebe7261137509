// NativeBridge.readEvents: the event-log entries a failure's report or the doctor asks for, read by the backend
// (wevtapi on Windows; the simulated machine's log elsewhere). The event log needs no COM apartment: it runs on the
// caller's thread, bounded by the query's own time budget.
#include <jni.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/backend.h"
#include "io_github_vss4j_internal_NativeBridge.h"
#include "jni/handles.h"
#include "jni/jni_util.h"
#include "jni/marshal.h"

namespace jni = vss4j::jni;

namespace {

constexpr jsize kMaxSources = 32;
constexpr jint kMaxCount = 1000;
constexpr jint kMaxTimeoutMillis = 60000;

// The query's numbers, checked: false with IllegalArgumentException pending if one breaks its rule.
// A provider name goes into the reader's XPath filter: letters, digits, space, '.', '_' and '-' only, so that no name
// can change the query (every provider VSS failures concern is named so).
bool checkSource(JNIEnv* env, const vss4j::WString& source) {
  bool plain = !source.empty() && source.size() <= 255;
  for (char16_t c : source) {
    plain = plain && ((c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') || c == u' ' ||
                      c == u'.' || c == u'_' || c == u'-');
  }
  if (!plain) {
    jni::throwIllegalArgument(env, "an event source is 1 to 255 letters, digits, spaces, '.', '_' or '-'");
  }
  return plain;
}

bool checkNumbers(JNIEnv* env, jlong fromMillis, jlong toMillis, jint maxLevel, jint maxCount, jint timeoutMillis) {
  if (fromMillis < 0 || toMillis < fromMillis) {
    jni::throwIllegalArgument(env, "event window must satisfy 0 <= from <= to, was from " +
                                       std::to_string(fromMillis) + " to " + std::to_string(toMillis));
    return false;
  }
  if (maxLevel < 1 || maxLevel > 5) {
    jni::throwIllegalArgument(env, "event level must be 1 (critical) to 5 (verbose), was " + std::to_string(maxLevel));
    return false;
  }
  if (maxCount < 1 || maxCount > kMaxCount) {
    jni::throwIllegalArgument(env, "event count must be 1 to " + std::to_string(kMaxCount) + ", was " +
                                       std::to_string(maxCount));
    return false;
  }
  if (timeoutMillis < 1 || timeoutMillis > kMaxTimeoutMillis) {
    jni::throwIllegalArgument(env, "event read timeout must be 1 to " + std::to_string(kMaxTimeoutMillis) +
                                       " ms, was " + std::to_string(timeoutMillis));
    return false;
  }
  return true;
}

}  // namespace

// holder: {long[] EventLongs, String[] EventStrings} on success; an HRESULT.
VSS4J_JNI(jint, readEvents)(JNIEnv* env, jclass, jlong handle, jobjectArray sources, jlong fromMillis,
                            jlong toMillis, jint maxLevel, jint maxCount, jint timeoutMillis, jobjectArray holder) {
  return jni::guarded(env, jint{0}, [&]() -> jint {
    if (!jni::checkLength(env, holder, 2, "result holder")) return 0;
    if (sources == nullptr) {
      jni::throwNullPointer(env, "sources");
      return 0;
    }
    const jsize count = env->GetArrayLength(sources);
    if (count < 1 || count > kMaxSources) {
      jni::throwIllegalArgument(env, "an event query names 1 to " + std::to_string(kMaxSources) +
                                         " sources, was " + std::to_string(count));
      return 0;
    }
    if (!checkNumbers(env, fromMillis, toMillis, maxLevel, maxCount, timeoutMillis)) return 0;
    vss4j::EventQuery query;
    for (jsize i = 0; i < count; ++i) {
      jni::LocalRef<jstring> name(env, static_cast<jstring>(env->GetObjectArrayElement(sources, i)));
      if (env->ExceptionCheck()) return 0;
      std::optional<vss4j::WString> source = jni::toWString(env, name.get(), "event source");
      if (!source || !checkSource(env, *source)) return 0;
      query.sources.push_back(std::move(*source));
    }
    query.fromMillis = fromMillis;
    query.toMillis = toMillis;
    query.maxLevel = static_cast<std::uint32_t>(maxLevel);
    query.maxCount = static_cast<std::uint32_t>(maxCount);
    query.timeoutMillis = static_cast<std::uint32_t>(timeoutMillis);
    std::shared_ptr<vss4j::Backend> backend = jni::backendOrThrow(env, handle);
    if (!backend) return 0;
    std::vector<vss4j::LoggedEvent> events;
    const jint hr = backend->readEvents(query, events);
    if (vss4j::succeeded(hr) && !jni::putEvents(env, holder, events)) return 0;
    return hr;
  });
}
