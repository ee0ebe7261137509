#include "core/handle_registry.h"

namespace vss4j {

std::int64_t nextHandleId() noexcept {
  // Starts away from small numbers so that a stray 0, 1 or -1 from Java is never a live handle.
  static std::atomic<std::int64_t> next{0x1000};
  return next.fetch_add(1, std::memory_order_relaxed);
}

}  // namespace vss4j
