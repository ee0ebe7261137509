#include "windows/convert.h"

#include <cstdio>
#include <cwchar>

namespace vss4j::win {

// Windows' WCHAR and Java's char are both UTF-16 code units: the copy is unit by unit, never a pointer cast.
static_assert(sizeof(wchar_t) == sizeof(char16_t), "wchar_t is UTF-16 on Windows");

Guid toGuid(const GUID& id) {
  Guid out;
  out.hi = (static_cast<std::uint64_t>(id.Data1) << 32) | (static_cast<std::uint64_t>(id.Data2) << 16) |
           static_cast<std::uint64_t>(id.Data3);
  for (unsigned char byte : id.Data4) out.lo = (out.lo << 8) | byte;
  return out;
}

GUID toGuid(const Guid& id) {
  GUID out{};
  out.Data1 = static_cast<unsigned long>(id.hi >> 32);
  out.Data2 = static_cast<unsigned short>(id.hi >> 16);
  out.Data3 = static_cast<unsigned short>(id.hi);
  for (int i = 0; i < 8; ++i) out.Data4[i] = static_cast<unsigned char>(id.lo >> (8 * (7 - i)));
  return out;
}

WString toWString(const wchar_t* text, std::size_t length) {
  WString out(length, u'\0');
  for (std::size_t i = 0; i < length; ++i) out[i] = static_cast<char16_t>(text[i]);
  return out;
}

WString toWString(const wchar_t* text) { return text == nullptr ? WString() : toWString(text, wcslen(text)); }

std::wstring toWide(const WString& text) {
  std::wstring out(text.size(), L'\0');
  for (std::size_t i = 0; i < text.size(); ++i) out[i] = static_cast<wchar_t>(text[i]);
  return out;
}

SnapshotProperties toSnapshotProperties(const VSS_SNAPSHOT_PROP& prop) {
  SnapshotProperties out;
  out.snapshotId = toGuid(prop.m_SnapshotId);
  out.snapshotSetId = toGuid(prop.m_SnapshotSetId);
  out.snapshotsCount = static_cast<std::int32_t>(prop.m_lSnapshotsCount);
  for (const SnapshotString& field : kSnapshotStrings) out.*field.core = toWString(prop.*field.sdk);
  out.providerId = toGuid(prop.m_ProviderId);
  out.snapshotAttributes = static_cast<std::int32_t>(prop.m_lSnapshotAttributes);
  out.creationTimestamp = static_cast<std::int64_t>(prop.m_tsCreationTimestamp);
  out.status = static_cast<std::int32_t>(prop.m_eStatus);
  return out;
}

std::string hex(hresult value) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "0x%08X", static_cast<unsigned>(value));
  return buffer;
}

std::string toUtf8(const std::wstring& text) {
  if (text.empty()) return {};
  int size = WideCharToMultiByte(CP_UTF8, 0, text.data(), static_cast<int>(text.size()), nullptr, 0, nullptr, nullptr);
  if (size <= 0) return {};
  std::string out(static_cast<std::size_t>(size), '\0');
  WideCharToMultiByte(CP_UTF8, 0, text.data(), static_cast<int>(text.size()), out.data(), size, nullptr, nullptr);
  return out;
}

}  // namespace vss4j::win
