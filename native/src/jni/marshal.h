// Copies structured results into the arrays Java passed, in the layouts NativeBridge documents.
// Runs on the calling Java thread only (never on an object or waiter thread: JNIEnv is per thread).
#pragma once

#include <jni.h>

#include <vector>

#include "core/backend.h"
#include "core/vss_types.h"
#include "sim/machine.h"

namespace vss4j::jni {

// false (with IllegalArgumentException pending) if `array` is null or shorter than `length`.
bool checkLength(JNIEnv* env, jarray array, jsize length, const char* what);

bool putGuid(JNIEnv* env, jlongArray out, jsize index, const Guid& guid);
Guid guidOf(jlong hi, jlong lo);

bool putSnapshot(JNIEnv* env, jlongArray longs, jobjectArray strings, jsize index, const SnapshotProperties& p);
// The reverse of putSnapshot for row 0; false with a Java exception pending if the arrays are short or hold null.
bool getSnapshot(JNIEnv* env, jlongArray longs, jobjectArray strings, SnapshotProperties& p);
// out[0] = long[], out[1] = String[], `longsPer`/`stringsPer` per row.
bool putSnapshots(JNIEnv* env, jobjectArray out, const std::vector<SnapshotProperties>& snapshots);
bool putWriterStatus(JNIEnv* env, jobjectArray out, const std::vector<WriterStatus>& writers);
// Query's providers (out[0] long[], out[1] String[], rows.txt's Provider*).
bool putProviders(JNIEnv* env, jobjectArray out, const std::vector<ProviderProperties>& providers);
// QueryDiffAreasForVolume's associations (out[0] long[], out[1] String[], rows.txt's DiffArea*).
bool putDiffAreas(JNIEnv* env, jobjectArray out, const std::vector<DiffArea>& areas);
// out[0] long[] EventLongs, out[1] String[] EventStrings, one row per event.
bool putEvents(JNIEnv* env, jobjectArray out, const std::vector<LoggedEvent>& events);
// Writer metadata crosses as four tables (rows.txt): out[0..1] writers, [2..3] components, [4..5] files,
// [6..7] dependencies, each a long[] and a String[] (a writer's description, Java to C++).
constexpr jsize kWriterMetadataSlots = 8;
// GetWriterMetadata's result replaces each table's String[] by one String holding its texts end to end, with
// out[8..11] an int[] per table of each text's length, or -1 - i where the text is cell i's, seen before: a large
// writer set has hundreds of thousands of texts, and one JNI call per text would cost more than all the rest.
constexpr jsize kWriterMetadataResultSlots = 12;
bool putWriterMetadata(JNIEnv* env, jobjectArray out, const std::vector<WriterMetadata>& writers);
// The reverse for one writer's description (what the simulator is told a writer reports beyond its identity);
// false with a Java exception pending when the tables are malformed.
// GetWriterComponents' rows (out[0] long[], out[1] String[], rows.txt's RecordedComponent*).
bool putRecordedComponents(JNIEnv* env, jobjectArray out, const std::vector<RecordedComponent>& components);
// The simulator's record of SetBackupSucceeded, one row per component (out[0] long[], out[1] String[]).
bool putComponentOutcomes(JNIEnv* env, jobjectArray out, const std::vector<sim::ComponentOutcome>& outcomes);
bool getWriterDescription(JNIEnv* env, jobjectArray holder, WriterMetadata& writer);
// The simulator's restore records: out[0..1] the records, out[2..3] their file sets (rows.txt's RestoreRecord*,
// RestoreFileSet*).
bool putRestoreRecords(JNIEnv* env, jobjectArray out, const std::vector<sim::RestoreRecord>& records);

}  // namespace vss4j::jni
