#include "windows/event_log.h"

#include <algorithm>
#include <cwchar>
#include <map>
#include <string>

#include "core/log.h"
#include "windows/convert.h"
#include "windows/event_query_text.h"

namespace vss4j::win {
namespace {

constexpr DWORD kBatch = 16;                 // handles asked of EvtNext at a time
constexpr DWORD kFirstRenderBytes = 1024;    // the System section: 18 EVT_VARIANTs and their strings fit mostly
constexpr DWORD kFirstMessageChars = 512;
constexpr DWORD kMaxMessageChars = 65536;    // a longer message is left empty rather than allocated without bound

hresult win32Failure(DWORD error) {
  return error == ERROR_SUCCESS ? hr::kFail : static_cast<hresult>(HRESULT_FROM_WIN32(error));
}

hresult lastFailure() {
  return win32Failure(GetLastError());
}

// A failed call's error, not an earlier one's: the last error is cleared before each call whose failure is read
// (Wine's EvtQuery, for one, fails without setting it; that is then E_FAIL).
template <typename Call>
auto freshCall(Call&& call) {
  SetLastError(ERROR_SUCCESS);
  return call();
}

std::string channelName(const wchar_t* channel) {
  return toUtf8(channel);
}

// What is left of the read's time budget, by the table's clock.
class Budget {
 public:
  Budget(const EventLogApi& api, std::uint32_t millis) : api_(api), deadline_(api.nowMillis() + millis) {}
  DWORD remaining() const {
    const ULONGLONG now = api_.nowMillis();
    return now >= deadline_ ? 0 : static_cast<DWORD>(deadline_ - now);
  }

 private:
  const EventLogApi& api_;
  ULONGLONG deadline_;
};

// Each provider's metadata, opened once for the read. A provider whose metadata cannot be opened (no manifest or
// message file registered on this machine) is remembered as such: its entries have an empty message.
class Publishers {
 public:
  explicit Publishers(const EventLogApi& api) : api_(api) {}

  EVT_HANDLE metadataFor(const WString& provider) {
    auto found = opened_.find(provider);
    if (found == opened_.end()) {
      const std::wstring name = toWide(provider);
      // Locale 0: the calling thread's locale, as the Event Viewer shows messages to the user running it.
      EvtHandle metadata(api_, api_.openPublisherMetadata(nullptr, name.c_str(), nullptr, 0, 0));
      found = opened_.emplace(provider, std::move(metadata)).first;
    }
    return found->second.get();
  }

 private:
  const EventLogApi& api_;
  std::map<WString, EvtHandle> opened_;
};

hresult renderSystem(const EventLogApi& api, EVT_HANDLE context, EVT_HANDLE event, LoggedEvent& row) {
  // EVT_VARIANT elements, so that the buffer is aligned for the array EvtRender writes at its start.
  std::vector<EVT_VARIANT> buffer(kFirstRenderBytes / sizeof(EVT_VARIANT));
  DWORD usedBytes = 0;
  DWORD count = 0;
  auto render = [&]() {
    return api.render(context, event, EvtRenderEventValues, static_cast<DWORD>(buffer.size() * sizeof(EVT_VARIANT)),
                      buffer.data(), &usedBytes, &count);
  };
  if (!freshCall(render)) {
    const DWORD error = GetLastError();
    if (error != ERROR_INSUFFICIENT_BUFFER) return win32Failure(error);
    buffer.resize(usedBytes / sizeof(EVT_VARIANT) + 1);  // BufferUsed is the size needed, in bytes
    if (!freshCall(render)) return lastFailure();
  }
  row = systemProperties(buffer.data(), std::min<DWORD>(count, static_cast<DWORD>(buffer.size())));
  return hr::kOk;
}

// [I] Microsoft documents that these leave "the message string" with an insert it could not fill, not whether the
// buffer then holds the text: what it holds (up to its first null) is kept, as the Event Viewer shows such messages.
bool keepsPartialMessage(DWORD error) {
  return error == ERROR_EVT_UNRESOLVED_VALUE_INSERT || error == ERROR_EVT_UNRESOLVED_PARAMETER_INSERT ||
         error == ERROR_EVT_MAX_INSERTS_REACHED;
}

// The entry's message as the Event Viewer shows it; empty when it cannot be formatted (no message file, no such
// message id, no text in this locale, ...): a missing message never fails the read.
WString formatMessage(const EventLogApi& api, EVT_HANDLE metadata, EVT_HANDLE event) {
  if (metadata == nullptr) return {};
  std::vector<wchar_t> buffer(kFirstMessageChars, L'\0');
  DWORD usedChars = 0;
  auto format = [&]() {
    return api.formatMessage(metadata, event, 0, 0, nullptr, EvtFormatMessageEvent,
                             static_cast<DWORD>(buffer.size()), buffer.data(), &usedChars);
  };
  BOOL ok = freshCall(format);
  DWORD error = ok ? ERROR_SUCCESS : GetLastError();
  if (!ok && error == ERROR_INSUFFICIENT_BUFFER) {
    if (usedChars <= buffer.size() || usedChars > kMaxMessageChars) return {};
    buffer.assign(usedChars, L'\0');  // BufferUsed is the size needed, in characters, its null included
    ok = freshCall(format);
    error = ok ? ERROR_SUCCESS : GetLastError();
  }
  if (!ok && !keepsPartialMessage(error)) return {};
  return toWString(buffer.data(), wcsnlen(buffer.data(), buffer.size()));
}

// The EvtRenderContextSystem context, created when the first entry is to be rendered: a read that finds nothing
// never calls EvtCreateRenderContext (Wine's is a stub that raises an exception; its EvtQuery fails cleanly first).
class SystemContext {
 public:
  explicit SystemContext(const EventLogApi& api) : api_(api), context_(api, nullptr) {}

  hresult get(EVT_HANDLE& context) {
    if (!context_) {
      auto create = [&] { return api_.createRenderContext(0, nullptr, EvtRenderContextSystem); };
      context_ = EvtHandle(api_, freshCall(create));
      if (!context_) return lastFailure();
    }
    context = context_.get();
    return hr::kOk;
  }

 private:
  const EventLogApi& api_;
  EvtHandle context_;
};

// How one channel's read ended.
struct ChannelRead {
  hresult result = hr::kOk;
  bool timedOut = false;
};

ChannelRead readChannel(const EventLogApi& api, const wchar_t* channel, const std::wstring& xpath,
                        const EventQuery& query, const Budget& budget, SystemContext& systemContext,
                        Publishers& publishers, std::vector<LoggedEvent>& rows) {
  ChannelRead outcome;
  if (budget.remaining() == 0) {
    outcome.timedOut = true;
    return outcome;
  }
  EvtHandle results(api, freshCall([&] {
                      return api.query(nullptr, channel, xpath.c_str(), EvtQueryChannelPath | EvtQueryReverseDirection);
                    }));
  if (!results) {
    outcome.result = lastFailure();
    return outcome;
  }
  std::vector<EvtHandle> batch;
  batch.reserve(kBatch);  // before EvtNext hands out handles: taking them into the holders must not throw
  while (rows.size() < query.maxCount) {
    const DWORD remaining = budget.remaining();
    if (remaining == 0) {
      outcome.timedOut = true;
      break;
    }
    const DWORD wanted = std::min<DWORD>(kBatch, query.maxCount - static_cast<DWORD>(rows.size()));
    EVT_HANDLE handed[kBatch] = {};
    DWORD returned = 0;
    const BOOL ok = freshCall([&] { return api.next(results.get(), wanted, handed, remaining, 0, &returned); });
    const DWORD error = ok ? ERROR_SUCCESS : GetLastError();
    batch.clear();
    // [I] A failed EvtNext is not documented to hand out handles; any that Returned counts are closed all the same.
    for (DWORD i = 0; i < std::min(returned, wanted); ++i) batch.emplace_back(api, handed[i]);
    for (const EvtHandle& event : batch) {
      // Formatting loads the providers' message files, which can be slow: the budget is checked per entry too.
      if (budget.remaining() == 0) {
        outcome.timedOut = true;
        return outcome;
      }
      EVT_HANDLE context = nullptr;
      outcome.result = systemContext.get(context);
      if (failed(outcome.result)) return outcome;
      LoggedEvent row;
      outcome.result = renderSystem(api, context, event.get(), row);
      if (failed(outcome.result)) return outcome;
      row.message = formatMessage(api, publishers.metadataFor(row.source), event.get());
      if (row.channel.empty()) row.channel = toWString(channel);
      rows.push_back(std::move(row));
    }
    if (!ok) {
      if (error == ERROR_TIMEOUT) outcome.timedOut = true;
      if (error != ERROR_NO_MORE_ITEMS && error != ERROR_TIMEOUT) outcome.result = win32Failure(error);
      break;
    }
    if (returned == 0) break;  // [I] success with nothing handed out: treated as the end, never as a reason to spin
  }
  return outcome;
}

WString stringValue(const EVT_VARIANT& value) {
  return value.Type == EvtVarTypeString && value.StringVal != nullptr ? toWString(value.StringVal) : WString{};
}

}  // namespace

LoggedEvent systemProperties(const EVT_VARIANT* values, DWORD count) {
  LoggedEvent row;
  auto has = [&](EVT_SYSTEM_PROPERTY_ID id, EVT_VARIANT_TYPE type) {
    return values != nullptr && static_cast<DWORD>(id) < count && values[id].Type == static_cast<DWORD>(type);
  };
  if (has(EvtSystemProviderName, EvtVarTypeString)) row.source = stringValue(values[EvtSystemProviderName]);
  if (has(EvtSystemEventID, EvtVarTypeUInt16)) row.eventId = values[EvtSystemEventID].UInt16Val;
  if (has(EvtSystemLevel, EvtVarTypeByte)) row.level = values[EvtSystemLevel].ByteVal;
  if (has(EvtSystemTimeCreated, EvtVarTypeFileTime)) {
    row.timeMillis = fileTimeToUnixMillis(values[EvtSystemTimeCreated].FileTimeVal);
  }
  if (has(EvtSystemChannel, EvtVarTypeString)) row.channel = stringValue(values[EvtSystemChannel]);
  return row;
}

hresult readEvents(const EventLogApi& api, const EventQuery& query, std::vector<LoggedEvent>& events) {
  events.clear();
  const std::wstring xpath = eventXPath(query);
  if (xpath.empty()) return hr::kInvalidArg;
  if (query.maxCount == 0) return hr::kOk;
  const Budget budget(api, query.timeoutMillis);
  SystemContext context(api);
  Publishers publishers(api);
  hresult firstFailure = hr::kOk;
  bool anyChannelRead = false;
  bool timedOut = false;
  for (const wchar_t* channel : kEventChannels) {
    std::vector<LoggedEvent> rows;
    const ChannelRead outcome = readChannel(api, channel, xpath, query, budget, context, publishers, rows);
    events.insert(events.end(), std::make_move_iterator(rows.begin()), std::make_move_iterator(rows.end()));
    timedOut = timedOut || outcome.timedOut;
    if (succeeded(outcome.result)) {
      anyChannelRead = true;
      continue;
    }
    log(LogLevel::Warn, "The " + channelName(channel) + " event log could not be read (" + hex(outcome.result) +
                            (outcome.result == static_cast<hresult>(HRESULT_FROM_WIN32(ERROR_EVT_CHANNEL_NOT_FOUND))
                                 ? ": no such log on this machine)."
                                 : ")."));
    if (succeeded(firstFailure)) firstFailure = outcome.result;
  }
  if (timedOut) {
    log(LogLevel::Warn, "Reading the event log took longer than its " + std::to_string(query.timeoutMillis) +
                            " ms budget; the " + std::to_string(events.size()) + " entries read by then are kept.");
  }
  std::stable_sort(events.begin(), events.end(),
                   [](const LoggedEvent& a, const LoggedEvent& b) { return a.timeMillis > b.timeMillis; });
  if (events.size() > query.maxCount) events.resize(query.maxCount);
  return anyChannelRead || !events.empty() ? hr::kOk : firstFailure;
}

}  // namespace vss4j::win
