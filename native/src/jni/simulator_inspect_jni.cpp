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

VSS4J_JNI(void, simulatorSetService)(JNIEnv* env, jclass, jlong handle, jstring name, jboolean exists,
                                     jint currentState, jint startType) {
  jni::guardedVoid(env, [&] {
    std::optional<vss4j::WString> text = jni::toWString(env, name, "service name");
    if (!text) return;
    if (currentState < 0 || startType < 0) {
      jni::throwIllegalArgument(env, "a service's state and start type are not negative, were " +
                                         std::to_string(currentState) + " and " + std::to_string(startType));
      return;
    }
    vss4j::ServiceState state;
    state.exists = exists == JNI_TRUE;
    state.currentState = static_cast<std::uint32_t>(currentState);
    state.startType = static_cast<std::uint32_t>(startType);
    if (std::shared_ptr<sim::Machine> machine = machineOrThrow(env, handle)) machine->setService(*text, state);
  });
}

VSS4J_JNI(void, simulatorLogEvent)(JNIEnv* env, jclass, jlong handle, jstring channel, jstring source,
                                   jint eventId, jint level, jlong timeMillis, jstring message) {
  jni::guardedVoid(env, [&] {
    std::optional<vss4j::WString> channelText = jni::toWString(env, channel, "event channel");
    if (!channelText) return;
    std::optional<vss4j::WString> sourceText = jni::toWString(env, source, "event source");
    if (!sourceText) return;
    std::optional<vss4j::WString> messageText = jni::toWString(env, message, "event message");
    if (!messageText) return;
    if (eventId < 0 || level < 0 || level > 255) {
      jni::throwIllegalArgument(env, "an event id is 0 or more and a level 0 to 255, were " +
                                         std::to_string(eventId) + " and " + std::to_string(level));
      return;
    }
    vss4j::LoggedEvent event{*channelText, *sourceText, static_cast<std::uint32_t>(eventId),
                             static_cast<std::uint32_t>(level), timeMillis, *messageText};
    if (std::shared_ptr<sim::Machine> machine = machineOrThrow(env, handle)) machine->logEvent(event);
  });
}
