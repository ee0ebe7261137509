// Writer components on the simulated machine: where a component's files live, which component a requester
// names, and the Backup Components Document (SaveAsXML) that records what was selected and what the writers
// were told.
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

// What GetWriterComponents reports: each added component with what its writer and the requester recorded.
std::vector<RecordedComponent> recordedComponents(const ObjectState& object);

// The Backup Components Document: well-formed XML naming the backup's settings, each added component under its
// writer, and, once the set exists, the backup stamp and whether the writer was told the backup succeeded.
WString backupComponentsDocument(const ObjectState& object);

}  // namespace vss4j::sim
