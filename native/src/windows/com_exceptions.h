// COM's catching of exceptions thrown inside COM calls, switched off for VSS: Microsoft's "Security Considerations
// for Requesters" asks requesters to set COMGLB_EXCEPTION_DONOT_HANDLE, since a fault that COM swallows can leave
// the process, and the shadow copy in progress, in an unpredictable state.
#pragma once

#include "windows/vss_sdk.h"

namespace vss4j::win {

// Asks `options` for COMGLB_EXCEPTION_HANDLING: still COM's default (COMGLB_EXCEPTION_HANDLE), or unknown because
// the query failed, it sets COMGLB_EXCEPTION_DONOT_HANDLE; anything else was chosen by the host (or by an earlier
// call) and is left alone. Logs what it did. Returns S_OK, or the HRESULT of the call that failed (already logged):
// a failure here is never a reason not to back up.
HRESULT disableComExceptionHandling(IGlobalOptions& options);

// The same on COM's process-wide options object (CLSID_GlobalOptions). Call after CoInitializeSecurity, on a
// thread in the multithreaded apartment.
HRESULT disableComExceptionHandling();

}  // namespace vss4j::win
