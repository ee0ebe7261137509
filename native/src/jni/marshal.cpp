#include "jni/marshal.h"

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

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

// The texts a recorded component and a simulated writer's outcome share, to the cells S names in row `row`.
template <typename S, typename Component>
bool putComponentTexts(JNIEnv* env, jobjectArray strings, jsize row, const Component& c) {
  const jsize s = row * S::kCount;
  return putString(env, strings, s + S::kLogicalPath, c.logicalPath) &&
         putString(env, strings, s + S::kComponentName, c.componentName) &&
         putString(env, strings, s + S::kBackupStamp, c.backupStamp) &&
         putString(env, strings, s + S::kPreviousBackupStamp, c.previousBackupStamp) &&
         putString(env, strings, s + S::kBackupOptions, c.backupOptions);
}

// Makes out[slot] a long[rows * longsPer] and out[slot + 1] a String[rows * stringsPer], fills them row by row.
template <typename Row, typename Fill>
bool putRows(JNIEnv* env, jobjectArray out, const std::vector<Row>& rows, jsize longsPer, jsize stringsPer,
             Fill fill, jsize slot = 0) {
  if (!checkLength(env, out, slot + 2, "result holder")) return false;
  const auto count = static_cast<jsize>(rows.size());
  LocalRef<jlongArray> longs(env, env->NewLongArray(count * longsPer));
  if (longs.get() == nullptr) return false;
  LocalRef<jobjectArray> strings(env, env->NewObjectArray(count * stringsPer, classes().string, nullptr));
  if (strings.get() == nullptr) return false;
  for (jsize i = 0; i < count; ++i) {
    if (!fill(longs.get(), strings.get(), i, rows[static_cast<std::size_t>(i)])) return false;
  }
  env->SetObjectArrayElement(out, slot, longs.get());
  env->SetObjectArrayElement(out, slot + 1, strings.get());
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

bool putProviders(JNIEnv* env, jobjectArray out, const std::vector<ProviderProperties>& providers) {
  using L = rows::ProviderLongs;
  using S = rows::ProviderStrings;
  return putRows(env, out, providers, L::kCount, S::kCount,
                 [env](jlongArray longs, jobjectArray strings, jsize row, const ProviderProperties& p) {
                   jlong values[L::kCount] = {};
                   setGuid(values, L::kProviderId, p.providerId);
                   values[L::kProviderType] = p.providerType;
                   setGuid(values, L::kVersionId, p.providerVersionId);
                   setGuid(values, L::kClassId, p.classId);
                   env->SetLongArrayRegion(longs, row * L::kCount, L::kCount, values);
                   const jsize s = row * S::kCount;
                   return !env->ExceptionCheck() && putString(env, strings, s + S::kProviderName, p.providerName) &&
                          putString(env, strings, s + S::kVersion, p.providerVersion);
                 });
}

bool putDiffAreas(JNIEnv* env, jobjectArray out, const std::vector<DiffArea>& areas) {
  using L = rows::DiffAreaLongs;
  using S = rows::DiffAreaStrings;
  return putRows(env, out, areas, L::kCount, S::kCount,
                 [env](jlongArray longs, jobjectArray strings, jsize row, const DiffArea& a) {
                   jlong values[L::kCount] = {};
                   values[L::kMaximumBytes] = a.maximumBytes;
                   values[L::kAllocatedBytes] = a.allocatedBytes;
                   values[L::kUsedBytes] = a.usedBytes;
                   env->SetLongArrayRegion(longs, row * L::kCount, L::kCount, values);
                   const jsize s = row * S::kCount;
                   return !env->ExceptionCheck() && putString(env, strings, s + S::kVolumeName, a.volumeName) &&
                          putString(env, strings, s + S::kDiffAreaVolumeName, a.diffAreaVolumeName);
                 });
}

bool putEvents(JNIEnv* env, jobjectArray out, const std::vector<LoggedEvent>& events) {
  using L = rows::EventLongs;
  using S = rows::EventStrings;
  return putRows(env, out, events, L::kCount, S::kCount,
                 [env](jlongArray longs, jobjectArray strings, jsize row, const LoggedEvent& e) {
                   jlong values[L::kCount] = {};
                   values[L::kEventId] = static_cast<jlong>(e.eventId);
                   values[L::kLevel] = static_cast<jlong>(e.level);
                   values[L::kTimeMillis] = e.timeMillis;
                   env->SetLongArrayRegion(longs, row * L::kCount, L::kCount, values);
                   const jsize s = row * S::kCount;
                   return !env->ExceptionCheck() && putString(env, strings, s + S::kChannel, e.channel) &&
                          putString(env, strings, s + S::kSource, e.source) &&
                          putString(env, strings, s + S::kMessage, e.message);
                 });
}

namespace {

// The four tables of writer metadata, flattened: each row names its parent by index (rows.txt).
struct MetadataTables {
  std::vector<jlong> writerLongs, componentLongs, fileLongs, dependencyLongs;
  std::vector<const WString*> writerStrings, componentStrings, fileStrings, dependencyStrings;

  // Sized once: a large writer set has hundreds of thousands of rows, and growing by doubling copies each table
  // several times over.
  void reserveFor(const std::vector<WriterMetadata>& writers) {
    std::size_t components = 0, files = 0, dependencies = 0;
    for (const WriterMetadata& w : writers) {
      components += w.components.size();
      files += w.excludeFiles.size();
      for (const WriterComponent& c : w.components) {
        files += c.files.size();
        dependencies += c.dependencies.size();
      }
    }
    writerLongs.reserve(writers.size() * rows::WriterMetadataLongs::kCount);
    writerStrings.reserve(writers.size() * rows::WriterMetadataStrings::kCount);
    componentLongs.reserve(components * rows::ComponentLongs::kCount);
    componentStrings.reserve(components * rows::ComponentStrings::kCount);
    fileLongs.reserve(files * rows::FileLongs::kCount);
    fileStrings.reserve(files * rows::FileStrings::kCount);
    dependencyLongs.reserve(dependencies * rows::DependencyLongs::kCount);
    dependencyStrings.reserve(dependencies * rows::DependencyStrings::kCount);
  }
};

void addFile(MetadataTables& t, std::size_t owner, const FileDescriptor& f) {
  using L = rows::FileLongs;
  using S = rows::FileStrings;
  const std::size_t l = t.fileLongs.size();
  t.fileLongs.resize(l + L::kCount);
  t.fileLongs[l + L::kOwner] = static_cast<jlong>(owner);
  t.fileLongs[l + L::kKind] = f.kind;
  t.fileLongs[l + L::kRecursive] = f.recursive ? 1 : 0;
  const std::size_t s = t.fileStrings.size();
  t.fileStrings.resize(s + S::kCount);
  t.fileStrings[s + S::kPath] = &f.path;
  t.fileStrings[s + S::kFileSpec] = &f.fileSpec;
  t.fileStrings[s + S::kAlternateLocation] = &f.alternateLocation;
  t.fileStrings[s + S::kVolume] = &f.volume;
}

void addComponent(MetadataTables& t, std::size_t writer, const WriterComponent& c) {
  using L = rows::ComponentLongs;
  using S = rows::ComponentStrings;
  const std::size_t index = t.componentLongs.size() / L::kCount;
  const std::size_t l = t.componentLongs.size();
  t.componentLongs.resize(l + L::kCount);
  t.componentLongs[l + L::kWriter] = static_cast<jlong>(writer);
  t.componentLongs[l + L::kType] = c.type;
  t.componentLongs[l + L::kSelectableForBackup] = c.selectableForBackup ? 1 : 0;
  t.componentLongs[l + L::kSelectableForRestore] = c.selectableForRestore ? 1 : 0;
  t.componentLongs[l + L::kNotifyOnBackupComplete] = c.notifyOnBackupComplete ? 1 : 0;
  t.componentLongs[l + L::kComponentFlags] = c.componentFlags;
  const std::size_t s = t.componentStrings.size();
  t.componentStrings.resize(s + S::kCount);
  t.componentStrings[s + S::kLogicalPath] = &c.logicalPath;
  t.componentStrings[s + S::kName] = &c.name;
  t.componentStrings[s + S::kCaption] = &c.caption;
  for (const FileDescriptor& f : c.files) addFile(t, index, f);
  for (const ComponentDependency& d : c.dependencies) {
    using DL = rows::DependencyLongs;
    using DS = rows::DependencyStrings;
    const std::size_t dl = t.dependencyLongs.size();
    t.dependencyLongs.resize(dl + DL::kCount);
    t.dependencyLongs[dl + DL::kComponent] = static_cast<jlong>(index);
    setGuid(t.dependencyLongs.data() + dl, DL::kWriterId, d.writerId);
    const std::size_t ds = t.dependencyStrings.size();
    t.dependencyStrings.resize(ds + DS::kCount);
    t.dependencyStrings[ds + DS::kLogicalPath] = &d.logicalPath;
    t.dependencyStrings[ds + DS::kComponentName] = &d.componentName;
  }
}

void addWriter(MetadataTables& t, const WriterMetadata& w) {
  using L = WriterMetadataLongs;
  using S = rows::WriterMetadataStrings;
  const std::size_t index = t.writerLongs.size() / L::kCount;
  const std::size_t l = t.writerLongs.size();
  t.writerLongs.resize(l + L::kCount);
  jlong* v = t.writerLongs.data() + l;
  setGuid(v, L::kInstanceId, w.instanceId);
  setGuid(v, L::kWriterId, w.writerId);
  v[L::kUsageType] = w.usageType;
  v[L::kSourceType] = w.sourceType;
  v[L::kRestoreMethod] = w.restoreMethod.method;
  v[L::kWriterRestore] = w.restoreMethod.writerRestore;
  v[L::kRebootRequired] = w.restoreMethod.rebootRequired ? 1 : 0;
  v[L::kMappings] = w.restoreMethod.mappings;
  v[L::kBackupSchema] = w.backupSchema;
  const std::size_t s = t.writerStrings.size();
  t.writerStrings.resize(s + S::kCount);
  t.writerStrings[s + S::kWriterName] = &w.writerName;
  t.writerStrings[s + S::kRestoreService] = &w.restoreMethod.service;
  t.writerStrings[s + S::kRestoreUserProcedure] = &w.restoreMethod.userProcedure;
  for (const FileDescriptor& f : w.excludeFiles) addFile(t, index, f);
  for (const WriterComponent& c : w.components) addComponent(t, index, c);
}

// Table `slot / 2` of GetWriterMetadata's result: out[slot] its numbers, out[slot + 1] its texts end to end,
// out[kWriterMetadataSlots + slot / 2] their lengths (marshal.h). A text seen before in the table crosses once: its
// later cells say which earlier cell holds it. Writers repeat folders and file specs by the thousand (the System
// Writer), so this saves the Java side a String per repeat, and its heap the copies.
bool putTable(JNIEnv* env, jobjectArray out, jsize slot, const std::vector<jlong>& longs,
              const std::vector<const WString*>& strings, std::size_t perRow) {
  LocalRef<jlongArray> numbers(env, env->NewLongArray(static_cast<jsize>(longs.size())));
  if (numbers.get() == nullptr) return false;
  env->SetLongArrayRegion(numbers.get(), 0, static_cast<jsize>(longs.size()), longs.data());
  std::size_t total = 0;
  for (const WString* text : strings) total += text->size();
  WString joined;
  joined.reserve(total);
  std::vector<jint> lengths(strings.size());
  std::unordered_map<std::u16string_view, jint> firstCell;
  for (std::size_t i = 0; i < strings.size(); ++i) {
    // Most repeats are the same column one row above (a component's files share a folder): checked first, as it
    // costs no hashing.
    if (i >= perRow && *strings[i] == *strings[i - perRow]) {
      lengths[i] = lengths[i - perRow] < 0 ? lengths[i - perRow] : -1 - static_cast<jint>(i - perRow);
      continue;
    }
    const auto [seen, added] = firstCell.try_emplace(*strings[i], static_cast<jint>(i));
    if (added) {
      joined += *strings[i];
      lengths[i] = static_cast<jint>(strings[i]->size());
    } else {
      lengths[i] = -1 - seen->second;
    }
  }
  LocalRef<jstring> texts(env, toJString(env, joined));
  if (texts.get() == nullptr) return false;
  LocalRef<jintArray> sizes(env, env->NewIntArray(static_cast<jsize>(lengths.size())));
  if (sizes.get() == nullptr) return false;
  env->SetIntArrayRegion(sizes.get(), 0, static_cast<jsize>(lengths.size()), lengths.data());
  env->SetObjectArrayElement(out, slot, numbers.get());
  env->SetObjectArrayElement(out, slot + 1, texts.get());
  env->SetObjectArrayElement(out, kWriterMetadataSlots + slot / 2, sizes.get());
  return !env->ExceptionCheck();
}

// Reads table `slot` of `holder`: a long[] of `longsPer` per row and a String[] of `stringsPer` per row.
bool getTable(JNIEnv* env, jobjectArray holder, jsize slot, jsize longsPer, jsize stringsPer,
              std::vector<jlong>& longs, std::vector<WString>& strings) {
  LocalRef<jlongArray> numbers(env, static_cast<jlongArray>(env->GetObjectArrayElement(holder, slot)));
  LocalRef<jobjectArray> texts(env, static_cast<jobjectArray>(env->GetObjectArrayElement(holder, slot + 1)));
  if (env->ExceptionCheck()) return false;
  if (numbers.get() == nullptr || texts.get() == nullptr) {
    throwNullPointer(env, "vss4j: a writer description table is null");
    return false;
  }
  const jsize longCount = env->GetArrayLength(numbers.get());
  const jsize stringCount = env->GetArrayLength(texts.get());
  if (longCount % longsPer != 0 || stringCount % stringsPer != 0 || longCount / longsPer != stringCount / stringsPer) {
    throwIllegalArgument(env, "vss4j: a writer description table has rows of the wrong length");
    return false;
  }
  longs.resize(static_cast<std::size_t>(longCount));
  env->GetLongArrayRegion(numbers.get(), 0, longCount, longs.data());
  for (jsize i = 0; i < stringCount; ++i) {
    LocalRef<jstring> text(env, static_cast<jstring>(env->GetObjectArrayElement(texts.get(), i)));
    if (env->ExceptionCheck()) return false;
    std::optional<WString> value = toWString(env, text.get(), "writer description string");
    if (!value) return false;
    strings.push_back(std::move(*value));
  }
  return !env->ExceptionCheck();
}

}  // namespace

bool putWriterMetadata(JNIEnv* env, jobjectArray out, const std::vector<WriterMetadata>& writers) {
  if (!checkLength(env, out, kWriterMetadataResultSlots, "result holder")) return false;
  MetadataTables t;
  t.reserveFor(writers);
  for (const WriterMetadata& w : writers) addWriter(t, w);
  return putTable(env, out, 0, t.writerLongs, t.writerStrings, rows::WriterMetadataStrings::kCount) &&
         putTable(env, out, 2, t.componentLongs, t.componentStrings, rows::ComponentStrings::kCount) &&
         putTable(env, out, 4, t.fileLongs, t.fileStrings, rows::FileStrings::kCount) &&
         putTable(env, out, 6, t.dependencyLongs, t.dependencyStrings, rows::DependencyStrings::kCount);
}

bool putRecordedComponents(JNIEnv* env, jobjectArray out, const std::vector<RecordedComponent>& components) {
  using L = rows::RecordedComponentLongs;
  using S = rows::RecordedComponentStrings;
  return putRows(env, out, components, L::kCount, S::kCount,
                 [env](jlongArray longs, jobjectArray strings, jsize row, const RecordedComponent& c) {
                   jlong values[L::kCount] = {};
                   setGuid(values, L::kInstanceId, c.instanceId);
                   setGuid(values, L::kWriterId, c.writerId);
                   values[L::kType] = c.type;
                   values[L::kBackupSucceeded] = c.backupSucceeded ? 1 : 0;
                   values[L::kFailure] = c.failure;
                   values[L::kSelectedForRestore] = c.selectedForRestore ? 1 : 0;
                   values[L::kAdditionalRestores] = c.additionalRestores ? 1 : 0;
                   values[L::kRestoreTarget] = c.restoreTarget;
                   values[L::kFileRestoreStatus] = c.fileRestoreStatus;
                   env->SetLongArrayRegion(longs, row * L::kCount, L::kCount, values);
                   const jsize s = row * S::kCount;
                   return !env->ExceptionCheck() && putComponentTexts<S>(env, strings, row, c) &&
                          putString(env, strings, s + S::kRestoreOptions, c.restoreOptions) &&
                          putString(env, strings, s + S::kPreRestoreFailureMessage, c.preRestoreFailureMessage) &&
                          putString(env, strings, s + S::kPostRestoreFailureMessage, c.postRestoreFailureMessage);
                 });
}

bool putComponentOutcomes(JNIEnv* env, jobjectArray out, const std::vector<sim::ComponentOutcome>& outcomes) {
  using L = rows::OutcomeLongs;
  using S = rows::OutcomeStrings;
  return putRows(env, out, outcomes, L::kCount, S::kCount,
                 [env](jlongArray longs, jobjectArray strings, jsize row, const sim::ComponentOutcome& o) {
                   jlong values[L::kCount] = {};
                   setGuid(values, L::kInstanceId, o.instanceId);
                   setGuid(values, L::kWriterId, o.writerId);
                   values[L::kSucceeded] = o.succeeded ? 1 : 0;
                   values[L::kBackupType] = o.backupType;
                   values[L::kFailure] = o.failure;
                   env->SetLongArrayRegion(longs, row * L::kCount, L::kCount, values);
                   return !env->ExceptionCheck() && putComponentTexts<S>(env, strings, row, o);
                 });
}

bool getWriterDescription(JNIEnv* env, jobjectArray holder, WriterMetadata& w) {
  if (!checkLength(env, holder, kWriterMetadataSlots, "writer description")) return false;
  std::vector<jlong> wl, cl, fl, dl;
  std::vector<WString> ws, cs, fs, ds;
  using WL = WriterMetadataLongs;
  using WS = rows::WriterMetadataStrings;
  using CL = rows::ComponentLongs;
  using CS = rows::ComponentStrings;
  using FL = rows::FileLongs;
  using FS = rows::FileStrings;
  using DL = rows::DependencyLongs;
  using DS = rows::DependencyStrings;
  if (!getTable(env, holder, 0, WL::kCount, WS::kCount, wl, ws) ||
      !getTable(env, holder, 2, CL::kCount, CS::kCount, cl, cs) ||
      !getTable(env, holder, 4, FL::kCount, FS::kCount, fl, fs) ||
      !getTable(env, holder, 6, DL::kCount, DS::kCount, dl, ds)) {
    return false;
  }
  if (wl.size() != static_cast<std::size_t>(WL::kCount)) {
    throwIllegalArgument(env, "vss4j: a writer description holds exactly one writer");
    return false;
  }
  w.restoreMethod.method = static_cast<std::int32_t>(wl[WL::kRestoreMethod]);
  w.restoreMethod.writerRestore = static_cast<std::int32_t>(wl[WL::kWriterRestore]);
  w.restoreMethod.rebootRequired = wl[WL::kRebootRequired] != 0;
  w.restoreMethod.mappings = static_cast<std::int32_t>(wl[WL::kMappings]);
  w.restoreMethod.service = ws[WS::kRestoreService];
  w.restoreMethod.userProcedure = ws[WS::kRestoreUserProcedure];
  w.backupSchema = static_cast<std::int32_t>(wl[WL::kBackupSchema]);
  const std::size_t components = cl.size() / CL::kCount;
  w.components.resize(components);
  for (std::size_t i = 0; i < components; ++i) {
    WriterComponent& c = w.components[i];
    const jlong* v = cl.data() + i * CL::kCount;
    c.type = static_cast<std::int32_t>(v[CL::kType]);
    c.selectableForBackup = v[CL::kSelectableForBackup] != 0;
    c.selectableForRestore = v[CL::kSelectableForRestore] != 0;
    c.notifyOnBackupComplete = v[CL::kNotifyOnBackupComplete] != 0;
    c.componentFlags = static_cast<std::int32_t>(v[CL::kComponentFlags]);
    c.logicalPath = cs[i * CS::kCount + CS::kLogicalPath];
    c.name = cs[i * CS::kCount + CS::kName];
    c.caption = cs[i * CS::kCount + CS::kCaption];
  }
  for (std::size_t i = 0; i < fl.size() / FL::kCount; ++i) {
    const jlong* v = fl.data() + i * FL::kCount;
    FileDescriptor f;
    f.kind = static_cast<std::int32_t>(v[FL::kKind]);
    f.recursive = v[FL::kRecursive] != 0;
    f.path = fs[i * FS::kCount + FS::kPath];
    f.fileSpec = fs[i * FS::kCount + FS::kFileSpec];
    f.alternateLocation = fs[i * FS::kCount + FS::kAlternateLocation];
    const auto owner = static_cast<std::size_t>(v[FL::kOwner]);
    if (f.kind == file_kind::EXCLUDE) {
      w.excludeFiles.push_back(std::move(f));
    } else if (owner < components) {
      w.components[owner].files.push_back(std::move(f));
    } else {
      throwIllegalArgument(env, "vss4j: a file of a writer description names no component");
      return false;
    }
  }
  for (std::size_t i = 0; i < dl.size() / DL::kCount; ++i) {
    const auto owner = static_cast<std::size_t>(dl[i * DL::kCount + DL::kComponent]);
    if (owner >= components) {
      throwIllegalArgument(env, "vss4j: a dependency of a writer description names no component");
      return false;
    }
    w.components[owner].dependencies.push_back(ComponentDependency{
        guidAt(dl.data() + i * DL::kCount, DL::kWriterId), ds[i * DS::kCount + DS::kLogicalPath],
        ds[i * DS::kCount + DS::kComponentName]});
  }
  return true;
}

namespace {

// One alternate location mapping or new target of a restore record, by the record's index.
struct FileSetRow {
  jlong record;
  jlong kind;  // 0: alternate location mapping, 1: new target
  const sim::FileMapping* mapping;
};

}  // namespace

bool putRestoreRecords(JNIEnv* env, jobjectArray out, const std::vector<sim::RestoreRecord>& records) {
  using L = rows::RestoreRecordLongs;
  using S = rows::RestoreRecordStrings;
  std::vector<FileSetRow> fileSets;
  for (std::size_t i = 0; i < records.size(); ++i) {
    const auto record = static_cast<jlong>(i);
    for (const sim::FileMapping& m : records[i].alternateLocations) fileSets.push_back({record, 0, &m});
    for (const sim::FileMapping& m : records[i].newTargets) fileSets.push_back({record, 1, &m});
  }
  const bool recordsPut = putRows(
      env, out, records, L::kCount, S::kCount,
      [env](jlongArray longs, jobjectArray strings, jsize row, const sim::RestoreRecord& r) {
        jlong values[L::kCount] = {};
        setGuid(values, L::kInstanceId, r.instanceId);
        setGuid(values, L::kWriterId, r.writerId);
        values[L::kType] = r.type;
        values[L::kRestoreType] = r.restoreType;
        values[L::kAdditionalRestores] = r.additionalRestores ? 1 : 0;
        values[L::kRestoreTarget] = r.restoreTarget;
        values[L::kFileRestoreStatus] = r.fileRestoreStatus;
        values[L::kPostRestoreDone] = r.postRestoreDone ? 1 : 0;
        env->SetLongArrayRegion(longs, row * L::kCount, L::kCount, values);
        const jsize s = row * S::kCount;
        return !env->ExceptionCheck() && putString(env, strings, s + S::kLogicalPath, r.logicalPath) &&
               putString(env, strings, s + S::kComponentName, r.componentName) &&
               putString(env, strings, s + S::kRestoreOptions, r.restoreOptions) &&
               putString(env, strings, s + S::kPreRestoreFailure, r.preRestoreFailure) &&
               putString(env, strings, s + S::kPostRestoreFailure, r.postRestoreFailure);
      });
  using FL = rows::RestoreFileSetLongs;
  using FS = rows::RestoreFileSetStrings;
  return recordsPut &&
         putRows(
             env, out, fileSets, FL::kCount, FS::kCount,
             [env](jlongArray longs, jobjectArray strings, jsize row, const FileSetRow& f) {
               jlong values[FL::kCount] = {};
               values[FL::kRecord] = f.record;
               values[FL::kKind] = f.kind;
               values[FL::kRecursive] = f.mapping->recursive ? 1 : 0;
               env->SetLongArrayRegion(longs, row * FL::kCount, FL::kCount, values);
               const jsize s = row * FS::kCount;
               return !env->ExceptionCheck() && putString(env, strings, s + FS::kPath, f.mapping->path) &&
                      putString(env, strings, s + FS::kFilespec, f.mapping->filespec) &&
                      putString(env, strings, s + FS::kDestination, f.mapping->destination);
             },
             2);
}

}  // namespace vss4j::jni
