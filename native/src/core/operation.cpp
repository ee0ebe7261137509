#include "core/operation.h"

namespace vss4j {

const char* operationName(Operation op) {
  switch (op) {
    case Operation::CreateBackupComponents: return "CreateVssBackupComponents";
    case Operation::InitializeForBackup: return "InitializeForBackup";
    case Operation::SetContext: return "SetContext";
    case Operation::SetBackupState: return "SetBackupState";
    case Operation::GatherWriterMetadata: return "GatherWriterMetadata";
    case Operation::GetWriterMetadata: return "GetWriterMetadata";
    case Operation::FreeWriterMetadata: return "FreeWriterMetadata";
    case Operation::StartSnapshotSet: return "StartSnapshotSet";
    case Operation::AddToSnapshotSet: return "AddToSnapshotSet";
    case Operation::IsVolumeSupported: return "IsVolumeSupported";
    case Operation::PrepareForBackup: return "PrepareForBackup";
    case Operation::DoSnapshotSet: return "DoSnapshotSet";
    case Operation::GatherWriterStatus: return "GatherWriterStatus";
    case Operation::GetWriterStatus: return "GetWriterStatus";
    case Operation::GetSnapshotProperties: return "GetSnapshotProperties";
    case Operation::BackupComplete: return "BackupComplete";
    case Operation::AbortBackup: return "AbortBackup";
    case Operation::Query: return "Query";
    case Operation::DeleteSnapshots: return "DeleteSnapshots";
    case Operation::SetBackupSucceeded: return "SetBackupSucceeded";
    case Operation::DisableWriterClasses: return "DisableWriterClasses";
    case Operation::EnableWriterClasses: return "EnableWriterClasses";
    case Operation::DisableWriterInstances: return "DisableWriterInstances";
    case Operation::Count: break;
  }
  return "?";
}

}  // namespace vss4j
