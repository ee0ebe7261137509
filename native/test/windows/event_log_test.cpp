// The event-log reader against a fake wevtapi: what it queries, how it renders and formats, where it stops, how
// failures of one channel or of the whole log come out, and that every handle it received is closed exactly once.
#include <gtest/gtest.h>

#include <string>

#include "fake_event_log.h"
#include "windows/event_log.h"
#include "windows/event_query_text.h"

namespace vss4j::win::test {
namespace {

constexpr std::uint64_t kUnixEpochFileTime = 116444736000000000ULL;
constexpr std::int64_t kFrom = 1796529906789;  // 2026-12-06T04:05:06.789Z
constexpr std::int64_t kTo = kFrom + 600000;

std::uint64_t fileTimeAt(std::int64_t millis) {
  return kUnixEpochFileTime + static_cast<std::uint64_t>(millis) * 10000;
}

FakeEntry entry(const wchar_t* provider, std::uint16_t id, std::int64_t millis, const std::wstring& message) {
  FakeEntry e;
  e.provider = provider;
  e.eventId = id;
  e.level = 2;
  e.fileTime = fileTimeAt(millis);
  e.message = message;
  return e;
}

class EventLogReader : public ::testing::Test {
 protected:
  FakeEventLog log;
  FakeEventLogScope scope{log};
  EventQuery query;
  std::vector<LoggedEvent> events;

  void SetUp() override {
    query.sources = {u"VSS", u"volsnap"};
    query.fromMillis = kFrom;
    query.toMillis = kTo;
    query.maxLevel = 2;
    query.maxCount = 20;
    query.timeoutMillis = 2000;
  }

  hresult read() { return readEvents(FakeEventLog::api(), query, events); }

  // Every handle the fake handed out was closed, and none twice.
  void TearDown() override {
    EXPECT_TRUE(log.open.empty()) << "left open: " << ::testing::PrintToString(log.leaks());
    EXPECT_EQ(log.closesOfUnknownHandles, 0);
  }
};

TEST_F(EventLogReader, QueriesApplicationThenSystemNewestFirstWithTheFilter) {
  ASSERT_EQ(read(), S_OK);
  ASSERT_EQ(log.queriedPaths, (std::vector<std::wstring>{L"Application", L"System"}));
  for (std::size_t i = 0; i < 2; ++i) {
    EXPECT_EQ(log.queriedXPaths[i], eventXPath(query));
    EXPECT_EQ(log.queryFlags[i], static_cast<DWORD>(EvtQueryChannelPath | EvtQueryReverseDirection));
  }
  EXPECT_TRUE(events.empty());
  EXPECT_EQ(log.renderContexts, 0) << "nothing found, nothing to render";
}

TEST_F(EventLogReader, MergesBothChannelsNewestFirstWithTheirMessages) {
  log.add(L"Application", entry(L"VSS", 12298, kFrom + 300, L"Volume Shadow Copy Service error: 0x8004230f."));
  log.add(L"Application", entry(L"VSS", 8193, kFrom + 100, L"Unexpected error calling routine."));
  log.add(L"System", entry(L"volsnap", 25, kFrom + 200, L"The shadow copies of volume C: were deleted."));
  ASSERT_EQ(read(), S_OK);
  ASSERT_EQ(events.size(), 3u);
  EXPECT_EQ(events[0].eventId, 12298u);
  EXPECT_EQ(events[0].source, u"VSS");
  EXPECT_EQ(events[0].channel, u"Application");
  EXPECT_EQ(events[0].level, 2u);
  EXPECT_EQ(events[0].timeMillis, kFrom + 300);
  EXPECT_EQ(events[0].message, u"Volume Shadow Copy Service error: 0x8004230f.");
  EXPECT_EQ(events[1].source, u"volsnap");
  EXPECT_EQ(events[1].channel, u"System");
  EXPECT_EQ(events[1].eventId, 25u);
  EXPECT_EQ(events[1].message, u"The shadow copies of volume C: were deleted.");
  EXPECT_EQ(events[2].eventId, 8193u);
  EXPECT_EQ(log.renderContexts, 1) << "one render context for the whole read";
  EXPECT_EQ(log.metadataOpens, 2) << "each provider's metadata opened once: VSS, volsnap";
}

TEST_F(EventLogReader, RegrowsTheMessageBufferForALongMessage) {
  const std::wstring longText(3000, L'x');
  log.add(L"Application", entry(L"VSS", 1, kFrom, longText + L" end"));
  ASSERT_EQ(read(), S_OK);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].message.size(), longText.size() + 4);
  EXPECT_EQ(events[0].message.substr(events[0].message.size() - 4), u" end");
  EXPECT_EQ(log.formatCalls, 2) << "the first call learns the size, the second formats";
}

TEST_F(EventLogReader, RegrowsTheRenderBufferWhenTheSystemSectionIsLarger) {
  log.renderBytesAtLeast = 5000;
  log.add(L"System", entry(L"volsnap", 36, kFrom, L"The shadow copies of volume C: were aborted."));
  ASSERT_EQ(read(), S_OK);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].eventId, 36u);
  EXPECT_EQ(events[0].source, u"volsnap");
  EXPECT_EQ(log.renderCalls, 2);
}

TEST_F(EventLogReader, AProviderWithoutMetadataGivesAnEmptyMessageNotAFailure) {
  log.providersWithoutMetadata.insert(L"VSS");
  log.add(L"Application", entry(L"VSS", 8193, kFrom + 2, L"never formatted"));
  log.add(L"Application", entry(L"VSS", 8194, kFrom + 1, L"never formatted"));
  ASSERT_EQ(read(), S_OK);
  ASSERT_EQ(events.size(), 2u);
  EXPECT_TRUE(events[0].message.empty());
  EXPECT_EQ(events[1].eventId, 8194u);
  EXPECT_EQ(log.formatCalls, 0);
  EXPECT_EQ(log.metadataOpens, 1) << "a failed open is remembered for the read";
}

TEST_F(EventLogReader, AMessageThatCannotBeFormattedIsEmpty) {
  const DWORD errors[] = {ERROR_EVT_MESSAGE_NOT_FOUND, ERROR_EVT_MESSAGE_ID_NOT_FOUND,
                          ERROR_EVT_MESSAGE_LOCALE_NOT_FOUND, ERROR_MUI_FILE_NOT_FOUND, ERROR_RESOURCE_TYPE_NOT_FOUND};
  for (DWORD error : errors) {
    FakeEntry e = entry(L"VSS", 1, kFrom, L"stale text in the buffer");
    e.formatError = error;
    log.channels.clear();
    log.add(L"Application", e);
    ASSERT_EQ(read(), S_OK) << error;
    ASSERT_EQ(events.size(), 1u);
    EXPECT_TRUE(events[0].message.empty()) << error;
    EXPECT_EQ(events[0].eventId, 1u);
  }
}

TEST_F(EventLogReader, AMessageWithAnUnresolvedInsertKeepsItsText) {
  FakeEntry e = entry(L"VSS", 12289, kFrom, L"Volume Shadow Copy Service error: %1");
  e.formatError = ERROR_EVT_UNRESOLVED_VALUE_INSERT;
  log.add(L"Application", e);
  ASSERT_EQ(read(), S_OK);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].message, u"Volume Shadow Copy Service error: %1");
}

TEST_F(EventLogReader, StopsAtMaxCountKeepingTheNewestOfBothChannels) {
  for (int i = 0; i < 30; ++i) {
    log.add(L"Application", entry(L"VSS", static_cast<std::uint16_t>(1000 + i), kFrom + 1000 - 2 * i, L"a"));
    log.add(L"System", entry(L"volsnap", static_cast<std::uint16_t>(2000 + i), kFrom + 999 - 2 * i, L"s"));
  }
  query.maxCount = 20;
  ASSERT_EQ(read(), S_OK);
  ASSERT_EQ(events.size(), 20u);
  for (std::size_t i = 0; i < events.size(); ++i) {
    EXPECT_EQ(events[i].timeMillis, kFrom + 1000 - static_cast<std::int64_t>(i)) << i;
  }
  EXPECT_EQ(events[0].eventId, 1000u);
  EXPECT_EQ(events[1].eventId, 2000u);
  // Each channel was asked for no more than the count left: 16 then 4.
  EXPECT_EQ(log.nextSizes, (std::vector<DWORD>{16, 4, 16, 4}));
}

TEST_F(EventLogReader, ATimeoutMidReadAnswersWhatWasRead) {
  for (int i = 0; i < 5; ++i) {
    log.add(L"Application", entry(L"VSS", static_cast<std::uint16_t>(i), kFrom + 10 - i, L"m"));
  }
  log.nextErrorAfter[L"Application"] = 2;
  log.nextErrorCode[L"Application"] = ERROR_TIMEOUT;
  log.add(L"System", entry(L"volsnap", 25, kFrom, L"s"));
  ASSERT_EQ(read(), S_OK);
  ASSERT_EQ(events.size(), 3u);
  EXPECT_EQ(events[0].eventId, 0u);
  EXPECT_EQ(events[1].eventId, 1u);
  EXPECT_EQ(events[2].source, u"volsnap");
}

TEST_F(EventLogReader, SpendsOnlyTheTimeBudgetAcrossBothChannels) {
  for (int i = 0; i < 100; ++i) {
    log.add(L"Application", entry(L"VSS", static_cast<std::uint16_t>(i), kFrom + 200 - i, L"m"));
  }
  log.add(L"System", entry(L"volsnap", 25, kFrom, L"s"));
  query.maxCount = 100;
  query.timeoutMillis = 1000;
  log.clockPerNext = 400;  // each EvtNext takes 400 ms of the 1000
  ASSERT_EQ(read(), S_OK);
  // Budget 1000: EvtNext at 1000 left, at 600 left, at 200 left; the third batch arrives past the budget and is
  // closed unread; System is not queried.
  EXPECT_EQ(log.nextTimeouts, (std::vector<DWORD>{1000, 600, 200}));
  EXPECT_EQ(log.queriedPaths, (std::vector<std::wstring>{L"Application"}));
  EXPECT_EQ(events.size(), 32u);
}

TEST_F(EventLogReader, EntriesHandedOutByAFailedEvtNextAreReadAndClosed) {
  for (int i = 0; i < 3; ++i) {
    log.add(L"Application", entry(L"VSS", static_cast<std::uint16_t>(i), kFrom + 10 - i, L"m"));
  }
  log.nextFailsWithItsBatch.insert(L"Application");
  log.nextErrorCode[L"Application"] = ERROR_TIMEOUT;
  ASSERT_EQ(read(), S_OK);
  EXPECT_EQ(events.size(), 3u);
}

TEST_F(EventLogReader, SlowFormattingStopsTheReadWithinTheBudget) {
  for (int i = 0; i < 10; ++i) {
    log.add(L"Application", entry(L"VSS", static_cast<std::uint16_t>(i), kFrom + 100 - i, L"m"));
  }
  log.add(L"System", entry(L"volsnap", 25, kFrom, L"s"));
  query.timeoutMillis = 1000;
  log.clockPerFormat = 300;  // 300 ms per message: the fourth one ends past the budget
  ASSERT_EQ(read(), S_OK);
  ASSERT_EQ(events.size(), 4u);
  EXPECT_EQ(events[3].eventId, 3u);
  EXPECT_EQ(log.formatCalls, 4);
  EXPECT_EQ(log.queriedPaths, (std::vector<std::wstring>{L"Application"}));
}

TEST_F(EventLogReader, AMessageBeyond64KCharactersIsLeftEmpty) {
  log.add(L"Application", entry(L"VSS", 1, kFrom, std::wstring(70000, L'x')));
  ASSERT_EQ(read(), S_OK);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_TRUE(events[0].message.empty());
  EXPECT_EQ(log.formatCalls, 1);
}

TEST_F(EventLogReader, AMissingChannelIsNotAFailureOfTheOther) {
  log.queryErrors[L"Application"] = ERROR_EVT_CHANNEL_NOT_FOUND;
  log.add(L"System", entry(L"volsnap", 25, kFrom, L"s"));
  ASSERT_EQ(read(), S_OK);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].channel, u"System");
}

TEST_F(EventLogReader, BothChannelsMissingIsChannelNotFound) {
  log.queryErrors[L"Application"] = ERROR_EVT_CHANNEL_NOT_FOUND;
  log.queryErrors[L"System"] = ERROR_EVT_CHANNEL_NOT_FOUND;
  EXPECT_EQ(read(), static_cast<hresult>(HRESULT_FROM_WIN32(ERROR_EVT_CHANNEL_NOT_FOUND)));
  EXPECT_TRUE(events.empty());
}

TEST_F(EventLogReader, AccessDeniedToBothIsEAccessDenied) {
  log.queryErrors[L"Application"] = ERROR_ACCESS_DENIED;
  log.queryErrors[L"System"] = ERROR_ACCESS_DENIED;
  EXPECT_EQ(read(), hr::kAccessDenied);
  EXPECT_TRUE(events.empty());
}

TEST_F(EventLogReader, AccessDeniedToOneChannelStillAnswersTheOther) {
  log.add(L"Application", entry(L"VSS", 8193, kFrom, L"a"));
  log.queryErrors[L"System"] = ERROR_ACCESS_DENIED;
  ASSERT_EQ(read(), S_OK);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].eventId, 8193u);
}

TEST_F(EventLogReader, AnEvtNextFailureKeepsWhatWasReadOrIsTheAnswer) {
  log.add(L"Application", entry(L"VSS", 1, kFrom, L"a"));
  log.nextErrorAfter[L"Application"] = 0;
  log.nextErrorCode[L"Application"] = ERROR_INVALID_OPERATION;
  log.nextErrorAfter[L"System"] = 0;
  log.nextErrorCode[L"System"] = ERROR_INVALID_OPERATION;
  EXPECT_EQ(read(), static_cast<hresult>(HRESULT_FROM_WIN32(ERROR_INVALID_OPERATION)));
  EXPECT_TRUE(events.empty());

  log.add(L"System", entry(L"volsnap", 2, kFrom, L"s"));
  log.nextErrorAfter[L"System"] = 1;
  ASSERT_EQ(read(), S_OK);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].eventId, 2u);
}

TEST_F(EventLogReader, ARenderContextThatCannotBeCreatedIsTheFailure) {
  log.add(L"Application", entry(L"VSS", 1, kFrom, L"a"));
  log.add(L"System", entry(L"volsnap", 2, kFrom, L"s"));
  log.renderContextError = ERROR_NOT_ENOUGH_MEMORY;
  EXPECT_EQ(read(), static_cast<hresult>(HRESULT_FROM_WIN32(ERROR_NOT_ENOUGH_MEMORY)));
  EXPECT_TRUE(events.empty());
}

TEST_F(EventLogReader, ARenderFailureIsTheFailureAndClosesTheBatch) {
  for (int i = 0; i < 5; ++i) log.add(L"Application", entry(L"VSS", 1, kFrom - i, L"a"));
  log.add(L"System", entry(L"volsnap", 2, kFrom, L"s"));
  log.renderError = ERROR_INVALID_DATA;
  EXPECT_EQ(read(), static_cast<hresult>(HRESULT_FROM_WIN32(ERROR_INVALID_DATA)));
  EXPECT_TRUE(events.empty());
  // 5 + 1 entries, two result sets, one context: all closed (TearDown checks that none is left open).
  EXPECT_EQ(log.closes, 9);
}

TEST_F(EventLogReader, ASourceTheFilterCannotCarryIsInvalidArgBeforeAnyCall) {
  query.sources = {u"VSS", u"x' or '1'='1"};
  EXPECT_EQ(read(), hr::kInvalidArg);
  EXPECT_TRUE(log.queriedPaths.empty());
}

TEST_F(EventLogReader, ClearsWhatTheCallerPassedIn) {
  events.push_back(LoggedEvent{});
  log.queryErrors[L"Application"] = ERROR_ACCESS_DENIED;
  log.queryErrors[L"System"] = ERROR_ACCESS_DENIED;
  EXPECT_EQ(read(), hr::kAccessDenied);
  EXPECT_TRUE(events.empty());
}

}  // namespace
}  // namespace vss4j::win::test
