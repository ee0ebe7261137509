// VSS's enumerations and records, by value, without <vss.h>: the simulator and the core use these,
// the Windows adapter converts from the SDK's types.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/guid.h"
#include "core/hresult.h"

namespace vss4j {

// VSS's WCHAR strings. Java's String is UTF-16 as well, so text crosses JNI without conversion.
using WString = std::u16string;

namespace ctx {  // _VSS_SNAPSHOT_CONTEXT
constexpr std::int32_t BACKUP = 0x00;
constexpr std::int32_t FILE_SHARE_BACKUP = 0x10;
constexpr std::int32_t NAS_ROLLBACK = 0x19;
constexpr std::int32_t APP_ROLLBACK = 0x09;
constexpr std::int32_t CLIENT_ACCESSIBLE = 0x1D;
constexpr std::int32_t CLIENT_ACCESSIBLE_WRITERS = 0x0D;
constexpr std::int32_t ALL = static_cast<std::int32_t>(0xFFFFFFFFu);
}  // namespace ctx

namespace attr {  // _VSS_VOLUME_SNAPSHOT_ATTRIBUTES
constexpr std::int32_t PERSISTENT = 0x1;
constexpr std::int32_t NO_AUTORECOVERY = 0x2;
constexpr std::int32_t CLIENT_ACCESSIBLE = 0x4;
constexpr std::int32_t NO_AUTO_RELEASE = 0x8;
constexpr std::int32_t NO_WRITERS = 0x10;
constexpr std::int32_t TRANSPORTABLE = 0x20;
constexpr std::int32_t NOT_SURFACED = 0x40;
constexpr std::int32_t NOT_TRANSACTED = 0x80;
constexpr std::int32_t HARDWARE_ASSISTED = 0x10000;
constexpr std::int32_t DIFFERENTIAL = 0x20000;
constexpr std::int32_t PLEX = 0x40000;
constexpr std::int32_t IMPORTED = 0x80000;
constexpr std::int32_t EXPOSED_LOCALLY = 0x100000;
constexpr std::int32_t EXPOSED_REMOTELY = 0x200000;
constexpr std::int32_t AUTORECOVER = 0x400000;
constexpr std::int32_t ROLLBACK_RECOVERY = 0x800000;
constexpr std::int32_t DELAYED_POSTSNAPSHOT = 0x1000000;
constexpr std::int32_t TXF_RECOVERY = 0x2000000;
constexpr std::int32_t FILE_SHARE = 0x4000000;
}  // namespace attr

namespace backup_type {  // VSS_BACKUP_TYPE
constexpr std::int32_t UNDEFINED = 0;
constexpr std::int32_t FULL = 1;
constexpr std::int32_t INCREMENTAL = 2;
constexpr std::int32_t DIFFERENTIAL = 3;
constexpr std::int32_t LOG = 4;
constexpr std::int32_t COPY = 5;
constexpr std::int32_t OTHER = 6;
}  // namespace backup_type

namespace object_type {  // VSS_OBJECT_TYPE
constexpr std::int32_t UNKNOWN = 0;
constexpr std::int32_t NONE = 1;
constexpr std::int32_t SNAPSHOT_SET = 2;
constexpr std::int32_t SNAPSHOT = 3;
constexpr std::int32_t PROVIDER = 4;
}  // namespace object_type

namespace writer_state {  // VSS_WRITER_STATE
constexpr std::int32_t UNKNOWN = 0;
constexpr std::int32_t STABLE = 1;
constexpr std::int32_t WAITING_FOR_FREEZE = 2;
constexpr std::int32_t WAITING_FOR_THAW = 3;
constexpr std::int32_t WAITING_FOR_POST_SNAPSHOT = 4;
constexpr std::int32_t WAITING_FOR_BACKUP_COMPLETE = 5;
constexpr std::int32_t FAILED_AT_IDENTIFY = 6;
constexpr std::int32_t FAILED_AT_PREPARE_BACKUP = 7;
constexpr std::int32_t FAILED_AT_PREPARE_SNAPSHOT = 8;
constexpr std::int32_t FAILED_AT_FREEZE = 9;
constexpr std::int32_t FAILED_AT_THAW = 10;
constexpr std::int32_t FAILED_AT_POST_SNAPSHOT = 11;
constexpr std::int32_t FAILED_AT_BACKUP_COMPLETE = 12;
constexpr std::int32_t FAILED_AT_PRE_RESTORE = 13;
constexpr std::int32_t FAILED_AT_POST_RESTORE = 14;
constexpr std::int32_t FAILED_AT_BACKUPSHUTDOWN = 15;
}  // namespace writer_state

constexpr std::int32_t kSnapshotStateCreated = 12;  // VSS_SS_CREATED: the state of a finished copy

// VSS_SNAPSHOT_PROP, owned: the backend has already freed its own copy (VssFreeSnapshotProperties).
struct SnapshotProperties {
  Guid snapshotId;
  Guid snapshotSetId;
  std::int32_t snapshotsCount = 0;
  WString snapshotDeviceObject;
  WString originalVolumeName;
  WString originatingMachine;
  WString serviceMachine;
  WString exposedName;
  WString exposedPath;
  Guid providerId;
  std::int32_t snapshotAttributes = 0;
  std::int64_t creationTimestamp = 0;  // FILETIME: 100 ns ticks since 1601-01-01 UTC
  std::int32_t status = 0;             // VSS_SNAPSHOT_STATE
};

// One row of GetWriterStatus.
struct WriterStatus {
  Guid instanceId;
  Guid writerId;
  WString writerName;
  std::int32_t state = writer_state::UNKNOWN;
  hresult failure = hr::kOk;  // the writer's own failure code (VSS_E_WRITERERROR_*), S_OK when none
};

namespace component_type {  // VSS_COMPONENT_TYPE
constexpr std::int32_t UNDEFINED = 0;
constexpr std::int32_t DATABASE = 1;
constexpr std::int32_t FILE_GROUP = 2;
}  // namespace component_type

// Which list of a component (or of the writer) a file descriptor comes from.
namespace file_kind {
constexpr std::int32_t FILE_GROUP = 0;  // IVssWMComponent::GetFile
constexpr std::int32_t DATABASE = 1;    // GetDatabaseFile
constexpr std::int32_t LOG = 2;         // GetDatabaseLogFile
constexpr std::int32_t EXCLUDE = 3;     // IVssExamineWriterMetadata::GetExcludeFile
}  // namespace file_kind

// IVssWMFiledesc, plus the volume its path lives on (\\?\Volume{GUID}\, empty when it cannot be resolved),
// resolved by the backend so that a requester knows which volumes to add to the set.
struct FileDescriptor {
  std::int32_t kind = file_kind::FILE_GROUP;
  WString path;
  WString fileSpec;
  bool recursive = false;
  WString alternateLocation;
  WString volume;
};

// IVssWMDependency.
struct ComponentDependency {
  Guid writerId;
  WString logicalPath;
  WString componentName;
};

// IVssWMComponent: VSS_COMPONENTINFO and what GetFile/GetDatabaseFile/GetDatabaseLogFile/GetDependency list.
struct WriterComponent {
  std::int32_t type = component_type::FILE_GROUP;
  WString logicalPath;
  WString name;
  WString caption;
  bool selectableForBackup = false;
  bool selectableForRestore = false;
  bool notifyOnBackupComplete = false;
  std::int32_t componentFlags = 0;  // VSS_COMPONENT_FLAGS
  std::vector<FileDescriptor> files;  // file group, database and log files, in that order, each with its kind
  std::vector<ComponentDependency> dependencies;
};

// IVssExamineWriterMetadata::GetRestoreMethod.
struct RestoreMethod {
  std::int32_t method = 0;         // VSS_RESTOREMETHOD_ENUM
  WString service;
  WString userProcedure;
  std::int32_t writerRestore = 0;  // VSS_WRITERRESTORE_ENUM
  bool rebootRequired = false;
  std::int32_t mappings = 0;       // alternate location mappings
};

// One component as a writer recorded it in the Backup Components Document (GetWriterComponents: its
// IVssWriterComponentsExt's writer ids, then IVssComponent's getters).
struct RecordedComponent {
  Guid instanceId;
  Guid writerId;
  std::int32_t type = component_type::UNDEFINED;
  WString logicalPath;
  WString componentName;
  bool backupSucceeded = false;
  WString backupStamp;          // empty: the writer set none
  WString previousBackupStamp;  // empty: none was set
  WString backupOptions;        // empty: none were set
};

// One writer from GetWriterMetadata: IVssExamineWriterMetadata in full.
struct WriterMetadata {
  Guid instanceId;
  Guid writerId;
  WString writerName;
  std::int32_t usageType = 0;   // VSS_USAGE_TYPE
  std::int32_t sourceType = 0;  // VSS_SOURCE_TYPE
  RestoreMethod restoreMethod;
  std::int32_t backupSchema = 0;  // VSS_BACKUP_SCHEMA mask (GetBackupSchema)
  std::vector<FileDescriptor> excludeFiles;
  std::vector<WriterComponent> components;
};

}  // namespace vss4j
