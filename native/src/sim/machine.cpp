#include "sim/machine.h"

#include <algorithm>
#include <new>
#include <thread>

#include "sim/backup_components.h"
#include "sim/components.h"
#include "sim/machine_state.h"
#include "sim/shadow_storage.h"
#include "sim/text.h"

namespace vss4j::sim {
namespace {

class SimMachine final : public Machine {
 public:
  SimMachine() : state_(std::make_shared<MachineState>()) {}

  hresult createBackupComponents(std::unique_ptr<BackupComponents>& components) override {
    components.reset();
    try {
      auto made = std::make_unique<SimBackupComponents>(state_);
      {
        std::lock_guard<std::mutex> lock(state_->mutex);
        state_->settle(Clock::now());
        state_->callLog.record(Operation::CreateBackupComponents);
        auto fault = state_->faults.attempt(Operation::CreateBackupComponents);
        if (fault && failed(fault->result)) return fault->result;
        const std::uint64_t id = state_->nextObjectId++;
        state_->objects.emplace(id, ObjectState{});
        made->attach(id);
      }
      components = std::move(made);
      return hr::kOk;
    } catch (const std::bad_alloc&) {
      return hr::kOutOfMemory;
    } catch (...) {
      return hr::kUnexpected;
    }
  }

  // [I] The services a requester's machine has: VSS and the system provider, both demand-start (Manual) and
  // running while a requester uses them, as on a default Windows install, unless described otherwise
  // (setService). Service names compare without case.
  hresult queryService(const WString& name, ServiceState& state) override {
    state = ServiceState{};
    std::lock_guard<std::mutex> lock(state_->mutex);
    for (const auto& [described, service] : state_->services) {
      if (sameVolumeName(described, name)) {
        state = service;
        return hr::kOk;
      }
    }
    if (sameVolumeName(name, u"VSS") || sameVolumeName(name, u"swprv")) {
      state.exists = true;
      state.currentState = 4;  // SERVICE_RUNNING
      state.startType = 3;     // SERVICE_DEMAND_START
    }
    return hr::kOk;
  }

  void setService(const WString& name, const ServiceState& service) override {
    std::lock_guard<std::mutex> lock(state_->mutex);
    auto& services = state_->services;
    auto same = std::find_if(services.begin(), services.end(),
                             [&](const auto& entry) { return sameVolumeName(entry.first, name); });
    if (same != services.end()) {
      same->second = service;
    } else {
      services.emplace_back(name, service);
    }
  }

  void logEvent(const LoggedEvent& event) override {
    std::lock_guard<std::mutex> lock(state_->mutex);
    state_->eventLog.add(event);
  }

  // The fault plan's ReadEventLog stands for a log that refuses the reader (e.g. E_ACCESSDENIED), and its duration
  // for a log that answers late: the read then takes that long whatever the query's budget, as a hung log
  // would, so that callers' own bounds can be tested. Not in the call log: it is no call of a VSS object.
  hresult readEvents(const EventQuery& query, std::vector<LoggedEvent>& events) override {
    events.clear();
    try {
      std::chrono::nanoseconds late{};
      {
        std::lock_guard<std::mutex> lock(state_->mutex);
        state_->settle(Clock::now());
        // value_or, not `fault && failed(fault->result)`: gcc may test the payload of an empty optional before its
        // flag there, which is harmless but makes valgrind report a jump on an uninitialised value.
        FaultSpec none;
        none.result = hr::kOk;
        const hresult planned = state_->faults.attempt(Operation::ReadEventLog).value_or(none).result;
        if (failed(planned)) return planned;
        late = state_->durations[static_cast<std::size_t>(Operation::ReadEventLog)];
      }
      if (late > std::chrono::nanoseconds::zero()) std::this_thread::sleep_for(late);
      std::lock_guard<std::mutex> lock(state_->mutex);
      events = state_->eventLog.read(query);
      return hr::kOk;
    } catch (const std::bad_alloc&) {
      events.clear();
      return hr::kOutOfMemory;
    }
  }

  hresult openShadowStorage(std::unique_ptr<ShadowStorage>& storage) override {
    storage.reset();
    try {
      storage = sim::openShadowStorage(state_);
      return hr::kOk;
    } catch (const std::bad_alloc&) {
      return hr::kOutOfMemory;
    }
  }

  void addVolume(const VolumeSpec& volume) override {
    std::lock_guard<std::mutex> lock(state_->mutex);
    VolumeSpec added = volume;
    if (added.guidName.empty()) added.guidName = volumeGuidPath(state_->newGuid());
    // A volume named again, by either of its names, is described anew.
    auto& volumes = state_->volumes;
    auto same = std::find_if(volumes.begin(), volumes.end(), [&](const VolumeSpec& v) {
      return sameVolumeName(v.name, added.name) || sameVolumeName(v.guidName, added.guidName);
    });
    if (same != volumes.end()) {
      *same = added;
    } else {
      volumes.push_back(added);
    }
  }

  void addWriter(const WriterSpec& writer) override {
    std::lock_guard<std::mutex> lock(state_->mutex);
    state_->writers.push_back(writer);
    state_->writerStates.push_back(
        WriterStatus{writer.instanceId, writer.writerId, writer.name, writer_state::STABLE, hr::kOk});
  }

  bool addComponentFault(const Guid& instanceId, const ComponentFault& fault) override {
    // Identify comes before any component is selected: a writer that fails there fails as a whole.
    if (fault.phase == WriterPhase::None || fault.phase == WriterPhase::Identify) return false;
    std::lock_guard<std::mutex> lock(state_->mutex);
    for (WriterSpec& writer : state_->writers) {
      if (writer.instanceId != instanceId) continue;
      if (findComponent(writer, fault.type, fault.logicalPath, fault.componentName) == nullptr) return false;
      writer.componentFaults.push_back(fault);
      return true;
    }
    return false;
  }

  bool setRestoreTarget(const Guid& instanceId, const RestoreTargetChoice& choice) override {
    if (choice.target < restore_target::UNDEFINED || choice.target > restore_target::ORIGINAL_LOCATION) return false;
    std::lock_guard<std::mutex> lock(state_->mutex);
    for (WriterSpec& writer : state_->writers) {
      if (writer.instanceId != instanceId) continue;
      if (findComponent(writer, choice.type, choice.logicalPath, choice.componentName) == nullptr) return false;
      auto& targets = writer.restoreTargets;
      targets.erase(std::remove_if(targets.begin(), targets.end(),
                                   [&](const RestoreTargetChoice& earlier) {
                                     return earlier.type == choice.type && earlier.logicalPath == choice.logicalPath &&
                                            earlier.componentName == choice.componentName;
                                   }),
                    targets.end());
      targets.push_back(choice);
      return true;
    }
    return false;
  }

  void addFault(const FaultSpec& fault) override {
    std::lock_guard<std::mutex> lock(state_->mutex);
    state_->faults.add(fault);
  }

  void setDuration(Operation operation, std::chrono::nanoseconds duration) override {
    if (!isValidOperation(static_cast<std::int32_t>(operation))) return;
    std::lock_guard<std::mutex> lock(state_->mutex);
    state_->durations[static_cast<std::size_t>(operation)] = clamp(duration);
  }

  void setWriterTimeout(std::chrono::nanoseconds timeout) override {
    std::lock_guard<std::mutex> lock(state_->mutex);
    state_->writerTimeout = clamp(timeout);
  }

  void setWaitTimeoutResult(hresult result) override {
    std::lock_guard<std::mutex> lock(state_->mutex);
    state_->waitTimeoutResult = result;
  }

  void setWriterFailureFailsSnapshotSet(bool fails) override {
    std::lock_guard<std::mutex> lock(state_->mutex);
    state_->writerFailureFailsSnapshotSet = fails;
  }

  void setMachineName(const WString& name) override {
    std::lock_guard<std::mutex> lock(state_->mutex);
    state_->machineName = name;
  }

  WString machineName() const override {
    std::lock_guard<std::mutex> lock(state_->mutex);
    return state_->machineName;
  }

  void addProvider(const Guid& provider) override {
    std::lock_guard<std::mutex> lock(state_->mutex);
    if (!state_->providerKnown(provider)) state_->extraProviders.push_back(provider);
  }

  bool addExistingCopy(const SnapshotProperties& copy) override {
    std::lock_guard<std::mutex> lock(state_->mutex);
    const VolumeSpec* volume = state_->findVolume(copy.originalVolumeName);
    if (volume == nullptr) return false;
    ShadowCopy existing;
    existing.properties = copy;
    existing.properties.originalVolumeName = volume->guidName;
    // A context is the set of attributes below NO_WRITERS that describe it.
    existing.context = copy.snapshotAttributes & kContextBits;
    existing.diffAreaBytes = volume->bytesPerCopy;
    state_->copies.push_back(std::move(existing));
    state_->nextDeviceNumber = std::max(state_->nextDeviceNumber, deviceNumber(copy.snapshotDeviceObject) + 1);
    return true;
  }

  void setContentFolder(const std::filesystem::path& folder) override {
    std::lock_guard<std::mutex> lock(state_->mutex);
    state_->contentFolder = folder;
  }

  bool setVolumeContent(const WString& name, const std::filesystem::path& folder) override {
    std::lock_guard<std::mutex> lock(state_->mutex);
    for (VolumeSpec& volume : state_->volumes) {
      if (sameVolumeName(volume.name, name) || sameVolumeName(volume.guidName, name)) {
        volume.content = folder;
        return true;
      }
    }
    return false;
  }

  CopyFiles copyFiles(const WString& deviceObject) const override {
    std::lock_guard<std::mutex> lock(state_->mutex);
    state_->settle(Clock::now());
    CopyFiles files;
    for (const ShadowCopy& copy : state_->copies) {
      // [I] Device names are ASCII, matched ignoring case as the object manager matches names by default.
      if (!sameVolumeName(copy.properties.snapshotDeviceObject, deviceObject)) continue;
      const VolumeSpec* volume = state_->findVolume(copy.properties.originalVolumeName);
      files.volume = volume != nullptr ? volume->name : copy.properties.originalVolumeName;
      files.kind = copy.content ? CopyFiles::Kind::Content : CopyFiles::Kind::NoContent;
      if (copy.content) files.folder = copy.content->folder();
      break;
    }
    return files;
  }

  std::vector<WriterStatus> writerStates() const override {
    std::lock_guard<std::mutex> lock(state_->mutex);
    state_->settle(Clock::now());
    return state_->writerStates;
  }

  std::vector<ComponentOutcome> componentOutcomes() const override {
    std::lock_guard<std::mutex> lock(state_->mutex);
    return state_->componentOutcomes;
  }

  std::vector<RestoreRecord> restoreRecords() const override {
    std::lock_guard<std::mutex> lock(state_->mutex);
    state_->settle(Clock::now());
    return state_->restoreRecords;
  }

  std::int64_t liveObjects() const override { return state_->liveObjects.load(); }

  std::vector<SnapshotProperties> existingSnapshots() const override {
    std::lock_guard<std::mutex> lock(state_->mutex);
    state_->settle(Clock::now());
    std::vector<SnapshotProperties> found;
    for (const ShadowCopy& copy : state_->copies) found.push_back(copy.properties);
    return found;
  }

  std::vector<Operation> callLog() const override {
    std::lock_guard<std::mutex> lock(state_->mutex);
    return state_->callLog.entries();
  }

 private:
  // Deadlines are time points on a 64-bit nanosecond clock: a duration past a few centuries would overflow.
  static constexpr std::int32_t kContextBits =
      attr::PERSISTENT | attr::NO_AUTORECOVERY | attr::CLIENT_ACCESSIBLE | attr::NO_AUTO_RELEASE | attr::NO_WRITERS;

  // N of ...HarddiskVolumeShadowCopyN; 0 for a device name without a number at its end.
  static std::int64_t deviceNumber(const WString& device) {
    std::int64_t number = 0;
    std::size_t digits = device.size();
    while (digits > 0 && device[digits - 1] >= u'0' && device[digits - 1] <= u'9') --digits;
    if (device.size() - digits > 12) return 0;
    for (std::size_t i = digits; i < device.size(); ++i) number = number * 10 + (device[i] - u'0');
    return number;
  }

  static std::chrono::nanoseconds clamp(std::chrono::nanoseconds value) {
    const std::chrono::nanoseconds longest = std::chrono::hours(24 * 365 * 100);
    return std::max(std::chrono::nanoseconds::zero(), std::min(value, longest));
  }

  std::shared_ptr<MachineState> state_;
};

}  // namespace

std::shared_ptr<Machine> Machine::create() { return std::make_shared<SimMachine>(); }

}  // namespace vss4j::sim
