// The reader over the real wevtapi.dll, as Wine 8 provides it: its EvtQuery is a stub that returns NULL without
// setting the last error, and its EvtCreateRenderContext, EvtRender, EvtOpenPublisherMetadata and EvtFormatMessage
// are stubs that raise an exception if called. The reader must answer EvtQuery's failure as E_FAIL (not an older
// error left in the thread's last error), through ComBackend's guard too, and never reach the stubs. On Windows the
// same calls read the real log (the Windows runner checks that).
#include <gtest/gtest.h>

#include "test_support.h"
#include "windows/com_backend.h"
#include "windows/event_log.h"

namespace vss4j::win::test {
namespace {

EventQuery recentVssErrors() {
  EventQuery query;
  query.sources = {u"VSS", u"volsnap"};
  query.fromMillis = 0;
  query.toMillis = 4102444800000;  // 2100-01-01
  query.maxLevel = 2;
  query.maxCount = 5;
  query.timeoutMillis = 1000;
  return query;
}

TEST(EventLogUnderWine, AnswersEvtQuerysFailureWithoutEventsAndWithoutAStaleError) {
  std::vector<LoggedEvent> events(1);
  SetLastError(ERROR_FILE_NOT_FOUND);  // left by some earlier call: must not become the answer
  EXPECT_EQ(readEvents(systemEventLogApi(), recentVssErrors(), events), hr::kFail);
  EXPECT_TRUE(events.empty());
}

TEST(EventLogUnderWine, ComBackendAnswersTheSame) {
  FreeLog frees;
  std::shared_ptr<Backend> backend = makeComBackend(fakeApi(frees));
  std::vector<LoggedEvent> events(1);
  EXPECT_EQ(backend->readEvents(recentVssErrors(), events), hr::kFail);
  EXPECT_TRUE(events.empty());
}

}  // namespace
}  // namespace vss4j::win::test
