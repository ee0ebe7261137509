// The Windows event log's entries that explain a VSS failure, read with wevtapi: one query per channel
// (Application, then System), newest first, each entry's System section rendered and its message formatted by its
// provider's message file. Read-only; bounded by the query's count and time budget; every EVT_HANDLE closed once.
#pragma once

#include <vector>

#include "core/backend.h"
#include "core/hresult.h"
#include "windows/event_log_api.h"

namespace vss4j::win {

// The channels read, in this order.
inline constexpr const wchar_t* kEventChannels[] = {L"Application", L"System"};

// The entries `query` names from both channels, newest first, at most query.maxCount. S_OK when at least one
// channel was read (a channel that does not exist, or fails while the other is read, is logged, not answered);
// otherwise the first channel's failure as HRESULT_FROM_WIN32 (E_ACCESSDENIED for a refused channel), or
// E_INVALIDARG for a source name the filter cannot carry. A read that runs out of time answers what it has.
hresult readEvents(const EventLogApi& api, const EventQuery& query, std::vector<LoggedEvent>& events);

// The System properties EvtRender answered for an EvtRenderContextSystem context: provider, EventID, Level,
// TimeCreated and Channel. A property missing (beyond `count`) or of another type than documented stays empty/0.
LoggedEvent systemProperties(const EVT_VARIANT* values, DWORD count);

}  // namespace vss4j::win
