// Shared set-up for the simulator's tests: a machine with volumes C:\ and D:\, helpers that drive the
// documented call sequence, and the rule that every object is gone when a test ends.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <vector>

#include "sim/machine.h"

namespace vss4j::sim::test {

inline const Guid kSystemProvider{0xb59461377b9f4925ULL, 0xaf8051abd60b20d5ULL};
inline constexpr std::uint32_t kBoundMs = 10000;  // an upper bound for waits that should end at once

class SimTest : public ::testing::Test {
 protected:
  void SetUp() override {
    machine = Machine::create();
    ASSERT_NE(machine, nullptr);
    machine->addVolume(VolumeSpec{u"C:\\"});
    machine->addVolume(VolumeSpec{u"D:\\"});
  }
  // Every test keeps its objects in its own scope: by now all of them must be released.
  void TearDown() override { EXPECT_EQ(machine->liveObjects(), 0); }

  std::unique_ptr<BackupComponents> create() {
    std::unique_ptr<BackupComponents> object;
    EXPECT_EQ(machine->createBackupComponents(object), hr::kOk);
    return object;
  }

  // Created, initialized, in `context`.
  std::unique_ptr<BackupComponents> initialized(std::int32_t context = ctx::BACKUP) {
    auto object = create();
    if (!object) return object;
    EXPECT_EQ(object->initializeForBackup(nullptr), hr::kOk);
    EXPECT_EQ(object->setContext(context), hr::kOk);
    return object;
  }

  // Initialized in `context`, with a snapshot set started: ready for AddToSnapshotSet.
  std::unique_ptr<BackupComponents> withSetStarted(std::int32_t context) {
    auto object = initialized(context);
    if (!object) return object;
    Guid set;
    EXPECT_EQ(object->startSnapshotSet(set), hr::kOk);
    return object;
  }

  // What AddToSnapshotSet answers for `volume`; the new copy's id is not kept.
  static hresult add(BackupComponents& object, const WString& volume, const Guid& provider = Guid{}) {
    Guid id;
    return object.addToSnapshotSet(volume, provider, id);
  }

  // Runs an asynchronous call to its end and returns what QueryStatus says.
  static hresult finish(std::unique_ptr<AsyncOperation>& async) {
    EXPECT_NE(async, nullptr);
    if (!async) return hr::kUnexpected;
    async->wait(kBoundMs);
    hresult status = hr::kUnexpected;
    EXPECT_EQ(async->queryStatus(status), hr::kOk);
    return status;
  }

  template <typename Call>
  static hresult runAsync(Call&& call) {
    std::unique_ptr<AsyncOperation> async;
    const hresult started = call(async);
    if (failed(started)) {
      EXPECT_EQ(async, nullptr);
      return started;
    }
    return finish(async);
  }

  // For writer contexts: backup state, metadata, a set of `volumes`, PrepareForBackup. Stops at the first failure.
  hresult prepareSet(BackupComponents& object, const std::vector<WString>& volumes, bool withWriters,
                     std::vector<Guid>* ids = nullptr) {
    if (withWriters) {
      if (hresult r = object.setBackupState(false, false, backup_type::FULL, false); failed(r)) return r;
      hresult r = runAsync([&](auto& a) { return object.gatherWriterMetadata(a); });
      if (r != hr::kAsyncFinished) return r;
    }
    Guid set;
    if (hresult r = object.startSnapshotSet(set); failed(r)) return r;
    for (const WString& volume : volumes) {
      Guid id;
      if (hresult r = object.addToSnapshotSet(volume, Guid{}, id); failed(r)) return r;
      if (ids) ids->push_back(id);
    }
    if (withWriters) {
      hresult r = runAsync([&](auto& a) { return object.prepareForBackup(a); });
      if (r != hr::kAsyncFinished) return r;
    }
    return hr::kOk;
  }

  // StartSnapshotSet, AddToSnapshotSet(volume), PrepareForBackup: the first failure, else S_OK.
  static hresult startAndPrepare(BackupComponents& object, const WString& volume) {
    Guid set;
    Guid id;
    if (hresult r = object.startSnapshotSet(set); failed(r)) return r;
    if (hresult r = object.addToSnapshotSet(volume, Guid{}, id); failed(r)) return r;
    const hresult r = runAsync([&](auto& a) { return object.prepareForBackup(a); });
    return r == hr::kAsyncFinished ? hr::kOk : r;
  }

  static hresult doSnapshot(BackupComponents& object) {
    return runAsync([&](auto& a) { return object.doSnapshotSet(a); });
  }

  std::shared_ptr<Machine> machine;
};

}  // namespace vss4j::sim::test
