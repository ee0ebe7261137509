#include "metadata_bench.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "sim/machine.h"
#include "timing_backend.h"

namespace vss4j::bench {
namespace {

constexpr std::uint64_t kWriterIds = 0xb0000000;
constexpr std::uint64_t kInstanceIds = 0xc0000000;

WString wide(const std::string& text) { return WString(text.begin(), text.end()); }

void check(hresult result, const char* what) {
  if (failed(result)) {
    std::fprintf(stderr, "vss4j_bench_driver: %s failed: 0x%08X\n", what, static_cast<unsigned>(result));
    std::exit(2);
  }
}

// The same shape MetadataProbe builds through SimulatedWriter and SimulatedComponent: writer w's component c has
// its files in D:\Data\w<w>\c<c>, named f<k>.mdf.
std::shared_ptr<sim::Machine> machineWith(int writers, int components, int files) {
  auto machine = sim::Machine::create();
  for (const char* volume : {"C:\\", "D:\\"}) {
    sim::VolumeSpec spec;
    spec.name = wide(volume);
    machine->addVolume(spec);
  }
  for (int w = 0; w < writers; ++w) {
    sim::WriterSpec writer;
    writer.name = wide("Writer " + std::to_string(w));
    writer.writerId = Guid{kWriterIds + static_cast<std::uint64_t>(w), 1};
    writer.instanceId = Guid{kInstanceIds + static_cast<std::uint64_t>(w), 1};
    for (int c = 0; c < components; ++c) {
      WriterComponent component;
      component.type = component_type::DATABASE;
      component.logicalPath = wide("INSTANCE" + std::to_string(w));
      component.name = wide("db" + std::to_string(c));
      component.selectableForBackup = true;
      component.selectableForRestore = true;
      const WString folder = wide("D:\\Data\\w" + std::to_string(w) + "\\c" + std::to_string(c));
      for (int f = 0; f < files; ++f) {
        component.files.push_back(
            FileDescriptor{file_kind::DATABASE, folder, wide("f" + std::to_string(f) + ".mdf"), false, u"", u""});
      }
      writer.components.push_back(std::move(component));
    }
    machine->addWriter(writer);
  }
  return machine;
}

std::size_t gather(sim::Machine& machine) {
  std::unique_ptr<BackupComponents> components;
  check(machine.createBackupComponents(components), "CreateVssBackupComponents");
  check(components->initializeForBackup(nullptr), "InitializeForBackup");
  check(components->setBackupState(true, false, backup_type::FULL, false), "SetBackupState");
  std::unique_ptr<AsyncOperation> async;
  check(components->gatherWriterMetadata(async), "GatherWriterMetadata");
  check(async->wait(AsyncOperation::kInfinite), "Wait");
  async.reset();
  std::vector<WriterMetadata> writers;
  check(components->getWriterMetadata(writers), "GetWriterMetadata");
  std::size_t descriptors = 0;
  for (const WriterMetadata& writer : writers) {
    for (const WriterComponent& component : writer.components) descriptors += component.files.size();
  }
  check(components->freeWriterMetadata(), "FreeWriterMetadata");
  return descriptors;
}

}  // namespace

void metadataGathers(int writers, int components, int files, int samples) {
  auto machine = machineWith(writers, components, files);
  std::size_t descriptors = 0;
  for (int i = 0; i < 3; ++i) descriptors = gather(*machine);  // warm-up
  std::vector<std::int64_t> times;
  for (int i = 0; i < samples; ++i) {
    const std::int64_t start = monotonicNanos();
    descriptors = gather(*machine);
    times.push_back(monotonicNanos() - start);
  }
  std::sort(times.begin(), times.end());
  std::printf("metadata.cpp.median_ns %lld\nmetadata.cpp.descriptors %zu\nmetadata.cpp.live %lld\n",
              static_cast<long long>(times[times.size() / 2]), descriptors,
              static_cast<long long>(machine->liveObjects()));
}

}  // namespace vss4j::bench
