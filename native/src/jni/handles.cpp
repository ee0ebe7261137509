#include "jni/handles.h"

#include <string>

#include "jni/jni_util.h"

namespace vss4j::jni {
namespace {

template <typename T>
std::shared_ptr<T> lookUp(JNIEnv* env, HandleRegistry<T>& registry, jlong handle, const char* kind) {
  std::shared_ptr<T> found = registry.find(handle);
  if (!found) {
    throwIllegalState(env, std::string("vss4j: ") + kind + " handle " + std::to_string(handle) +
                               " is closed or was never valid");
  }
  return found;
}

}  // namespace

HandleRegistry<Backend>& backends() {
  // Never destroyed: at JVM exit no static destructor may join a thread or release a VSS object.
  static auto* registry = new HandleRegistry<Backend>();
  return *registry;
}

HandleRegistry<Session>& sessions() {
  // Never destroyed: at JVM exit no static destructor may join a thread or release a VSS object.
  static auto* registry = new HandleRegistry<Session>();
  return *registry;
}

HandleRegistry<AsyncHandle>& asyncs() {
  // Never destroyed: at JVM exit no static destructor may join a thread or release a VSS object.
  static auto* registry = new HandleRegistry<AsyncHandle>();
  return *registry;
}

std::shared_ptr<Backend> backendOrThrow(JNIEnv* env, jlong handle) {
  return lookUp(env, backends(), handle, "backend");
}
std::shared_ptr<Session> sessionOrThrow(JNIEnv* env, jlong handle) {
  return lookUp(env, sessions(), handle, "BackupComponents");
}
std::shared_ptr<AsyncHandle> asyncOrThrow(JNIEnv* env, jlong handle) {
  return lookUp(env, asyncs(), handle, "VssAsync");
}

std::shared_ptr<sim::Machine> machineOrThrow(JNIEnv* env, jlong handle) {
  std::shared_ptr<Backend> backend = backendOrThrow(env, handle);
  if (!backend) return nullptr;
  auto machine = std::dynamic_pointer_cast<sim::Machine>(backend);
  if (!machine) throwIllegalState(env, "vss4j: backend handle " + std::to_string(handle) + " is not a simulated machine");
  return machine;
}

}  // namespace vss4j::jni
