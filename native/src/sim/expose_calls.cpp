// The simulated ExposeSnapshot and UnexposeSnapshot ("Exposing and Surfacing Shadow Copied Volumes"). Exposing
// touches nothing on the host: the machine records the name on the copy, whose properties then report
// ExposedName / ExposedPath and the EXPOSED_LOCALLY or EXPOSED_REMOTELY attribute, as Windows reports them.
// Deleting the copy takes its exposure with it. Where Microsoft names no error code, the choice is marked [I].
#include <algorithm>
#include <optional>

#include "sim/backup_components.h"
#include "sim/call_rules.h"

namespace vss4j::sim {
namespace {

char16_t upper(char16_t c) { return (c >= u'a' && c <= u'z') ? static_cast<char16_t>(c - u'a' + u'A') : c; }

WString upperCase(WString text) {
  std::transform(text.begin(), text.end(), text.begin(), upper);
  return text;
}

bool isLetter(char16_t c) { return upper(c) >= u'A' && upper(c) <= u'Z'; }

bool isDriveLetter(const WString& name) { return name.size() == 2 && isLetter(name[0]) && name[1] == u':'; }

// "C:\dir[\sub...]": absolute on a drive letter, no empty, "." or ".." component, no wildcard or environment
// variable (Microsoft: "cannot contain environment variables ... or wildcard characters").
bool isFolderPath(const WString& path) {
  if (path.size() < 4 || !isLetter(path[0]) || path[1] != u':' || path[2] != u'\\') return false;
  if (path.find_first_of(u"*?%/\"<>|") != WString::npos || path.find(u':', 2) != WString::npos) return false;
  WString rest = path.substr(3);
  if (!rest.empty() && rest.back() == u'\\') rest.pop_back();
  std::size_t start = 0;
  while (start <= rest.size()) {
    const std::size_t end = std::min(rest.find(u'\\', start), rest.size());
    const WString part = rest.substr(start, end - start);
    if (part.empty() || part == u"." || part == u"..") return false;
    start = end + 1;
  }
  return true;
}

// A share name as Windows takes one [I: NetShareAdd's rules, 80 characters at most, none of \/:*?"<>|].
bool isShareName(const WString& name) {
  return !name.empty() && name.size() <= 80 && name.find_first_of(u"\\/:*?\"<>|%") == WString::npos;
}

bool hasWildcardOrVariable(const WString& path) { return path.find_first_of(u"*?%") != WString::npos; }

WString withoutTrailingBackslash(WString path) {
  if (!path.empty() && path.back() == u'\\') path.pop_back();
  return path;
}

// `inner` is `outer` or lies under it (both without a trailing backslash, upper case).
bool within(const WString& inner, const WString& outer) {
  return inner == outer || (inner.size() > outer.size() && inner.compare(0, outer.size(), outer) == 0 &&
                            inner[outer.size()] == u'\\');
}

// Every name already taken locally on the machine: its volumes' names (drive letters and mount folders) and the
// copies exposed locally, upper case and without a trailing backslash.
std::vector<WString> localNamesInUse(const MachineState& machine) {
  std::vector<WString> names;
  for (const VolumeSpec& volume : machine.volumes) names.push_back(upperCase(withoutTrailingBackslash(volume.name)));
  for (const ShadowCopy& copy : machine.copies) {
    if ((copy.properties.snapshotAttributes & attr::EXPOSED_LOCALLY) != 0) {
      names.push_back(upperCase(withoutTrailingBackslash(copy.properties.exposedName)));
    }
  }
  return names;
}

// A drive letter must be free [I: VSS's error for a letter in use is undocumented; E_INVALIDARG].
// A folder must be an empty folder of one of the machine's volumes: not a volume's root or mount point, not a
// copy's mount folder, not holding one, not inside an exposed copy (read-only) [I: the same error].
bool isFreeLocalName(const MachineState& machine, const WString& expose) {
  const WString wanted = upperCase(withoutTrailingBackslash(expose));
  const std::vector<WString> inUse = localNamesInUse(machine);
  if (isDriveLetter(wanted)) return std::find(inUse.begin(), inUse.end(), wanted) == inUse.end();
  const WString letter = wanted.substr(0, 2);
  const bool onAVolume = std::find(inUse.begin(), inUse.end(), letter) != inUse.end();
  const bool onAnExposedCopy = std::any_of(inUse.begin(), inUse.end(), [&](const WString& name) {
    return isDriveLetter(name) ? false : within(name, wanted) || within(wanted, name);
  });
  return onAVolume && !onAnExposedCopy;
}

bool shareInUse(const MachineState& machine, const WString& share) {
  const WString wanted = upperCase(share);
  return std::any_of(machine.copies.begin(), machine.copies.end(), [&](const ShadowCopy& copy) {
    return (copy.properties.snapshotAttributes & attr::EXPOSED_REMOTELY) != 0 &&
           upperCase(copy.properties.exposedName) == wanted;
  });
}

// The share VSS names when the caller names none [I: the last part of the copy's device object,
// e.g. "HarddiskVolumeShadowCopy3"].
WString defaultShareName(const SnapshotProperties& copy) {
  const WString& device = copy.snapshotDeviceObject;
  const std::size_t slash = device.find_last_of(u'\\');
  return slash == WString::npos ? device : device.substr(slash + 1);
}

ShadowCopy* findCopy(MachineState& machine, const Guid& id) {
  for (ShadowCopy& copy : machine.copies) {
    if (copy.properties.snapshotId == id) return &copy;
  }
  return nullptr;
}

constexpr std::int32_t kExposedBits = attr::EXPOSED_LOCALLY | attr::EXPOSED_REMOTELY;

}  // namespace

hresult SimBackupComponents::exposeSnapshot(const Guid& snapshotId, const WString* pathFromRoot,
                                            std::int32_t attributes, const WString* expose, WString& exposed) {
  exposed.clear();
  return call(Operation::ExposeSnapshot, [&](ObjectState& o) -> hresult {
    if (!in(o.phase, ObjectPhase::Init, ObjectPhase::SnapshotDone)) return hr::kBadState;
    if (auto fault = immediateFault(*machine_, Operation::ExposeSnapshot)) return *fault;
    const bool locally = attributes == attr::EXPOSED_LOCALLY;
    if (!locally && attributes != attr::EXPOSED_REMOTELY) return hr::kInvalidArg;  // exactly one of the two [D]
    if (locally) {
      // No path from root; a drive letter or a folder [D]; VSS names no local mount of its own [D: only remotely].
      if (pathFromRoot != nullptr || expose == nullptr) return hr::kInvalidArg;
      if (!isDriveLetter(*expose) && !isFolderPath(*expose)) return hr::kInvalidArg;
    } else {
      if (pathFromRoot != nullptr && hasWildcardOrVariable(*pathFromRoot)) return hr::kInvalidArg;  // [D]
      if (expose != nullptr && !isShareName(*expose)) return hr::kInvalidArg;
    }
    ShadowCopy* copy = findCopy(*machine_, snapshotId);
    if (copy == nullptr) return hr::kObjectNotFound;  // [D]
    // Only persistent copies can be exposed [D]; the code is undocumented: E_INVALIDARG as hobocopy#15 saw it on
    // a BACKUP-context copy [P].
    if ((copy->properties.snapshotAttributes & attr::PERSISTENT) == 0) return hr::kInvalidArg;
    if ((copy->properties.snapshotAttributes & kExposedBits) != 0) return hr::kInvalidArg;  // once at a time [I]
    WString name;
    if (locally) {
      if (!isFreeLocalName(*machine_, *expose)) return hr::kInvalidArg;
      name = withoutTrailingBackslash(*expose);
    } else {
      name = expose != nullptr ? *expose : defaultShareName(copy->properties);
      if (shareInUse(*machine_, name)) return hr::kInvalidArg;  // [I]
    }
    copy->properties.exposedName = name;
    copy->properties.exposedPath = (!locally && pathFromRoot != nullptr) ? *pathFromRoot : WString{};
    copy->properties.snapshotAttributes |= attributes;
    exposed = name;
    return hr::kOk;
  });
}

hresult SimBackupComponents::unexposeSnapshot(const Guid& snapshotId) {
  return call(Operation::UnexposeSnapshot, [&](ObjectState& o) -> hresult {
    if (!in(o.phase, ObjectPhase::Init, ObjectPhase::SnapshotDone)) return hr::kBadState;
    if (auto fault = immediateFault(*machine_, Operation::UnexposeSnapshot)) return *fault;
    ShadowCopy* copy = findCopy(*machine_, snapshotId);
    // "The specified shadow copy does not exist or is not exposed" [D].
    if (copy == nullptr || (copy->properties.snapshotAttributes & kExposedBits) == 0) return hr::kObjectNotFound;
    copy->properties.snapshotAttributes &= ~kExposedBits;
    copy->properties.exposedName.clear();
    copy->properties.exposedPath.clear();
    return hr::kOk;
  });
}

}  // namespace vss4j::sim
