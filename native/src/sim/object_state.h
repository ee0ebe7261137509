// One backup-components object's place in VSS-BEHAVIOUR.md's "One object's states". The transient states
// of that drawing (GATHERING, PREPARING, SNAPSHOTTING, COMPLETING) are the object's pending asynchronous
// operation: while it is pending only the IVssAsync and AbortBackup are served.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "sim/writers.h"

namespace vss4j::sim {

struct OpRecord;

enum class ObjectPhase {
  Created,         // before InitializeForBackup
  Init,            // initialized
  Metadata,        // GatherWriterMetadata finished
  SetOpen,         // StartSnapshotSet done
  Prepared,        // PrepareForBackup finished
  SnapshotDone,    // DoSnapshotSet finished: the copies exist
  SnapshotFailed,  // DoSnapshotSet failed or was cancelled
  Failed,          // GatherWriterMetadata or PrepareForBackup failed: release and start again
  Complete,        // BackupComplete finished
  Aborted,         // AbortBackup: release only
  // A restore (InitializeForRestore): the backup phases above never apply to it, so every backup call is BAD_STATE.
  RestoreInit,      // InitializeForRestore loaded the document
  RestoreMetadata,  // GatherWriterMetadata finished: components may be selected
  RestorePrepared,  // PreRestore finished: the requester puts the files back
  RestoreComplete,  // PostRestore finished
};

struct SetMember {
  WString volume;  // the volume's GUID path, as Windows reports it
  Guid snapshotId;
  Guid providerId;  // never null: the system provider stands in for it
};

// Enable/DisableWriterClasses and DisableWriterInstances, as VSS documents them: with no call every writer
// takes part; the first EnableWriterClasses drops earlier disables and enables only the classes it names.
struct WriterSelection {
  bool enabledOnly = false;
  std::vector<Guid> enabledClasses;
  std::vector<Guid> disabledClasses;
  std::vector<Guid> disabledInstances;

  bool takesPart(const WriterSpec& writer) const {
    auto has = [](const std::vector<Guid>& ids, const Guid& id) {
      for (const Guid& each : ids) {
        if (each == id) return true;
      }
      return false;
    };
    if (enabledOnly && !has(enabledClasses, writer.writerId)) return false;
    return !has(disabledClasses, writer.writerId) && !has(disabledInstances, writer.instanceId);
  }
};

// What the requester and the writer put into the document for one component during a restore.
struct RestoreNotes {
  bool selected = false;            // SetSelectedForRestore
  bool additionalRestores = false;  // SetAdditionalRestores
  WString options = {};             // SetRestoreOptions
  std::vector<FileMapping> alternateLocations = {};  // AddAlternativeLocationMapping
  std::vector<FileMapping> newTargets = {};          // AddNewTarget
  std::int32_t target = restore_target::UNDEFINED;   // the writer's IVssComponent::SetRestoreTarget at PreRestore
  std::int32_t fileStatus = file_restore_status::UNDEFINED;  // SetFileRestoreStatus
  WString preRestoreFailure = {};   // the writer's SetPreRestoreFailureMsg
  WString postRestoreFailure = {};  // the writer's SetPostRestoreFailureMsg
};

// A component AddComponent put into the Backup Components Document.
struct AddedComponent {
  Guid instanceId;
  Guid writerId;
  std::int32_t type = component_type::UNDEFINED;
  WString logicalPath;  // a null logical path is kept as the empty one: VSS treats them alike
  WString name;
  std::int32_t succeeded = -1;  // SetBackupSucceeded: -1 not told, 0 failed, 1 succeeded
  WString backupOptions = {};        // SetBackupOptions
  WString previousBackupStamp = {};  // SetPreviousBackupStamp
  WString backupStamp = {};          // the writer's, once the copies exist
  hresult failure = hr::kOk;         // what the writer reported for this component alone (ComponentFault)
  RestoreNotes restore = {};         // what a restore of this component was told and recorded
};

struct ObjectState {
  ObjectPhase phase = ObjectPhase::Created;
  std::int32_t context = ctx::BACKUP;
  bool contextSet = false;
  bool backupStateSet = false;
  bool selectComponents = false;
  bool bootableSystemState = false;
  bool partialFileSupport = false;
  std::int32_t backupType = backup_type::FULL;
  std::vector<AddedComponent> components;
  bool fromDocument = false;  // InitializeForBackup or InitializeForRestore loaded a Backup Components Document
  std::int32_t restoreType = restore_type::UNDEFINED;  // SetRestoreState; writers read UNDEFINED as BY_COPY
  bool metadataGathered = false;
  bool metadataFreed = false;
  bool statusGathered = false;
  Guid snapshotSetId;
  std::vector<SetMember> members;
  std::vector<WriterRun> writers;
  WriterSelection selection;
  std::vector<WriterStatus> gatheredStatus;
  std::shared_ptr<OpRecord> pending;
};

inline bool isRestore(ObjectPhase phase) {
  return phase == ObjectPhase::RestoreInit || phase == ObjectPhase::RestoreMetadata ||
         phase == ObjectPhase::RestorePrepared || phase == ObjectPhase::RestoreComplete;
}

// Contexts are attribute sets: NO_WRITERS marks the contexts writers take no part in (ALL included),
// NO_AUTO_RELEASE those whose copies outlive their object.
inline bool writersTakePart(std::int32_t context) { return (context & attr::NO_WRITERS) == 0; }
inline bool autoReleased(std::int32_t context) { return (context & attr::NO_AUTO_RELEASE) == 0; }

}  // namespace vss4j::sim
