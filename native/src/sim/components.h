// Writer components on the simulated machine: where a component's files live, which component a requester
// names, and what the writers record for each (backup_document.h writes and reads it as XML).
#pragma once

#include <vector>

#include "sim/object_state.h"

namespace vss4j::sim {

// The GUID path of the volume `path` lives on: the machine's volume with the longest name (drive letter or
// mount point) that starts the path, compared as Windows compares names. Empty when none does.
WString volumeOfPath(const std::vector<VolumeSpec>& volumes, const WString& path);

// The writer's metadata as GetWriterMetadata reports it, each file descriptor with its volume.
WriterMetadata describeWriter(const WriterSpec& writer, const std::vector<VolumeSpec>& volumes);

// The component of `writer` with that type, logical path and name; nullptr when the writer has none such.
const WriterComponent* findComponent(const WriterSpec& writer, std::int32_t type, const WString& logicalPath,
                                     const WString& name);

// The component faults planned for `operation`: each added component of a writer still healthy when the
// operation starts, whose fault's phase the operation runs, records the fault's error. A component fails once.
void failComponents(ObjectState& object, Operation operation);

// The writers stamp each added component that has not failed once the copies exist (at PostSnapshot on Windows).
void stampComponents(ObjectState& object);

// What a writer was told and recorded for an added component, as SimulatedMachine shows it.
ComponentOutcome outcomeOf(const ObjectState& object, const AddedComponent& added);

// The component of the loaded document with that writer class (and instance, when `instanceId` is not null), type,
// logical path (null: the empty one) and name; nullptr when the document holds none such.
AddedComponent* findInDocument(ObjectState& object, const Guid* instanceId, const Guid& writerId, std::int32_t type,
                               const WString* logicalPath, const WString& name);

// Whether the writer instance answered GatherWriterMetadata on this object.
bool writerIsLive(const ObjectState& object, const Guid& instanceId);

// What GetWriterComponents reports: each added component with what its writer and the requester recorded.
std::vector<RecordedComponent> recordedComponents(const ObjectState& object);

}  // namespace vss4j::sim
