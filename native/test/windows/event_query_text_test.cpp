// The event-log query's text and its time conversions: pure functions, no wevtapi.
#include <gtest/gtest.h>

#include "windows/event_log.h"
#include "windows/event_query_text.h"

namespace vss4j::win::test {
namespace {

constexpr std::int64_t k20261206T040506789 = 1796529906789;  // 2026-12-06T04:05:06.789Z
constexpr std::int64_t k20261206T041000000 = 1796530200000;  // 2026-12-06T04:10:00.000Z
constexpr std::uint64_t kUnixEpochFileTime = 116444736000000000ULL;

EventQuery vssQuery(std::uint32_t maxLevel) {
  EventQuery query;
  query.sources = {u"VSS", u"volsnap"};
  query.fromMillis = k20261206T040506789;
  query.toMillis = k20261206T041000000;
  query.maxLevel = maxLevel;
  return query;
}

TEST(EventQueryText, NamesEachSourceTheLevelsAndTheWindowInOneSystemFilter) {
  EXPECT_EQ(eventXPath(vssQuery(2)),
            L"*[System[(Provider[@Name='VSS'] or Provider[@Name='volsnap']) and (Level=1 or Level=2) and "
            L"TimeCreated[@SystemTime>='2026-12-06T04:05:06.789Z' and @SystemTime<'2026-12-06T04:10:00.001Z']]]");
}

TEST(EventQueryText, KeepsLogAlwaysEntriesFromInformationOn) {
  EXPECT_NE(eventXPath(vssQuery(4)).find(L"(Level=0 or Level=1 or Level=2 or Level=3 or Level=4)"),
            std::wstring::npos);
  EXPECT_NE(eventXPath(vssQuery(5)).find(L"(Level=0 or Level=1 or Level=2 or Level=3 or Level=4 or Level=5)"),
            std::wstring::npos);
  const std::wstring warnings = eventXPath(vssQuery(3));
  EXPECT_NE(warnings.find(L"(Level=1 or Level=2 or Level=3)"), std::wstring::npos);
  EXPECT_EQ(warnings.find(L"Level=0"), std::wstring::npos);
  EXPECT_NE(eventXPath(vssQuery(1)).find(L"(Level=1)"), std::wstring::npos);
}

TEST(EventQueryText, OneSourceIsOneProviderTest) {
  EventQuery query = vssQuery(2);
  query.sources = {u"Microsoft-Windows-Backup"};
  EXPECT_NE(eventXPath(query).find(L"[System[(Provider[@Name='Microsoft-Windows-Backup']) and "), std::wstring::npos);
}

TEST(EventQueryText, RefusesASourceThatCouldChangeTheFilter) {
  const WString bad[] = {u"VSS' or '1'='1", u"a]b", u"<x>", u"a&b", u"", WString(256, u'a'), u"tab\there"};
  for (std::size_t i = 0; i < sizeof bad / sizeof bad[0]; ++i) {
    EventQuery query = vssQuery(2);
    query.sources = {u"VSS", bad[i]};
    EXPECT_EQ(eventXPath(query), L"") << "bad name #" << i;
    EXPECT_FALSE(isPlainSourceName(bad[i])) << "bad name #" << i;
  }
  EventQuery none = vssQuery(2);
  none.sources.clear();
  EXPECT_EQ(eventXPath(none), L"");
  EXPECT_TRUE(isPlainSourceName(u"Microsoft-Windows-Backup_2.x 1"));
  EXPECT_TRUE(isPlainSourceName(WString(255, u'a')));
}

TEST(EventQueryText, WritesUtcWithMillisecondsAndClampsToWhatTheFormCanSay) {
  EXPECT_EQ(isoUtcMillis(0), L"1970-01-01T00:00:00.000Z");
  EXPECT_EQ(isoUtcMillis(k20261206T040506789), L"2026-12-06T04:05:06.789Z");
  EXPECT_EQ(isoUtcMillis(951782400000 + 86399999), L"2000-02-29T23:59:59.999Z");  // a leap day's last millisecond
  EXPECT_EQ(isoUtcMillis(-1), L"1970-01-01T00:00:00.000Z");
  EXPECT_EQ(isoUtcMillis(kLatestQueryMillis), L"9999-12-31T23:59:59.999Z");
  EXPECT_EQ(isoUtcMillis(INT64_MAX), L"9999-12-31T23:59:59.999Z");
}

TEST(EventQueryText, AWindowEndingAtTheLatestInstantStaysWritable) {
  EventQuery query = vssQuery(2);
  query.toMillis = INT64_MAX;
  EXPECT_NE(eventXPath(query).find(L"@SystemTime<'9999-12-31T23:59:59.999Z'"), std::wstring::npos);
}

TEST(EventQueryText, ConvertsFileTimeToUnixMillisRoundingDown) {
  EXPECT_EQ(fileTimeToUnixMillis(kUnixEpochFileTime), 0);
  EXPECT_EQ(fileTimeToUnixMillis(kUnixEpochFileTime + 12345678), 1234);  // 1234.5678 ms
  EXPECT_EQ(fileTimeToUnixMillis(kUnixEpochFileTime + static_cast<std::uint64_t>(k20261206T040506789) * 10000 + 9999),
            k20261206T040506789);
  EXPECT_EQ(fileTimeToUnixMillis(kUnixEpochFileTime - 1), -1);
  EXPECT_EQ(fileTimeToUnixMillis(0), -11644473600000);  // 1601-01-01
}

// systemProperties: each System property by the type Microsoft documents for it, and nothing else.
EVT_VARIANT variant(DWORD type) {
  EVT_VARIANT value{};
  value.Type = type;
  return value;
}

std::vector<EVT_VARIANT> systemSection() {
  std::vector<EVT_VARIANT> values(static_cast<std::size_t>(EvtSystemPropertyIdEND), variant(EvtVarTypeNull));
  values[EvtSystemProviderName] = variant(EvtVarTypeString);
  values[EvtSystemProviderName].StringVal = L"VSS";
  values[EvtSystemEventID] = variant(EvtVarTypeUInt16);
  values[EvtSystemEventID].UInt16Val = 12298;
  values[EvtSystemLevel] = variant(EvtVarTypeByte);
  values[EvtSystemLevel].ByteVal = 2;
  values[EvtSystemTimeCreated] = variant(EvtVarTypeFileTime);
  values[EvtSystemTimeCreated].FileTimeVal =
      kUnixEpochFileTime + static_cast<std::uint64_t>(k20261206T040506789) * 10000;
  values[EvtSystemChannel] = variant(EvtVarTypeString);
  values[EvtSystemChannel].StringVal = L"Application";
  return values;
}

TEST(SystemProperties, ReadsProviderEventIdLevelTimeAndChannel) {
  const std::vector<EVT_VARIANT> values = systemSection();
  const LoggedEvent row = systemProperties(values.data(), static_cast<DWORD>(values.size()));
  EXPECT_EQ(row.source, u"VSS");
  EXPECT_EQ(row.eventId, 12298u);
  EXPECT_EQ(row.level, 2u);
  EXPECT_EQ(row.timeMillis, k20261206T040506789);
  EXPECT_EQ(row.channel, u"Application");
  EXPECT_TRUE(row.message.empty());
}

TEST(SystemProperties, APropertyOfAnotherTypeOrMissingStaysEmpty) {
  std::vector<EVT_VARIANT> values = systemSection();
  values[EvtSystemEventID] = variant(EvtVarTypeUInt32);
  values[EvtSystemEventID].UInt32Val = 77;
  values[EvtSystemLevel] = variant(EvtVarTypeNull);
  values[EvtSystemTimeCreated] = variant(EvtVarTypeSysTime);
  values[EvtSystemProviderName].StringVal = nullptr;
  LoggedEvent row = systemProperties(values.data(), static_cast<DWORD>(values.size()));
  EXPECT_EQ(row.eventId, 0u);
  EXPECT_EQ(row.level, 0u);
  EXPECT_EQ(row.timeMillis, 0);
  EXPECT_TRUE(row.source.empty());
  EXPECT_EQ(row.channel, u"Application");

  // Fewer properties than the channel's index: the channel is not read past the array.
  row = systemProperties(values.data(), EvtSystemChannel);
  EXPECT_TRUE(row.channel.empty());
  row = systemProperties(nullptr, 0);
  EXPECT_TRUE(row.source.empty());
}

}  // namespace
}  // namespace vss4j::win::test
