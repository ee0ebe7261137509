#include "windows/com_exceptions.h"

#include <string>

#include "core/log.h"
#include "windows/com_ptr.h"
#include "windows/convert.h"

namespace vss4j::win {
namespace {

// {0000034B-0000-0000-C000-000000000046} (mingw-w64's libuuid, cguid.h), spelled out here so that no SDK's choice of
// header or library for it matters.
constexpr CLSID kClsidGlobalOptions = {0x0000034b, 0x0000, 0x0000, {0xc0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x46}};
// {0000015B-0000-0000-C000-000000000046} (objidl.h).
constexpr IID kIidGlobalOptions = {0x0000015b, 0x0000, 0x0000, {0xc0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x46}};

}  // namespace

HRESULT disableComExceptionHandling(IGlobalOptions& options) {
  constexpr auto kHandle = static_cast<ULONG_PTR>(COMGLB_EXCEPTION_HANDLE);
  constexpr auto kDoNotHandle = static_cast<ULONG_PTR>(COMGLB_EXCEPTION_DONOT_HANDLE);
  ULONG_PTR current = kHandle;
  const HRESULT queried = options.Query(COMGLB_EXCEPTION_HANDLING, &current);
  if (SUCCEEDED(queried) && current != kHandle) {
    log(LogLevel::Debug, "COM exception handling is already off (COMGLB_EXCEPTION_HANDLING = " +
                             std::to_string(current) + "): left as it is");
    return S_OK;
  }
  const HRESULT set = options.Set(COMGLB_EXCEPTION_HANDLING, kDoNotHandle);
  if (FAILED(set)) {
    log(LogLevel::Warn, "COM exception handling could not be turned off (IGlobalOptions::Set failed, " + hex(set) +
                            "): a crash inside a COM call may be hidden instead of ending the process");
    return set;
  }
  log(LogLevel::Debug, FAILED(queried)
                           ? "COM exception handling turned off for VSS (its setting could not be read first: " +
                                 hex(queried) + ")"
                           : std::string("COM exception handling turned off for VSS (COMGLB_EXCEPTION_DONOT_HANDLE)"));
  return S_OK;
}

HRESULT disableComExceptionHandling() {
  ComPtr<IGlobalOptions> options;
  const HRESULT created = CoCreateInstance(kClsidGlobalOptions, nullptr, CLSCTX_INPROC_SERVER, kIidGlobalOptions,
                                           reinterpret_cast<void**>(options.put()));
  if (FAILED(created) || !options) {
    log(LogLevel::Warn, "COM exception handling could not be turned off (CoCreateInstance(CLSID_GlobalOptions) "
                        "failed, " + hex(created) + "): a crash inside a COM call may be hidden instead of "
                        "ending the process");
    return FAILED(created) ? created : E_UNEXPECTED;
  }
  return disableComExceptionHandling(*options.get());
}

}  // namespace vss4j::win
