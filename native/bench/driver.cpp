// The C++ side of the benchmark: the same simulated backend driven without JVM, JNI or Java, and the floor
// a completion can reach (one condition-variable wake-up between two native threads).
// Usage: vss4j_bench_driver floor|poll|pollcpu|sync|cycles|metadata ...; prints "key value" lines for the harness.
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <mutex>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "core/session.h"
#include "core/vss_types.h"
#include "sim/machine.h"
#include "metadata_bench.h"
#include "timing_backend.h"

namespace {

using vss4j::hresult;
using vss4j::bench::monotonicNanos;
namespace hr = vss4j::hr;

void printPercentiles(const char* name, std::vector<std::int64_t> samples) {
  std::sort(samples.begin(), samples.end());
  auto at = [&](double q) {
    const auto index = static_cast<std::size_t>(q * static_cast<double>(samples.size() - 1) + 0.5);
    return samples[std::min(index, samples.size() - 1)];
  };
  std::printf("%s.n %zu\n%s.p50 %lld\n%s.p99 %lld\n%s.p999 %lld\n%s.max %lld\n", name, samples.size(), name,
              static_cast<long long>(at(0.50)), name, static_cast<long long>(at(0.99)), name,
              static_cast<long long>(at(0.999)), name, static_cast<long long>(samples.back()));
}

std::int64_t cpuNanos() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  auto nanos = [](const timeval& t) { return std::int64_t{t.tv_sec} * 1000000000 + std::int64_t{t.tv_usec} * 1000; };
  return nanos(usage.ru_utime) + nanos(usage.ru_stime);
}

void check(hresult result, const char* what) {
  if (vss4j::failed(result)) {
    std::fprintf(stderr, "vss4j_bench_driver: %s failed: 0x%08X\n", what, static_cast<unsigned>(result));
    std::exit(2);
  }
}

std::vector<vss4j::WString> volumeNames(int count) {
  std::vector<vss4j::WString> names;
  for (int i = 0; i < count; ++i) {
    const std::string name = i == 0 ? "C:\\" : "C:\\mnt\\v" + std::to_string(i) + "\\";
    names.emplace_back(name.begin(), name.end());
  }
  return names;
}

std::shared_ptr<vss4j::sim::Machine> machineWith(const std::vector<vss4j::WString>& volumes) {
  auto machine = vss4j::sim::Machine::create();
  for (const auto& name : volumes) {
    vss4j::sim::VolumeSpec spec;
    spec.name = name;
    machine->addVolume(spec);
  }
  return machine;
}

// A components object with a snapshot set open on `volumes`, ready for DoSnapshotSet.
std::unique_ptr<vss4j::BackupComponents> readyForSnapshot(vss4j::Backend& backend,
                                                          const std::vector<vss4j::WString>& volumes,
                                                          std::vector<vss4j::Guid>& snapshotIds) {
  std::unique_ptr<vss4j::BackupComponents> components;
  check(backend.createBackupComponents(components), "CreateVssBackupComponents");
  check(components->initializeForBackup(nullptr), "InitializeForBackup");
  check(components->setContext(vss4j::ctx::FILE_SHARE_BACKUP), "SetContext");
  vss4j::Guid setId;
  check(components->startSnapshotSet(setId), "StartSnapshotSet");
  snapshotIds.clear();
  for (const auto& name : volumes) {
    vss4j::Guid id;
    check(components->addToSnapshotSet(name, vss4j::Guid{}, id), "AddToSnapshotSet");
    snapshotIds.push_back(id);
  }
  return components;
}

// One thread signals, the other wakes; the gap between the signal and the wake-up, as the table's floor.
void floor(int samples, std::chrono::microseconds gap) {
  std::mutex mutex;
  std::condition_variable cv;
  std::uint64_t sequence = 0;
  std::int64_t signalledAt = 0;
  std::vector<std::int64_t> latencies;
  latencies.reserve(static_cast<std::size_t>(samples));
  std::thread waiter([&] {
    // Two signals can come before one wake-up on a loaded machine: they count as one sample.
    std::uint64_t seen = 0;
    while (seen < static_cast<std::uint64_t>(samples)) {
      std::unique_lock<std::mutex> lock(mutex);
      cv.wait(lock, [&] { return sequence != seen; });
      latencies.push_back(monotonicNanos() - signalledAt);
      seen = sequence;
    }
  });
  for (int i = 0; i < samples; ++i) {
    std::this_thread::sleep_for(gap);
    {
      std::lock_guard<std::mutex> lock(mutex);
      signalledAt = monotonicNanos();
      ++sequence;
    }
    cv.notify_one();
  }
  waiter.join();
  printPercentiles("floor", latencies);
}

// The design several backup tools use: QueryStatus every 10 ms. Latency: from the operation's end (its
// simulated duration after the start) to the poll that sees it.
void poll(int samples) {
  const auto volumes = volumeNames(1);
  auto machine = machineWith(volumes);
  std::mt19937 random(42);
  std::uniform_int_distribution<int> extra(0, 9999);
  std::vector<std::int64_t> latencies;
  std::vector<vss4j::Guid> ids;
  for (int i = 0; i < samples; ++i) {
    const auto duration = std::chrono::microseconds(1000 + extra(random));
    machine->setDuration(vss4j::Operation::DoSnapshotSet, duration);
    auto components = readyForSnapshot(*machine, volumes, ids);
    std::unique_ptr<vss4j::AsyncOperation> async;
    const std::int64_t started = monotonicNanos();
    check(components->doSnapshotSet(async), "DoSnapshotSet");
    for (;;) {
      hresult status = hr::kAsyncPending;
      check(async->queryStatus(status), "QueryStatus");
      if (status != hr::kAsyncPending) {
        latencies.push_back(monotonicNanos() - started - std::chrono::nanoseconds(duration).count());
        break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
  }
  printPercentiles("poll", latencies);
}

// CPU used by the polling design while one DoSnapshotSet takes `seconds`.
void pollCpu(int seconds) {
  const auto volumes = volumeNames(1);
  auto machine = machineWith(volumes);
  machine->setDuration(vss4j::Operation::DoSnapshotSet, std::chrono::seconds(seconds));
  std::vector<vss4j::Guid> ids;
  auto components = readyForSnapshot(*machine, volumes, ids);
  std::unique_ptr<vss4j::AsyncOperation> async;
  const std::int64_t wall0 = monotonicNanos();
  const std::int64_t cpu0 = cpuNanos();
  check(components->doSnapshotSet(async), "DoSnapshotSet");
  for (;;) {
    hresult status = hr::kAsyncPending;
    check(async->queryStatus(status), "QueryStatus");
    if (status != hr::kAsyncPending) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  std::printf("pollcpu.cpu_ns %lld\npollcpu.wall_ns %lld\n", static_cast<long long>(cpuNanos() - cpu0),
              static_cast<long long>(monotonicNanos() - wall0));
}

class NotifyingSink final : public vss4j::CompletionSink {
 public:
  void completed(std::uint64_t, hresult status) noexcept override {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      status_ = status;
      done_ = true;
    }
    cv_.notify_one();
  }
  hresult await() {
    std::unique_lock<std::mutex> lock(mutex_);
    cv_.wait(lock, [&] { return done_; });
    done_ = false;
    return status_;
  }

 private:
  std::mutex mutex_;
  std::condition_variable cv_;
  bool done_ = false;
  hresult status_ = hr::kOk;
};

// Median ns of one call, over batches: made directly on the simulated object, then through the shim's core
// (its object thread), as the JNI entry points make it.
void sync(int perBatch, int batches) {
  const auto volumes = volumeNames(1);
  auto machine = machineWith(volumes);
  std::vector<vss4j::Guid> ids;
  auto components = readyForSnapshot(*machine, volumes, ids);
  auto median = [&](auto&& once) {
    std::vector<std::int64_t> perCall;
    for (int b = 0; b < batches; ++b) {
      const std::int64_t start = monotonicNanos();
      for (int i = 0; i < perBatch; ++i) once();
      perCall.push_back((monotonicNanos() - start) / perBatch);
    }
    std::sort(perCall.begin(), perCall.end());
    return perCall[perCall.size() / 2];
  };
  const vss4j::WString volume = volumes.front();
  bool supported = false;
  const std::int64_t direct = median([&] {
    check(components->isVolumeSupported(vss4j::Guid{}, volume, supported), "IsVolumeSupported");
  });
  std::shared_ptr<vss4j::Session> session;
  check(vss4j::Session::open(machine, std::make_shared<NotifyingSink>(), session), "CreateVssBackupComponents");
  check(session->call([](vss4j::BackupComponents& c) { return c.initializeForBackup(nullptr); }), "InitializeForBackup");
  const std::int64_t viaCore = median([&] {
    check(session->call([&](vss4j::BackupComponents& c) { return c.isVolumeSupported(vss4j::Guid{}, volume, supported); }),
          "IsVolumeSupported");
  });
  session->close();
  std::printf("sync.direct_ns %lld\nsync.core_ns %lld\n", static_cast<long long>(direct),
              static_cast<long long>(viaCore));
}

// Full cycles per second for `seconds`: create, initialize, set context, start set, add volumes,
// DoSnapshotSet, wait, properties, release. "direct": one thread on the simulated objects, as a C++ tool
// calling VSS itself would; "core": through the shim's core (object thread, waiter thread, completion sink).
void cycles(int volumeCount, double seconds, const std::string& mode) {
  const auto volumes = volumeNames(volumeCount);
  auto machine = machineWith(volumes);
  std::vector<vss4j::Guid> ids;
  vss4j::SnapshotProperties properties;
  auto directCycle = [&] {
    auto components = readyForSnapshot(*machine, volumes, ids);
    std::unique_ptr<vss4j::AsyncOperation> async;
    check(components->doSnapshotSet(async), "DoSnapshotSet");
    check(async->wait(vss4j::AsyncOperation::kInfinite), "Wait");
    hresult status = hr::kAsyncPending;
    check(async->queryStatus(status), "QueryStatus");
    if (status != hr::kAsyncFinished) check(hr::kUnexpected, "DoSnapshotSet's outcome");
    for (const auto& id : ids) check(components->getSnapshotProperties(id, properties), "GetSnapshotProperties");
  };
  auto sink = std::make_shared<NotifyingSink>();
  auto coreCycle = [&] {
    std::shared_ptr<vss4j::Session> session;
    check(vss4j::Session::open(machine, sink, session), "CreateVssBackupComponents");
    check(session->call([&](vss4j::BackupComponents& c) { return c.initializeForBackup(nullptr); }), "InitializeForBackup");
    check(session->call([&](vss4j::BackupComponents& c) { return c.setContext(vss4j::ctx::FILE_SHARE_BACKUP); }),
          "SetContext");
    vss4j::Guid setId;
    check(session->call([&](vss4j::BackupComponents& c) { return c.startSnapshotSet(setId); }), "StartSnapshotSet");
    ids.clear();
    for (const auto& name : volumes) {
      vss4j::Guid id;
      check(session->call([&](vss4j::BackupComponents& c) { return c.addToSnapshotSet(name, vss4j::Guid{}, id); }),
            "AddToSnapshotSet");
      ids.push_back(id);
    }
    std::uint64_t asyncId = 0;
    check(session->startAsync([](vss4j::BackupComponents& c, std::unique_ptr<vss4j::AsyncOperation>& async) {
      return c.doSnapshotSet(async);
    }, 1, asyncId), "DoSnapshotSet");
    if (sink->await() != hr::kAsyncFinished) check(hr::kUnexpected, "DoSnapshotSet's outcome");
    for (const auto& id : ids) {
      check(session->call([&](vss4j::BackupComponents& c) { return c.getSnapshotProperties(id, properties); }),
            "GetSnapshotProperties");
    }
    session->releaseAsync(asyncId);
    session->close();
  };
  const bool direct = mode == "direct";
  for (int i = 0; i < 200; ++i) direct ? directCycle() : coreCycle();  // warm-up
  const auto budget = static_cast<std::int64_t>(seconds * 1e9);
  const std::int64_t start = monotonicNanos();
  std::int64_t count = 0;
  while (monotonicNanos() - start < budget) {
    direct ? directCycle() : coreCycle();
    ++count;
  }
  const std::int64_t elapsed = monotonicNanos() - start;
  std::printf("cycles.%s.%d.count %lld\ncycles.%s.%d.ns %lld\ncycles.%s.%d.live %lld\n", mode.c_str(), volumeCount,
              static_cast<long long>(count), mode.c_str(), volumeCount, static_cast<long long>(elapsed),
              mode.c_str(), volumeCount, static_cast<long long>(machine->liveObjects()));
}

}  // namespace

int main(int argc, char** argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  auto number = [&](std::size_t i, int fallback) { return args.size() > i ? std::atoi(args[i].c_str()) : fallback; };
  if (args.empty()) {
    std::fprintf(stderr, "usage: vss4j_bench_driver floor|poll|pollcpu|sync|cycles|metadata ...\n");
    return 1;
  }
  if (args[0] == "floor") {
    floor(number(1, 5000), std::chrono::microseconds(number(2, 1000)));
  } else if (args[0] == "poll") {
    poll(number(1, 200));
  } else if (args[0] == "pollcpu") {
    pollCpu(number(1, 5));
  } else if (args[0] == "sync") {
    sync(number(1, 10000), number(2, 21));
  } else if (args[0] == "metadata") {
    vss4j::bench::metadataGathers(number(1, 20), number(2, 200), number(3, 50), number(4, 11));
  } else if (args[0] == "cycles") {
    cycles(number(1, 1), args.size() > 2 ? std::atof(args[2].c_str()) : 3.0, args.size() > 3 ? args[3] : "direct");
  } else {
    std::fprintf(stderr, "vss4j_bench_driver: unknown mode %s\n", args[0].c_str());
    return 1;
  }
  return 0;
}
