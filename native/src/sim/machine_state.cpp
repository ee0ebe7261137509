#include "sim/machine_state.h"

#include <algorithm>
#include <cstdio>

#include "core/log.h"
#include "sim/components.h"
#include "sim/fault_events.h"
#include "sim/restore_writers.h"
#include "sim/text.h"

namespace vss4j::sim {

std::int64_t fileTimeNow() {
  constexpr std::int64_t kUnixEpochAsFileTime = 116444736000000000LL;  // 1970-01-01 in 100 ns since 1601
  const auto sinceUnixEpoch = std::chrono::system_clock::now().time_since_epoch();
  return kUnixEpochAsFileTime +
         std::chrono::duration_cast<std::chrono::duration<std::int64_t, std::ratio<1, 10000000>>>(sinceUnixEpoch)
             .count();
}

MachineState::MachineState() {
  // random_device is deterministic on some older mingw runtimes: mix in the clock and an address.
  std::random_device device;
  const auto ticks = static_cast<std::uint64_t>(Clock::now().time_since_epoch().count());
  std::seed_seq seed{device(), device(), static_cast<unsigned>(ticks), static_cast<unsigned>(ticks >> 32),
                     static_cast<unsigned>(reinterpret_cast<std::uintptr_t>(this))};
  random_.seed(seed);
}

Guid MachineState::newGuid() {
  Guid id{random_(), random_()};
  id.hi = (id.hi & ~0xF000ULL) | 0x4000ULL;  // version 4: random
  id.lo = (id.lo & ~0xC000000000000000ULL) | 0x8000000000000000ULL;  // RFC 4122 variant
  return id;
}

const VolumeSpec* MachineState::findVolume(const WString& name) const {
  for (const VolumeSpec& volume : volumes) {
    if (sameVolumeName(volume.name, name) || sameVolumeName(volume.guidName, name)) return &volume;
  }
  return nullptr;
}

std::int64_t MachineState::copiesOf(const WString& volume) const {
  return std::count_if(copies.begin(), copies.end(), [&](const ShadowCopy& copy) {
    return sameVolumeName(copy.properties.originalVolumeName, volume);
  });
}

bool MachineState::providerKnown(const Guid& provider) const {
  return provider.isNull() || provider == kSystemProvider ||
         std::find(extraProviders.begin(), extraProviders.end(), provider) != extraProviders.end();
}

void MachineState::noteWriters(std::uint64_t owner, const ObjectState& object) {
  // The object's writers are the machine's first ones, in order, as they were when it gathered metadata.
  // Before metadata is gathered no writer has been asked anything.
  if (!object.metadataGathered) return;
  const std::size_t count = std::min(object.writers.size(), writerStates.size());
  if (count == 0) return;
  for (std::size_t i = 0; i < count; ++i) {
    writerStates[i].state = object.writers[i].state;
    writerStates[i].failure = object.writers[i].failure;
  }
  writersMovedBy = owner;
}

void MachineState::noteFailedOutcomes(const ObjectState& object) {
  // A component that fails at BackupComplete was told its outcome before: its row shows the failure too.
  for (const AddedComponent& added : object.components) {
    if (added.succeeded >= 0 && added.failure != hr::kOk) noteOutcome(outcomeOf(object, added));
  }
}

void MachineState::noteRestores(const ObjectState& object, bool afterPostRestore) {
  for (RestoreRecord& record : restoreRecordsOf(object, afterPostRestore)) {
    auto same = std::find_if(restoreRecords.begin(), restoreRecords.end(), [&](const RestoreRecord& earlier) {
      return earlier.instanceId == record.instanceId && earlier.logicalPath == record.logicalPath &&
             earlier.componentName == record.componentName;
    });
    if (same != restoreRecords.end()) {
      *same = std::move(record);
    } else {
      restoreRecords.push_back(std::move(record));
    }
  }
}

void MachineState::noteOutcome(const ComponentOutcome& outcome) {
  for (ComponentOutcome& earlier : componentOutcomes) {
    if (earlier.instanceId == outcome.instanceId && earlier.logicalPath == outcome.logicalPath &&
        earlier.componentName == outcome.componentName) {
      earlier = outcome;
      return;
    }
  }
  componentOutcomes.push_back(outcome);
}

std::shared_ptr<OpRecord> MachineState::startOperation(std::uint64_t owner, Operation operation,
                                                       hresult plannedError) {
  ObjectState& object = objects.at(owner);
  auto op = std::make_shared<OpRecord>();
  op->operation = operation;
  op->owner = owner;
  op->plannedError = plannedError;
  const auto now = Clock::now();
  auto length = durations[static_cast<std::size_t>(operation)];
  const bool restorePhase = operation == Operation::PreRestore || operation == Operation::PostRestore;
  if (restorePhase ? restoreWriterHangs(object, operation) : writerHangsIn(object.writers, operation)) {
    length += writerTimeout;
  }
  op->deadline = now + std::chrono::duration_cast<Clock::duration>(length);
  pendingOps.reserve(pendingOps.size() + 1);
  object.pending = op;
  if (op->deadline <= now) {
    finish(*op);
  } else {
    pendingOps.push_back(op);
  }
  return op;
}

MachineState::~MachineState() {
  copies.clear();
  if (contentFolder.empty()) return;
  std::string why;
  if (!removeTree(contentFolder, why)) {
    log(LogLevel::Warn, "The simulated machine could not remove its copies' folder; vss4j removes it at its next "
                        "start. " + why);
  }
}

void MachineState::settle(Clock::time_point now) {
  std::vector<std::shared_ptr<OpRecord>> due;
  for (const auto& op : pendingOps) {
    if (op->deadline <= now) due.push_back(op);
  }
  if (due.empty()) return;
  pendingOps.erase(std::remove_if(pendingOps.begin(), pendingOps.end(),
                                  [&](const std::shared_ptr<OpRecord>& op) { return op->deadline <= now; }),
                   pendingOps.end());
  // In the order they ended, so the device numbers follow the order the copies were committed in.
  std::stable_sort(due.begin(), due.end(), [](const auto& a, const auto& b) { return a->deadline < b->deadline; });
  for (const auto& op : due) finish(*op);
  changed.notify_all();
}

void MachineState::failed(OpRecord& op, hresult error) {
  op.status = OpRecord::Status::Failed;
  op.error = error;
  logFailure(op.operation, error, op.owner);
}

void MachineState::logFailure(Operation operation, hresult error, std::uint64_t owner) {
  std::vector<FailedVolume> setVolumes;
  Guid provider = kSystemProvider;
  auto found = objects.find(owner);
  if (found != objects.end()) {
    logWriterFailures(found->second);
    for (const SetMember& member : found->second.members) {
      const VolumeSpec* volume = findVolume(member.volume);
      setVolumes.push_back(FailedVolume{volume != nullptr ? volume->name : member.volume, member.volume});
      provider = member.providerId;
    }
  }
  for (LoggedEvent& e : eventsOfFailure(operation, error, setVolumes, provider, wallClockMillis())) {
    eventLog.add(std::move(e));
  }
}

void MachineState::logWriterFailures(ObjectState& object) {
  for (WriterRun& writer : object.writers) {
    if (writer.failure == hr::kOk || writer.failureLogged) continue;
    writer.failureLogged = true;
    eventLog.add(eventOfWriterFailure(writer.spec, writer.spec.failsAt, writer.failure, wallClockMillis()));
  }
}

void MachineState::finish(OpRecord& op) {
  op.status = OpRecord::Status::Finished;
  auto found = objects.find(op.owner);
  if (found == objects.end() || found->second.pending.get() != &op) {
    if (op.plannedError != hr::kOk) failed(op, op.plannedError);
    return;
  }
  ObjectState& object = found->second;
  object.pending.reset();
  if (op.plannedError != hr::kOk) {
    failed(op, op.plannedError);
    leaveUnfinished(op.owner, object, op.operation);
  } else {
    switch (op.operation) {
      case Operation::GatherWriterMetadata:
        runWriterPhases(object.writers, op.operation);
        object.metadataGathered = true;
        object.phase = object.phase == ObjectPhase::RestoreInit ? ObjectPhase::RestoreMetadata : ObjectPhase::Metadata;
        break;
      case Operation::PreRestore:
        runRestorePhase(object, op.operation);
        noteRestores(object, false);
        object.phase = ObjectPhase::RestorePrepared;
        break;
      case Operation::PostRestore:
        runRestorePhase(object, op.operation);
        noteRestores(object, true);
        object.phase = ObjectPhase::RestoreComplete;
        break;
      case Operation::PrepareForBackup:
        failComponents(object, op.operation);
        runWriterPhases(object.writers, op.operation);
        object.phase = ObjectPhase::Prepared;
        break;
      case Operation::DoSnapshotSet:
        finishSnapshotSet(object, op);
        break;
      case Operation::GatherWriterStatus:
        object.gatheredStatus = writerStatus(object.writers);
        object.statusGathered = true;
        break;
      case Operation::BackupComplete:
        failComponents(object, op.operation);
        runWriterPhases(object.writers, op.operation);
        noteFailedOutcomes(object);
        object.phase = ObjectPhase::Complete;
        break;
      default:
        break;
    }
  }
  logWriterFailures(object);
  noteWriters(op.owner, object);
  changed.notify_all();
}

void MachineState::leaveUnfinished(std::uint64_t owner, ObjectState& object, Operation operation) {
  switch (operation) {
    case Operation::GatherWriterMetadata:
      object.phase = ObjectPhase::Failed;
      break;
    case Operation::PrepareForBackup:
      object.phase = ObjectPhase::Failed;
      releaseSetLock(owner);
      break;
    case Operation::DoSnapshotSet:
      abortWriters(object.writers);
      object.phase = ObjectPhase::SnapshotFailed;
      releaseSetLock(owner);
      break;
    case Operation::BackupComplete:
      // The copies exist either way; a BackupComplete that did not finish only means writers were not told.
      object.phase = ObjectPhase::Complete;
      break;
    case Operation::PreRestore:
      // The files must not be put back when the writers could not prepare for them [I].
      object.phase = ObjectPhase::Failed;
      break;
    case Operation::PostRestore:
      // The files are back either way, as after a BackupComplete that did not finish [I].
      object.phase = ObjectPhase::RestoreComplete;
      break;
    default:
      break;
  }
}

void MachineState::finishSnapshotSet(ObjectState& object, OpRecord& op) {
  hresult error = hr::kOk;
  if (writersTakePart(object.context)) {
    failComponents(object, Operation::DoSnapshotSet);
    const bool writerFailed = runWriterPhases(object.writers, Operation::DoSnapshotSet);
    if (writerFailed && writerFailureFailsSnapshotSet) error = hr::kUnexpectedWriterError;
  }
  if (error == hr::kOk) error = checkDiffArea(object);
  // Under the machine's mutex, as every effect of an operation is (see above): the copies' files exist when the
  // copies do, for whoever looks next. Only this machine's calls wait; each machine has its own mutex.
  std::vector<std::shared_ptr<const CopyContent>> contents;
  if (error == hr::kOk) error = copyContents(object, contents);
  if (error != hr::kOk) {
    failed(op, error);
    leaveUnfinished(op.owner, object, Operation::DoSnapshotSet);
    return;
  }
  commitCopies(op.owner, object, contents);
  stampComponents(object);
  object.phase = ObjectPhase::SnapshotDone;
  releaseSetLock(op.owner);
}

hresult MachineState::checkDiffArea(const ObjectState& object) const {
  for (const SetMember& member : object.members) {
    const VolumeSpec* volume = findVolume(member.volume);
    if (volume == nullptr || volume->diffAreaBytes < 0) continue;
    std::int64_t used = 0;
    for (const ShadowCopy& copy : copies) {
      if (sameVolumeName(copy.properties.originalVolumeName, member.volume)) used += copy.diffAreaBytes;
    }
    if (used + volume->bytesPerCopy > volume->diffAreaBytes) return hr::kInsufficientStorage;
  }
  return hr::kOk;
}

namespace {
std::string hex(hresult value) {
  char text[11];
  std::snprintf(text, sizeof text, "0x%08X", static_cast<unsigned>(value));
  return text;
}
}  // namespace

hresult MachineState::copyContents(const ObjectState& object,
                                   std::vector<std::shared_ptr<const CopyContent>>& contents) const {
  contents.assign(object.members.size(), nullptr);
  std::int64_t device = nextDeviceNumber;  // as commitCopies numbers them
  for (std::size_t i = 0; i < object.members.size(); ++i, ++device) {
    const VolumeSpec* volume = findVolume(object.members[i].volume);
    if (volume == nullptr || volume->content.empty()) continue;
    if (contentFolder.empty()) {
      log(LogLevel::Error, "A simulated volume has files (" + volume->content.u8string() +
                               ") but the machine has no folder for its copies' files: DoSnapshotSet fails.");
      return hr::kVssUnexpected;
    }
    const std::filesystem::path target =
        contentFolder / std::filesystem::path(u"HarddiskVolumeShadowCopy" + decimal(device));
    std::string why;
    const hresult result = CopyContent::make(volume->content, target, contents[i], why);
    if (result != hr::kOk) {
      // The copies made so far go with `contents`.
      log(LogLevel::Warn, "The simulated DoSnapshotSet could not copy the volume's backing folder " +
                              volume->content.u8string() + ", so it fails with " + hex(result) + ": " + why);
      return result;
    }
  }
  return hr::kOk;
}

void MachineState::commitCopies(std::uint64_t owner, ObjectState& object,
                                std::vector<std::shared_ptr<const CopyContent>>& contents) {
  // Everything is built before the first copy is added: the set appears whole or not at all.
  std::vector<ShadowCopy> made;
  made.reserve(object.members.size());
  const std::int64_t created = fileTimeNow();
  std::int64_t device = nextDeviceNumber;
  for (const SetMember& member : object.members) {
    ShadowCopy copy;
    SnapshotProperties& p = copy.properties;
    p.snapshotId = member.snapshotId;
    p.snapshotSetId = object.snapshotSetId;
    p.snapshotsCount = static_cast<std::int32_t>(object.members.size());
    p.snapshotDeviceObject = u"\\\\?\\GLOBALROOT\\Device\\HarddiskVolumeShadowCopy" + decimal(device++);
    p.originalVolumeName = member.volume;
    p.originatingMachine = machineName;
    p.serviceMachine = machineName;
    p.providerId = member.providerId;
    p.snapshotAttributes = object.context | attr::DIFFERENTIAL;
    p.creationTimestamp = created;
    p.status = kSnapshotStateCreated;
    copy.context = object.context;
    copy.owner = owner;
    const VolumeSpec* volume = findVolume(member.volume);
    copy.diffAreaBytes = volume != nullptr ? volume->bytesPerCopy : 0;
    copy.content = std::move(contents[made.size()]);
    made.push_back(std::move(copy));
  }
  copies.reserve(copies.size() + made.size());
  for (ShadowCopy& copy : made) copies.push_back(std::move(copy));
  nextDeviceNumber = device;
}

void MachineState::cancel(std::shared_ptr<OpRecord> keep) {
  OpRecord& op = *keep;
  if (op.status != OpRecord::Status::Pending) return;
  op.status = OpRecord::Status::Cancelled;
  pendingOps.erase(std::remove_if(pendingOps.begin(), pendingOps.end(),
                                  [&](const std::shared_ptr<OpRecord>& p) { return p.get() == &op; }),
                   pendingOps.end());
  auto found = objects.find(op.owner);
  if (found != objects.end() && found->second.pending.get() == &op) {
    ObjectState& object = found->second;
    object.pending.reset();
    leaveUnfinished(op.owner, object, op.operation);
    noteWriters(op.owner, object);
  }
  changed.notify_all();
}

void MachineState::releaseSetLock(std::uint64_t owner) {
  if (setLockOwner == owner) setLockOwner = 0;
}

void MachineState::destroyObject(std::uint64_t owner) {
  auto found = objects.find(owner);
  if (found == objects.end()) return;
  // Releasing an object mid-operation ends the operation (VSS's BackupShutdown): its IVssAsync reports
  // it cancelled, and nothing it would have created appears.
  if (found->second.pending) cancel(found->second.pending);
  releaseSetLock(owner);
  if (writersMovedBy == owner) {
    // BackupShutdown: the writers still waiting in this backup are told it is over; failures stay on record.
    for (WriterStatus& writer : writerStates) {
      const bool waiting = writer.state >= writer_state::WAITING_FOR_FREEZE &&
                           writer.state <= writer_state::WAITING_FOR_BACKUP_COMPLETE;
      if (waiting) {
        writer.state = writer_state::STABLE;
      }
    }
    writersMovedBy = 0;
  }
  auto released = [&](const ShadowCopy& copy) { return copy.owner == owner && autoReleased(copy.context); };
  copies.erase(std::remove_if(copies.begin(), copies.end(), released), copies.end());
  objects.erase(owner);
  changed.notify_all();
}

}  // namespace vss4j::sim
