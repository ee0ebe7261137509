// The simulated machine's event log: its faults write the events Windows writes for them, and readEvents filters
// them as the Windows reader does (sources, levels, window, newest first, count).
#include <algorithm>
#include <string>

#include "sim/event_log.h"
#include "sim/text.h"
#include "sim_fixture.h"

namespace vss4j::sim::test {
namespace {

EventQuery everything() {
  EventQuery query;
  query.sources = {u"VSS", u"volsnap", u"vss4j-test"};
  query.fromMillis = 0;
  query.toMillis = wallClockMillis() + 60000;
  query.maxLevel = 5;
  query.maxCount = 1000;
  return query;
}

bool mentions(const LoggedEvent& e, const WString& text) { return e.message.find(text) != WString::npos; }

class EventLogTest : public SimTest {
 protected:
  std::vector<LoggedEvent> read(const EventQuery& query) {
    std::vector<LoggedEvent> events;
    EXPECT_EQ(machine->readEvents(query, events), hr::kOk);
    return events;
  }

  // A full backup of C:\ and D:\ whose DoSnapshotSet ends as the machine decides; its QueryStatus.
  hresult snapshotCAndD() {
    auto object = initialized();
    if (hresult r = prepareSet(*object, {u"C:\\", u"D:\\"}, true); failed(r)) return r;
    return doSnapshot(*object);
  }
};

TEST_F(EventLogTest, AHealthyBackupWritesNothing) {
  machine->addWriter(WriterSpec{u"W", Guid{7, 1}, Guid{7, 2}});
  EXPECT_EQ(snapshotCAndD(), hr::kAsyncFinished);
  EXPECT_TRUE(read(everything()).empty());
}

TEST_F(EventLogTest, HoldWritesTimeoutWritesVolsnap8AndVss12298PerVolumeAtWallClockTime) {
  machine->addFault(FaultSpec{Operation::DoSnapshotSet, hr::kHoldWritesTimeout, true});
  const std::int64_t before = wallClockMillis();
  EXPECT_EQ(snapshotCAndD(), hr::kHoldWritesTimeout);
  const std::int64_t after = wallClockMillis();
  const auto events = read(everything());
  ASSERT_EQ(events.size(), 4u);
  int volsnap = 0;
  int vss = 0;
  for (const LoggedEvent& e : events) {
    EXPECT_GE(e.timeMillis, before);
    EXPECT_LE(e.timeMillis, after);
    EXPECT_EQ(e.level, 2u);
    if (e.source == u"volsnap") {
      ++volsnap;
      EXPECT_EQ(e.eventId, 8u);
      EXPECT_EQ(e.channel, u"System");
      EXPECT_TRUE(mentions(e, u"timed out while waiting for a release writes command"));
    } else {
      ++vss;
      EXPECT_EQ(e.source, u"VSS");
      EXPECT_EQ(e.eventId, 12298u);
      EXPECT_EQ(e.channel, u"Application");
      EXPECT_TRUE(mentions(e, u"OnRun[0x80042314]"));
    }
  }
  EXPECT_EQ(volsnap, 2);
  EXPECT_EQ(vss, 2);
  EXPECT_TRUE(std::any_of(events.begin(), events.end(), [](const LoggedEvent& e) { return mentions(e, u"C:"); }));
  EXPECT_TRUE(std::any_of(events.begin(), events.end(), [](const LoggedEvent& e) { return mentions(e, u"D:"); }));
}

TEST_F(EventLogTest, FlushWritesTimeoutFailingAtOnceWritesVss12297) {
  machine->addFault(FaultSpec{Operation::DoSnapshotSet, hr::kFlushWritesTimeout, false});
  EXPECT_EQ(snapshotCAndD(), hr::kFlushWritesTimeout);
  const auto events = read(everything());
  ASSERT_EQ(events.size(), 2u);
  for (const LoggedEvent& e : events) {
    EXPECT_EQ(e.eventId, 12297u);
    EXPECT_TRUE(mentions(e, u"Flush[0x80042313]"));
  }
}

TEST_F(EventLogTest, AFullDiffAreaWritesVolsnap36ForThatVolume) {
  VolumeSpec small{u"E:\\"};
  small.diffAreaBytes = 100;
  small.bytesPerCopy = 200;
  machine->addVolume(small);
  {
    auto object = initialized();
    ASSERT_EQ(prepareSet(*object, {u"E:\\"}, true), hr::kOk);
    EXPECT_EQ(doSnapshot(*object), hr::kInsufficientStorage);
  }
  const auto events = read(everything());
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].source, u"volsnap");
  EXPECT_EQ(events[0].eventId, 36u);
  EXPECT_EQ(events[0].channel, u"System");
  EXPECT_TRUE(mentions(events[0], u"volume E: were aborted"));
}

TEST_F(EventLogTest, ProviderVetoAndUnexpectedProviderErrorWriteVss12293NamingTheSystemProvider) {
  machine->addFault(FaultSpec{Operation::DoSnapshotSet, hr::kProviderVeto, true, 1, 1});
  machine->addFault(FaultSpec{Operation::DoSnapshotSet, hr::kUnexpectedProviderError, true, 2, 1});
  EXPECT_EQ(snapshotCAndD(), hr::kProviderVeto);
  EXPECT_EQ(snapshotCAndD(), hr::kUnexpectedProviderError);
  const auto events = read(everything());
  ASSERT_EQ(events.size(), 2u);
  for (const LoggedEvent& e : events) {
    EXPECT_EQ(e.eventId, 12293u);
    EXPECT_TRUE(mentions(e, u"{b5946137-7b9f-4925-af80-51abd60b20d5}"));
  }
  // Newest first.
  EXPECT_TRUE(mentions(events[0], u"0x8004230F"));
  EXPECT_TRUE(mentions(events[1], u"0x80042306"));
}

TEST_F(EventLogTest, AWriterFailingAtFreezeWritesVss8229NamingItAndThePhase) {
  WriterSpec writer{u"SqlServerWriter", Guid{7, 1}, Guid{7, 2}};
  writer.failsAt = WriterPhase::Freeze;
  writer.failure = hr::kWriterErrorRetryable;
  machine->addWriter(writer);
  machine->setWriterFailureFailsSnapshotSet(true);
  EXPECT_EQ(snapshotCAndD(), hr::kUnexpectedWriterError);
  const auto events = read(everything());
  ASSERT_EQ(events.size(), 2u);
  const auto warning = std::find_if(events.begin(), events.end(), [](const auto& e) { return e.eventId == 8229; });
  ASSERT_NE(warning, events.end());
  EXPECT_EQ(warning->level, 3u);
  EXPECT_TRUE(mentions(*warning, u"Writer Name: SqlServerWriter"));
  EXPECT_TRUE(mentions(*warning, u"Freeze Event"));
  EXPECT_TRUE(mentions(*warning, u"0x800423F3"));
  const auto error = std::find_if(events.begin(), events.end(), [](const auto& e) { return e.eventId == 12302; });
  EXPECT_NE(error, events.end());
}

TEST_F(EventLogTest, AWriterFailureOnlyInWriterStatusIsLoggedOnce) {
  WriterSpec writer{u"W", Guid{7, 1}, Guid{7, 2}};
  writer.failsAt = WriterPhase::PrepareBackup;
  machine->addWriter(writer);
  EXPECT_EQ(snapshotCAndD(), hr::kAsyncFinished);
  const auto events = read(everything());
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].eventId, 8229u);
  EXPECT_TRUE(mentions(events[0], u"PrepareForBackup Event"));
}

TEST_F(EventLogTest, UnloggedFailuresWriteNothing) {
  machine->addFault(FaultSpec{Operation::AddToSnapshotSet, hr::kVssUnexpected});
  machine->addFault(FaultSpec{Operation::BackupComplete, hr::kUnexpected, true});
  {
    auto object = withSetStarted(ctx::BACKUP);
    EXPECT_EQ(add(*object, u"C:\\"), hr::kVssUnexpected);
    std::unique_ptr<AsyncOperation> async;
    EXPECT_EQ(object->doSnapshotSet(async), hr::kBadState);
  }
  EXPECT_TRUE(read(everything()).empty());
}

TEST_F(EventLogTest, AccessDeniedGatheringMetadataWritesVss8194) {
  machine->addFault(FaultSpec{Operation::GatherWriterMetadata, hr::kAccessDenied, true});
  {
    auto object = initialized();
    EXPECT_EQ(runAsync([&](auto& a) { return object->gatherWriterMetadata(a); }), hr::kAccessDenied);
  }
  const auto events = read(everything());
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].eventId, 8194u);
}

LoggedEvent logged(const char16_t* source, std::uint32_t id, std::uint32_t level, std::int64_t time) {
  return LoggedEvent{u"Application", source, id, level, time, u"entry " + decimal(id)};
}

TEST_F(EventLogTest, ReadFiltersBySourceIgnoringCaseLevelWindowNewestFirstAndCount) {
  machine->logEvent(logged(u"VSS", 1, 2, 1000));
  machine->logEvent(logged(u"volsnap", 2, 1, 2000));
  machine->logEvent(logged(u"VSS", 3, 3, 3000));   // warning
  machine->logEvent(logged(u"VSS", 4, 0, 4000));   // LogAlways
  machine->logEvent(logged(u"Other", 5, 2, 5000));
  machine->logEvent(logged(u"VSS", 6, 2, 6000));
  machine->logEvent(logged(u"VSS", 7, 2, 500));    // described late, older than the rest
  EventQuery query;
  query.sources = {u"vss", u"VOLSNAP"};
  query.fromMillis = 1000;
  query.toMillis = 6000;
  query.maxLevel = 2;
  query.maxCount = 10;
  auto ids = [&](const EventQuery& q) {
    std::vector<std::uint32_t> found;
    for (const LoggedEvent& e : read(q)) found.push_back(e.eventId);
    return found;
  };
  EXPECT_EQ(ids(query), (std::vector<std::uint32_t>{6, 2, 1}));
  query.maxLevel = 3;
  EXPECT_EQ(ids(query), (std::vector<std::uint32_t>{6, 3, 2, 1}));
  query.maxLevel = 4;
  EXPECT_EQ(ids(query), (std::vector<std::uint32_t>{6, 4, 3, 2, 1}));
  query.maxCount = 2;
  EXPECT_EQ(ids(query), (std::vector<std::uint32_t>{6, 4}));
  query.maxCount = 10;
  query.fromMillis = 2000;
  query.toMillis = 2000;
  EXPECT_EQ(ids(query), (std::vector<std::uint32_t>{2}));
  query.fromMillis = 0;
  query.toMillis = 600;
  EXPECT_EQ(ids(query), (std::vector<std::uint32_t>{7}));
}

TEST(EventLogCapacity, KeepsTheNewestEntries) {
  EventLog log;
  for (std::uint32_t i = 0; i < EventLog::kCapacity + 5; ++i) {
    log.add(LoggedEvent{u"System", u"volsnap", i, 2, static_cast<std::int64_t>(i), u""});
  }
  EXPECT_EQ(log.size(), EventLog::kCapacity);
  EventQuery query;
  query.sources = {u"volsnap"};
  query.toMillis = 1LL << 40;
  query.maxCount = 1000;
  const auto events = log.read(query);
  ASSERT_EQ(events.size(), 1000u);
  EXPECT_EQ(events.front().eventId, EventLog::kCapacity + 4);
  query.toMillis = 4;
  EXPECT_TRUE(log.read(query).empty()) << "the five oldest fell off";
}

TEST_F(EventLogTest, DescribedServicesAnswerQueryService) {
  ServiceState disabled;
  disabled.exists = true;
  disabled.currentState = 1;
  disabled.startType = 4;
  machine->setService(u"VSS", disabled);
  ServiceState state;
  ASSERT_EQ(machine->queryService(u"vss", state), hr::kOk);
  EXPECT_TRUE(state.exists);
  EXPECT_EQ(state.startType, 4u);
  ASSERT_EQ(machine->queryService(u"swprv", state), hr::kOk);
  EXPECT_EQ(state.startType, 3u);
  ASSERT_EQ(machine->queryService(u"Spooler", state), hr::kOk);
  EXPECT_FALSE(state.exists);
}

}  // namespace
}  // namespace vss4j::sim::test
