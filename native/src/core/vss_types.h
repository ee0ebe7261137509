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

// VSS's enumerations, one row per constant: the namespace it has here, our name, the SDK's, the value.
// windows/sdk_agreement.cpp checks every row against the SDK's own definition.
#define VSS4J_ENUMERATIONS(X)                                                         \
  /* _VSS_SNAPSHOT_CONTEXT */                                                         \
  X(ctx, BACKUP, VSS_CTX_BACKUP, 0x00)                                                \
  X(ctx, FILE_SHARE_BACKUP, VSS_CTX_FILE_SHARE_BACKUP, 0x10)                          \
  X(ctx, NAS_ROLLBACK, VSS_CTX_NAS_ROLLBACK, 0x19)                                    \
  X(ctx, APP_ROLLBACK, VSS_CTX_APP_ROLLBACK, 0x09)                                    \
  X(ctx, CLIENT_ACCESSIBLE, VSS_CTX_CLIENT_ACCESSIBLE, 0x1D)                          \
  X(ctx, CLIENT_ACCESSIBLE_WRITERS, VSS_CTX_CLIENT_ACCESSIBLE_WRITERS, 0x0D)          \
  X(ctx, ALL, VSS_CTX_ALL, 0xFFFFFFFFu)                                               \
  /* _VSS_VOLUME_SNAPSHOT_ATTRIBUTES */                                               \
  X(attr, PERSISTENT, VSS_VOLSNAP_ATTR_PERSISTENT, 0x1)                               \
  X(attr, NO_AUTORECOVERY, VSS_VOLSNAP_ATTR_NO_AUTORECOVERY, 0x2)                     \
  X(attr, CLIENT_ACCESSIBLE, VSS_VOLSNAP_ATTR_CLIENT_ACCESSIBLE, 0x4)                 \
  X(attr, NO_AUTO_RELEASE, VSS_VOLSNAP_ATTR_NO_AUTO_RELEASE, 0x8)                     \
  X(attr, NO_WRITERS, VSS_VOLSNAP_ATTR_NO_WRITERS, 0x10)                              \
  X(attr, TRANSPORTABLE, VSS_VOLSNAP_ATTR_TRANSPORTABLE, 0x20)                        \
  X(attr, NOT_SURFACED, VSS_VOLSNAP_ATTR_NOT_SURFACED, 0x40)                          \
  X(attr, NOT_TRANSACTED, VSS_VOLSNAP_ATTR_NOT_TRANSACTED, 0x80)                      \
  X(attr, HARDWARE_ASSISTED, VSS_VOLSNAP_ATTR_HARDWARE_ASSISTED, 0x10000)             \
  X(attr, DIFFERENTIAL, VSS_VOLSNAP_ATTR_DIFFERENTIAL, 0x20000)                       \
  X(attr, PLEX, VSS_VOLSNAP_ATTR_PLEX, 0x40000)                                       \
  X(attr, IMPORTED, VSS_VOLSNAP_ATTR_IMPORTED, 0x80000)                               \
  X(attr, EXPOSED_LOCALLY, VSS_VOLSNAP_ATTR_EXPOSED_LOCALLY, 0x100000)                \
  X(attr, EXPOSED_REMOTELY, VSS_VOLSNAP_ATTR_EXPOSED_REMOTELY, 0x200000)              \
  X(attr, AUTORECOVER, VSS_VOLSNAP_ATTR_AUTORECOVER, 0x400000)                        \
  X(attr, ROLLBACK_RECOVERY, VSS_VOLSNAP_ATTR_ROLLBACK_RECOVERY, 0x800000)            \
  X(attr, DELAYED_POSTSNAPSHOT, VSS_VOLSNAP_ATTR_DELAYED_POSTSNAPSHOT, 0x1000000)     \
  X(attr, TXF_RECOVERY, VSS_VOLSNAP_ATTR_TXF_RECOVERY, 0x2000000)                     \
  X(attr, FILE_SHARE, VSS_VOLSNAP_ATTR_FILE_SHARE, 0x4000000)                         \
  /* VSS_BACKUP_TYPE */                                                               \
  X(backup_type, UNDEFINED, VSS_BT_UNDEFINED, 0)                                      \
  X(backup_type, FULL, VSS_BT_FULL, 1)                                                \
  X(backup_type, INCREMENTAL, VSS_BT_INCREMENTAL, 2)                                  \
  X(backup_type, DIFFERENTIAL, VSS_BT_DIFFERENTIAL, 3)                                \
  X(backup_type, LOG, VSS_BT_LOG, 4)                                                  \
  X(backup_type, COPY, VSS_BT_COPY, 5)                                                \
  X(backup_type, OTHER, VSS_BT_OTHER, 6)                                              \
  /* VSS_OBJECT_TYPE */                                                               \
  X(object_type, UNKNOWN, VSS_OBJECT_UNKNOWN, 0)                                      \
  X(object_type, NONE, VSS_OBJECT_NONE, 1)                                            \
  X(object_type, SNAPSHOT_SET, VSS_OBJECT_SNAPSHOT_SET, 2)                            \
  X(object_type, SNAPSHOT, VSS_OBJECT_SNAPSHOT, 3)                                    \
  X(object_type, PROVIDER, VSS_OBJECT_PROVIDER, 4)                                    \
  /* VSS_PROVIDER_TYPE */                                                             \
  X(provider_type, UNKNOWN, VSS_PROV_UNKNOWN, 0)                                      \
  X(provider_type, SYSTEM, VSS_PROV_SYSTEM, 1)                                        \
  X(provider_type, SOFTWARE, VSS_PROV_SOFTWARE, 2)                                    \
  X(provider_type, HARDWARE, VSS_PROV_HARDWARE, 3)                                    \
  X(provider_type, FILESHARE, VSS_PROV_FILESHARE, 4)                                  \
  /* VSS_WRITER_STATE */                                                              \
  X(writer_state, UNKNOWN, VSS_WS_UNKNOWN, 0)                                         \
  X(writer_state, STABLE, VSS_WS_STABLE, 1)                                           \
  X(writer_state, WAITING_FOR_FREEZE, VSS_WS_WAITING_FOR_FREEZE, 2)                   \
  X(writer_state, WAITING_FOR_THAW, VSS_WS_WAITING_FOR_THAW, 3)                       \
  X(writer_state, WAITING_FOR_POST_SNAPSHOT, VSS_WS_WAITING_FOR_POST_SNAPSHOT, 4)     \
  X(writer_state, WAITING_FOR_BACKUP_COMPLETE, VSS_WS_WAITING_FOR_BACKUP_COMPLETE, 5) \
  X(writer_state, FAILED_AT_IDENTIFY, VSS_WS_FAILED_AT_IDENTIFY, 6)                   \
  X(writer_state, FAILED_AT_PREPARE_BACKUP, VSS_WS_FAILED_AT_PREPARE_BACKUP, 7)       \
  X(writer_state, FAILED_AT_PREPARE_SNAPSHOT, VSS_WS_FAILED_AT_PREPARE_SNAPSHOT, 8)   \
  X(writer_state, FAILED_AT_FREEZE, VSS_WS_FAILED_AT_FREEZE, 9)                       \
  X(writer_state, FAILED_AT_THAW, VSS_WS_FAILED_AT_THAW, 10)                          \
  X(writer_state, FAILED_AT_POST_SNAPSHOT, VSS_WS_FAILED_AT_POST_SNAPSHOT, 11)        \
  X(writer_state, FAILED_AT_BACKUP_COMPLETE, VSS_WS_FAILED_AT_BACKUP_COMPLETE, 12)    \
  X(writer_state, FAILED_AT_PRE_RESTORE, VSS_WS_FAILED_AT_PRE_RESTORE, 13)            \
  X(writer_state, FAILED_AT_POST_RESTORE, VSS_WS_FAILED_AT_POST_RESTORE, 14)          \
  X(writer_state, FAILED_AT_BACKUPSHUTDOWN, VSS_WS_FAILED_AT_BACKUPSHUTDOWN, 15)      \
  /* VSS_RESTORE_TYPE */                                                              \
  X(restore_type, UNDEFINED, VSS_RTYPE_UNDEFINED, 0)                                  \
  X(restore_type, BY_COPY, VSS_RTYPE_BY_COPY, 1)                                      \
  X(restore_type, IMPORT, VSS_RTYPE_IMPORT, 2)                                        \
  X(restore_type, OTHER, VSS_RTYPE_OTHER, 3)                                          \
  /* VSS_FILE_RESTORE_STATUS */                                                       \
  X(file_restore_status, UNDEFINED, VSS_RS_UNDEFINED, 0)                              \
  X(file_restore_status, NONE, VSS_RS_NONE, 1)                                        \
  X(file_restore_status, ALL, VSS_RS_ALL, 2)                                          \
  X(file_restore_status, FAILED, VSS_RS_FAILED, 3)                                    \
  /* VSS_RESTORE_TARGET */                                                            \
  X(restore_target, UNDEFINED, VSS_RT_UNDEFINED, 0)                                   \
  X(restore_target, ORIGINAL, VSS_RT_ORIGINAL, 1)                                     \
  X(restore_target, ALTERNATE_LOCATION, VSS_RT_ALTERNATE, 2)                          \
  X(restore_target, DIRECTED, VSS_RT_DIRECTED, 3)                                     \
  X(restore_target, ORIGINAL_LOCATION, VSS_RT_ORIGINAL_LOCATION, 4)

#define VSS4J_CONSTANT(ns, name, sdk, value)                      \
  namespace ns {                                                  \
  constexpr std::int32_t name = static_cast<std::int32_t>(value); \
  }
VSS4J_ENUMERATIONS(VSS4J_CONSTANT)
#undef VSS4J_CONSTANT

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

// VSS_PROVIDER_PROP, owned: the backend has already freed VSS's strings (CoTaskMemFree).
struct ProviderProperties {
  Guid providerId;
  WString providerName;
  std::int32_t providerType = provider_type::UNKNOWN;  // VSS_PROVIDER_TYPE
  WString providerVersion;
  Guid providerVersionId;
  Guid classId;  // the provider's COM class
};

// VSS_DIFF_AREA_PROP, owned: one shadow copy storage area association (the backend has freed VSS's strings).
// maximumBytes -1: no limit.
struct DiffArea {
  WString volumeName;          // the original volume, whose copies the area holds
  WString diffAreaVolumeName;  // the volume the area lives on
  std::int64_t maximumBytes = -1;
  std::int64_t allocatedBytes = 0;
  std::int64_t usedBytes = 0;
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
  hresult failure = hr::kOk;    // IVssComponentEx2::GetFailure's writer error; 0: none reported
  bool selectedForRestore = false;      // IVssComponent::IsSelectedForRestore
  bool additionalRestores = false;      // GetAdditionalRestores
  WString restoreOptions;               // GetRestoreOptions; empty: none
  std::int32_t restoreTarget = 0;       // GetRestoreTarget (VSS_RESTORE_TARGET), the writer's choice at PreRestore
  std::int32_t fileRestoreStatus = 0;   // GetFileRestoreStatus (VSS_FILE_RESTORE_STATUS)
  WString preRestoreFailureMessage;     // GetPreRestoreFailureMsg; empty: none
  WString postRestoreFailureMessage;    // GetPostRestoreFailureMsg; empty: none
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
