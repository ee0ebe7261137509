// VSS's result codes, by value. Native code passes them through untouched; their meaning lives in Java (VssError).
// Named kCamelCase because the SDK defines its own names (E_ACCESSDENIED, VSS_E_BAD_STATE, ...) as macros.
#pragma once

#include <cstdint>

namespace vss4j {

using hresult = std::int32_t;

constexpr bool succeeded(hresult hr) { return hr >= 0; }
constexpr bool failed(hresult hr) { return hr < 0; }

namespace hr {
constexpr hresult kOk /* S_OK */ = 0;
constexpr hresult kFalse /* S_FALSE */ = 1;
constexpr hresult kAccessDenied /* E_ACCESSDENIED */ = static_cast<hresult>(0x80070005u);
constexpr hresult kInvalidArg /* E_INVALIDARG */ = static_cast<hresult>(0x80070057u);
constexpr hresult kOutOfMemory /* E_OUTOFMEMORY */ = static_cast<hresult>(0x8007000Eu);
constexpr hresult kUnexpected /* E_UNEXPECTED */ = static_cast<hresult>(0x8000FFFFu);
constexpr hresult kNotImpl /* E_NOTIMPL */ = static_cast<hresult>(0x80004001u);
constexpr hresult kFail /* E_FAIL */ = static_cast<hresult>(0x80004005u);
constexpr hresult kBadState /* VSS_E_BAD_STATE */ = static_cast<hresult>(0x80042301u);
constexpr hresult kVssUnexpected /* VSS_E_UNEXPECTED */ = static_cast<hresult>(0x80042302u);
constexpr hresult kProviderNotRegistered /* VSS_E_PROVIDER_NOT_REGISTERED */ = static_cast<hresult>(0x80042304u);
constexpr hresult kProviderVeto /* VSS_E_PROVIDER_VETO */ = static_cast<hresult>(0x80042306u);
constexpr hresult kObjectNotFound /* VSS_E_OBJECT_NOT_FOUND */ = static_cast<hresult>(0x80042308u);
constexpr hresult kAsyncPending /* VSS_S_ASYNC_PENDING */ = 0x00042309;
constexpr hresult kAsyncFinished /* VSS_S_ASYNC_FINISHED */ = 0x0004230A;
constexpr hresult kAsyncCancelled /* VSS_S_ASYNC_CANCELLED */ = 0x0004230B;
constexpr hresult kVolumeNotSupported /* VSS_E_VOLUME_NOT_SUPPORTED */ = static_cast<hresult>(0x8004230Cu);
constexpr hresult kObjectAlreadyExists /* VSS_E_OBJECT_ALREADY_EXISTS */ = static_cast<hresult>(0x8004230Du);
constexpr hresult kVolumeNotSupportedByProvider /* VSS_E_VOLUME_NOT_SUPPORTED_BY_PROVIDER */ = static_cast<hresult>(0x8004230Eu);
constexpr hresult kUnexpectedProviderError /* VSS_E_UNEXPECTED_PROVIDER_ERROR */ = static_cast<hresult>(0x8004230Fu);
constexpr hresult kInvalidXmlDocument /* VSS_E_INVALID_XML_DOCUMENT */ = static_cast<hresult>(0x80042311u);
constexpr hresult kMaxVolumesReached /* VSS_E_MAXIMUM_NUMBER_OF_VOLUMES_REACHED */ = static_cast<hresult>(0x80042312u);
constexpr hresult kFlushWritesTimeout /* VSS_E_FLUSH_WRITES_TIMEOUT */ = static_cast<hresult>(0x80042313u);
constexpr hresult kHoldWritesTimeout /* VSS_E_HOLD_WRITES_TIMEOUT */ = static_cast<hresult>(0x80042314u);
constexpr hresult kUnexpectedWriterError /* VSS_E_UNEXPECTED_WRITER_ERROR */ = static_cast<hresult>(0x80042315u);
constexpr hresult kSnapshotSetInProgress /* VSS_E_SNAPSHOT_SET_IN_PROGRESS */ = static_cast<hresult>(0x80042316u);
constexpr hresult kMaxSnapshotsReached /* VSS_E_MAXIMUM_NUMBER_OF_SNAPSHOTS_REACHED */ = static_cast<hresult>(0x80042317u);
constexpr hresult kWriterInfrastructure /* VSS_E_WRITER_INFRASTRUCTURE */ = static_cast<hresult>(0x80042318u);
constexpr hresult kWriterNotResponding /* VSS_E_WRITER_NOT_RESPONDING */ = static_cast<hresult>(0x80042319u);
constexpr hresult kUnsupportedContext /* VSS_E_UNSUPPORTED_CONTEXT */ = static_cast<hresult>(0x8004231Bu);
constexpr hresult kInsufficientStorage /* VSS_E_INSUFFICIENT_STORAGE */ = static_cast<hresult>(0x8004231Fu);
constexpr hresult kRebootRequired /* VSS_E_REBOOT_REQUIRED */ = static_cast<hresult>(0x80042327u);
constexpr hresult kTransactionFreezeTimeout /* VSS_E_TRANSACTION_FREEZE_TIMEOUT */ = static_cast<hresult>(0x80042328u);
constexpr hresult kTransactionThawTimeout /* VSS_E_TRANSACTION_THAW_TIMEOUT */ = static_cast<hresult>(0x80042329u);
constexpr hresult kNestedVolumeLimit /* VSS_E_NESTED_VOLUME_LIMIT */ = static_cast<hresult>(0x8004232Cu);
constexpr hresult kNotSupported /* VSS_E_NOT_SUPPORTED */ = static_cast<hresult>(0x8004232Fu);
constexpr hresult kWriterErrorInconsistentSnapshot /* VSS_E_WRITERERROR_INCONSISTENTSNAPSHOT */ = static_cast<hresult>(0x800423F0u);
constexpr hresult kWriterErrorOutOfResources /* VSS_E_WRITERERROR_OUTOFRESOURCES */ = static_cast<hresult>(0x800423F1u);
constexpr hresult kWriterErrorTimeout /* VSS_E_WRITERERROR_TIMEOUT */ = static_cast<hresult>(0x800423F2u);
constexpr hresult kWriterErrorRetryable /* VSS_E_WRITERERROR_RETRYABLE */ = static_cast<hresult>(0x800423F3u);
constexpr hresult kWriterErrorNonRetryable /* VSS_E_WRITERERROR_NONRETRYABLE */ = static_cast<hresult>(0x800423F4u);
constexpr hresult kWriterErrorRecoveryFailed /* VSS_E_WRITERERROR_RECOVERY_FAILED */ = static_cast<hresult>(0x800423F5u);
constexpr hresult kWriterErrorPartialFailure /* VSS_E_WRITERERROR_PARTIAL_FAILURE */ = static_cast<hresult>(0x80042336u);
constexpr hresult kWriterStatusNotAvailable /* VSS_E_WRITER_STATUS_NOT_AVAILABLE */ = static_cast<hresult>(0x80042409u);
}  // namespace hr

}  // namespace vss4j
