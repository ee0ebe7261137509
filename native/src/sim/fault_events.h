// What Windows writes to its event log when the simulated machine's faults happen: the one table of fault ->
// events (provider, channel, id, level, text), so products can test what they do with VSS's own words.
#pragma once

#include <cstdint>
#include <vector>

#include "core/backend.h"
#include "core/operation.h"
#include "sim/machine.h"

namespace vss4j::sim {

// A volume of the failed snapshot set, by the name it was described with (C:\) and its GUID path.
struct FailedVolume {
  WString name;
  WString guidName;
};

// The events an operation's failure with `error` writes, stamped `nowMillis`: none for the failures Windows
// does not log (e.g. a call made out of order).
std::vector<LoggedEvent> eventsOfFailure(Operation operation, hresult error, const std::vector<FailedVolume>& volumes,
                                         const Guid& provider, std::int64_t nowMillis);

// The event a writer's failure at `phase` with `failure` writes, stamped `nowMillis`.
LoggedEvent eventOfWriterFailure(const WriterSpec& writer, WriterPhase phase, hresult failure, std::int64_t nowMillis);

}  // namespace vss4j::sim
