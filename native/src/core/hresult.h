// VSS's result codes, by value. Native code passes them through untouched; their meaning lives in Java (VssError).
// Named kCamelCase because the SDK defines its own names (E_ACCESSDENIED, VSS_E_BAD_STATE, ...) as macros.
#pragma once

#include <cstdint>

namespace vss4j {

using hresult = std::int32_t;

constexpr bool succeeded(hresult hr) { return hr >= 0; }
constexpr bool failed(hresult hr) { return hr < 0; }

// Each HRESULT the shim names, once: our name (kCamelCase), the SDK's, the value. windows/sdk_agreement.cpp checks
// every row against the SDK's own definition.
#define VSS4J_HRESULTS(X) \
  X(kOk, S_OK, 0x00000000u)                                                                \
  X(kFalse, S_FALSE, 0x00000001u)                                                          \
  X(kAccessDenied, E_ACCESSDENIED, 0x80070005u)                                            \
  X(kInvalidArg, E_INVALIDARG, 0x80070057u)                                                \
  X(kOutOfMemory, E_OUTOFMEMORY, 0x8007000Eu)                                              \
  X(kUnexpected, E_UNEXPECTED, 0x8000FFFFu)                                                \
  X(kNotImpl, E_NOTIMPL, 0x80004001u)                                                      \
  X(kFail, E_FAIL, 0x80004005u)                                                            \
  X(kBadState, VSS_E_BAD_STATE, 0x80042301u)                                               \
  X(kVssUnexpected, VSS_E_UNEXPECTED, 0x80042302u)                                         \
  X(kProviderNotRegistered, VSS_E_PROVIDER_NOT_REGISTERED, 0x80042304u)                    \
  X(kProviderVeto, VSS_E_PROVIDER_VETO, 0x80042306u)                                       \
  X(kObjectNotFound, VSS_E_OBJECT_NOT_FOUND, 0x80042308u)                                  \
  X(kAsyncPending, VSS_S_ASYNC_PENDING, 0x00042309u)                                       \
  X(kAsyncFinished, VSS_S_ASYNC_FINISHED, 0x0004230Au)                                     \
  X(kAsyncCancelled, VSS_S_ASYNC_CANCELLED, 0x0004230Bu)                                   \
  X(kVolumeNotSupported, VSS_E_VOLUME_NOT_SUPPORTED, 0x8004230Cu)                          \
  X(kObjectAlreadyExists, VSS_E_OBJECT_ALREADY_EXISTS, 0x8004230Du)                        \
  X(kVolumeNotSupportedByProvider, VSS_E_VOLUME_NOT_SUPPORTED_BY_PROVIDER, 0x8004230Eu)    \
  X(kUnexpectedProviderError, VSS_E_UNEXPECTED_PROVIDER_ERROR, 0x8004230Fu)                \
  X(kInvalidXmlDocument, VSS_E_INVALID_XML_DOCUMENT, 0x80042311u)                          \
  X(kMaxVolumesReached, VSS_E_MAXIMUM_NUMBER_OF_VOLUMES_REACHED, 0x80042312u)              \
  X(kFlushWritesTimeout, VSS_E_FLUSH_WRITES_TIMEOUT, 0x80042313u)                          \
  X(kHoldWritesTimeout, VSS_E_HOLD_WRITES_TIMEOUT, 0x80042314u)                            \
  X(kUnexpectedWriterError, VSS_E_UNEXPECTED_WRITER_ERROR, 0x80042315u)                    \
  X(kSnapshotSetInProgress, VSS_E_SNAPSHOT_SET_IN_PROGRESS, 0x80042316u)                   \
  X(kMaxSnapshotsReached, VSS_E_MAXIMUM_NUMBER_OF_SNAPSHOTS_REACHED, 0x80042317u)          \
  X(kWriterInfrastructure, VSS_E_WRITER_INFRASTRUCTURE, 0x80042318u)                       \
  X(kWriterNotResponding, VSS_E_WRITER_NOT_RESPONDING, 0x80042319u)                        \
  X(kUnsupportedContext, VSS_E_UNSUPPORTED_CONTEXT, 0x8004231Bu)                           \
  X(kVolumeInUse, VSS_E_VOLUME_IN_USE, 0x8004231Du)                                        \
  X(kMaxDiffAreaAssociations, VSS_E_MAXIMUM_DIFFAREA_ASSOCIATIONS_REACHED, 0x8004231Eu)    \
  X(kInsufficientStorage, VSS_E_INSUFFICIENT_STORAGE, 0x8004231Fu)                         \
  X(kRebootRequired, VSS_E_REBOOT_REQUIRED, 0x80042327u)                                   \
  X(kTransactionFreezeTimeout, VSS_E_TRANSACTION_FREEZE_TIMEOUT, 0x80042328u)              \
  X(kTransactionThawTimeout, VSS_E_TRANSACTION_THAW_TIMEOUT, 0x80042329u)                  \
  X(kNestedVolumeLimit, VSS_E_NESTED_VOLUME_LIMIT, 0x8004232Cu)                            \
  X(kNotSupported, VSS_E_NOT_SUPPORTED, 0x8004232Fu)                                       \
  X(kWriterErrorInconsistentSnapshot, VSS_E_WRITERERROR_INCONSISTENTSNAPSHOT, 0x800423F0u) \
  X(kWriterErrorOutOfResources, VSS_E_WRITERERROR_OUTOFRESOURCES, 0x800423F1u)             \
  X(kWriterErrorTimeout, VSS_E_WRITERERROR_TIMEOUT, 0x800423F2u)                           \
  X(kWriterErrorRetryable, VSS_E_WRITERERROR_RETRYABLE, 0x800423F3u)                       \
  X(kWriterErrorNonRetryable, VSS_E_WRITERERROR_NONRETRYABLE, 0x800423F4u)                 \
  X(kWriterErrorRecoveryFailed, VSS_E_WRITERERROR_RECOVERY_FAILED, 0x800423F5u)            \
  X(kWriterErrorPartialFailure, VSS_E_WRITERERROR_PARTIAL_FAILURE, 0x80042336u)            \
  X(kWriterStatusNotAvailable, VSS_E_WRITER_STATUS_NOT_AVAILABLE, 0x80042409u)

namespace hr {
#define VSS4J_HRESULT_CONSTANT(name, sdk, value) constexpr hresult name = static_cast<hresult>(value);
VSS4J_HRESULTS(VSS4J_HRESULT_CONSTANT)
#undef VSS4J_HRESULT_CONSTANT
}  // namespace hr

}  // namespace vss4j
