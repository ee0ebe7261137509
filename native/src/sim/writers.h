// The writers as one backup-components object sees them: each writer's state moves through VSS's phases.
// The state after each phase is inferred from VSS_WRITER_STATE's descriptions (VSS-BEHAVIOUR.md, open
// questions): STABLE after identify and prepare, WAITING_FOR_BACKUP_COMPLETE after DoSnapshotSet, STABLE
// after BackupComplete, FAILED_AT_<phase> with the writer's error once it fails (it then sits out the rest).
#pragma once

#include <vector>

#include "sim/machine.h"

namespace vss4j::sim {

struct WriterRun {
  WriterSpec spec;
  std::int32_t state = writer_state::UNKNOWN;
  hresult failure = hr::kOk;
  bool failureLogged = false;  // its failure's event is in the machine's event log
};

// Whether a writer that is still healthy hangs in one of the phases `operation` runs (the operation then
// takes the writer timeout longer).
// The asynchronous operation during which a writer goes through `phase` (Operation::Count for None).
Operation operationOf(WriterPhase phase);

bool writerHangsIn(const std::vector<WriterRun>& writers, Operation operation);

// Runs the writer phases of `operation` (GatherWriterMetadata, PrepareForBackup, DoSnapshotSet,
// BackupComplete); returns whether a writer failed in them.
bool runWriterPhases(std::vector<WriterRun>& writers, Operation operation);

// A DoSnapshotSet that did not finish: VSS aborts the writers that were still taking part.
void abortWriters(std::vector<WriterRun>& writers);

std::vector<WriterStatus> writerStatus(const std::vector<WriterRun>& writers);
// A writer that failed to identify itself has no metadata to give; file descriptors name their volumes.
std::vector<WriterMetadata> writerMetadata(const std::vector<WriterRun>& writers,
                                           const std::vector<VolumeSpec>& volumes);

}  // namespace vss4j::sim
