// vss4j's threads are pooled: one OS thread serves several objects in turn. Each borrower must find the thread
// in the multithreaded apartment and leave it as it found it, whatever the borrower before it did.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "core/object_thread.h"
#include "core/thread_pool.h"
#include "test_support.h"
#include "windows/com_backend.h"

namespace vss4j::win::test {
namespace {

struct Apartment {
  HRESULT result = E_FAIL;
  APTTYPE type = APTTYPE_STA;
  APTTYPEQUALIFIER qualifier = APTTYPEQUALIFIER_NONE;
};

Apartment apartmentHere() {
  Apartment here;
  here.result = CoGetApartmentType(&here.type, &here.qualifier);
  return here;
}

ThreadPool::Limits oneIdleThread() {
  ThreadPool::Limits limits;
  limits.maxIdle = 1;
  limits.idleLimit = std::chrono::milliseconds(60000);
  return limits;
}

TEST(PooledThreads, EachBorrowerJoinsTheMtaAndLeavesItWhenItGivesTheThreadBack) {
  FreeLog frees;
  auto backend = makeComBackend(fakeApi(frees));
  ThreadPool pool(oneIdleThread());
  std::thread::id first;
  for (int borrower = 0; borrower < 3; ++borrower) {
    ObjectThread thread([&] { backend->threadStarted(); }, [&] { backend->threadStopping(); }, pool);
    const Apartment inside = thread.call(apartmentHere);
    ASSERT_EQ(inside.result, S_OK) << borrower;
    EXPECT_EQ(inside.type, APTTYPE_MTA) << borrower;
    EXPECT_EQ(inside.qualifier, APTTYPEQUALIFIER_NONE) << borrower;  // joined explicitly, not the implicit MTA
    const std::thread::id id = thread.call([] { return std::this_thread::get_id(); });
    if (borrower == 0) first = id;
    EXPECT_EQ(id, first) << "the same thread, reused";
  }
  // A borrower without hooks finds the thread outside COM: joining now is a first join (S_OK), not a nested one.
  ObjectThread plain(nullptr, nullptr, pool);
  const HRESULT joined = plain.call([] {
    const HRESULT result = CoInitializeEx(nullptr, COINIT_MULTITHREADED);
    if (SUCCEEDED(result)) CoUninitialize();
    return result;
  });
  EXPECT_EQ(joined, S_OK);
}

}  // namespace
}  // namespace vss4j::win::test
