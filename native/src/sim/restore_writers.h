// The writers' part of a restore on the simulated machine. A writer takes part when the requester selected one of
// its components; at PreRestore it checks that it backed each of them up and says where it restores it
// (SetRestoreTarget); at PostRestore it reads what the requester reported. A writer planned to fail at either phase
// fails there as a whole (FAILED_AT_PRE_RESTORE / FAILED_AT_POST_RESTORE with its error) and writes the failure
// into each of its selected components (SetPreRestoreFailureMsg / SetPostRestoreFailureMsg); a component fault
// planned for the phase writes only that component's message. A writer that failed earlier sits out the rest.
#pragma once

#include <vector>

#include "sim/object_state.h"

namespace vss4j::sim {

// Whether a writer that takes part in the restore phase of `operation` (one of its components is selected) and is
// still healthy hangs in it: the operation then takes the writer timeout longer.
bool restoreWriterHangs(const ObjectState& object, Operation operation);

// Runs the writer phase of `operation` (Operation::PreRestore or Operation::PostRestore) on the object's writers.
void runRestorePhase(ObjectState& object, Operation operation);

// What each writer was told and answered for each selected component of a restore, as SimulatedMachine shows it;
// `afterPostRestore`: PostRestore has run (the file restore status reached the writers that were still healthy).
std::vector<RestoreRecord> restoreRecordsOf(const ObjectState& object, bool afterPostRestore);

}  // namespace vss4j::sim
