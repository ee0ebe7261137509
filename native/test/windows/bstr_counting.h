// Counting BSTRs: COM's task allocator watched by an IMallocSpy, with oleaut32's string cache off so that every BSTR
// comes from it and goes back to it.
#pragma once

#include <atomic>

#include "windows/vss_sdk.h"

namespace vss4j::win::test {

#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wnon-virtual-dtor"
#endif
// Counts what COM's task allocator hands out and takes back while it is registered: BSTRs come from there once
// oleaut32 stops caching them.
class CountingSpy final : public IMallocSpy {
 public:
  std::atomic<long> allocs{0}, frees{0};

  HRESULT STDMETHODCALLTYPE QueryInterface(REFIID riid, void** object) override {
    if (IsEqualIID(riid, IID_IUnknown) || IsEqualIID(riid, IID_IMallocSpy)) {
      *object = this;
      return S_OK;
    }
    *object = nullptr;
    return E_NOINTERFACE;
  }
  ULONG STDMETHODCALLTYPE AddRef() override { return 2; }
  ULONG STDMETHODCALLTYPE Release() override { return 1; }
  SIZE_T STDMETHODCALLTYPE PreAlloc(SIZE_T size) override { return size; }
  void* STDMETHODCALLTYPE PostAlloc(void* actual) override {
    if (actual != nullptr) ++allocs;
    return actual;
  }
  void* STDMETHODCALLTYPE PreFree(void* request, BOOL) override {
    if (request != nullptr) ++frees;
    return request;
  }
  void STDMETHODCALLTYPE PostFree(BOOL) override {}
  SIZE_T STDMETHODCALLTYPE PreRealloc(void* request, SIZE_T size, void** newRequest, BOOL) override {
    *newRequest = request;
    return size;
  }
  void* STDMETHODCALLTYPE PostRealloc(void* actual, BOOL) override { return actual; }
  void* STDMETHODCALLTYPE PreGetSize(void* request, BOOL) override { return request; }
  SIZE_T STDMETHODCALLTYPE PostGetSize(SIZE_T actual, BOOL) override { return actual; }
  void* STDMETHODCALLTYPE PreDidAlloc(void* request, BOOL) override { return request; }
  int STDMETHODCALLTYPE PostDidAlloc(void*, BOOL, int actual) override { return actual; }
  void STDMETHODCALLTYPE PreHeapMinimize() override {}
  void STDMETHODCALLTYPE PostHeapMinimize() override {}
};
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

// SetOaNoCache: from here on, SysAllocString and SysFreeString go to COM's allocator every time. False: not found.
inline bool stopBstrCache() {
  using NoCache = void(WINAPI*)();
  auto noCache = reinterpret_cast<NoCache>(
      reinterpret_cast<void*>(GetProcAddress(GetModuleHandleW(L"oleaut32.dll"), "SetOaNoCache")));
  if (noCache == nullptr) return false;
  noCache();
  return true;
}

}  // namespace vss4j::win::test
