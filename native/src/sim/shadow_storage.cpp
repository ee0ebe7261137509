#include "sim/shadow_storage.h"

#include <algorithm>
#include <new>
#include <utility>

#include "sim/text.h"

namespace vss4j::sim {
namespace {

// Microsoft: every name takes a trailing backslash (drive letter, mounted folder or volume GUID path).
bool wellFormed(const WString& name) { return name.size() >= 2 && name.back() == u'\\'; }

VolumeSpec* findMutable(MachineState& machine, const WString& name) {
  return const_cast<VolumeSpec*>(machine.findVolume(name));
}

const VolumeSpec& diffAreaHost(const MachineState& machine, const VolumeSpec& volume) {
  if (volume.diffAreaVolume.empty()) return volume;
  const VolumeSpec* host = machine.findVolume(volume.diffAreaVolume);
  return host != nullptr ? *host : volume;
}

std::int64_t usedBy(const MachineState& machine, const VolumeSpec& volume) {
  std::int64_t used = 0;
  for (const ShadowCopy& copy : machine.copies) {
    if (machine.findVolume(copy.properties.originalVolumeName) == &volume) used += copy.diffAreaBytes;
  }
  return used;
}

// Whether the association was set (AddDiffArea, ChangeDiffAreaMaximumSize or the machine's description) rather
// than the default one VSS makes with the first copy. [I] Windows then refuses AddDiffArea for the volume.
bool explicitlySet(const VolumeSpec& volume) { return volume.diffAreaBytes >= 0 || !volume.diffAreaVolume.empty(); }

class SimShadowStorage final : public ShadowStorage {
 public:
  explicit SimShadowStorage(std::shared_ptr<MachineState> machine) : machine_(std::move(machine)) {
    ++machine_->liveObjects;
  }
  ~SimShadowStorage() override { --machine_->liveObjects; }
  SimShadowStorage(const SimShadowStorage&) = delete;
  SimShadowStorage& operator=(const SimShadowStorage&) = delete;

  hresult queryDiffAreasForVolume(const WString& volumeName, std::vector<DiffArea>& areas) override {
    areas.clear();
    std::lock_guard<std::mutex> lock(machine_->mutex);
    machine_->settle(Clock::now());
    machine_->callLog.record(Operation::QueryDiffAreasForVolume);
    if (!wellFormed(volumeName)) return hr::kInvalidArg;
    if (auto fault = machine_->faults.attempt(Operation::QueryDiffAreasForVolume); fault && failed(fault->result)) {
      return fault->result;
    }
    const VolumeSpec* volume = machine_->findVolume(volumeName);
    // [I] A volume the machine does not have: VSS_E_OBJECT_NOT_FOUND (the documentation lists only
    // E_INVALIDARG for a bad name; the workflow's real-VSS step prints what Windows answers).
    if (volume == nullptr) return hr::kObjectNotFound;
    areas.push_back(diffAreaOf(*machine_, *volume));
    return hr::kOk;
  }

  hresult addDiffArea(const WString& volumeName, const WString& diffAreaVolumeName,
                      std::int64_t maximumBytes) override {
    std::lock_guard<std::mutex> lock(machine_->mutex);
    machine_->settle(Clock::now());
    machine_->callLog.record(Operation::AddDiffArea);
    if (!wellFormed(volumeName) || !wellFormed(diffAreaVolumeName)) return hr::kInvalidArg;
    // Microsoft: "at least 320 MB ... If this value is -1, the maximum size is unlimited"; MS-SCMP: 0 is E_INVALIDARG.
    if (maximumBytes != -1 && maximumBytes < kMinimumDiffAreaBytes) return hr::kInvalidArg;
    if (auto fault = machine_->faults.attempt(Operation::AddDiffArea); fault && failed(fault->result)) {
      return fault->result;
    }
    VolumeSpec* volume = findMutable(*machine_, volumeName);
    const VolumeSpec* host = machine_->findVolume(diffAreaVolumeName);
    if (volume == nullptr || host == nullptr) return hr::kObjectNotFound;  // [I] as for QueryDiffAreasForVolume
    // MS-SCMP: VOLUME_NOT_SUPPORTED when the volume takes no copies or the other volume can hold no storage.
    if (!volume->supported || !host->supported) return hr::kVolumeNotSupported;
    // [I] The association exists once set, or once the volume has copies (they live in its default diff area).
    if (explicitlySet(*volume) || usedBy(*machine_, *volume) > 0 || machine_->copiesOf(volume->name) > 0 ||
        machine_->copiesOf(volume->guidName) > 0) {
      return hr::kObjectAlreadyExists;
    }
    volume->diffAreaVolume = host->name;
    volume->diffAreaBytes = maximumBytes;
    return hr::kOk;
  }

  hresult changeDiffAreaMaximumSize(const WString& volumeName, const WString& diffAreaVolumeName,
                                    std::int64_t maximumBytes) override {
    std::lock_guard<std::mutex> lock(machine_->mutex);
    machine_->settle(Clock::now());
    machine_->callLog.record(Operation::ChangeDiffAreaMaximumSize);
    if (!wellFormed(volumeName) || !wellFormed(diffAreaVolumeName) || maximumBytes < -1) return hr::kInvalidArg;
    if (auto fault = machine_->faults.attempt(Operation::ChangeDiffAreaMaximumSize); fault && failed(fault->result)) {
      return fault->result;
    }
    VolumeSpec* volume = findMutable(*machine_, volumeName);
    const VolumeSpec* host = machine_->findVolume(diffAreaVolumeName);
    // Microsoft: VSS_E_OBJECT_NOT_FOUND when there is no association between the two volumes.
    if (volume == nullptr || host == nullptr || &diffAreaHost(*machine_, *volume) != host) {
      return hr::kObjectNotFound;
    }
    const std::int64_t used = usedBy(*machine_, *volume);
    if (maximumBytes == 0) {
      // Microsoft: 0 deletes the storage area; VSS_E_VOLUME_IN_USE when copies use it.
      if (used > 0) return hr::kVolumeInUse;
      volume->diffAreaVolume.clear();
      volume->diffAreaBytes = -1;
      return hr::kOk;
    }
    // [I] A maximum below what the copies use: vssadmin warns that a resize may delete shadow copies, and Windows
    // answers S_OK; the simulator deletes the volume's oldest copies until the rest fit.
    if (maximumBytes != -1) {
      std::int64_t over = used - maximumBytes;
      auto& copies = machine_->copies;
      for (auto it = copies.begin(); it != copies.end() && over > 0;) {
        if (machine_->findVolume(it->properties.originalVolumeName) == volume) {
          over -= it->diffAreaBytes;
          it = copies.erase(it);
        } else {
          ++it;
        }
      }
    }
    volume->diffAreaBytes = maximumBytes;
    if (volume->diffAreaVolume.empty()) volume->diffAreaVolume = volume->name;  // now set explicitly
    return hr::kOk;
  }

 private:
  std::shared_ptr<MachineState> machine_;
};

}  // namespace

DiffArea diffAreaOf(const MachineState& machine, const VolumeSpec& volume) {
  DiffArea area;
  // Every volume name of the management interfaces is the volume's \\?\Volume{GUID}\ name (VSS_VOLUME_PROP,
  // VSS_DIFF_VOLUME_PROP say so; [I] VSS_DIFF_AREA_PROP's "volume name" is the same), whatever name was asked.
  area.volumeName = volume.guidName;
  area.diffAreaVolumeName = diffAreaHost(machine, volume).guidName;
  area.maximumBytes = volume.diffAreaBytes;
  area.usedBytes = usedBy(machine, volume);
  // [I] Windows allocates the area ahead of use in steps; the simulator allocates exactly what is used.
  area.allocatedBytes = area.usedBytes;
  return area;
}

std::unique_ptr<ShadowStorage> openShadowStorage(std::shared_ptr<MachineState> machine) {
  return std::make_unique<SimShadowStorage>(std::move(machine));
}

}  // namespace vss4j::sim
