// NativeBridge's backend entry points: the real VSS backend and simulated machines.
#include <jni.h>

#include <chrono>
#include <memory>
#include <optional>
#include <string>

#include "core/operation.h"
#include "io_github_vss4j_internal_NativeBridge.h"
#include "jni/handles.h"
#include "jni/jni_util.h"
#include "jni/marshal.h"
#include "sim/machine.h"
#ifdef _WIN32  // the real backend, which every Windows build links
#include "windows/system_backend.h"
#endif

namespace jni = vss4j::jni;
namespace sim = vss4j::sim;

using jni::machineOrThrow;

namespace {

std::optional<vss4j::Operation> operationOrThrow(JNIEnv* env, jint operation) {
  if (!vss4j::isValidOperation(operation)) {
    jni::throwIllegalArgument(env, "vss4j: operation number " + std::to_string(operation) + " is not one the shim knows");
    return std::nullopt;
  }
  return static_cast<vss4j::Operation>(operation);
}

// Runs body(Machine&) inside the calling entry's guard.
template <typename F>
void onMachine(JNIEnv* env, jlong handle, F&& body) {
  if (std::shared_ptr<sim::Machine> machine = machineOrThrow(env, handle)) body(*machine);
}

}  // namespace

VSS4J_JNI(jint, systemBackend)(JNIEnv* env, jclass, jboolean initializeComSecurity, jlongArray out,
                               jobjectArray message) {
  return jni::guarded(env, jint{0}, [&]() -> jint {
    if (!jni::checkLength(env, out, 1, "handle holder") || !jni::checkLength(env, message, 1, "message holder")) {
      return 0;
    }
#ifdef _WIN32
    vss4j::win::SystemBackendOptions options;
    options.initializeComSecurity = initializeComSecurity == JNI_TRUE;
    std::shared_ptr<vss4j::Backend> backend;
    std::string why;
    const vss4j::hresult hr = vss4j::win::openSystemBackend(options, backend, why);
    if (vss4j::failed(hr)) {
      jni::LocalRef<jstring> text(env, env->NewStringUTF(why.c_str()));
      if (text.get() != nullptr) env->SetObjectArrayElement(message, 0, text.get());
      return hr;
    }
    const jlong handle = jni::backends().add(std::move(backend));
    env->SetLongArrayRegion(out, 0, 1, &handle);
    return hr;
#else
    (void)initializeComSecurity;
    jni::throwUnsupported(env,
                          "vss4j: real VSS exists only on Windows; this native library was built for another OS. "
                          "Use Vss.simulator(...) to run against the simulated VSS backend.");
    return 0;
#endif
  });
}

VSS4J_JNI(jlong, simulatorCreate)(JNIEnv* env, jclass) {
  return jni::guarded(env, jlong{0}, [&]() -> jlong {
    std::shared_ptr<vss4j::Backend> machine = sim::Machine::create();
    return jni::backends().add(std::move(machine));
  });
}

VSS4J_JNI(void, simulatorAddVolume)(JNIEnv* env, jclass, jlong handle, jstring name, jstring guidName,
                                    jboolean supported, jlong diffAreaBytes, jlong bytesPerCopy, jint maxShadowCopies) {
  jni::guardedVoid(env, [&] {
    std::optional<vss4j::WString> volume = jni::toWString(env, name, "volume name");
    if (!volume) return;
    std::optional<vss4j::WString> guidPath = jni::toWString(env, guidName, "volume GUID name");
    if (!guidPath) return;
    onMachine(env, handle, [&](sim::Machine& machine) {
      sim::VolumeSpec spec;
      spec.name = *volume;
      spec.guidName = *guidPath;
      spec.supported = supported == JNI_TRUE;
      spec.diffAreaBytes = diffAreaBytes;
      spec.bytesPerCopy = bytesPerCopy;
      spec.maxShadowCopies = maxShadowCopies;
      machine.addVolume(spec);
    });
  });
}

VSS4J_JNI(jboolean, simulatorAddExistingCopy)(JNIEnv* env, jclass, jlong handle, jlongArray longs,
                                              jobjectArray strings) {
  return jni::guarded(env, jboolean{JNI_FALSE}, [&]() -> jboolean {
    vss4j::SnapshotProperties copy;
    if (!jni::getSnapshot(env, longs, strings, copy)) return JNI_FALSE;
    bool added = false;
    onMachine(env, handle, [&](sim::Machine& machine) { added = machine.addExistingCopy(copy); });
    return added ? JNI_TRUE : JNI_FALSE;
  });
}

VSS4J_JNI(jboolean, simulatorAddComponentFault)(JNIEnv* env, jclass, jlong handle, jlong instanceIdHi,
                                                jlong instanceIdLo, jint componentType, jstring logicalPath,
                                                jstring componentName, jint phase, jint failure) {
  return jni::guarded(env, jboolean{JNI_FALSE}, [&]() -> jboolean {
    std::optional<vss4j::WString> path = jni::toWString(env, logicalPath, "logicalPath");
    if (!path) return JNI_FALSE;
    std::optional<vss4j::WString> name = jni::toWString(env, componentName, "componentName");
    if (!name) return JNI_FALSE;
    if (phase < 0 || phase > static_cast<jint>(sim::kLastWriterPhase)) {
      jni::throwIllegalArgument(env, "vss4j: writer phase number " + std::to_string(phase) + " is out of range");
      return JNI_FALSE;
    }
    const sim::ComponentFault fault{componentType, *path, *name, static_cast<sim::WriterPhase>(phase), failure};
    bool added = false;
    onMachine(env, handle, [&](sim::Machine& machine) {
      added = machine.addComponentFault(jni::guidOf(instanceIdHi, instanceIdLo), fault);
    });
    return added ? JNI_TRUE : JNI_FALSE;
  });
}

VSS4J_JNI(void, simulatorAddWriter)(JNIEnv* env, jclass, jlong handle, jstring name, jlong writerIdHi,
                                    jlong writerIdLo, jlong instanceIdHi, jlong instanceIdLo, jint failsAt,
                                    jint failure, jboolean hangs, jobjectArray description) {
  jni::guardedVoid(env, [&] {
    std::optional<vss4j::WString> writerName = jni::toWString(env, name, "writer name");
    if (!writerName) return;
    vss4j::WriterMetadata described;
    if (description != nullptr && !jni::getWriterDescription(env, description, described)) return;
    if (failsAt < 0 || failsAt > static_cast<jint>(sim::kLastWriterPhase)) {
      jni::throwIllegalArgument(env, "vss4j: writer phase number " + std::to_string(failsAt) + " is out of range");
      return;
    }
    onMachine(env, handle, [&](sim::Machine& machine) {
      sim::WriterSpec spec;
      spec.name = *writerName;
      spec.writerId = jni::guidOf(writerIdHi, writerIdLo);
      spec.instanceId = jni::guidOf(instanceIdHi, instanceIdLo);
      spec.failsAt = static_cast<sim::WriterPhase>(failsAt);
      spec.failure = failure;
      spec.hangs = hangs == JNI_TRUE;
      spec.restoreMethod = std::move(described.restoreMethod);
      spec.backupSchema = described.backupSchema;
      spec.excludeFiles = std::move(described.excludeFiles);
      spec.components = std::move(described.components);
      machine.addWriter(spec);
    });
  });
}

VSS4J_JNI(void, simulatorAddFault)(JNIEnv* env, jclass, jlong handle, jint operation, jint hresult,
                                   jboolean throughQueryStatus, jint firstAttempt, jint attempts) {
  jni::guardedVoid(env, [&] {
    std::optional<vss4j::Operation> op = operationOrThrow(env, operation);
    if (!op) return;
    onMachine(env, handle, [&](sim::Machine& machine) {
      sim::FaultSpec spec;
      spec.operation = *op;
      spec.result = hresult;
      spec.throughQueryStatus = throughQueryStatus == JNI_TRUE;
      spec.firstAttempt = firstAttempt;
      spec.attempts = attempts;
      machine.addFault(spec);
    });
  });
}

VSS4J_JNI(void, simulatorSetDuration)(JNIEnv* env, jclass, jlong handle, jint operation, jlong nanos) {
  jni::guardedVoid(env, [&] {
    std::optional<vss4j::Operation> op = operationOrThrow(env, operation);
    if (!op) return;
    onMachine(env, handle, [&](sim::Machine& machine) { machine.setDuration(*op, std::chrono::nanoseconds(nanos)); });
  });
}

VSS4J_JNI(void, simulatorSetWriterTimeout)(JNIEnv* env, jclass, jlong handle, jlong nanos) {
  jni::guardedVoid(env, [&] {
    onMachine(env, handle, [&](sim::Machine& machine) { machine.setWriterTimeout(std::chrono::nanoseconds(nanos)); });
  });
}

VSS4J_JNI(void, simulatorSetWaitTimeoutResult)(JNIEnv* env, jclass, jlong handle, jint hresult) {
  jni::guardedVoid(env, [&] {
    onMachine(env, handle, [&](sim::Machine& machine) { machine.setWaitTimeoutResult(hresult); });
  });
}

VSS4J_JNI(void, simulatorSetWriterFailureFailsSnapshotSet)(JNIEnv* env, jclass, jlong handle, jboolean fails) {
  jni::guardedVoid(env, [&] {
    onMachine(env, handle, [&](sim::Machine& machine) { machine.setWriterFailureFailsSnapshotSet(fails == JNI_TRUE); });
  });
}

VSS4J_JNI(jlong, simulatorLiveObjects)(JNIEnv* env, jclass, jlong handle) {
  return jni::guarded(env, jlong{0}, [&]() -> jlong {
    jlong live = -1;
    onMachine(env, handle, [&](sim::Machine& machine) { live = machine.liveObjects(); });
    return live;
  });
}

VSS4J_JNI(jintArray, simulatorCallLog)(JNIEnv* env, jclass, jlong handle) {
  return jni::guarded(env, jintArray{nullptr}, [&]() -> jintArray {
    std::shared_ptr<sim::Machine> machine = machineOrThrow(env, handle);
    if (!machine) return nullptr;
    const std::vector<vss4j::Operation> calls = machine->callLog();
    std::vector<jint> numbers;
    numbers.reserve(calls.size());
    for (vss4j::Operation call : calls) numbers.push_back(static_cast<jint>(call));
    jintArray result = env->NewIntArray(static_cast<jsize>(numbers.size()));
    if (result != nullptr) env->SetIntArrayRegion(result, 0, static_cast<jsize>(numbers.size()), numbers.data());
    return result;
  });
}

VSS4J_JNI(void, simulatorExistingSnapshots)(JNIEnv* env, jclass, jlong handle, jobjectArray out) {
  jni::guardedVoid(env, [&] {
    std::shared_ptr<sim::Machine> machine = machineOrThrow(env, handle);
    if (machine) jni::putSnapshots(env, out, machine->existingSnapshots());
  });
}

VSS4J_JNI(void, backendRelease)(JNIEnv* env, jclass, jlong handle) {
  jni::guardedVoid(env, [&] { jni::backends().remove(handle); });
}
