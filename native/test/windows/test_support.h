// Shared by the adapter tests: a VssApi over the fakes, and the check that every fake ends at refcount 0.
#pragma once

#include <gtest/gtest.h>

#include <atomic>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <vector>

#include "fake_vss.h"
#include "windows/convert.h"
#include "windows/vss_api.h"

namespace vss4j::win::test {

// Records what the "free snapshot properties" function received, then frees like VSS: CoTaskMemFree per string.
struct FreeLog {
  std::mutex mutex;
  std::vector<VSS_ID> freed;

  void release(VSS_SNAPSHOT_PROP* prop) {
    {
      std::lock_guard<std::mutex> lock(mutex);
      freed.push_back(prop->m_SnapshotId);
    }
    for (const SnapshotString& field : kSnapshotStrings) {
      CoTaskMemFree(prop->*field.sdk);
      prop->*field.sdk = nullptr;
    }
  }

  // What the task-memory free function received (the strings of a VSS_PROVIDER_PROP), then CoTaskMemFree.
  std::vector<void*> freedMemory;

  void releaseMemory(void* memory) {
    {
      std::lock_guard<std::mutex> lock(mutex);
      freedMemory.push_back(memory);
    }
    CoTaskMemFree(memory);
  }
};

// create: hands out `components` (one reference), or fails with `createResult`.
inline std::shared_ptr<VssApi> fakeApi(FreeLog& log, fake::BackupComponents* components = nullptr,
                                       HRESULT createResult = S_OK) {
  auto api = std::make_shared<VssApi>();
  api->createBackupComponents = [components, createResult](IVssBackupComponents** out) -> HRESULT {
    *out = nullptr;
    if (FAILED(createResult)) return createResult;
    if (components == nullptr) return E_NOTIMPL;
    *out = components->give();
    return createResult;
  };
  api->freeSnapshotProperties = [&log](VSS_SNAPSHOT_PROP* prop) { log.release(prop); };
  api->freeTaskMemory = [&log](void* memory) { log.releaseMemory(memory); };
  return api;
}

template <typename T>
void expectReleased(const T& object, const char* name) {
  EXPECT_EQ(object.refs(), 0) << name << " still holds references";
  EXPECT_FALSE(object.overReleased()) << name << " was released more often than referenced";
}

inline GUID makeGuid(unsigned long d1, unsigned short d2, unsigned short d3, unsigned long long d4) {
  GUID id{};
  id.Data1 = d1;
  id.Data2 = d2;
  id.Data3 = d3;
  for (int i = 0; i < 8; ++i) id.Data4[i] = static_cast<unsigned char>(d4 >> (8 * (7 - i)));
  return id;
}

}  // namespace vss4j::win::test
