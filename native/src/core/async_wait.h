// How the shim learns that an IVssAsync has ended: VSS's own blocking Wait, then QueryStatus. No polling.
#pragma once

#include <chrono>
#include <functional>

#include "core/backend.h"

namespace vss4j {

using Pause = std::function<void(std::chrono::milliseconds)>;

// Blocks until `op` has ended and returns QueryStatus's final value: VSS_S_ASYNC_FINISHED (success),
// VSS_S_ASYNC_CANCELLED or the operation's error; a failing QueryStatus returns its own error.
// Should Wait succeed while the operation is still pending (undocumented, seen with timeouts), the next Wait
// comes after a pause that doubles from 1 ms to 1 s, so a misbehaving Wait cannot turn into a busy loop.
// Should Wait fail while the operation is still pending, the operation is cancelled and the Wait's error is the
// outcome (VSS_S_ASYNC_FINISHED if Cancel finds it finished after all).
hresult awaitEnd(AsyncOperation& op, const Pause& pause);

// The pause awaitEnd uses in production: sleeps the calling (waiter) thread.
void sleepingPause(std::chrono::milliseconds duration);

}  // namespace vss4j
