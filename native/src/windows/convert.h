// Conversions between the SDK's types and the core's: GUIDs, WCHAR strings, snapshot properties.
#pragma once

#include <string>

#include "core/guid.h"
#include "core/vss_types.h"
#include "windows/vss_sdk.h"

namespace vss4j::win {

Guid toGuid(const GUID& id);
GUID toGuid(const Guid& id);

// nullptr becomes the empty string.
WString toWString(const wchar_t* text);
WString toWString(const wchar_t* text, std::size_t length);
std::wstring toWide(const WString& text);

// VSS_SNAPSHOT_PROP's strings (each CoTaskMemAlloc'd by VSS), beside the field of SnapshotProperties that
// receives each.
struct SnapshotString {
  VSS_PWSZ VSS_SNAPSHOT_PROP::*sdk;
  WString SnapshotProperties::*core;
};
inline constexpr SnapshotString kSnapshotStrings[] = {
    {&VSS_SNAPSHOT_PROP::m_pwszSnapshotDeviceObject, &SnapshotProperties::snapshotDeviceObject},
    {&VSS_SNAPSHOT_PROP::m_pwszOriginalVolumeName, &SnapshotProperties::originalVolumeName},
    {&VSS_SNAPSHOT_PROP::m_pwszOriginatingMachine, &SnapshotProperties::originatingMachine},
    {&VSS_SNAPSHOT_PROP::m_pwszServiceMachine, &SnapshotProperties::serviceMachine},
    {&VSS_SNAPSHOT_PROP::m_pwszExposedName, &SnapshotProperties::exposedName},
    {&VSS_SNAPSHOT_PROP::m_pwszExposedPath, &SnapshotProperties::exposedPath},
};

// Copies every field; the caller still frees `prop` (VssFreeSnapshotProperties).
SnapshotProperties toSnapshotProperties(const VSS_SNAPSHOT_PROP& prop);

// HRESULT as 0x%08X, for messages.
std::string hex(hresult value);
// Wide text (the SDK's) to UTF-8 (the log's).
std::string toUtf8(const std::wstring& text);

}  // namespace vss4j::win
