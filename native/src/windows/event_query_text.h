// The text of an event-log query, and the time conversions it needs: pure functions, tested without wevtapi.
#pragma once

#include <cstdint>
#include <string>

#include "core/backend.h"

namespace vss4j::win {

// The latest instant a query's time window may name: 9999-12-31T23:59:59.999Z (the last the ISO form can write).
inline constexpr std::int64_t kLatestQueryMillis = 253402300799999;

// Milliseconds since 1970-01-01 UTC as the event log's SystemTime text, e.g. 2026-12-06T04:05:06.789Z. Values
// outside [0, kLatestQueryMillis] are clamped to it.
std::wstring isoUtcMillis(std::int64_t millis);

// A FILETIME (100 ns ticks since 1601-01-01 UTC) as milliseconds since 1970-01-01 UTC, rounded down.
std::int64_t fileTimeToUnixMillis(std::uint64_t fileTime);

// True if `source` may be written into the filter between single quotes: 1 to 255 letters, digits, spaces, '.',
// '_' or '-' (the rule NativeBridge.readEvents already applies; checked again here, where the text is built).
bool isPlainSourceName(const WString& source);

// The XPath filter of one channel's query: the event's provider is one of `query.sources`, its level 1 to
// query.maxLevel (and 0, LogAlways, when maxLevel >= 4), created in [fromMillis, toMillis]. Empty if a source is
// not a plain name (see isPlainSourceName) or there is none.
std::wstring eventXPath(const EventQuery& query);

}  // namespace vss4j::win
