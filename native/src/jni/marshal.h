// Copies structured results into the arrays Java passed, in the layouts NativeBridge documents.
// Runs on the calling Java thread only (never on an object or waiter thread: JNIEnv is per thread).
#pragma once

#include <jni.h>

#include <vector>

#include "core/vss_types.h"

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
bool putWriterMetadata(JNIEnv* env, jobjectArray out, const std::vector<WriterMetadata>& writers);

}  // namespace vss4j::jni
