#include "core/async_wait.h"

#include <algorithm>
#include <string>
#include <thread>

#include "core/log.h"

namespace vss4j {

hresult awaitEnd(AsyncOperation& op, const Pause& pause) {
  std::chrono::milliseconds backoff{1};
  for (int early = 0;; ++early) {
    const hresult waited = op.wait(AsyncOperation::kInfinite);
    hresult status = hr::kAsyncPending;
    const hresult queried = op.queryStatus(status);
    if (failed(queried)) return queried;
    if (status != hr::kAsyncPending) return status;
    if (early == 0) {
      log(LogLevel::Warn, "vss4j: IVssAsync::Wait returned (0x" + [&] {
        static const char digits[] = "0123456789ABCDEF";
        std::string hex;
        for (int i = 7; i >= 0; --i) hex.push_back(digits[(static_cast<unsigned>(waited) >> (4 * i)) & 0xF]);
        return hex;
      }() + ") while the operation was still pending; waiting again");
    }
    pause(backoff);
    backoff = std::min(backoff * 2, std::chrono::milliseconds{1000});
  }
}

void sleepingPause(std::chrono::milliseconds duration) { std::this_thread::sleep_for(duration); }

}  // namespace vss4j
