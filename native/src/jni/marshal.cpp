#include "jni/marshal.h"

#include <optional>
#include <string>

#include "io_github_vss4j_internal_NativeBridge.h"
#include "jni/jni_util.h"

namespace vss4j::jni {
namespace {

constexpr jsize kSnapshotLongs = io_github_vss4j_internal_NativeBridge_SNAPSHOT_LONGS;
constexpr jsize kSnapshotStrings = io_github_vss4j_internal_NativeBridge_SNAPSHOT_STRINGS;
constexpr jsize kWriterStatusLongs = io_github_vss4j_internal_NativeBridge_WRITER_STATUS_LONGS;
constexpr jsize kWriterMetadataLongs = io_github_vss4j_internal_NativeBridge_WRITER_METADATA_LONGS;

bool putString(JNIEnv* env, jobjectArray strings, jsize index, const WString& text) {
  LocalRef<jstring> value(env, toJString(env, text));
  if (value.get() == nullptr) return false;
  env->SetObjectArrayElement(strings, index, value.get());
  return !env->ExceptionCheck();
}

// Makes out[0] a long[rows * longsPer] and out[1] a String[rows * stringsPer], fills them row by row.
template <typename Row, typename Fill>
bool putRows(JNIEnv* env, jobjectArray out, const std::vector<Row>& rows, jsize longsPer, jsize stringsPer,
             Fill fill) {
  if (!checkLength(env, out, 2, "result holder")) return false;
  const auto count = static_cast<jsize>(rows.size());
  LocalRef<jlongArray> longs(env, env->NewLongArray(count * longsPer));
  if (longs.get() == nullptr) return false;
  LocalRef<jobjectArray> strings(env, env->NewObjectArray(count * stringsPer, classes().string, nullptr));
  if (strings.get() == nullptr) return false;
  for (jsize i = 0; i < count; ++i) {
    if (!fill(longs.get(), strings.get(), i, rows[static_cast<std::size_t>(i)])) return false;
  }
  env->SetObjectArrayElement(out, 0, longs.get());
  env->SetObjectArrayElement(out, 1, strings.get());
  return !env->ExceptionCheck();
}

}  // namespace

bool checkLength(JNIEnv* env, jarray array, jsize length, const char* what) {
  if (array == nullptr) {
    throwNullPointer(env, std::string("vss4j: ") + what + " is null");
    return false;
  }
  if (env->GetArrayLength(array) < length) {
    throwIllegalArgument(env, std::string("vss4j: ") + what + " needs " + std::to_string(length) + " elements");
    return false;
  }
  return true;
}

Guid guidOf(jlong hi, jlong lo) { return Guid{static_cast<std::uint64_t>(hi), static_cast<std::uint64_t>(lo)}; }

bool putGuid(JNIEnv* env, jlongArray out, jsize index, const Guid& guid) {
  const jlong values[2] = {static_cast<jlong>(guid.hi), static_cast<jlong>(guid.lo)};
  env->SetLongArrayRegion(out, index, 2, values);
  return !env->ExceptionCheck();
}

bool putSnapshot(JNIEnv* env, jlongArray longs, jobjectArray strings, jsize row, const SnapshotProperties& p) {
  const jsize l = row * kSnapshotLongs;
  const jlong values[kSnapshotLongs] = {
      static_cast<jlong>(p.snapshotId.hi),    static_cast<jlong>(p.snapshotId.lo),
      static_cast<jlong>(p.snapshotSetId.hi), static_cast<jlong>(p.snapshotSetId.lo),
      static_cast<jlong>(p.providerId.hi),    static_cast<jlong>(p.providerId.lo),
      p.snapshotsCount,                       p.snapshotAttributes,
      p.creationTimestamp,                    p.status};
  env->SetLongArrayRegion(longs, l, kSnapshotLongs, values);
  if (env->ExceptionCheck()) return false;
  const jsize s = row * kSnapshotStrings;
  return putString(env, strings, s, p.snapshotDeviceObject) && putString(env, strings, s + 1, p.originalVolumeName) &&
         putString(env, strings, s + 2, p.originatingMachine) && putString(env, strings, s + 3, p.serviceMachine) &&
         putString(env, strings, s + 4, p.exposedName) && putString(env, strings, s + 5, p.exposedPath);
}

bool getSnapshot(JNIEnv* env, jlongArray longs, jobjectArray strings, SnapshotProperties& p) {
  if (!checkLength(env, longs, kSnapshotLongs, "snapshot numbers") ||
      !checkLength(env, strings, kSnapshotStrings, "snapshot strings")) {
    return false;
  }
  jlong values[kSnapshotLongs] = {};
  env->GetLongArrayRegion(longs, 0, kSnapshotLongs, values);
  if (env->ExceptionCheck()) return false;
  p.snapshotId = guidOf(values[0], values[1]);
  p.snapshotSetId = guidOf(values[2], values[3]);
  p.providerId = guidOf(values[4], values[5]);
  p.snapshotsCount = static_cast<std::int32_t>(values[6]);
  p.snapshotAttributes = static_cast<std::int32_t>(values[7]);
  p.creationTimestamp = values[8];
  p.status = static_cast<std::int32_t>(values[9]);
  WString* targets[kSnapshotStrings] = {&p.snapshotDeviceObject, &p.originalVolumeName, &p.originatingMachine,
                                        &p.serviceMachine,       &p.exposedName,        &p.exposedPath};
  for (jsize i = 0; i < kSnapshotStrings; ++i) {
    LocalRef<jstring> text(env, static_cast<jstring>(env->GetObjectArrayElement(strings, i)));
    if (env->ExceptionCheck()) return false;
    std::optional<WString> value = toWString(env, text.get(), "snapshot string");
    if (!value) return false;
    *targets[i] = std::move(*value);
  }
  return true;
}

bool putSnapshots(JNIEnv* env, jobjectArray out, const std::vector<SnapshotProperties>& snapshots) {
  return putRows(env, out, snapshots, kSnapshotLongs, kSnapshotStrings,
                 [env](jlongArray longs, jobjectArray strings, jsize row, const SnapshotProperties& p) {
                   return putSnapshot(env, longs, strings, row, p);
                 });
}

// WriterStatus and WriterMetadata share a layout: two ids, two numbers, the writer's name.
template <typename Writer>
bool putWriterRows(JNIEnv* env, jobjectArray out, const std::vector<Writer>& writers, std::int32_t Writer::*first,
                   std::int32_t Writer::*second) {
  static_assert(kWriterStatusLongs == kWriterMetadataLongs, "one layout for both kinds of writer row");
  return putRows(env, out, writers, kWriterStatusLongs, 1,
                 [&](jlongArray longs, jobjectArray strings, jsize row, const Writer& w) {
                   const jlong values[kWriterStatusLongs] = {
                       static_cast<jlong>(w.instanceId.hi), static_cast<jlong>(w.instanceId.lo),
                       static_cast<jlong>(w.writerId.hi),   static_cast<jlong>(w.writerId.lo),
                       w.*first,                            w.*second};
                   env->SetLongArrayRegion(longs, row * kWriterStatusLongs, kWriterStatusLongs, values);
                   return !env->ExceptionCheck() && putString(env, strings, row, w.writerName);
                 });
}

bool putWriterStatus(JNIEnv* env, jobjectArray out, const std::vector<WriterStatus>& writers) {
  return putWriterRows(env, out, writers, &WriterStatus::state, &WriterStatus::failure);
}

bool putWriterMetadata(JNIEnv* env, jobjectArray out, const std::vector<WriterMetadata>& writers) {
  return putWriterRows(env, out, writers, &WriterMetadata::usageType, &WriterMetadata::sourceType);
}

}  // namespace vss4j::jni
