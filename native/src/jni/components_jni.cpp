// NativeBridge's IVssBackupComponents entry points: look the handle up, run the call on the object's own
// thread, copy the results out on this (Java) thread, return the HRESULT for Java to translate. Each entry is one
// jni::guarded(); the helpers below run inside it and let C++ exceptions through to it.
#include <jni.h>

#include <optional>
#include <string>
#include <vector>

#include "core/session.h"
#include "generated/rows.h"
#include "io_github_vss4j_internal_NativeBridge.h"
#include "jni/completions.h"
#include "jni/handles.h"
#include "jni/jni_util.h"
#include "jni/marshal.h"
#include "jni/session_calls.h"

using vss4j::BackupComponents;
using vss4j::Guid;
using vss4j::hresult;
using vss4j::Session;
using vss4j::WString;
namespace jni = vss4j::jni;
using jni::ComponentKey;
using jni::componentKey;
using jni::componentEntry;
using jni::onSession;
using jni::sessionEntry;
using jni::startAsyncEntry;

namespace {

// Runs body(BackupComponents&, Guid& id) on the object thread; on success the id goes to out[0..1], whose length
// the caller has checked first.
template <typename F>
jint withIdOut(JNIEnv* env, jlong handle, jlongArray out, F&& body) {
  Guid id;
  const jint hr = onSession(env, handle, [&](BackupComponents& c) { return body(c, id); });
  if (!env->ExceptionCheck() && vss4j::succeeded(hr)) jni::putGuid(env, out, 0, id);
  return hr;
}

// The entry of a call that fills a list on the object thread, then copies the list out on this thread.
template <typename Row, typename Put>
jint listEntry(JNIEnv* env, jlong handle, hresult (BackupComponents::*get)(std::vector<Row>&), Put&& put) {
  return jni::guarded(env, jint{0}, [&]() -> jint {
    std::vector<Row> rows;
    const jint hr = onSession(env, handle, [&](BackupComponents& c) { return (c.*get)(rows); });
    if (env->ExceptionCheck() || vss4j::failed(hr)) return hr;
    return put(rows) ? hr : 0;
  });
}

}  // namespace

VSS4J_JNI(jint, create)(JNIEnv* env, jclass, jlong backendHandle, jlongArray out) {
  return jni::guarded(env, jint{0}, [&]() -> jint {
    if (!jni::checkLength(env, out, 1, "handle holder")) return 0;
    std::shared_ptr<vss4j::Backend> backend = jni::backendOrThrow(env, backendHandle);
    if (!backend) return 0;
    std::shared_ptr<Session> session;
    const hresult hr = Session::open(backend, jni::completionQueue(), session);
    if (vss4j::failed(hr)) return hr;
    const jlong handle = jni::sessions().add(std::move(session));
    env->SetLongArrayRegion(out, 0, 1, &handle);
    return hr;
  });
}

VSS4J_JNI(void, release)(JNIEnv* env, jclass, jlong handle) {
  jni::guardedVoid(env, [&] {
    std::shared_ptr<Session> session = jni::sessions().remove(handle);
    if (session) session->close();  // none: released already, harmless by contract
  });
}

VSS4J_JNI(jint, initializeForBackup)(JNIEnv* env, jclass, jlong handle, jstring xml) {
  return jni::guarded(env, jint{0}, [&]() -> jint {
    std::optional<WString> document;
    if (xml != nullptr) {
      document = jni::toWString(env, xml, "xml");
      if (!document) return 0;
    }
    return onSession(env, handle, [&](BackupComponents& c) {
      return c.initializeForBackup(document ? &*document : nullptr);
    });
  });
}

VSS4J_JNI(jint, setContext)(JNIEnv* env, jclass, jlong handle, jint context) {
  return sessionEntry(env, handle, [&](BackupComponents& c) { return c.setContext(context); });
}

VSS4J_JNI(jint, setBackupState)(JNIEnv* env, jclass, jlong handle, jboolean selectComponents,
                                jboolean bootableSystemState, jint backupType, jboolean partialFileSupport) {
  return sessionEntry(env, handle, [&](BackupComponents& c) {
    return c.setBackupState(selectComponents == JNI_TRUE, bootableSystemState == JNI_TRUE, backupType,
                            partialFileSupport == JNI_TRUE);
  });
}

namespace {

// Ids cross JNI as hi, lo pairs in one long[].
std::optional<std::vector<Guid>> guidsOf(JNIEnv* env, jlongArray pairs) {
  if (pairs == nullptr) {
    jni::throwNullPointer(env, "vss4j: the writer ids are null");
    return std::nullopt;
  }
  const jsize length = env->GetArrayLength(pairs);
  if (length % 2 != 0) {
    jni::throwIllegalArgument(env, "vss4j: writer ids come as pairs of longs");
    return std::nullopt;
  }
  std::vector<jlong> values(static_cast<std::size_t>(length));
  env->GetLongArrayRegion(pairs, 0, length, values.data());
  std::vector<Guid> ids;
  for (std::size_t i = 0; i + 1 < values.size(); i += 2) ids.push_back(jni::guidOf(values[i], values[i + 1]));
  return ids;
}

// The entry of a call that takes writer ids.
jint selectWritersEntry(JNIEnv* env, jlong handle, jlongArray pairs,
                        hresult (BackupComponents::*select)(const std::vector<Guid>&)) {
  return jni::guarded(env, jint{0}, [&]() -> jint {
    std::optional<std::vector<Guid>> ids = guidsOf(env, pairs);
    if (!ids) return 0;
    return onSession(env, handle, [&](BackupComponents& c) { return (c.*select)(*ids); });
  });
}

}  // namespace

VSS4J_JNI(jint, disableWriterClasses)(JNIEnv* env, jclass, jlong handle, jlongArray writerClassIds) {
  return selectWritersEntry(env, handle, writerClassIds, &BackupComponents::disableWriterClasses);
}

VSS4J_JNI(jint, enableWriterClasses)(JNIEnv* env, jclass, jlong handle, jlongArray writerClassIds) {
  return selectWritersEntry(env, handle, writerClassIds, &BackupComponents::enableWriterClasses);
}

VSS4J_JNI(jint, disableWriterInstances)(JNIEnv* env, jclass, jlong handle, jlongArray writerInstanceIds) {
  return selectWritersEntry(env, handle, writerInstanceIds, &BackupComponents::disableWriterInstances);
}

VSS4J_JNI(jint, gatherWriterMetadata)(JNIEnv* env, jclass, jlong handle, jlong token, jlongArray out) {
  return startAsyncEntry(env, handle, token, out, &BackupComponents::gatherWriterMetadata);
}

VSS4J_JNI(jint, getWriterMetadata)(JNIEnv* env, jclass, jlong handle, jobjectArray out) {
  return listEntry(env, handle, &BackupComponents::getWriterMetadata,
                   [&](const auto& rows) { return jni::putWriterMetadata(env, out, rows); });
}

VSS4J_JNI(jint, freeWriterMetadata)(JNIEnv* env, jclass, jlong handle) {
  return sessionEntry(env, handle, [&](BackupComponents& c) { return c.freeWriterMetadata(); });
}

VSS4J_JNI(jint, startSnapshotSet)(JNIEnv* env, jclass, jlong handle, jlongArray out) {
  return jni::guarded(env, jint{0}, [&]() -> jint {
    if (!jni::checkLength(env, out, 2, "id holder")) return 0;
    return withIdOut(env, handle, out, [](BackupComponents& c, Guid& id) { return c.startSnapshotSet(id); });
  });
}

VSS4J_JNI(jint, addToSnapshotSet)(JNIEnv* env, jclass, jlong handle, jstring volume, jlong providerHi,
                                  jlong providerLo, jlongArray out) {
  return jni::guarded(env, jint{0}, [&]() -> jint {
    if (!jni::checkLength(env, out, 2, "id holder")) return 0;
    std::optional<WString> name = jni::toWString(env, volume, "volume");
    if (!name) return 0;
    const Guid provider = jni::guidOf(providerHi, providerLo);
    return withIdOut(env, handle, out,
                     [&](BackupComponents& c, Guid& id) { return c.addToSnapshotSet(*name, provider, id); });
  });
}

VSS4J_JNI(jint, isVolumeSupported)(JNIEnv* env, jclass, jlong handle, jstring volume, jlong providerHi,
                                   jlong providerLo, jintArray out) {
  return jni::guarded(env, jint{0}, [&]() -> jint {
    if (!jni::checkLength(env, out, 1, "result holder")) return 0;
    std::optional<WString> name = jni::toWString(env, volume, "volume");
    if (!name) return 0;
    const Guid provider = jni::guidOf(providerHi, providerLo);
    bool supported = false;
    const jint hr =
        onSession(env, handle, [&](BackupComponents& c) { return c.isVolumeSupported(provider, *name, supported); });
    if (!env->ExceptionCheck() && vss4j::succeeded(hr)) {
      const jint value = supported ? 1 : 0;
      env->SetIntArrayRegion(out, 0, 1, &value);
    }
    return hr;
  });
}

VSS4J_JNI(jint, prepareForBackup)(JNIEnv* env, jclass, jlong handle, jlong token, jlongArray out) {
  return startAsyncEntry(env, handle, token, out, &BackupComponents::prepareForBackup);
}

VSS4J_JNI(jint, doSnapshotSet)(JNIEnv* env, jclass, jlong handle, jlong token, jlongArray out) {
  return startAsyncEntry(env, handle, token, out, &BackupComponents::doSnapshotSet);
}

VSS4J_JNI(jint, gatherWriterStatus)(JNIEnv* env, jclass, jlong handle, jlong token, jlongArray out) {
  return startAsyncEntry(env, handle, token, out, &BackupComponents::gatherWriterStatus);
}

VSS4J_JNI(jint, getWriterStatus)(JNIEnv* env, jclass, jlong handle, jobjectArray out) {
  return listEntry(env, handle, &BackupComponents::getWriterStatus,
                   [&](const auto& rows) { return jni::putWriterStatus(env, out, rows); });
}

VSS4J_JNI(jint, getSnapshotProperties)(JNIEnv* env, jclass, jlong handle, jlong idHi, jlong idLo, jlongArray longs,
                                       jobjectArray strings) {
  return jni::guarded(env, jint{0}, [&]() -> jint {
    if (!jni::checkLength(env, longs, vss4j::rows::SnapshotLongs::kCount, "snapshot longs") ||
        !jni::checkLength(env, strings, vss4j::rows::SnapshotStrings::kCount, "snapshot strings")) {
      return 0;
    }
    const Guid id = jni::guidOf(idHi, idLo);
    vss4j::SnapshotProperties properties;
    const jint hr =
        onSession(env, handle, [&](BackupComponents& c) { return c.getSnapshotProperties(id, properties); });
    if (env->ExceptionCheck() || vss4j::failed(hr)) return hr;
    return jni::putSnapshot(env, longs, strings, 0, properties) ? hr : 0;
  });
}

VSS4J_JNI(jint, setBackupSucceeded)(JNIEnv* env, jclass, jlong handle, jlong instanceHi, jlong instanceLo,
                                    jlong writerHi, jlong writerLo, jint componentType, jstring logicalPath,
                                    jstring componentName, jboolean succeeded) {
  return jni::guarded(env, jint{0}, [&]() -> jint {
    const std::optional<ComponentKey> key = componentKey(env, logicalPath, componentName);
    if (!key) return 0;
    const Guid instance = jni::guidOf(instanceHi, instanceLo);
    const Guid writer = jni::guidOf(writerHi, writerLo);
    return onSession(env, handle, [&](BackupComponents& c) {
      return c.setBackupSucceeded(instance, writer, componentType, key->pathOrNull(), key->name,
                                  succeeded == JNI_TRUE);
    });
  });
}

VSS4J_JNI(jint, addComponent)(JNIEnv* env, jclass, jlong handle, jlong instanceHi, jlong instanceLo, jlong writerHi,
                              jlong writerLo, jint componentType, jstring logicalPath, jstring componentName) {
  return jni::guarded(env, jint{0}, [&]() -> jint {
    const std::optional<ComponentKey> key = componentKey(env, logicalPath, componentName);
    if (!key) return 0;
    const Guid instance = jni::guidOf(instanceHi, instanceLo);
    const Guid writer = jni::guidOf(writerHi, writerLo);
    return onSession(env, handle, [&](BackupComponents& c) {
      return c.addComponent(instance, writer, componentType, key->pathOrNull(), key->name);
    });
  });
}

VSS4J_JNI(jint, setBackupOptions)(JNIEnv* env, jclass, jlong handle, jlong writerHi, jlong writerLo,
                                  jint componentType, jstring logicalPath, jstring componentName, jstring options) {
  return componentEntry<1>(env, handle, writerHi, writerLo, logicalPath, componentName, {options}, {"options"},
                           [&](BackupComponents& c, const Guid& writer, const WString* path, const WString& name,
                               const auto& texts) {
                             return c.setBackupOptions(writer, componentType, path, name, texts[0]);
                           });
}

VSS4J_JNI(jint, setPreviousBackupStamp)(JNIEnv* env, jclass, jlong handle, jlong writerHi, jlong writerLo,
                                        jint componentType, jstring logicalPath, jstring componentName,
                                        jstring stamp) {
  return componentEntry<1>(env, handle, writerHi, writerLo, logicalPath, componentName, {stamp},
                           {"previousBackupStamp"},
                           [&](BackupComponents& c, const Guid& writer, const WString* path, const WString& name,
                               const auto& texts) {
                             return c.setPreviousBackupStamp(writer, componentType, path, name, texts[0]);
                           });
}

VSS4J_JNI(jint, getWriterComponents)(JNIEnv* env, jclass, jlong handle, jobjectArray out) {
  return listEntry(env, handle, &BackupComponents::getWriterComponents,
                   [&](const auto& rows) { return jni::putRecordedComponents(env, out, rows); });
}

VSS4J_JNI(jint, saveAsXml)(JNIEnv* env, jclass, jlong handle, jobjectArray out) {
  return jni::guarded(env, jint{0}, [&]() -> jint {
    if (!jni::checkLength(env, out, 1, "document holder")) return 0;
    WString document;
    const jint hr = onSession(env, handle, [&](BackupComponents& c) { return c.saveAsXml(document); });
    if (env->ExceptionCheck() || vss4j::failed(hr)) return hr;
    jni::LocalRef<jstring> text(env, jni::toJString(env, document));
    if (text.get() == nullptr) return 0;
    env->SetObjectArrayElement(out, 0, text.get());
    return env->ExceptionCheck() ? 0 : hr;
  });
}

VSS4J_JNI(jint, backupComplete)(JNIEnv* env, jclass, jlong handle, jlong token, jlongArray out) {
  return startAsyncEntry(env, handle, token, out, &BackupComponents::backupComplete);
}

VSS4J_JNI(jint, abortBackup)(JNIEnv* env, jclass, jlong handle) {
  return sessionEntry(env, handle, [&](BackupComponents& c) { return c.abortBackup(); });
}

VSS4J_JNI(jint, query)(JNIEnv* env, jclass, jlong handle, jobjectArray out) {
  return listEntry(env, handle, &BackupComponents::query,
                   [&](const auto& rows) { return jni::putSnapshots(env, out, rows); });
}

VSS4J_JNI(jint, queryProviders)(JNIEnv* env, jclass, jlong handle, jobjectArray out) {
  return listEntry(env, handle, &BackupComponents::queryProviders,
                   [&](const auto& rows) { return jni::putProviders(env, out, rows); });
}

VSS4J_JNI(jint, deleteSnapshots)(JNIEnv* env, jclass, jlong handle, jlong idHi, jlong idLo, jint objectType,
                                 jboolean forceDelete, jlongArray out) {
  return jni::guarded(env, jint{0}, [&]() -> jint {
    if (!jni::checkLength(env, out, 3, "result holder")) return 0;
    const Guid id = jni::guidOf(idHi, idLo);
    std::int32_t deleted = 0;
    Guid nonDeleted;
    const jint hr = onSession(env, handle, [&](BackupComponents& c) {
      return c.deleteSnapshots(id, objectType, forceDelete == JNI_TRUE, deleted, nonDeleted);
    });
    if (env->ExceptionCheck()) return hr;
    const jlong count = deleted;
    env->SetLongArrayRegion(out, 0, 1, &count);
    jni::putGuid(env, out, 1, nonDeleted);
    return hr;
  });
}
