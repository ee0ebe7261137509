#include "sim/event_log.h"

#include <algorithm>
#include <chrono>

#include "sim/text.h"

namespace vss4j::sim {
namespace {

// LogAlways (0) entries are information in the Event Viewer's filter: a reader asking for errors only skips them.
bool levelWanted(std::uint32_t level, std::uint32_t maxLevel) {
  if (level == 0) return maxLevel >= 4;
  return level <= maxLevel;
}

bool sourceWanted(const WString& source, const std::vector<WString>& sources) {
  return std::any_of(sources.begin(), sources.end(), [&](const WString& s) { return sameVolumeName(s, source); });
}

}  // namespace

std::int64_t wallClockMillis() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

void EventLog::add(LoggedEvent event) {
  if (entries_.size() == kCapacity) entries_.pop_front();
  entries_.push_back(std::move(event));
}

std::vector<LoggedEvent> EventLog::read(const EventQuery& query) const {
  std::vector<LoggedEvent> found;
  for (const LoggedEvent& e : entries_) {
    if (e.timeMillis < query.fromMillis || e.timeMillis > query.toMillis) continue;
    if (!levelWanted(e.level, query.maxLevel) || !sourceWanted(e.source, query.sources)) continue;
    found.push_back(e);
  }
  // Entries given in a machine's description may be older than those written before them: order by time, the
  // later-written first among equal times, as a log read backwards answers.
  std::reverse(found.begin(), found.end());
  std::stable_sort(found.begin(), found.end(),
                   [](const LoggedEvent& a, const LoggedEvent& b) { return a.timeMillis > b.timeMillis; });
  if (found.size() > query.maxCount) found.resize(query.maxCount);
  return found;
}

}  // namespace vss4j::sim
