// Everything one simulated machine knows, behind one mutex: configuration, objects, copies, the
// machine-wide snapshot-set lock, pending asynchronous operations, the call log.
//
// Time: an asynchronous operation is pending until its deadline. Deadlines are settled lazily: every entry
// point (each call, Wait, QueryStatus, Cancel, the inspection methods) first finishes, under the mutex, every
// operation whose deadline has passed. Nothing can observe the machine without passing there, so an operation
// is never seen pending after its deadline, and its effects (copies, the release of the set lock) are in place
// for whoever looks next, whether or not anyone waits on its IVssAsync. Wait sleeps on the condition variable
// until the earliest of its operation's deadline and its own timeout, and Cancel wakes it: no timer thread, no
// polling, nothing to join when the machine goes away.
#pragma once

#include <array>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <random>
#include <vector>

#include "sim/call_log.h"
#include "sim/content_copy.h"
#include "sim/event_log.h"
#include "sim/fault_plan.h"
#include "sim/machine.h"
#include "sim/object_state.h"

namespace vss4j::sim {

using Clock = std::chrono::steady_clock;

// {b5946137-7b9f-4925-af80-51abd60b20d5}: the provider every simulated machine has.
inline const Guid kSystemProvider{0xb59461377b9f4925ULL, 0xaf8051abd60b20d5ULL};

struct OpRecord {
  enum class Status { Pending, Finished, Cancelled, Failed };
  Operation operation = Operation::Count;
  std::uint64_t owner = 0;
  Clock::time_point deadline;
  Status status = Status::Pending;
  hresult error = hr::kOk;          // when Failed
  hresult plannedError = hr::kOk;   // a fault planned through QueryStatus
};

struct ShadowCopy {
  SnapshotProperties properties;
  std::int32_t context = ctx::BACKUP;
  std::uint64_t owner = 0;
  std::int64_t diffAreaBytes = 0;  // taken from the volume's shadow storage
  // Its files (null: its volume has none), removed with the last ShadowCopy holding them, wherever a copy is
  // erased: Release of an auto-release copy's object, DeleteSnapshots, a shrunken diff area, the machine's end.
  std::shared_ptr<const CopyContent> content = {};
};

class MachineState {
 public:
  MachineState();
  // Frees the copies' files, then the content folder.
  ~MachineState();
  MachineState(const MachineState&) = delete;
  MachineState& operator=(const MachineState&) = delete;

  mutable std::mutex mutex;
  std::condition_variable changed;
  std::atomic<std::int64_t> liveObjects{0};

  // Configuration.
  std::vector<VolumeSpec> volumes;
  std::vector<WriterSpec> writers;
  FaultPlan faults;
  std::array<std::chrono::nanoseconds, kOperationCount> durations{};
  std::chrono::nanoseconds writerTimeout = std::chrono::seconds(60);
  hresult waitTimeoutResult = hr::kOk;
  bool writerFailureFailsSnapshotSet = false;
  WString machineName = u"VSS4J-SIM";
  std::vector<Guid> extraProviders;
  std::filesystem::path contentFolder;  // see Machine::setContentFolder
  std::vector<std::pair<WString, ServiceState>> services;  // those described; see Machine::setService

  // State.
  std::map<std::uint64_t, ObjectState> objects;
  std::uint64_t nextObjectId = 1;
  std::uint64_t setLockOwner = 0;  // 0: no snapshot set in creation on the machine
  std::vector<ShadowCopy> copies;
  std::int64_t nextDeviceNumber = 1;
  std::vector<std::shared_ptr<OpRecord>> pendingOps;
  CallLog callLog;
  // Writers as a whole machine sees them (one row per configured writer), and the object that moved them last.
  std::vector<WriterStatus> writerStates;
  std::uint64_t writersMovedBy = 0;
  std::vector<ComponentOutcome> componentOutcomes;
  std::vector<RestoreRecord> restoreRecords;
  EventLog eventLog;

  // The helpers below run with `mutex` held.
  void settle(Clock::time_point now);
  Guid newGuid();
  const VolumeSpec* findVolume(const WString& name) const;
  std::int64_t copiesOf(const WString& volume) const;
  // The null id stands for the system provider.
  bool providerKnown(const Guid& provider) const;
  // Copies the writer states of `owner`'s object into writerStates.
  void noteWriters(std::uint64_t owner, const ObjectState& object);
  // Records SetBackupSucceeded: replaces the component's earlier outcome, else appends.
  void noteOutcome(const ComponentOutcome& outcome);
  // Records what the writers of a restore were told and answered for each selected component of `object`.
  void noteRestores(const ObjectState& object, bool afterPostRestore);
  // Re-records the outcome of every told component of `object` that has failed since.
  void noteFailedOutcomes(const ObjectState& object);
  // Starts an asynchronous operation of `owner`: pending until now + its duration (+ the writer timeout when
  // a writer hangs in it), finished at once when that is now.
  std::shared_ptr<OpRecord> startOperation(std::uint64_t owner, Operation operation, hresult plannedError);
  // Writes what Windows logs when `owner`'s `operation` fails with `error` (sim/fault_events.h).
  void logFailure(Operation operation, hresult error, std::uint64_t owner);
  // Writes the event of each writer of `object` that failed since it was last looked at.
  void logWriterFailures(ObjectState& object);
  // Takes its own reference: the object's may be the last one, and it is dropped on the way.
  void cancel(std::shared_ptr<OpRecord> op);
  void releaseSetLock(std::uint64_t owner);
  // Release(): cancels what the object has pending, gives up its set, deletes its auto-release copies.
  void destroyObject(std::uint64_t owner);

 private:
  void finish(OpRecord& op);
  // DoSnapshotSet without a planned error: writers, then the diff area decide whether the copies are made.
  void finishSnapshotSet(ObjectState& object, OpRecord& op);
  // What an operation that failed or was cancelled leaves the object in: the same phase either way.
  void leaveUnfinished(std::uint64_t owner, ObjectState& object, Operation operation);
  hresult checkDiffArea(const ObjectState& object) const;
  // The files of each member of the set (null for a volume without content), or the copy's failure.
  hresult copyContents(const ObjectState& object, std::vector<std::shared_ptr<const CopyContent>>& contents) const;
  void commitCopies(std::uint64_t owner, ObjectState& object,
                    std::vector<std::shared_ptr<const CopyContent>>& contents);
  void failed(OpRecord& op, hresult error);

  std::mt19937_64 random_;
};

std::int64_t fileTimeNow();

}  // namespace vss4j::sim
