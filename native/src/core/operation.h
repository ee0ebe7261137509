// The requester calls by number. The order is shared with Java (io.github.vss4j.Operation): append only.
#pragma once

#include <cstdint>

namespace vss4j {

enum class Operation : std::int32_t {
  CreateBackupComponents = 0,
  InitializeForBackup,
  SetContext,
  SetBackupState,
  GatherWriterMetadata,
  GetWriterMetadata,
  FreeWriterMetadata,
  StartSnapshotSet,
  AddToSnapshotSet,
  IsVolumeSupported,
  PrepareForBackup,
  DoSnapshotSet,
  GatherWriterStatus,
  GetWriterStatus,
  GetSnapshotProperties,
  BackupComplete,
  AbortBackup,
  Query,
  DeleteSnapshots,
  SetBackupSucceeded,
  DisableWriterClasses,
  EnableWriterClasses,
  DisableWriterInstances,
  Count  // not an operation
};

constexpr std::int32_t kOperationCount = static_cast<std::int32_t>(Operation::Count);

// The VSS method's own name, e.g. "DoSnapshotSet"; "?" for a number out of range.
const char* operationName(Operation op);
inline bool isValidOperation(std::int32_t value) { return value >= 0 && value < kOperationCount; }

}  // namespace vss4j
