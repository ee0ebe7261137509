#include "core/async_wait.h"

#include <algorithm>
#include <string>
#include <thread>

#include "core/log.h"

namespace vss4j {
namespace {

std::string hex(hresult value) {
  static const char digits[] = "0123456789ABCDEF";
  std::string text = "0x";
  for (int i = 7; i >= 0; --i) text.push_back(digits[(static_cast<unsigned>(value) >> (4 * i)) & 0xFu]);
  return text;
}

// Wait failed while the operation still runs: nothing will tell the waiter of its end any more, so it is
// cancelled and the Wait's error becomes its outcome (as vshadow and other requesters fail on a failed Wait).
hresult giveUp(AsyncOperation& op, hresult waited) {
  const hresult cancelled = op.cancel();
  if (cancelled == hr::kAsyncFinished) {
    // It ended in success between the Wait and the Cancel: what it made is real and must be reported.
    log(LogLevel::Warn, "vss4j: IVssAsync::Wait failed (" + hex(waited) +
                            ") while the operation was still pending, but it finished before it could be cancelled");
    return cancelled;
  }
  log(LogLevel::Error, "vss4j: IVssAsync::Wait failed (" + hex(waited) +
                           ") while the operation was still pending; it was cancelled (Cancel returned " +
                           hex(cancelled) + ") and fails with the Wait's error");
  return waited;
}

}  // namespace

hresult awaitEnd(AsyncOperation& op, const Pause& pause) {
  std::chrono::milliseconds backoff{1};
  for (int early = 0;; ++early) {
    const hresult waited = op.wait(AsyncOperation::kInfinite);
    hresult status = hr::kAsyncPending;
    const hresult queried = op.queryStatus(status);
    if (failed(queried)) return queried;
    if (status != hr::kAsyncPending) return status;
    if (failed(waited)) return giveUp(op, waited);
    if (early == 0) {
      log(LogLevel::Warn, "vss4j: IVssAsync::Wait returned (" + hex(waited) +
                              ") while the operation was still pending; waiting again");
    }
    pause(backoff);
    backoff = std::min(backoff * 2, std::chrono::milliseconds{1000});
  }
}

void sleepingPause(std::chrono::milliseconds duration) { std::this_thread::sleep_for(duration); }

}  // namespace vss4j
