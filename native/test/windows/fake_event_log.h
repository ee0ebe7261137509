// A wevtapi for the event-log reader's tests: channels of canned entries (newest first), failures by call, a clock
// the test moves, and a ledger of every handle handed out and closed. One log at a time (the table holds plain
// function pointers): FakeEventLogScope installs it.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "windows/event_log_api.h"

namespace vss4j::win::test {

struct FakeEntry {
  std::wstring provider;
  std::uint16_t eventId = 0;
  std::uint8_t level = 2;
  std::uint64_t fileTime = 0;  // TimeCreated
  std::wstring message;
  DWORD formatError = ERROR_SUCCESS;  // EvtFormatMessage's failure for this entry (the text is written all the same)
  std::wstring channel;               // filled by the log: the channel it is in
};

struct FakeEventLog {
  // The machine.
  std::map<std::wstring, std::vector<FakeEntry>> channels;  // each newest first
  std::map<std::wstring, DWORD> queryErrors;                // EvtQuery of that channel fails so
  std::map<std::wstring, DWORD> nextErrorAfter;             // EvtNext fails so once this many entries were handed out
  std::map<std::wstring, DWORD> nextErrorCode;
  std::set<std::wstring> nextFailsWithItsBatch;              // EvtNext hands out entries and fails with nextErrorCode
  std::set<std::wstring> providersWithoutMetadata;          // their metadata: ERROR_EVT_PUBLISHER_METADATA_NOT_FOUND
  DWORD renderContextError = ERROR_SUCCESS;
  DWORD renderError = ERROR_SUCCESS;                        // every EvtRender of an entry fails so
  DWORD renderBytesAtLeast = 0;                             // EvtRender asks for at least this many bytes
  ULONGLONG clock = 5000;
  ULONGLONG clockPerNext = 0;                               // each EvtNext takes this long
  ULONGLONG clockPerFormat = 0;                             // each EvtFormatMessage takes this long

  // What the reader did.
  std::vector<std::wstring> queriedPaths;
  std::vector<std::wstring> queriedXPaths;
  std::vector<DWORD> queryFlags;
  std::vector<DWORD> nextTimeouts;
  std::vector<DWORD> nextSizes;
  int renderContexts = 0;
  int renderCalls = 0;
  int formatCalls = 0;
  int metadataOpens = 0;
  std::map<std::uintptr_t, std::string> open;  // handle -> what it is
  int closes = 0;
  int closesOfUnknownHandles = 0;

  std::vector<std::string> leaks() const {
    std::vector<std::string> kinds;
    for (const auto& handle : open) kinds.push_back(handle.second);
    return kinds;
  }

  void add(const std::wstring& channel, FakeEntry entry) {
    entry.channel = channel;
    channels[channel].push_back(std::move(entry));
  }

  // Handles and what they stand for.
  struct Results {
    std::wstring channel;
    std::size_t cursor = 0;
  };
  std::map<std::uintptr_t, Results> results;
  std::map<std::uintptr_t, const FakeEntry*> events;
  std::map<std::uintptr_t, std::wstring> metadata;
  std::uintptr_t lastHandle = 0x1000;

  EVT_HANDLE handOut(const std::string& kind) {
    lastHandle += 0x10;
    open[lastHandle] = kind;
    return reinterpret_cast<EVT_HANDLE>(lastHandle);
  }

  static FakeEventLog*& current() {
    static FakeEventLog* log = nullptr;
    return log;
  }
  static FakeEventLog& the() { return *current(); }
  static std::uintptr_t key(EVT_HANDLE handle) { return reinterpret_cast<std::uintptr_t>(handle); }

  static EVT_HANDLE WINAPI query(EVT_HANDLE, LPCWSTR path, LPCWSTR xpath, DWORD flags) {
    FakeEventLog& log = the();
    log.queriedPaths.emplace_back(path != nullptr ? path : L"");
    log.queriedXPaths.emplace_back(xpath != nullptr ? xpath : L"");
    log.queryFlags.push_back(flags);
    const std::wstring channel = path != nullptr ? path : L"";
    auto error = log.queryErrors.find(channel);
    if (error != log.queryErrors.end()) {
      SetLastError(error->second);
      return nullptr;
    }
    if (log.channels.find(channel) == log.channels.end()) log.channels[channel];  // an empty, existing log
    EVT_HANDLE handle = log.handOut("query results");
    log.results[key(handle)] = Results{channel, 0};
    return handle;
  }

  static BOOL WINAPI next(EVT_HANDLE resultSet, DWORD size, EVT_HANDLE* handles, DWORD timeout, DWORD flags,
                          PDWORD returned) {
    FakeEventLog& log = the();
    log.nextTimeouts.push_back(timeout);
    log.nextSizes.push_back(size);
    log.clock += log.clockPerNext;
    *returned = 0;
    if (flags != 0 || log.open.count(key(resultSet)) == 0) {
      SetLastError(ERROR_INVALID_PARAMETER);
      return FALSE;
    }
    Results& set = log.results[key(resultSet)];
    const std::vector<FakeEntry>& entries = log.channels[set.channel];
    std::size_t end = entries.size();
    auto failAfter = log.nextErrorAfter.find(set.channel);
    if (failAfter != log.nextErrorAfter.end()) end = std::min<std::size_t>(end, failAfter->second);
    if (set.cursor >= end) {
      SetLastError(failAfter != log.nextErrorAfter.end() ? log.nextErrorCode[set.channel] : ERROR_NO_MORE_ITEMS);
      return FALSE;
    }
    while (*returned < size && set.cursor < end) {
      EVT_HANDLE event = log.handOut("event");
      log.events[key(event)] = &entries[set.cursor++];
      handles[(*returned)++] = event;
    }
    if (log.nextFailsWithItsBatch.count(set.channel) != 0) {
      SetLastError(log.nextErrorCode[set.channel]);
      return FALSE;
    }
    return TRUE;
  }

  static EVT_HANDLE WINAPI createRenderContext(DWORD count, LPCWSTR*, DWORD flags) {
    FakeEventLog& log = the();
    ++log.renderContexts;
    if (log.renderContextError != ERROR_SUCCESS || count != 0 || flags != EvtRenderContextSystem) {
      SetLastError(log.renderContextError != ERROR_SUCCESS ? log.renderContextError : ERROR_INVALID_PARAMETER);
      return nullptr;
    }
    return log.handOut("render context");
  }

  // The System section as Windows renders it: 18 EVT_VARIANTs, then the strings they point to.
  static BOOL WINAPI render(EVT_HANDLE context, EVT_HANDLE fragment, DWORD flags, DWORD bufferBytes, PVOID buffer,
                            PDWORD bytesUsed, PDWORD propertyCount) {
    FakeEventLog& log = the();
    ++log.renderCalls;
    auto event = log.events.find(key(fragment));
    if (flags != EvtRenderEventValues || log.open.count(key(context)) == 0 || event == log.events.end() ||
        log.open.count(key(fragment)) == 0) {
      SetLastError(ERROR_INVALID_PARAMETER);
      return FALSE;
    }
    if (log.renderError != ERROR_SUCCESS) {
      SetLastError(log.renderError);
      return FALSE;
    }
    const FakeEntry& entry = *event->second;
    const DWORD arrayBytes = static_cast<DWORD>(EvtSystemPropertyIdEND * sizeof(EVT_VARIANT));
    const DWORD needed = std::max<DWORD>(
        log.renderBytesAtLeast,
        arrayBytes + static_cast<DWORD>((entry.provider.size() + entry.channel.size() + 2) * sizeof(wchar_t)));
    *bytesUsed = needed;
    *propertyCount = 0;
    if (bufferBytes < needed || buffer == nullptr) {
      SetLastError(ERROR_INSUFFICIENT_BUFFER);
      return FALSE;
    }
    std::memset(buffer, 0, needed);
    auto* values = static_cast<EVT_VARIANT*>(buffer);
    auto* text = reinterpret_cast<wchar_t*>(static_cast<char*>(buffer) + arrayBytes);
    std::wmemcpy(text, entry.provider.c_str(), entry.provider.size() + 1);
    values[EvtSystemProviderName].StringVal = text;
    values[EvtSystemProviderName].Type = EvtVarTypeString;
    text += entry.provider.size() + 1;
    std::wmemcpy(text, entry.channel.c_str(), entry.channel.size() + 1);
    values[EvtSystemChannel].StringVal = text;
    values[EvtSystemChannel].Type = EvtVarTypeString;
    values[EvtSystemEventID].UInt16Val = entry.eventId;
    values[EvtSystemEventID].Type = EvtVarTypeUInt16;
    values[EvtSystemLevel].ByteVal = entry.level;
    values[EvtSystemLevel].Type = EvtVarTypeByte;
    values[EvtSystemTimeCreated].FileTimeVal = entry.fileTime;
    values[EvtSystemTimeCreated].Type = EvtVarTypeFileTime;
    *propertyCount = EvtSystemPropertyIdEND;
    return TRUE;
  }

  static EVT_HANDLE WINAPI openPublisherMetadata(EVT_HANDLE, LPCWSTR publisher, LPCWSTR, LCID, DWORD) {
    FakeEventLog& log = the();
    ++log.metadataOpens;
    if (log.providersWithoutMetadata.count(publisher) != 0) {
      SetLastError(ERROR_EVT_PUBLISHER_METADATA_NOT_FOUND);
      return nullptr;
    }
    EVT_HANDLE handle = log.handOut("publisher metadata");
    log.metadata[key(handle)] = publisher;
    return handle;
  }

  static BOOL WINAPI formatMessage(EVT_HANDLE metadataHandle, EVT_HANDLE eventHandle, DWORD, DWORD, PEVT_VARIANT,
                                   DWORD flags, DWORD bufferChars, LPWSTR buffer, PDWORD charsUsed) {
    FakeEventLog& log = the();
    ++log.formatCalls;
    log.clock += log.clockPerFormat;
    auto event = log.events.find(key(eventHandle));
    auto metadataOf = log.metadata.find(key(metadataHandle));
    if (flags != EvtFormatMessageEvent || event == log.events.end() || metadataOf == log.metadata.end() ||
        metadataOf->second != event->second->provider || log.open.count(key(eventHandle)) == 0) {
      SetLastError(ERROR_INVALID_PARAMETER);
      return FALSE;
    }
    const FakeEntry& entry = *event->second;
    const DWORD needed = static_cast<DWORD>(entry.message.size() + 1);
    *charsUsed = needed;
    if (bufferChars < needed || buffer == nullptr) {
      SetLastError(ERROR_INSUFFICIENT_BUFFER);
      return FALSE;
    }
    std::wmemcpy(buffer, entry.message.c_str(), needed);
    if (entry.formatError != ERROR_SUCCESS) {
      SetLastError(entry.formatError);
      return FALSE;
    }
    return TRUE;
  }

  static BOOL WINAPI close(EVT_HANDLE handle) {
    FakeEventLog& log = the();
    ++log.closes;
    if (log.open.erase(key(handle)) == 0) {
      ++log.closesOfUnknownHandles;
      SetLastError(ERROR_INVALID_HANDLE);
      return FALSE;
    }
    return TRUE;
  }

  static ULONGLONG WINAPI now() { return the().clock; }

  static const EventLogApi& api() {
    static const EventLogApi table{&query, &next, &createRenderContext, &render, &openPublisherMetadata,
                                   &formatMessage, &close, &now};
    return table;
  }
};

// Installs `log` as the fake's machine for the scope.
class FakeEventLogScope {
 public:
  explicit FakeEventLogScope(FakeEventLog& log) { FakeEventLog::current() = &log; }
  FakeEventLogScope(const FakeEventLogScope&) = delete;
  FakeEventLogScope& operator=(const FakeEventLogScope&) = delete;
  ~FakeEventLogScope() { FakeEventLog::current() = nullptr; }
};

}  // namespace vss4j::win::test
