#include "core/own_thread.h"

#include <atomic>

namespace vss4j {
namespace {
std::atomic<ThreadEndHook> g_hook{nullptr};
// Trivially destructible on purpose: nothing may run for it at thread exit (see own_thread.h).
thread_local bool t_own = false;
}  // namespace

void setThreadEndHook(ThreadEndHook hook) noexcept { g_hook.store(hook, std::memory_order_release); }

OwnThread::OwnThread() noexcept { t_own = true; }

OwnThread::~OwnThread() {
  if (ThreadEndHook hook = g_hook.load(std::memory_order_acquire)) hook();
  t_own = false;
}

bool OwnThread::current() noexcept { return t_own; }

}  // namespace vss4j
