#include "jni/marshal.h"

#include <optional>
#include <string>

#include "generated/rows.h"
#include "jni/jni_util.h"

namespace vss4j::jni {
namespace {

using SnapshotLongs = rows::SnapshotLongs;
using SnapshotStrings = rows::SnapshotStrings;
using WriterStatusLongs = rows::WriterStatusLongs;
using WriterMetadataLongs = rows::WriterMetadataLongs;
constexpr jsize kSnapshotLongs = SnapshotLongs::kCount;
constexpr jsize kSnapshotStrings = SnapshotStrings::kCount;

void setGuid(jlong* values, int index, const Guid& guid) {
  values[index] = static_cast<jlong>(guid.hi);
  values[index + 1] = static_cast<jlong>(guid.lo);
}

Guid guidAt(const jlong* values, int index) { return guidOf(values[index], values[index + 1]); }

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
  jlong values[kSnapshotLongs] = {};
  setGuid(values, SnapshotLongs::kSnapshotId, p.snapshotId);
  setGuid(values, SnapshotLongs::kSnapshotSetId, p.snapshotSetId);
  setGuid(values, SnapshotLongs::kProviderId, p.providerId);
  values[SnapshotLongs::kSnapshotsCount] = p.snapshotsCount;
  values[SnapshotLongs::kSnapshotAttributes] = p.snapshotAttributes;
  values[SnapshotLongs::kCreationTimestamp] = p.creationTimestamp;
  values[SnapshotLongs::kStatus] = p.status;
  env->SetLongArrayRegion(longs, row * kSnapshotLongs, kSnapshotLongs, values);
  if (env->ExceptionCheck()) return false;
  const jsize s = row * kSnapshotStrings;
  return putString(env, strings, s + SnapshotStrings::kSnapshotDeviceObject, p.snapshotDeviceObject) &&
         putString(env, strings, s + SnapshotStrings::kOriginalVolumeName, p.originalVolumeName) &&
         putString(env, strings, s + SnapshotStrings::kOriginatingMachine, p.originatingMachine) &&
         putString(env, strings, s + SnapshotStrings::kServiceMachine, p.serviceMachine) &&
         putString(env, strings, s + SnapshotStrings::kExposedName, p.exposedName) &&
         putString(env, strings, s + SnapshotStrings::kExposedPath, p.exposedPath);
}

bool getSnapshot(JNIEnv* env, jlongArray longs, jobjectArray strings, SnapshotProperties& p) {
  if (!checkLength(env, longs, kSnapshotLongs, "snapshot numbers") ||
      !checkLength(env, strings, kSnapshotStrings, "snapshot strings")) {
    return false;
  }
  jlong values[kSnapshotLongs] = {};
  env->GetLongArrayRegion(longs, 0, kSnapshotLongs, values);
  if (env->ExceptionCheck()) return false;
  p.snapshotId = guidAt(values, SnapshotLongs::kSnapshotId);
  p.snapshotSetId = guidAt(values, SnapshotLongs::kSnapshotSetId);
  p.providerId = guidAt(values, SnapshotLongs::kProviderId);
  p.snapshotsCount = static_cast<std::int32_t>(values[SnapshotLongs::kSnapshotsCount]);
  p.snapshotAttributes = static_cast<std::int32_t>(values[SnapshotLongs::kSnapshotAttributes]);
  p.creationTimestamp = values[SnapshotLongs::kCreationTimestamp];
  p.status = static_cast<std::int32_t>(values[SnapshotLongs::kStatus]);
  WString* targets[kSnapshotStrings] = {};
  targets[SnapshotStrings::kSnapshotDeviceObject] = &p.snapshotDeviceObject;
  targets[SnapshotStrings::kOriginalVolumeName] = &p.originalVolumeName;
  targets[SnapshotStrings::kOriginatingMachine] = &p.originatingMachine;
  targets[SnapshotStrings::kServiceMachine] = &p.serviceMachine;
  targets[SnapshotStrings::kExposedName] = &p.exposedName;
  targets[SnapshotStrings::kExposedPath] = &p.exposedPath;
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

// WriterStatus and WriterMetadata rows: two ids, two numbers, the writer's name; `Longs`/`Strings` say where.
template <typename Longs, typename Strings, typename Writer>
bool putWriterRows(JNIEnv* env, jobjectArray out, const std::vector<Writer>& writers, std::int32_t Writer::*first,
                   int firstIndex, std::int32_t Writer::*second, int secondIndex) {
  return putRows(env, out, writers, Longs::kCount, Strings::kCount,
                 [&](jlongArray longs, jobjectArray strings, jsize row, const Writer& w) {
                   jlong values[Longs::kCount] = {};
                   setGuid(values, Longs::kInstanceId, w.instanceId);
                   setGuid(values, Longs::kWriterId, w.writerId);
                   values[firstIndex] = w.*first;
                   values[secondIndex] = w.*second;
                   env->SetLongArrayRegion(longs, row * Longs::kCount, Longs::kCount, values);
                   return !env->ExceptionCheck() &&
                          putString(env, strings, row * Strings::kCount + Strings::kWriterName, w.writerName);
                 });
}

bool putWriterStatus(JNIEnv* env, jobjectArray out, const std::vector<WriterStatus>& writers) {
  return putWriterRows<WriterStatusLongs, rows::WriterStatusStrings>(env, out, writers, &WriterStatus::state,
                                                                     WriterStatusLongs::kState, &WriterStatus::failure,
                                                                     WriterStatusLongs::kFailure);
}

bool putWriterMetadata(JNIEnv* env, jobjectArray out, const std::vector<WriterMetadata>& writers) {
  return putWriterRows<WriterMetadataLongs, rows::WriterMetadataStrings>(
      env, out, writers, &WriterMetadata::usageType, WriterMetadataLongs::kUsageType, &WriterMetadata::sourceType,
      WriterMetadataLongs::kSourceType);
}

}  // namespace vss4j::jni
