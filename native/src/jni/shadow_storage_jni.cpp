// NativeBridge's shadow storage entries: each opens the backend's IVssDifferentialSoftwareSnapshotMgmt, makes one
// call and releases it, on a thread of its own that joins the backend's apartment (COM's MTA on Windows) for the
// call's duration, as every thread the core starts does.
#include <jni.h>

#include <memory>
#include <new>
#include <optional>
#include <thread>
#include <vector>

#include "core/backend.h"
#include "core/own_thread.h"
#include "io_github_vss4j_internal_NativeBridge.h"
#include "jni/handles.h"
#include "jni/jni_util.h"
#include "jni/marshal.h"

namespace jni = vss4j::jni;

namespace {

// Runs call(ShadowStorage&) on a new thread and waits for it; the management object is released there too.
// Exceptions stay on that thread: the result is E_OUTOFMEMORY/E_UNEXPECTED as the backend's own calls answer.
template <typename F>
vss4j::hresult onShadowStorage(vss4j::Backend& backend, F&& call) {
  vss4j::hresult result = vss4j::hr::kUnexpected;
  std::thread worker([&]() noexcept {
    vss4j::OwnThread marked;
    backend.threadStarted();
    try {
      std::unique_ptr<vss4j::ShadowStorage> storage;
      result = backend.openShadowStorage(storage);
      if (vss4j::succeeded(result)) result = storage ? call(*storage) : vss4j::hr::kUnexpected;
    } catch (const std::bad_alloc&) {
      result = vss4j::hr::kOutOfMemory;
    } catch (...) {
      result = vss4j::hr::kUnexpected;
    }
    backend.threadStopping();
  });
  worker.join();
  return result;
}


// AddDiffArea and ChangeDiffAreaMaximumSize take the same arguments and answer only an HRESULT.
using DiffAreaChange = vss4j::hresult (vss4j::ShadowStorage::*)(const vss4j::WString&, const vss4j::WString&,
                                                                 std::int64_t);

jint changeDiffArea(JNIEnv* env, jlong handle, jstring volume, jstring diffAreaVolume, jlong maximumBytes,
                    DiffAreaChange change) {
  return jni::guarded(env, jint{0}, [&]() -> jint {
    std::optional<vss4j::WString> name = jni::toWString(env, volume, "volume name");
    if (!name) return 0;
    std::optional<vss4j::WString> host = jni::toWString(env, diffAreaVolume, "diff area volume name");
    if (!host) return 0;
    std::shared_ptr<vss4j::Backend> backend = jni::backendOrThrow(env, handle);
    if (!backend) return 0;
    return onShadowStorage(*backend, [&](vss4j::ShadowStorage& storage) {
      return (storage.*change)(*name, *host, static_cast<std::int64_t>(maximumBytes));
    });
  });
}

}  // namespace

VSS4J_JNI(jint, shadowStorageQuery)(JNIEnv* env, jclass, jlong handle, jstring volume, jobjectArray out) {
  return jni::guarded(env, jint{0}, [&]() -> jint {
    std::optional<vss4j::WString> name = jni::toWString(env, volume, "volume name");
    if (!name) return 0;
    std::shared_ptr<vss4j::Backend> backend = jni::backendOrThrow(env, handle);
    if (!backend) return 0;
    std::vector<vss4j::DiffArea> areas;
    const vss4j::hresult hr = onShadowStorage(
        *backend, [&](vss4j::ShadowStorage& storage) { return storage.queryDiffAreasForVolume(*name, areas); });
    if (vss4j::succeeded(hr) && !jni::putDiffAreas(env, out, areas)) return 0;
    return hr;
  });
}

VSS4J_JNI(jint, shadowStorageAdd)(JNIEnv* env, jclass, jlong handle, jstring volume, jstring diffAreaVolume,
                                  jlong maximumBytes) {
  return changeDiffArea(env, handle, volume, diffAreaVolume, maximumBytes, &vss4j::ShadowStorage::addDiffArea);
}

VSS4J_JNI(jint, shadowStorageResize)(JNIEnv* env, jclass, jlong handle, jstring volume, jstring diffAreaVolume,
                                     jlong maximumBytes) {
  return changeDiffArea(env, handle, volume, diffAreaVolume, maximumBytes,
                        &vss4j::ShadowStorage::changeDiffAreaMaximumSize);
}
