#include "sim/components.h"

#include "sim/text.h"

namespace vss4j::sim {
namespace {

char16_t folded(char16_t c) { return c >= u'a' && c <= u'z' ? static_cast<char16_t>(c - u'a' + u'A') : c; }

bool startsWithFolded(const WString& text, const WString& prefix) {
  if (prefix.size() > text.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (folded(text[i]) != folded(prefix[i])) return false;
  }
  return true;
}

}  // namespace

WString volumeOfPath(const std::vector<VolumeSpec>& volumes, const WString& path) {
  WString directory = path;
  if (directory.empty() || directory.back() != u'\\') directory += u'\\';
  const VolumeSpec* best = nullptr;
  for (const VolumeSpec& volume : volumes) {
    if (!startsWithFolded(directory, volume.name)) continue;
    if (best == nullptr || volume.name.size() > best->name.size()) best = &volume;
  }
  return best == nullptr ? WString() : best->guidName;
}

WriterMetadata describeWriter(const WriterSpec& writer, const std::vector<VolumeSpec>& volumes) {
  constexpr std::int32_t kUsageUserData = 3;  // VSS_UT_USERDATA
  constexpr std::int32_t kSourceOther = 3;    // VSS_ST_OTHER
  WriterMetadata metadata{writer.instanceId, writer.writerId, writer.name, kUsageUserData, kSourceOther,
                          writer.restoreMethod, writer.backupSchema, writer.excludeFiles, writer.components};
  for (FileDescriptor& file : metadata.excludeFiles) file.volume = volumeOfPath(volumes, file.path);
  for (WriterComponent& component : metadata.components) {
    for (FileDescriptor& file : component.files) file.volume = volumeOfPath(volumes, file.path);
  }
  return metadata;
}

const WriterComponent* findComponent(const WriterSpec& writer, std::int32_t type, const WString& logicalPath,
                                     const WString& name) {
  for (const WriterComponent& component : writer.components) {
    if (component.type == type && component.logicalPath == logicalPath && component.name == name) return &component;
  }
  return nullptr;
}

void failComponents(ObjectState& object, Operation operation) {
  for (AddedComponent& added : object.components) {
    if (added.failure != hr::kOk) continue;
    for (const WriterRun& writer : object.writers) {
      if (writer.spec.instanceId != added.instanceId || writer.failure != hr::kOk) continue;
      for (const ComponentFault& fault : writer.spec.componentFaults) {
        if (operationOf(fault.phase) == operation && fault.type == added.type &&
            fault.logicalPath == added.logicalPath && fault.componentName == added.name) {
          added.failure = fault.failure;
          break;
        }
      }
    }
  }
}

void stampComponents(ObjectState& object) {
  // The stamp's format is the writer's; the simulated writers stamp with the snapshot set they were copied in.
  for (AddedComponent& added : object.components) {
    if (added.failure == hr::kOk) added.backupStamp = braced(object.snapshotSetId);
  }
}

ComponentOutcome outcomeOf(const ObjectState& object, const AddedComponent& added) {
  return ComponentOutcome{added.instanceId,       added.writerId,         added.logicalPath,
                          added.name,             added.succeeded == 1,   object.backupType,
                          added.backupStamp,      added.previousBackupStamp, added.backupOptions,
                          added.failure};
}

AddedComponent* findInDocument(ObjectState& object, const Guid* instanceId, const Guid& writerId, std::int32_t type,
                               const WString* logicalPath, const WString& name) {
  const WString path = logicalPath == nullptr ? WString() : *logicalPath;
  for (AddedComponent& added : object.components) {
    if (instanceId != nullptr && added.instanceId != *instanceId) continue;
    if (added.writerId == writerId && added.type == type && added.logicalPath == path && added.name == name) {
      return &added;
    }
  }
  return nullptr;
}

bool writerIsLive(const ObjectState& object, const Guid& instanceId) {
  for (const WriterRun& writer : object.writers) {
    if (writer.spec.instanceId == instanceId && writer.state != writer_state::FAILED_AT_IDENTIFY) return true;
  }
  return false;
}

std::vector<RecordedComponent> recordedComponents(const ObjectState& object) {
  std::vector<RecordedComponent> rows;
  for (const AddedComponent& added : object.components) {
    RecordedComponent row;
    row.instanceId = added.instanceId;
    row.writerId = added.writerId;
    row.type = added.type;
    row.logicalPath = added.logicalPath;
    row.componentName = added.name;
    row.backupSucceeded = added.succeeded == 1;
    row.backupStamp = added.backupStamp;
    row.previousBackupStamp = added.previousBackupStamp;
    row.backupOptions = added.backupOptions;
    row.failure = added.failure;
    row.selectedForRestore = added.restore.selected;
    row.additionalRestores = added.restore.additionalRestores;
    row.restoreOptions = added.restore.options;
    row.restoreTarget = added.restore.target;
    row.fileRestoreStatus = added.restore.fileStatus;
    row.preRestoreFailureMessage = added.restore.preRestoreFailure;
    row.postRestoreFailureMessage = added.restore.postRestoreFailure;
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace vss4j::sim
