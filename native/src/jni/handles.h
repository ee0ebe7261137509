// The three kinds of handle Java holds, each in its own registry (ids never overlap across kinds).
#pragma once

#include <jni.h>

#include <cstdint>
#include <memory>

#include "core/backend.h"
#include "core/handle_registry.h"
#include "core/session.h"
#include "sim/machine.h"

namespace vss4j::jni {

struct AsyncHandle {
  std::shared_ptr<Session> session;
  std::uint64_t asyncId;
};

HandleRegistry<Backend>& backends();
HandleRegistry<Session>& sessions();
HandleRegistry<AsyncHandle>& asyncs();

// Looks the handle up; nullptr with IllegalStateException pending ("what" names the kind) if unknown.
std::shared_ptr<Backend> backendOrThrow(JNIEnv* env, jlong handle);
std::shared_ptr<Session> sessionOrThrow(JNIEnv* env, jlong handle);
std::shared_ptr<AsyncHandle> asyncOrThrow(JNIEnv* env, jlong handle);
// The simulated machine behind a backend handle; nullptr with IllegalStateException pending if it is not one.
std::shared_ptr<sim::Machine> machineOrThrow(JNIEnv* env, jlong handle);

}  // namespace vss4j::jni
