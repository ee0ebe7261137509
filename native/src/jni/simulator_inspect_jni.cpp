// NativeBridge's entry points that describe a simulated machine beyond volumes, writers and faults
// (providers, machine name, restore targets) and let tests look at its writers.
#include <jni.h>

#include <memory>
#include <optional>
#include <string>

#include "io_github_vss4j_internal_NativeBridge.h"
#include "jni/handles.h"
#include "jni/jni_util.h"
#include "jni/marshal.h"
#include "sim/machine.h"

namespace jni = vss4j::jni;
namespace sim = vss4j::sim;

using jni::machineOrThrow;

VSS4J_JNI(void, simulatorAddProvider)(JNIEnv* env, jclass, jlong handle, jlong providerHi, jlong providerLo) {
  jni::guardedVoid(env, [&] {
    if (std::shared_ptr<sim::Machine> machine = machineOrThrow(env, handle)) {
      machine->addProvider(jni::guidOf(providerHi, providerLo));
    }
  });
}

VSS4J_JNI(void, simulatorSetMachineName)(JNIEnv* env, jclass, jlong handle, jstring name) {
  jni::guardedVoid(env, [&] {
    std::optional<vss4j::WString> text = jni::toWString(env, name, "machine name");
    if (!text) return;
    if (std::shared_ptr<sim::Machine> machine = machineOrThrow(env, handle)) machine->setMachineName(*text);
  });
}

VSS4J_JNI(jstring, simulatorMachineName)(JNIEnv* env, jclass, jlong handle) {
  return jni::guarded(env, jstring{nullptr}, [&]() -> jstring {
    std::shared_ptr<sim::Machine> machine = machineOrThrow(env, handle);
    return machine ? jni::toJString(env, machine->machineName()) : nullptr;
  });
}

VSS4J_JNI(void, simulatorWriterStates)(JNIEnv* env, jclass, jlong handle, jobjectArray out) {
  jni::guardedVoid(env, [&] {
    std::shared_ptr<sim::Machine> machine = machineOrThrow(env, handle);
    if (machine) jni::putWriterStatus(env, out, machine->writerStates());
  });
}

VSS4J_JNI(void, simulatorComponentOutcomes)(JNIEnv* env, jclass, jlong handle, jobjectArray out) {
  jni::guardedVoid(env, [&] {
    std::shared_ptr<sim::Machine> machine = machineOrThrow(env, handle);
    if (machine) jni::putComponentOutcomes(env, out, machine->componentOutcomes());
  });
}

VSS4J_JNI(void, simulatorRestoreRecords)(JNIEnv* env, jclass, jlong handle, jobjectArray out) {
  jni::guardedVoid(env, [&] {
    std::shared_ptr<sim::Machine> machine = machineOrThrow(env, handle);
    if (machine) jni::putRestoreRecords(env, out, machine->restoreRecords());
  });
}

VSS4J_JNI(jboolean, simulatorSetRestoreTarget)(JNIEnv* env, jclass, jlong handle, jlong instanceIdHi,
                                               jlong instanceIdLo, jint componentType, jstring logicalPath,
                                               jstring componentName, jint target) {
  return jni::guarded(env, jboolean{JNI_FALSE}, [&]() -> jboolean {
    std::optional<vss4j::WString> path = jni::toWString(env, logicalPath, "logicalPath");
    if (!path) return JNI_FALSE;
    std::optional<vss4j::WString> name = jni::toWString(env, componentName, "componentName");
    if (!name) return JNI_FALSE;
    std::shared_ptr<sim::Machine> machine = machineOrThrow(env, handle);
    if (!machine) return JNI_FALSE;
    const sim::RestoreTargetChoice choice{componentType, *path, *name, target};
    return machine->setRestoreTarget(jni::guidOf(instanceIdHi, instanceIdLo), choice) ? JNI_TRUE : JNI_FALSE;
  });
}
