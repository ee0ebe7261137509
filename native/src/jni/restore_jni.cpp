// NativeBridge's entry points for the restore calls of IVssBackupComponents, as components_jni.cpp's: decode on
// this (Java) thread, run on the object's own thread, return the HRESULT for Java to translate.
#include <jni.h>

#include <optional>

#include "io_github_vss4j_internal_NativeBridge.h"
#include "jni/jni_util.h"
#include "jni/session_calls.h"

using vss4j::BackupComponents;
using vss4j::Guid;
using vss4j::WString;
namespace jni = vss4j::jni;
using jni::componentEntry;

namespace {

using NoTexts = std::array<jstring, 0>;
using NoNames = std::array<const char*, 0>;

}  // namespace

VSS4J_JNI(jint, initializeForRestore)(JNIEnv* env, jclass, jlong handle, jstring xml) {
  return jni::guarded(env, jint{0}, [&]() -> jint {
    std::optional<WString> document = jni::toWString(env, xml, "xml");
    if (!document) return 0;
    return jni::onSession(env, handle, [&](BackupComponents& c) { return c.initializeForRestore(*document); });
  });
}

VSS4J_JNI(jint, setRestoreState)(JNIEnv* env, jclass, jlong handle, jint restoreType) {
  return jni::sessionEntry(env, handle, [&](BackupComponents& c) { return c.setRestoreState(restoreType); });
}

VSS4J_JNI(jint, setSelectedForRestore)(JNIEnv* env, jclass, jlong handle, jlong instanceHi, jlong instanceLo,
                                       jlong writerHi, jlong writerLo, jint componentType, jstring logicalPath,
                                       jstring componentName, jboolean selected) {
  const Guid instance = jni::guidOf(instanceHi, instanceLo);
  return componentEntry<0>(env, handle, writerHi, writerLo, logicalPath, componentName, NoTexts{}, NoNames{},
                           [&](BackupComponents& c, const Guid& writer, const WString* path, const WString& name,
                               const auto&) {
                             return c.setSelectedForRestore(instance, writer, componentType, path, name,
                                                            selected == JNI_TRUE);
                           });
}

VSS4J_JNI(jint, setAdditionalRestores)(JNIEnv* env, jclass, jlong handle, jlong writerHi, jlong writerLo,
                                       jint componentType, jstring logicalPath, jstring componentName,
                                       jboolean additionalRestores) {
  return componentEntry<0>(env, handle, writerHi, writerLo, logicalPath, componentName, NoTexts{}, NoNames{},
                           [&](BackupComponents& c, const Guid& writer, const WString* path, const WString& name,
                               const auto&) {
                             return c.setAdditionalRestores(writer, componentType, path, name,
                                                            additionalRestores == JNI_TRUE);
                           });
}

VSS4J_JNI(jint, setRestoreOptions)(JNIEnv* env, jclass, jlong handle, jlong writerHi, jlong writerLo,
                                   jint componentType, jstring logicalPath, jstring componentName, jstring options) {
  return componentEntry<1>(env, handle, writerHi, writerLo, logicalPath, componentName, {options}, {"options"},
                           [&](BackupComponents& c, const Guid& writer, const WString* path, const WString& name,
                               const auto& texts) {
                             return c.setRestoreOptions(writer, componentType, path, name, texts[0]);
                           });
}

VSS4J_JNI(jint, addAlternativeLocationMapping)(JNIEnv* env, jclass, jlong handle, jlong writerHi, jlong writerLo,
                                               jint componentType, jstring logicalPath, jstring componentName,
                                               jstring path, jstring filespec, jboolean recursive,
                                               jstring destination) {
  return componentEntry<3>(env, handle, writerHi, writerLo, logicalPath, componentName, {path, filespec, destination},
                           {"path", "filespec", "destination"},
                           [&](BackupComponents& c, const Guid& writer, const WString* logical, const WString& name,
                               const auto& texts) {
                             return c.addAlternativeLocationMapping(writer, componentType, logical, name, texts[0],
                                                                    texts[1], recursive == JNI_TRUE, texts[2]);
                           });
}

VSS4J_JNI(jint, addNewTarget)(JNIEnv* env, jclass, jlong handle, jlong writerHi, jlong writerLo, jint componentType,
                              jstring logicalPath, jstring componentName, jstring path, jstring fileName,
                              jboolean recursive, jstring alternatePath) {
  return componentEntry<3>(env, handle, writerHi, writerLo, logicalPath, componentName, {path, fileName, alternatePath},
                           {"path", "fileName", "alternatePath"},
                           [&](BackupComponents& c, const Guid& writer, const WString* logical, const WString& name,
                               const auto& texts) {
                             return c.addNewTarget(writer, componentType, logical, name, texts[0], texts[1],
                                                   recursive == JNI_TRUE, texts[2]);
                           });
}

VSS4J_JNI(jint, preRestore)(JNIEnv* env, jclass, jlong handle, jlong token, jlongArray out) {
  return jni::startAsyncEntry(env, handle, token, out, &BackupComponents::preRestore);
}

VSS4J_JNI(jint, setFileRestoreStatus)(JNIEnv* env, jclass, jlong handle, jlong writerHi, jlong writerLo,
                                      jint componentType, jstring logicalPath, jstring componentName, jint status) {
  return componentEntry<0>(env, handle, writerHi, writerLo, logicalPath, componentName, NoTexts{}, NoNames{},
                           [&](BackupComponents& c, const Guid& writer, const WString* path, const WString& name,
                               const auto&) {
                             return c.setFileRestoreStatus(writer, componentType, path, name, status);
                           });
}

VSS4J_JNI(jint, postRestore)(JNIEnv* env, jclass, jlong handle, jlong token, jlongArray out) {
  return jni::startAsyncEntry(env, handle, token, out, &BackupComponents::postRestore);
}
