// Several objects on several threads sharing one machine.
#include <cstddef>
#include <future>
#include <thread>

#include "sim_fixture.h"

namespace vss4j::sim::test {
namespace {

constexpr std::size_t kThreads = 8;

// Runs `body(i)` on kThreads threads released together from one start line.
template <typename Body>
void race(Body&& body) {
  std::promise<void> start;
  std::shared_future<void> line = start.get_future().share();
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < kThreads; ++i) {
    threads.emplace_back([&, i] {
      line.wait();
      body(i);
    });
  }
  start.set_value();
  for (auto& thread : threads) thread.join();
}

TEST_F(SimTest, ThreadsRacingStartSnapshotSetHaveExactlyOneWinner) {
  for (int round = 0; round < 20; ++round) {
    std::vector<std::unique_ptr<BackupComponents>> objects;
    for (std::size_t i = 0; i < kThreads; ++i) objects.push_back(initialized(ctx::FILE_SHARE_BACKUP));
    std::vector<hresult> results(kThreads, hr::kUnexpected);
    race([&](std::size_t i) {
      Guid set;
      results[i] = objects[i]->startSnapshotSet(set);
    });
    std::size_t winners = 0, refused = 0;
    for (hresult r : results) {
      if (r == hr::kOk) ++winners;
      if (r == hr::kSnapshotSetInProgress) ++refused;
    }
    EXPECT_EQ(winners, 1u) << round;
    EXPECT_EQ(refused, kThreads - 1) << round;
  }
}

TEST_F(SimTest, WholeBackupsOnManyThreadsEitherSucceedOrAreToldASetIsInProgress) {
  machine->setDuration(Operation::DoSnapshotSet, std::chrono::milliseconds(1));
  std::vector<hresult> outcomes(kThreads, hr::kUnexpected);
  std::vector<std::unique_ptr<BackupComponents>> objects;
  for (std::size_t i = 0; i < kThreads; ++i) objects.push_back(initialized(ctx::FILE_SHARE_BACKUP));
  race([&](std::size_t i) {
    BackupComponents& object = *objects[i];
    Guid set, id;
    const hresult started = object.startSnapshotSet(set);
    if (failed(started)) {
      outcomes[i] = started;
      return;
    }
    EXPECT_EQ(object.addToSnapshotSet(u"C:\\", Guid{}, id), hr::kOk);
    std::unique_ptr<AsyncOperation> async;
    EXPECT_EQ(object.doSnapshotSet(async), hr::kOk);
    // Another thread's wait and this one's run side by side on the same machine.
    outcomes[i] = async->wait(kBoundMs);
    hresult status = hr::kOk;
    EXPECT_EQ(async->queryStatus(status), hr::kOk);
    EXPECT_EQ(status, hr::kAsyncFinished);
  });
  int succeeded = 0;
  for (hresult r : outcomes) {
    EXPECT_TRUE(r == hr::kOk || r == hr::kSnapshotSetInProgress) << r;
    if (r == hr::kOk) ++succeeded;
  }
  EXPECT_GE(succeeded, 1);
  EXPECT_EQ(machine->existingSnapshots().size(), static_cast<std::size_t>(succeeded));
  objects.clear();
  EXPECT_TRUE(machine->existingSnapshots().empty());
}

}  // namespace
}  // namespace vss4j::sim::test
