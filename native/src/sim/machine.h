// One simulated Windows machine: volumes, writers, providers' limits and a fault plan, shared by every
// BackupComponents it creates, following ../shared/VSS-BEHAVIOUR.md. Thread-safe.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <vector>

#include "core/backend.h"
#include "core/operation.h"

namespace vss4j::sim {

struct VolumeSpec {
  WString name;                        // drive letter or mount point, trailing backslash included: u"C:\\"
  bool supported = true;               // false: AddToSnapshotSet gives VSS_E_VOLUME_NOT_SUPPORTED
  std::int64_t diffAreaBytes = -1;     // shadow storage for this volume; -1: unlimited
  std::int64_t bytesPerCopy = 0;       // shadow storage each new copy takes; past diffAreaBytes: INSUFFICIENT_STORAGE
  std::int32_t maxShadowCopies = -1;   // -1: VSS's limit (512; 64 in the client-accessible contexts)
  // The volume GUID path, \\?\Volume{GUID}\, which AddToSnapshotSet also takes and copies report as their
  // original volume, as Windows does. Empty: the machine gives the volume one of its own for its lifetime.
  WString guidName = {};
  // The volume the shadow storage lives on (AddDiffArea). Empty: the volume itself.
  WString diffAreaVolume = {};
  // The folder whose tree the volume's copies hold (sim/content_copy.h), copied at DoSnapshotSet. Empty: the
  // volume's copies have no files.
  std::filesystem::path content = {};
};

// What the machine knows of the files of the copy with a device object.
struct CopyFiles {
  enum class Kind { UnknownCopy, NoContent, Content };
  Kind kind = Kind::UnknownCopy;
  WString volume = {};                 // the name the volume was described with (not for UnknownCopy)
  std::filesystem::path folder = {};   // the copy's read-only tree (Content only)
};

// Where a writer fails (VSS's phases as the writer sees them).
enum class WriterPhase : std::int32_t {
  None = 0, Identify, PrepareBackup, PrepareSnapshot, Freeze, Thaw, PostSnapshot, BackupComplete, PreRestore,
  PostRestore
};
constexpr WriterPhase kLastWriterPhase = WriterPhase::PostRestore;

// A file set a restore puts somewhere else than where it was: AddAlternativeLocationMapping (to `destination`) or
// AddNewTarget (to the alternate path, kept in `destination`).
struct FileMapping {
  WString path;
  WString filespec;
  bool recursive = false;
  WString destination;
};

// Where a writer restores one of its components (IVssComponent::SetRestoreTarget at PreRestore): ORIGINAL unless
// the writer is configured otherwise for that component.
struct RestoreTargetChoice {
  std::int32_t type = component_type::UNDEFINED;
  WString logicalPath;
  WString componentName;
  std::int32_t target = restore_target::ORIGINAL;
};

// A component that its writer fails at a phase, the writer carrying on with its other components: Windows
// writers report this with IVssComponentEx2::SetFailure, and the requester reads it with
// IVssComponentEx2::GetFailure through GetWriterComponents. The writer's own status stays as it is [I]: the
// documentation separates component-level failures from the writer's (SetWriterFailure) and says no more.
// Only a component the backup selected (AddComponent) can fail, in PrepareBackup or a later phase.
struct ComponentFault {
  std::int32_t type = component_type::UNDEFINED;
  WString logicalPath;
  WString componentName;
  WriterPhase phase = WriterPhase::None;
  hresult failure = hr::kWriterErrorNonRetryable;
};

struct WriterSpec {
  WString name;
  Guid writerId;
  Guid instanceId;
  WriterPhase failsAt = WriterPhase::None;
  hresult failure = hr::kWriterErrorRetryable;  // reported in writer status
  bool hangs = false;  // instead of failing at `failsAt`, hangs until the writer timeout (VSS_E_WRITERERROR_TIMEOUT)
  // What GetWriterMetadata reports beyond the identity; file descriptors' volumes are resolved by the machine.
  RestoreMethod restoreMethod = {};
  std::int32_t backupSchema = 0;
  std::vector<FileDescriptor> excludeFiles = {};
  std::vector<WriterComponent> components = {};
  std::vector<ComponentFault> componentFaults = {};
  std::vector<RestoreTargetChoice> restoreTargets = {};
};

// What a writer was told about one component it restored, and what it answered: the restore type, the requester's
// options, additional restores, alternate locations and new targets, the file restore status (UNDEFINED until
// PostRestore told it), the target it chose at PreRestore, and the failure messages it set.
struct RestoreRecord {
  Guid instanceId;
  Guid writerId;
  std::int32_t type = component_type::UNDEFINED;
  WString logicalPath;
  WString componentName;
  std::int32_t restoreType = restore_type::UNDEFINED;
  bool additionalRestores = false;
  WString restoreOptions = {};
  std::vector<FileMapping> alternateLocations = {};
  std::vector<FileMapping> newTargets = {};
  std::int32_t restoreTarget = restore_target::UNDEFINED;
  std::int32_t fileRestoreStatus = file_restore_status::UNDEFINED;
  bool postRestoreDone = false;  // PostRestore reached the writer for this component
  WString preRestoreFailure = {};
  WString postRestoreFailure = {};
};

// What a writer was told about one component of a backup, and what it recorded: the requester's
// SetBackupSucceeded (the last call counts), the backup type of SetBackupState, the options and previous stamp
// the requester set, the stamp the writer gave this backup, and a component-level failure it reported.
struct ComponentOutcome {
  Guid instanceId;
  Guid writerId;
  WString logicalPath;
  WString componentName;
  bool succeeded = false;
  std::int32_t backupType = backup_type::UNDEFINED;
  WString backupStamp = {};
  WString previousBackupStamp = {};
  WString backupOptions = {};
  hresult failure = hr::kOk;
};

// A fault is checked after the call passed the state machine (an out-of-order call is BAD_STATE and no
// attempt). DoSnapshotSet's "QueryStatus only" errors (INSUFFICIENT_STORAGE, PROVIDER_VETO,
// UNEXPECTED_PROVIDER_ERROR) always come through QueryStatus; for synchronous operations throughQueryStatus
// means nothing. DeleteSnapshots counts one attempt per copy it deletes, so a plan can stop a set half-way.
struct FaultSpec {
  Operation operation = Operation::DoSnapshotSet;
  hresult result = hr::kUnexpected;
  bool throughQueryStatus = false;  // the call returns S_OK and its IVssAsync ends with `result`
  std::int32_t firstAttempt = 1;    // 1-based; attempts are counted per operation across the whole machine
  std::int32_t attempts = 1;        // how many attempts from firstAttempt are hit; -1: every one from then on
};

class Machine : public Backend {
 public:
  static std::shared_ptr<Machine> create();
  ~Machine() override = default;

  // Configuration; may be called at any time, takes effect for calls made afterwards.
  virtual void addVolume(const VolumeSpec& volume) = 0;
  virtual void addWriter(const WriterSpec& writer) = 0;
  // A fault for one component of the writer instance added before; false (nothing changed) if no writer has that
  // instance id or it declares no such component, or the phase is one a component cannot fail in.
  virtual bool addComponentFault(const Guid& instanceId, const ComponentFault& fault) = 0;
  // Where the writer instance added before restores one of its components; false (nothing changed) if no writer
  // has that instance id or it declares no such component, or `choice.target` is no VSS_RESTORE_TARGET.
  virtual bool setRestoreTarget(const Guid& instanceId, const RestoreTargetChoice& choice) = 0;
  virtual void addFault(const FaultSpec& fault) = 0;
  // How long the IVssAsync of an asynchronous operation stays pending (zero by default).
  virtual void setDuration(Operation operation, std::chrono::nanoseconds duration) = 0;
  // How long a hanging writer holds a phase before it times out (VSS's default is 60 s).
  virtual void setWriterTimeout(std::chrono::nanoseconds timeout) = 0;
  // What IVssAsync::Wait returns when its timeout passes before the operation ends (undocumented; S_OK default).
  virtual void setWaitTimeoutResult(hresult result) = 0;
  // Whether a writer that fails during DoSnapshotSet fails the whole DoSnapshotSet (with
  // VSS_E_UNEXPECTED_WRITER_ERROR) or only shows in writer status (the default).
  virtual void setWriterFailureFailsSnapshotSet(bool fails) = 0;
  // The name copies report as originating and service machine ("VSS4J-SIM" by default).
  virtual void setMachineName(const WString& name) = 0;
  virtual WString machineName() const = 0;
  // A provider besides the system one ({b5946137-...}, always there): AddToSnapshotSet and IsVolumeSupported
  // accept its id, and the copies made through it report it. Any other id: VSS_E_PROVIDER_NOT_REGISTERED.
  virtual void addProvider(const Guid& provider) = 0;
  // A persistent copy the machine already holds, e.g. one a program made in an earlier run: Query lists it in
  // the context its attributes name, DeleteSnapshots removes it, and new copies get device numbers after its.
  // Its original volume must be one of the machine's, else false and nothing is added.
  virtual bool addExistingCopy(const SnapshotProperties& copy) = 0;
  // Where the copies' files go (one folder per copy, named after its device), a private folder of the process
  // that the machine removes when it ends. Needed before a DoSnapshotSet of a volume with content.
  virtual void setContentFolder(const std::filesystem::path& folder) = 0;
  // Backs the volume added before with the tree at `folder` (VolumeSpec::content); false if no volume has that
  // name (either of its names, ignoring case).
  virtual bool setVolumeContent(const WString& volume, const std::filesystem::path& folder) = 0;
  // The files of the copy whose device object is `deviceObject` (ignoring case), while the copy exists.
  virtual CopyFiles copyFiles(const WString& deviceObject) const = 0;
  // How a Windows service stands on the machine (queryService), e.g. VSS disabled. Without one, VSS and swprv are
  // installed, running and demand-start, and every other service is missing.
  virtual void setService(const WString& name, const ServiceState& state) = 0;
  // An entry already in the machine's event log, e.g. an old VSS error, as if Windows had written it.
  virtual void logEvent(const LoggedEvent& event) = 0;
  // What the machine's faults wrote to its event log (sim/fault_events.h) and what was logged with logEvent.
  hresult readEvents(const EventQuery& query, std::vector<LoggedEvent>& events) override = 0;
  // The system provider's shadow storage management (sim/shadow_storage.h), counted among liveObjects().
  hresult openShadowStorage(std::unique_ptr<ShadowStorage>& storage) override = 0;

  // For tests: objects alive now (BackupComponents + AsyncOperation), which must come back to zero.
  virtual std::int64_t liveObjects() const = 0;
  // Shadow copies that exist now on the machine (persistent ones and those of live objects).
  virtual std::vector<SnapshotProperties> existingSnapshots() const = 0;
  // Every call made on the machine's objects, in order, as "Operation" names (operationName()).
  virtual std::vector<Operation> callLog() const = 0;
  // Every configured writer, in the order added, as the object that last moved it left it: STABLE before any
  // backup. A healthy writer still waiting in a backup whose object is released goes back to STABLE
  // (BackupShutdown); a failed one keeps its failed state and error until a later backup moves it.
  virtual std::vector<WriterStatus> writerStates() const = 0;
  // Every SetBackupSucceeded the machine's writers were told, one row per component (the latest call), in the
  // order the components were first told, with what else the writer was told and recorded for it.
  virtual std::vector<ComponentOutcome> componentOutcomes() const = 0;
  // Every component a writer of the machine was asked to restore (selected at PreRestore), one row per component
  // (the latest restore), in the order first restored.
  virtual std::vector<RestoreRecord> restoreRecords() const = 0;
};

}  // namespace vss4j::sim
