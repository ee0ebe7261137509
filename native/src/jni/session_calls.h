// What the NativeBridge entries of IVssBackupComponents calls share (components_jni.cpp, restore_jni.cpp): run a
// call on the object's own thread, start an asynchronous one, decode a component's logical path and name.
#pragma once

#include <jni.h>

#include <array>
#include <cstddef>
#include <memory>
#include <optional>

#include "core/session.h"
#include "jni/handles.h"
#include "jni/jni_util.h"
#include "jni/marshal.h"

namespace vss4j::jni {

// Runs body(BackupComponents&) on the session's object thread; body must not touch JNIEnv.
template <typename F>
jint onSession(JNIEnv* env, jlong handle, F&& body) {
  std::shared_ptr<Session> session = sessionOrThrow(env, handle);
  if (!session) return 0;
  return session->call(body);
}

// The entry of a call on the object: one guard around onSession.
template <typename F>
jint sessionEntry(JNIEnv* env, jlong handle, F&& body) {
  return guarded(env, jint{0}, [&]() -> jint { return onSession(env, handle, body); });
}

// The entry of an asynchronous call; on success out[0] receives the new VssAsync handle.
inline jint startAsyncEntry(JNIEnv* env, jlong handle, jlong token, jlongArray out, const Session::Starter& start) {
  return guarded(env, jint{0}, [&]() -> jint {
    if (!checkLength(env, out, 1, "async handle holder")) return 0;
    std::shared_ptr<Session> session = sessionOrThrow(env, handle);
    if (!session) return 0;
    std::uint64_t asyncId = 0;
    const hresult hr = session->startAsync(start, static_cast<std::uint64_t>(token), asyncId);
    if (failed(hr)) return hr;
    auto async = std::make_shared<AsyncHandle>(AsyncHandle{session, asyncId});
    const jlong asyncHandle = asyncs().add(std::move(async));
    env->SetLongArrayRegion(out, 0, 1, &asyncHandle);
    return hr;
  });
}

// A component's logical path (null: none) and name, decoded from Java; nullopt with a Java exception pending.
struct ComponentKey {
  std::optional<WString> path;
  WString name;
  const WString* pathOrNull() const { return path ? &*path : nullptr; }
};

inline std::optional<ComponentKey> componentKey(JNIEnv* env, jstring logicalPath, jstring componentName) {
  ComponentKey key;
  if (logicalPath != nullptr) {
    key.path = toWString(env, logicalPath, "logicalPath");
    if (!key.path) return std::nullopt;
  }
  std::optional<WString> name = toWString(env, componentName, "componentName");
  if (!name) return std::nullopt;
  key.name = std::move(*name);
  return key;
}

// The entry of a call on one component of a writer class with N texts besides (options, paths): decodes them all on
// this thread, then runs call(BackupComponents&, writer, logicalPath or null, componentName, texts) on the object's.
template <std::size_t N, typename Call>
jint componentEntry(JNIEnv* env, jlong handle, jlong writerHi, jlong writerLo, jstring logicalPath,
                    jstring componentName, const std::array<jstring, N>& texts,
                    const std::array<const char*, N>& textNames, Call&& call) {
  return guarded(env, jint{0}, [&]() -> jint {
    const std::optional<ComponentKey> key = componentKey(env, logicalPath, componentName);
    if (!key) return 0;
    std::array<WString, N> values;
    for (std::size_t i = 0; i < N; ++i) {
      std::optional<WString> value = toWString(env, texts[i], textNames[i]);
      if (!value) return 0;
      values[i] = std::move(*value);
    }
    const Guid writer = guidOf(writerHi, writerLo);
    return onSession(env, handle, [&](BackupComponents& c) {
      return call(c, writer, key->pathOrNull(), key->name, values);
    });
  });
}

}  // namespace vss4j::jni
