#include "windows/event_query_text.h"

#include <algorithm>

#include "windows/convert.h"
#include "windows/vss_sdk.h"

namespace vss4j::win {
namespace {

// 1970-01-01 as a FILETIME.
constexpr std::uint64_t kUnixEpochFileTime = 116444736000000000ULL;
constexpr std::uint64_t kTicksPerMilli = 10000;

std::wstring providerCondition(const EventQuery& query) {
  std::wstring text = L"(";
  for (std::size_t i = 0; i < query.sources.size(); ++i) {
    if (i > 0) text += L" or ";
    text += L"Provider[@Name='" + toWide(query.sources[i]) + L"']";
  }
  return text + L")";
}

// Level=0 is LogAlways: such an entry is information that must always be logged, kept with maxLevel >= 4 only.
std::wstring levelCondition(std::uint32_t maxLevel) {
  std::wstring text = L"(";
  if (maxLevel >= 4) text += L"Level=0 or ";
  const std::uint32_t highest = std::min<std::uint32_t>(std::max<std::uint32_t>(maxLevel, 1), 5);
  for (std::uint32_t level = 1; level <= highest; ++level) {
    if (level > 1) text += L" or ";
    text += L"Level=" + std::to_wstring(level);
  }
  return text + L")";
}

// TimeCreated has 100 ns precision: an entry created within toMillis's millisecond is inside the window, hence
// "before toMillis + 1" rather than "at or before toMillis".
std::wstring timeCondition(const EventQuery& query) {
  const std::int64_t end = std::min(query.toMillis, kLatestQueryMillis - 1) + 1;
  return L"TimeCreated[@SystemTime>='" + isoUtcMillis(query.fromMillis) + L"' and @SystemTime<'" + isoUtcMillis(end) +
         L"']";
}

// `value` in decimal, zero-padded to `width` digits.
void appendDigits(std::wstring& text, unsigned value, std::size_t width) {
  const std::wstring digits = std::to_wstring(value);
  if (digits.size() < width) text.append(width - digits.size(), L'0');
  text += digits;
}

}  // namespace

std::wstring isoUtcMillis(std::int64_t millis) {
  const std::int64_t clamped = std::clamp<std::int64_t>(millis, 0, kLatestQueryMillis);
  const std::uint64_t ticks = kUnixEpochFileTime + static_cast<std::uint64_t>(clamped) * kTicksPerMilli;
  FILETIME fileTime{static_cast<DWORD>(ticks & 0xFFFFFFFFULL), static_cast<DWORD>(ticks >> 32)};
  SYSTEMTIME utc{};
  if (!FileTimeToSystemTime(&fileTime, &utc)) return L"";  // cannot happen in the clamped range
  std::wstring text;
  appendDigits(text, utc.wYear, 4);
  text += L'-';
  appendDigits(text, utc.wMonth, 2);
  text += L'-';
  appendDigits(text, utc.wDay, 2);
  text += L'T';
  appendDigits(text, utc.wHour, 2);
  text += L':';
  appendDigits(text, utc.wMinute, 2);
  text += L':';
  appendDigits(text, utc.wSecond, 2);
  text += L'.';
  appendDigits(text, utc.wMilliseconds, 3);
  return text + L'Z';
}

std::int64_t fileTimeToUnixMillis(std::uint64_t fileTime) {
  if (fileTime >= kUnixEpochFileTime) {
    return static_cast<std::int64_t>((fileTime - kUnixEpochFileTime) / kTicksPerMilli);
  }
  return -static_cast<std::int64_t>((kUnixEpochFileTime - fileTime + kTicksPerMilli - 1) / kTicksPerMilli);
}

bool isPlainSourceName(const WString& source) {
  if (source.empty() || source.size() > 255) return false;
  return std::all_of(source.begin(), source.end(), [](char16_t c) {
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') || c == u' ' ||
           c == u'.' || c == u'_' || c == u'-';
  });
}

std::wstring eventXPath(const EventQuery& query) {
  if (query.sources.empty() || !std::all_of(query.sources.begin(), query.sources.end(), isPlainSourceName)) {
    return L"";
  }
  return L"*[System[" + providerCondition(query) + L" and " + levelCondition(query.maxLevel) + L" and " +
         timeCondition(query) + L"]]";
}

}  // namespace vss4j::win
