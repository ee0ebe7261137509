// VSS's enumerations and records, by value, without <vss.h>: the simulator and the core use these,
// the Windows adapter converts from the SDK's types.
#pragma once

#include <cstdint>
#include <string>

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

// The identity of one writer, from GetWriterMetadata (IVssExamineWriterMetadata::GetIdentity).
struct WriterMetadata {
  Guid instanceId;
  Guid writerId;
  WString writerName;
  std::int32_t usageType = 0;   // VSS_USAGE_TYPE
  std::int32_t sourceType = 0;  // VSS_SOURCE_TYPE
};

}  // namespace vss4j
