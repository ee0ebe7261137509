#include "sim/backup_components.h"

#include <algorithm>

#include "sim/async_operation.h"
#include "sim/backup_document.h"
#include "sim/call_rules.h"
#include "sim/components.h"
#include "sim/providers.h"
#include "sim/text.h"

namespace vss4j::sim {
namespace {

constexpr std::size_t kMaxVolumesPerSet = 64;
constexpr std::int64_t kMaxCopiesPerVolume = 512;
constexpr std::int64_t kMaxCopiesClientAccessible = 64;

// Writer status can be gathered once writers have been told something: from PrepareForBackup on in a backup, once
// metadata is gathered in a restore (the writers' state after PreRestore and PostRestore [I]).
bool statusReadable(ObjectPhase phase) {
  return in(phase, ObjectPhase::Prepared, ObjectPhase::SnapshotDone, ObjectPhase::SnapshotFailed,
            ObjectPhase::Complete, ObjectPhase::RestoreMetadata, ObjectPhase::RestorePrepared,
            ObjectPhase::RestoreComplete);
}

bool isKnownContext(std::int32_t context) {
  switch (context) {
    case ctx::BACKUP:
    case ctx::FILE_SHARE_BACKUP:
    case ctx::NAS_ROLLBACK:
    case ctx::APP_ROLLBACK:
    case ctx::CLIENT_ACCESSIBLE:
    case ctx::CLIENT_ACCESSIBLE_WRITERS:
    case ctx::ALL: return true;
    default: return false;
  }
}

}  // namespace

SimBackupComponents::SimBackupComponents(std::shared_ptr<MachineState> machine) : machine_(std::move(machine)) {
  ++machine_->liveObjects;
}

SimBackupComponents::~SimBackupComponents() {
  try {
    std::lock_guard<std::mutex> lock(machine_->mutex);
    machine_->settle(Clock::now());
    machine_->destroyObject(id_);
  } catch (...) {
    // Release() cannot fail; what is left behind is reclaimed with the machine.
  }
  --machine_->liveObjects;
}

hresult SimBackupComponents::startAsync(Operation operation, std::unique_ptr<AsyncOperation>& async) {
  auto made = std::make_unique<SimAsyncOperation>(machine_);
  auto fault = machine_->faults.attempt(operation);
  hresult planned = hr::kOk;
  if (fault && failed(fault->result)) {
    if (!fault->throughQueryStatus) {
      machine_->logFailure(operation, fault->result, id_);
      return fault->result;
    }
    planned = fault->result;
  }
  made->attach(machine_->startOperation(id_, operation, planned));
  async = std::move(made);
  return hr::kOk;
}

hresult SimBackupComponents::initializeForBackup(const WString* xml) {
  return call(Operation::InitializeForBackup, [&](ObjectState& o) -> hresult {
    if (o.phase != ObjectPhase::Created) return hr::kBadState;
    if (auto fault = immediateFault(*machine_, Operation::InitializeForBackup)) return *fault;
    if (xml != nullptr) {
      if (hresult r = readBackupComponentsDocument(*xml, machine_->machineName, DocumentUse::Backup, o); failed(r)) return r;
    }
    o.phase = ObjectPhase::Init;
    return hr::kOk;
  });
}

hresult SimBackupComponents::setContext(std::int32_t context) {
  return call(Operation::SetContext, [&](ObjectState& o) -> hresult {
    if (o.phase != ObjectPhase::Init || o.contextSet) return hr::kBadState;
    if (!isKnownContext(context)) return hr::kInvalidArg;
    if (auto fault = immediateFault(*machine_, Operation::SetContext)) return *fault;
    o.context = context;
    o.contextSet = true;
    return hr::kOk;
  });
}

hresult SimBackupComponents::setBackupState(bool selectComponents, bool backupBootableSystemState,
                                            std::int32_t backupType, bool partialFileSupport) {
  return call(Operation::SetBackupState, [&](ObjectState& o) -> hresult {
    if (!in(o.phase, ObjectPhase::Init, ObjectPhase::Metadata)) return hr::kBadState;
    if (backupType < backup_type::UNDEFINED || backupType > backup_type::OTHER) return hr::kInvalidArg;
    if (auto fault = immediateFault(*machine_, Operation::SetBackupState)) return *fault;
    o.backupStateSet = true;
    o.selectComponents = selectComponents;
    o.bootableSystemState = backupBootableSystemState;
    o.backupType = backupType;
    o.partialFileSupport = partialFileSupport;
    return hr::kOk;
  });
}

hresult SimBackupComponents::disableWriterClasses(const std::vector<Guid>& writerClassIds) {
  return selectWriters(Operation::DisableWriterClasses, [&](WriterSelection& s) {
    s.disabledClasses.insert(s.disabledClasses.end(), writerClassIds.begin(), writerClassIds.end());
  });
}

hresult SimBackupComponents::enableWriterClasses(const std::vector<Guid>& writerClassIds) {
  return selectWriters(Operation::EnableWriterClasses, [&](WriterSelection& s) {
    if (!s.enabledOnly) {
      s.enabledOnly = true;
      s.disabledClasses.clear();
    }
    s.enabledClasses.insert(s.enabledClasses.end(), writerClassIds.begin(), writerClassIds.end());
  });
}

hresult SimBackupComponents::disableWriterInstances(const std::vector<Guid>& writerInstanceIds) {
  return selectWriters(Operation::DisableWriterInstances, [&](WriterSelection& s) {
    s.disabledInstances.insert(s.disabledInstances.end(), writerInstanceIds.begin(), writerInstanceIds.end());
  });
}

hresult SimBackupComponents::selectWriters(Operation operation, const std::function<void(WriterSelection&)>& change) {
  return call(operation, [&](ObjectState& o) -> hresult {
    // A restore chooses its writers the same way [I: the documentation does not restrict these calls to backups].
    if (!in(o.phase, ObjectPhase::Init, ObjectPhase::Metadata, ObjectPhase::RestoreInit,
            ObjectPhase::RestoreMetadata)) {
      return hr::kBadState;
    }
    if (auto fault = immediateFault(*machine_, operation)) return *fault;
    // After GatherWriterMetadata VSS accepts the call and ignores it: the writers are chosen by then.
    if (!o.metadataGathered) change(o.selection);
    return hr::kOk;
  });
}

hresult SimBackupComponents::gatherWriterMetadata(std::unique_ptr<AsyncOperation>& async) {
  async.reset();
  return call(Operation::GatherWriterMetadata, [&](ObjectState& o) -> hresult {
    if (!in(o.phase, ObjectPhase::Init, ObjectPhase::RestoreInit) || o.metadataGathered) return hr::kBadState;
    // Writers take part only in writer contexts; in the others the object sees none.
    std::vector<WriterRun> writers;
    if (writersTakePart(o.context)) {
      for (const WriterSpec& spec : machine_->writers) {
        if (o.selection.takesPart(spec)) writers.push_back(WriterRun{spec, writer_state::UNKNOWN, hr::kOk});
      }
    }
    o.writers = std::move(writers);
    return startAsync(Operation::GatherWriterMetadata, async);
  });
}

hresult SimBackupComponents::getWriterMetadata(std::vector<WriterMetadata>& writers) {
  return call(Operation::GetWriterMetadata, [&](ObjectState& o) -> hresult {
    if (!in(o.phase, ObjectPhase::Metadata, ObjectPhase::RestoreMetadata) || o.metadataFreed) return hr::kBadState;
    if (auto fault = immediateFault(*machine_, Operation::GetWriterMetadata)) return *fault;
    writers = writerMetadata(o.writers, machine_->volumes);
    return hr::kOk;
  });
}

hresult SimBackupComponents::freeWriterMetadata() {
  return call(Operation::FreeWriterMetadata, [&](ObjectState& o) -> hresult {
    if (!in(o.phase, ObjectPhase::Metadata, ObjectPhase::RestoreMetadata) || o.metadataFreed) return hr::kBadState;
    if (auto fault = immediateFault(*machine_, Operation::FreeWriterMetadata)) return *fault;
    o.metadataFreed = true;
    return hr::kOk;
  });
}

hresult SimBackupComponents::startSnapshotSet(Guid& snapshotSetId) {
  return call(Operation::StartSnapshotSet, [&](ObjectState& o) -> hresult {
    // VSS_CTX_ALL is for administration only; Microsoft documents an error without naming it: BAD_STATE here.
    if (o.context == ctx::ALL) return hr::kBadState;
    // INIT is accepted in writer contexts too: the documented refusal of a writer-context set without
    // GatherWriterMetadata comes at DoSnapshotSet.
    if (!in(o.phase, ObjectPhase::Init, ObjectPhase::Metadata)) return hr::kBadState;
    if (machine_->setLockOwner != 0 && machine_->setLockOwner != id_) return hr::kSnapshotSetInProgress;
    if (auto fault = immediateFault(*machine_, Operation::StartSnapshotSet)) return *fault;
    o.snapshotSetId = machine_->newGuid();
    machine_->setLockOwner = id_;
    o.phase = ObjectPhase::SetOpen;
    snapshotSetId = o.snapshotSetId;
    return hr::kOk;
  });
}

hresult SimBackupComponents::addToSnapshotSet(const WString& volumeName, const Guid& providerId, Guid& snapshotId) {
  return call(Operation::AddToSnapshotSet, [&](ObjectState& o) -> hresult {
    if (o.phase != ObjectPhase::SetOpen) return hr::kBadState;
    if (auto fault = immediateFault(*machine_, Operation::AddToSnapshotSet)) return *fault;
    if (!machine_->providerKnown(providerId)) return hr::kProviderNotRegistered;
    const VolumeSpec* volume = machine_->findVolume(volumeName);
    if (volume == nullptr) return hr::kObjectNotFound;
    if (!volume->supported) return hr::kVolumeNotSupported;
    // Named by its drive letter once and by its GUID path again, it is still the same volume.
    for (const SetMember& member : o.members) {
      if (sameVolumeName(member.volume, volume->guidName)) return hr::kObjectAlreadyExists;
    }
    if (o.members.size() >= kMaxVolumesPerSet) return hr::kMaxVolumesReached;
    std::int64_t limit = volume->maxShadowCopies;
    if (limit < 0) {
      limit = (o.context & attr::CLIENT_ACCESSIBLE) != 0 ? kMaxCopiesClientAccessible : kMaxCopiesPerVolume;
    }
    if (machine_->copiesOf(volume->guidName) >= limit) return hr::kMaxSnapshotsReached;
    SetMember member{volume->guidName, machine_->newGuid(), providerId.isNull() ? kSystemProvider : providerId};
    o.members.push_back(member);
    snapshotId = member.snapshotId;
    return hr::kOk;
  });
}

hresult SimBackupComponents::isVolumeSupported(const Guid& providerId, const WString& volumeName, bool& supported) {
  return call(Operation::IsVolumeSupported, [&](ObjectState& o) -> hresult {
    if (!in(o.phase, ObjectPhase::Init, ObjectPhase::SetOpen)) return hr::kBadState;
    if (auto fault = immediateFault(*machine_, Operation::IsVolumeSupported)) return *fault;
    if (!machine_->providerKnown(providerId)) return hr::kProviderNotRegistered;
    const VolumeSpec* volume = machine_->findVolume(volumeName);
    if (volume == nullptr) return hr::kObjectNotFound;
    supported = volume->supported;
    return hr::kOk;
  });
}

hresult SimBackupComponents::prepareForBackup(std::unique_ptr<AsyncOperation>& async) {
  async.reset();
  return call(Operation::PrepareForBackup, [&](ObjectState& o) -> hresult {
    if (o.phase != ObjectPhase::SetOpen || !writersTakePart(o.context) || !o.backupStateSet) return hr::kBadState;
    return startAsync(Operation::PrepareForBackup, async);
  });
}

hresult SimBackupComponents::doSnapshotSet(std::unique_ptr<AsyncOperation>& async) {
  async.reset();
  return call(Operation::DoSnapshotSet, [&](ObjectState& o) -> hresult {
    const bool ready = writersTakePart(o.context) ? (o.phase == ObjectPhase::Prepared && o.metadataGathered)
                                                  : o.phase == ObjectPhase::SetOpen;
    if (!ready) return hr::kBadState;
    const hresult result = startAsync(Operation::DoSnapshotSet, async);
    if (failed(result)) {
      o.phase = ObjectPhase::SnapshotFailed;
      abortWriters(o.writers);
      machine_->noteWriters(id_, o);
      machine_->releaseSetLock(id_);
      machine_->changed.notify_all();
    }
    return result;
  });
}

hresult SimBackupComponents::gatherWriterStatus(std::unique_ptr<AsyncOperation>& async) {
  async.reset();
  return call(Operation::GatherWriterStatus, [&](ObjectState& o) -> hresult {
    // SNAPSHOT_FAILED is accepted too: Microsoft tells requesters to read writer status to learn why a
    // snapshot failed.
    if (!statusReadable(o.phase)) return hr::kBadState;
    return startAsync(Operation::GatherWriterStatus, async);
  });
}

hresult SimBackupComponents::getWriterStatus(std::vector<WriterStatus>& writers) {
  return call(Operation::GetWriterStatus, [&](ObjectState& o) -> hresult {
    if (!o.statusGathered || !statusReadable(o.phase)) return hr::kBadState;
    if (auto fault = immediateFault(*machine_, Operation::GetWriterStatus)) return *fault;
    // Read and freed (FreeWriterStatus), as the Windows backend does: the next read needs a new gather.
    writers = std::move(o.gatheredStatus);
    o.gatheredStatus.clear();
    o.statusGathered = false;
    return hr::kOk;
  });
}

hresult SimBackupComponents::getSnapshotProperties(const Guid& snapshotId, SnapshotProperties& properties) {
  return call(Operation::GetSnapshotProperties, [&](ObjectState& o) -> hresult {
    if (!in(o.phase, ObjectPhase::Init, ObjectPhase::SnapshotDone)) return hr::kBadState;
    if (auto fault = immediateFault(*machine_, Operation::GetSnapshotProperties)) return *fault;
    for (const ShadowCopy& copy : machine_->copies) {
      if (copy.properties.snapshotId == snapshotId) {
        properties = copy.properties;
        return hr::kOk;
      }
    }
    return hr::kObjectNotFound;
  });
}

hresult SimBackupComponents::addComponent(const Guid& instanceId, const Guid& writerId, std::int32_t componentType,
                                          const WString* logicalPath, const WString& componentName) {
  return call(Operation::AddComponent, [&](ObjectState& o) -> hresult {
    // After GatherWriterMetadata, before PrepareForBackup, in a context with writers, in component mode.
    if (!in(o.phase, ObjectPhase::Metadata, ObjectPhase::SetOpen) || !writersTakePart(o.context) ||
        !o.selectComponents) {
      return hr::kBadState;
    }
    if (componentType != component_type::DATABASE && componentType != component_type::FILE_GROUP) {
      return hr::kInvalidArg;
    }
    if (auto fault = immediateFault(*machine_, Operation::AddComponent)) return *fault;
    const WString path = logicalPath == nullptr ? WString() : *logicalPath;
    const WriterRun* writer = nullptr;
    for (const WriterRun& each : o.writers) {
      if (each.spec.instanceId == instanceId && each.spec.writerId == writerId) writer = &each;
    }
    if (writer == nullptr || writer->state == writer_state::FAILED_AT_IDENTIFY) return hr::kObjectNotFound;
    if (findComponent(writer->spec, componentType, path, componentName) == nullptr) return hr::kObjectNotFound;
    for (const AddedComponent& added : o.components) {
      if (added.instanceId == instanceId && added.logicalPath == path && added.name == componentName) {
        return hr::kObjectAlreadyExists;
      }
    }
    o.components.push_back(AddedComponent{instanceId, writerId, componentType, path, componentName, -1});
    return hr::kOk;
  });
}

hresult SimBackupComponents::getWriterComponents(std::vector<RecordedComponent>& components) {
  return call(Operation::GetWriterComponents, [&](ObjectState& o) -> hresult {
    // The writers fill their part of the document from PrepareForBackup on [I]; a loaded document has it already.
    const bool filled = in(o.phase, ObjectPhase::Prepared, ObjectPhase::SnapshotDone, ObjectPhase::SnapshotFailed,
                           ObjectPhase::Complete);
    if (!filled && !(o.fromDocument && !in(o.phase, ObjectPhase::Aborted))) return hr::kBadState;
    if (auto fault = immediateFault(*machine_, Operation::GetWriterComponents)) return *fault;
    components = recordedComponents(o);
    return hr::kOk;
  });
}

hresult SimBackupComponents::saveAsXml(WString& document) {
  return call(Operation::SaveAsXml, [&](ObjectState& o) -> hresult {
    // Microsoft: not before PrepareForBackup for a useful document, yet only an uninitialized object is refused.
    if (in(o.phase, ObjectPhase::Created, ObjectPhase::Aborted)) return hr::kBadState;
    if (auto fault = immediateFault(*machine_, Operation::SaveAsXml)) return *fault;
    document = backupComponentsDocument(o, machine_->machineName);
    return hr::kOk;
  });
}

hresult SimBackupComponents::setBackupOptions(const Guid& writerId, std::int32_t componentType,
                                              const WString* logicalPath, const WString& componentName,
                                              const WString& options) {
  return noteOnComponent(Operation::SetBackupOptions, writerId, componentType, logicalPath, componentName,
                         &AddedComponent::backupOptions, options);
}

hresult SimBackupComponents::setPreviousBackupStamp(const Guid& writerId, std::int32_t componentType,
                                                    const WString* logicalPath, const WString& componentName,
                                                    const WString& previousBackupStamp) {
  return noteOnComponent(Operation::SetPreviousBackupStamp, writerId, componentType, logicalPath, componentName,
                         &AddedComponent::previousBackupStamp, previousBackupStamp);
}

hresult SimBackupComponents::noteOnComponent(Operation operation, const Guid& writerId, std::int32_t componentType,
                                             const WString* logicalPath, const WString& componentName,
                                             WString AddedComponent::*field, const WString& text) {
  return call(operation, [&](ObjectState& o) -> hresult {
    // Like AddComponent: the selection is the requester's until PrepareForBackup.
    if (!in(o.phase, ObjectPhase::Metadata, ObjectPhase::SetOpen) || !writersTakePart(o.context)) {
      return hr::kBadState;
    }
    if (auto fault = immediateFault(*machine_, operation)) return *fault;
    const WString path = logicalPath == nullptr ? WString() : *logicalPath;
    for (AddedComponent& added : o.components) {
      if (added.writerId == writerId && added.type == componentType && added.logicalPath == path &&
          added.name == componentName) {
        added.*field = text;
        return hr::kOk;
      }
    }
    return hr::kObjectNotFound;
  });
}

hresult SimBackupComponents::setBackupSucceeded(const Guid& instanceId, const Guid& writerId, std::int32_t,
                                                const WString* logicalPath, const WString& componentName,
                                                bool succeeded) {
  return call(Operation::SetBackupSucceeded, [&](ObjectState& o) -> hresult {
    if (o.phase != ObjectPhase::SnapshotDone || !writersTakePart(o.context)) return hr::kBadState;
    if (auto fault = immediateFault(*machine_, Operation::SetBackupSucceeded)) return *fault;
    // The component must be in the Backup Components Document (added with AddComponent).
    const WString path = logicalPath == nullptr ? WString() : *logicalPath;
    for (AddedComponent& added : o.components) {
      if (added.instanceId != instanceId || added.writerId != writerId || added.logicalPath != path ||
          added.name != componentName) {
        continue;
      }
      added.succeeded = succeeded ? 1 : 0;
      machine_->noteOutcome(outcomeOf(o, added));
      return hr::kOk;
    }
    return hr::kObjectNotFound;
  });
}

hresult SimBackupComponents::backupComplete(std::unique_ptr<AsyncOperation>& async) {
  async.reset();
  return call(Operation::BackupComplete, [&](ObjectState& o) -> hresult {
    if (o.phase != ObjectPhase::SnapshotDone || !writersTakePart(o.context)) return hr::kBadState;
    return startAsync(Operation::BackupComplete, async);
  });
}

hresult SimBackupComponents::abortBackup() {
  return call(Operation::AbortBackup, [&](ObjectState& o) -> hresult {
    if (in(o.phase, ObjectPhase::Created, ObjectPhase::Aborted, ObjectPhase::Complete)) return hr::kBadState;
    // A restore has no backup to abort [I: undocumented; a restore object is released instead].
    if (isRestore(o.phase)) return hr::kBadState;
    if (auto fault = immediateFault(*machine_, Operation::AbortBackup)) return *fault;
    // "Ignored if nothing is in progress": before a set is started or metadata gathered.
    if (in(o.phase, ObjectPhase::Init) && !o.pending) return hr::kOk;
    if (in(o.phase, ObjectPhase::Metadata)) return hr::kOk;
    if (o.pending) machine_->cancel(o.pending);
    machine_->releaseSetLock(id_);
    // The copies of a finished set stay until Release, like those of a set that was not aborted.
    o.phase = ObjectPhase::Aborted;
    machine_->changed.notify_all();
    return hr::kOk;
  });
}

hresult SimBackupComponents::query(std::vector<SnapshotProperties>& snapshots) {
  return call(Operation::Query, [&](ObjectState& o) -> hresult {
    if (!in(o.phase, ObjectPhase::Init, ObjectPhase::SnapshotDone)) return hr::kBadState;
    if (auto fault = immediateFault(*machine_, Operation::Query)) return *fault;
    std::vector<SnapshotProperties> found;
    for (const ShadowCopy& copy : machine_->copies) {
      if (o.context == ctx::ALL || copy.context == o.context) found.push_back(copy.properties);
    }
    snapshots = std::move(found);
    return hr::kOk;
  });
}

// The same call as query(), asked for providers: the same state rules and the same fault plan (Operation::Query).
hresult SimBackupComponents::queryProviders(std::vector<ProviderProperties>& providers) {
  return call(Operation::Query, [&](ObjectState& o) -> hresult {
    if (!in(o.phase, ObjectPhase::Init, ObjectPhase::SnapshotDone)) return hr::kBadState;
    if (auto fault = immediateFault(*machine_, Operation::Query)) return *fault;
    providers = registeredProviders(*machine_);
    return hr::kOk;
  });
}

hresult SimBackupComponents::deleteSnapshots(const Guid& sourceId, std::int32_t sourceObjectType, bool,
                                             std::int32_t& deletedSnapshots, Guid& nonDeletedSnapshotId) {
  deletedSnapshots = 0;
  nonDeletedSnapshotId = Guid{};
  return call(Operation::DeleteSnapshots, [&](ObjectState& o) -> hresult {
    if (!in(o.phase, ObjectPhase::Init, ObjectPhase::SnapshotDone)) return hr::kBadState;
    if (sourceObjectType != object_type::SNAPSHOT && sourceObjectType != object_type::SNAPSHOT_SET) {
      return hr::kInvalidArg;
    }
    std::vector<Guid> targets;
    for (const ShadowCopy& copy : machine_->copies) {
      const Guid& key = sourceObjectType == object_type::SNAPSHOT ? copy.properties.snapshotId
                                                                    : copy.properties.snapshotSetId;
      if (key == sourceId) targets.push_back(copy.properties.snapshotId);
    }
    if (targets.empty()) {
      nonDeletedSnapshotId = sourceId;
      return hr::kObjectNotFound;
    }
    // Each copy is one attempt of the fault plan, so a plan can stop a set's deletion half-way, as VSS
    // stops at the first copy it cannot delete.
    for (const Guid& id : targets) {
      if (auto fault = immediateFault(*machine_, Operation::DeleteSnapshots)) {
        nonDeletedSnapshotId = id;
        return *fault;
      }
      auto& copies = machine_->copies;
      copies.erase(std::remove_if(copies.begin(), copies.end(),
                                  [&](const ShadowCopy& copy) { return copy.properties.snapshotId == id; }),
                   copies.end());
      ++deletedSnapshots;
    }
    return hr::kOk;
  });
}

}  // namespace vss4j::sim
