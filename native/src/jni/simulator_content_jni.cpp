// NativeBridge's entry points for the files of a simulated machine's copies (sim/content_copy.h): where a
// volume's tree comes from, where the copies' trees go, and where one copy's tree is.
#include <jni.h>

#include <filesystem>
#include <memory>
#include <optional>

#include "io_github_vss4j_internal_NativeBridge.h"
#include "jni/handles.h"
#include "jni/jni_util.h"
#include "sim/machine.h"

namespace jni = vss4j::jni;
namespace sim = vss4j::sim;

using jni::machineOrThrow;

VSS4J_JNI(void, simulatorSetContentFolder)(JNIEnv* env, jclass, jlong handle, jstring folder) {
  jni::guardedVoid(env, [&] {
    std::optional<vss4j::WString> path = jni::toWString(env, folder, "folder");
    if (!path) return;
    if (std::shared_ptr<sim::Machine> machine = machineOrThrow(env, handle)) {
      machine->setContentFolder(std::filesystem::path(*path));
    }
  });
}

VSS4J_JNI(jboolean, simulatorSetVolumeContent)(JNIEnv* env, jclass, jlong handle, jstring volume, jstring folder) {
  return jni::guarded(env, jboolean{JNI_FALSE}, [&]() -> jboolean {
    std::optional<vss4j::WString> name = jni::toWString(env, volume, "volume");
    if (!name) return JNI_FALSE;
    std::optional<vss4j::WString> path = jni::toWString(env, folder, "folder");
    if (!path) return JNI_FALSE;
    std::shared_ptr<sim::Machine> machine = machineOrThrow(env, handle);
    if (!machine) return JNI_FALSE;
    return machine->setVolumeContent(*name, std::filesystem::path(*path)) ? JNI_TRUE : JNI_FALSE;
  });
}

VSS4J_JNI(jint, simulatorCopyFiles)(JNIEnv* env, jclass, jlong handle, jstring deviceObject, jobjectArray out) {
  return jni::guarded(env, jint{0}, [&]() -> jint {
    std::optional<vss4j::WString> device = jni::toWString(env, deviceObject, "deviceObject");
    if (!device) return 0;
    std::shared_ptr<sim::Machine> machine = machineOrThrow(env, handle);
    if (!machine) return 0;
    const sim::CopyFiles files = machine->copyFiles(*device);
    if (files.kind == sim::CopyFiles::Kind::UnknownCopy) return 0;
    jstring volume = jni::toJString(env, files.volume);
    if (volume == nullptr) return 0;
    env->SetObjectArrayElement(out, 0, volume);
    if (files.kind == sim::CopyFiles::Kind::NoContent) return 1;
    jstring folder = jni::toJString(env, files.folder.u16string());
    if (folder == nullptr) return 0;
    env->SetObjectArrayElement(out, 1, folder);
    return 2;
  });
}
