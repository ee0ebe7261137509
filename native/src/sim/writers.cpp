#include "sim/writers.h"

#include "sim/components.h"

namespace vss4j::sim {
namespace {

std::int32_t failedStateOf(WriterPhase phase) {
  switch (phase) {
    case WriterPhase::Identify: return writer_state::FAILED_AT_IDENTIFY;
    case WriterPhase::PrepareBackup: return writer_state::FAILED_AT_PREPARE_BACKUP;
    case WriterPhase::PrepareSnapshot: return writer_state::FAILED_AT_PREPARE_SNAPSHOT;
    case WriterPhase::Freeze: return writer_state::FAILED_AT_FREEZE;
    case WriterPhase::Thaw: return writer_state::FAILED_AT_THAW;
    case WriterPhase::PostSnapshot: return writer_state::FAILED_AT_POST_SNAPSHOT;
    case WriterPhase::BackupComplete: return writer_state::FAILED_AT_BACKUP_COMPLETE;
    case WriterPhase::PreRestore: return writer_state::FAILED_AT_PRE_RESTORE;
    case WriterPhase::PostRestore: return writer_state::FAILED_AT_POST_RESTORE;
    case WriterPhase::None: break;
  }
  return writer_state::UNKNOWN;
}

std::int32_t stateAfter(Operation operation) {
  return operation == Operation::DoSnapshotSet ? writer_state::WAITING_FOR_BACKUP_COMPLETE : writer_state::STABLE;
}

bool healthy(const WriterRun& writer) { return writer.failure == hr::kOk; }

}  // namespace

Operation operationOf(WriterPhase phase) {
  switch (phase) {
    case WriterPhase::Identify: return Operation::GatherWriterMetadata;
    case WriterPhase::PrepareBackup: return Operation::PrepareForBackup;
    case WriterPhase::PrepareSnapshot:
    case WriterPhase::Freeze:
    case WriterPhase::Thaw:
    case WriterPhase::PostSnapshot: return Operation::DoSnapshotSet;
    case WriterPhase::BackupComplete: return Operation::BackupComplete;
    case WriterPhase::PreRestore: return Operation::PreRestore;
    case WriterPhase::PostRestore: return Operation::PostRestore;
    case WriterPhase::None: break;
  }
  return Operation::Count;
}

bool writerHangsIn(const std::vector<WriterRun>& writers, Operation operation) {
  for (const WriterRun& writer : writers) {
    if (healthy(writer) && writer.spec.hangs && operationOf(writer.spec.failsAt) == operation) return true;
  }
  return false;
}

bool runWriterPhases(std::vector<WriterRun>& writers, Operation operation) {
  bool anyFailed = false;
  for (WriterRun& writer : writers) {
    if (!healthy(writer)) continue;
    if (operationOf(writer.spec.failsAt) == operation) {
      writer.state = failedStateOf(writer.spec.failsAt);
      writer.failure = writer.spec.hangs ? hr::kWriterErrorTimeout : writer.spec.failure;
      anyFailed = true;
    } else {
      writer.state = stateAfter(operation);
    }
  }
  return anyFailed;
}

void abortWriters(std::vector<WriterRun>& writers) {
  for (WriterRun& writer : writers) {
    if (healthy(writer)) writer.state = writer_state::STABLE;
  }
}

std::vector<WriterStatus> writerStatus(const std::vector<WriterRun>& writers) {
  std::vector<WriterStatus> rows;
  rows.reserve(writers.size());
  for (const WriterRun& writer : writers) {
    rows.push_back(WriterStatus{writer.spec.instanceId, writer.spec.writerId, writer.spec.name, writer.state,
                                writer.failure});
  }
  return rows;
}

std::vector<WriterMetadata> writerMetadata(const std::vector<WriterRun>& writers,
                                           const std::vector<VolumeSpec>& volumes) {
  std::vector<WriterMetadata> rows;
  for (const WriterRun& writer : writers) {
    if (writer.state == writer_state::FAILED_AT_IDENTIFY) continue;
    rows.push_back(describeWriter(writer.spec, volumes));
  }
  return rows;
}

}  // namespace vss4j::sim
