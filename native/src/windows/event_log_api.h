// The wevtapi calls the event-log reader makes, as a table: the real wevtapi on Windows, fakes in the tests (Wine's
// wevtapi is mostly stubs). Also the holder that closes each EVT_HANDLE exactly once through the same table.
#pragma once

#include <cstdint>

#include "windows/vss_sdk.h"

#include <winevt.h>

namespace vss4j::win {

struct EventLogApi {
  EVT_HANDLE(WINAPI* query)(EVT_HANDLE session, LPCWSTR path, LPCWSTR query, DWORD flags);
  BOOL(WINAPI* next)(EVT_HANDLE results, DWORD size, EVT_HANDLE* events, DWORD timeout, DWORD flags, PDWORD returned);
  EVT_HANDLE(WINAPI* createRenderContext)(DWORD pathCount, LPCWSTR* paths, DWORD flags);
  BOOL(WINAPI* render)(EVT_HANDLE context, EVT_HANDLE fragment, DWORD flags, DWORD bufferBytes, PVOID buffer,
                       PDWORD bytesUsed, PDWORD propertyCount);
  EVT_HANDLE(WINAPI* openPublisherMetadata)(EVT_HANDLE session, LPCWSTR publisher, LPCWSTR logFile, LCID locale,
                                            DWORD flags);
  BOOL(WINAPI* formatMessage)(EVT_HANDLE metadata, EVT_HANDLE event, DWORD messageId, DWORD valueCount,
                              PEVT_VARIANT values, DWORD flags, DWORD bufferChars, LPWSTR buffer, PDWORD charsUsed);
  BOOL(WINAPI* close)(EVT_HANDLE handle);
  // A monotonic clock in milliseconds (GetTickCount64), so that tests can spend the time budget without waiting.
  ULONGLONG(WINAPI* nowMillis)();
};

// wevtapi.dll's functions (linked at load time: wevtapi.dll is in System32 from Vista and Server 2008 on).
const EventLogApi& systemEventLogApi();

// One EVT_HANDLE, closed exactly once when the holder goes (null is never closed). Move-only.
class EvtHandle {
 public:
  EvtHandle(const EventLogApi& api, EVT_HANDLE handle) noexcept : api_(&api), handle_(handle) {}
  EvtHandle(EvtHandle&& other) noexcept : api_(other.api_), handle_(other.handle_) { other.handle_ = nullptr; }
  EvtHandle& operator=(EvtHandle&& other) noexcept;
  EvtHandle(const EvtHandle&) = delete;
  EvtHandle& operator=(const EvtHandle&) = delete;
  ~EvtHandle() { reset(); }

  EVT_HANDLE get() const noexcept { return handle_; }
  explicit operator bool() const noexcept { return handle_ != nullptr; }
  void reset() noexcept;

 private:
  const EventLogApi* api_;
  EVT_HANDLE handle_;
};

}  // namespace vss4j::win
