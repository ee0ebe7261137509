// The table. Sources, channels and levels are those Windows uses: VSS writes to the Application log, the volsnap
// driver to the System log. Texts follow the messages Windows shows for these ids; where the exact wording or the
// choice of id for a fault is not documented by Microsoft it is marked [I] (docs/event-log.md lists them).
//
//   fault                                          events
//   DoSnapshotSet VSS_E_FLUSH_WRITES_TIMEOUT       VSS 12297 error, per volume [I: id and text]
//   DoSnapshotSet VSS_E_HOLD_WRITES_TIMEOUT        volsnap 8 error, then VSS 12298 error, per volume
//   DoSnapshotSet VSS_E_INSUFFICIENT_STORAGE       volsnap 36 error, per volume [I: 36 for a copy refused by the
//                                                  maximum, as for copies aborted by it]
//   DoSnapshotSet VSS_E_PROVIDER_VETO              VSS 12293 error naming the provider [I: routine details]
//   DoSnapshotSet VSS_E_UNEXPECTED_PROVIDER_ERROR  VSS 12293 error naming the provider [I: routine details]
//   DoSnapshotSet VSS_E_UNEXPECTED_WRITER_ERROR    VSS 12302 error [I], after the writers' own 8229s
//   DoSnapshotSet any other planned error          VSS 8193 error [I: routine name]
//   any async operation VSS_E_UNEXPECTED           VSS 8193 error [I: routine name]
//   GatherWriterMetadata E_ACCESSDENIED            VSS 8194 error
//   a writer failing at a phase (also timing out)  VSS 8229 warning naming the writer, phase and error [I: the
//                                                  operation names in its text]
//   anything else (BAD_STATE, a sync call's fault) nothing: Windows logs no event for a refused call [I]
#include "sim/fault_events.h"

#include <string>

#include "sim/text.h"

namespace vss4j::sim {
namespace {

constexpr std::uint32_t kError = 2;
constexpr std::uint32_t kWarning = 3;

LoggedEvent event(const char16_t* channel, const char16_t* source, std::uint32_t id, std::uint32_t level,
                  std::int64_t nowMillis, WString message) {
  return LoggedEvent{channel, source, id, level, nowMillis, std::move(message)};
}

LoggedEvent vss(std::uint32_t id, std::uint32_t level, std::int64_t nowMillis, WString message) {
  return event(u"Application", u"VSS", id, level, nowMillis, std::move(message));
}

// What FormatMessage gives for the codes these events quote [I: the simulator quotes VSS's own descriptions].
WString described(hresult code) {
  WString text = hexOf(code);
  switch (code) {
    case hr::kAccessDenied: return text + u", Access is denied.";
    case hr::kVssUnexpected: return text + u", A Volume Shadow Copy Service component encountered an unexpected error.";
    case hr::kProviderVeto: return text + u", The shadow copy provider had an error.";
    case hr::kUnexpectedProviderError: return text + u", The shadow copy provider had an unexpected error.";
    case hr::kWriterErrorRetryable: return text + u", The writer experienced a transient error.";
    case hr::kWriterErrorNonRetryable: return text + u", The writer experienced a non-transient error.";
    case hr::kWriterErrorTimeout: return text + u", The writer operation failed because of a time-out.";
    case hr::kWriterErrorOutOfResources: return text + u", The writer ran out of memory or other system resources.";
    default: return text;
  }
}

// volsnap names a volume by its drive letter without the backslash, e.g. C:.
WString driveName(const FailedVolume& volume) {
  WString name = volume.name;
  if (!name.empty() && name.back() == u'\\') name.pop_back();
  return name;
}

WString indexOf(std::size_t index) { return decimal(static_cast<std::int64_t>(index)); }

void perVolume(std::vector<LoggedEvent>& out, hresult error, const std::vector<FailedVolume>& volumes,
               std::int64_t now) {
  for (std::size_t i = 0; i < volumes.size(); ++i) {
    const FailedVolume& v = volumes[i];
    if (error == hr::kFlushWritesTimeout) {
      out.push_back(vss(12297, kError, now,
                        u"Volume Shadow Copy Service error: The I/O writes cannot be flushed during the shadow copy "
                        u"creation period on volume " + v.name + u". The volume index in the shadow copy set is " +
                            indexOf(i) + u". Error details: Open[0x00000000], Flush[" + hexOf(error) +
                            u"], Release[0x00000000], OnRun[0x00000000]."));
    } else if (error == hr::kHoldWritesTimeout) {
      out.push_back(event(u"System", u"volsnap", 8, kError, now,
                          u"The flush and hold writes operation on volume " + driveName(v) +
                              u" timed out while waiting for a release writes command."));
      out.push_back(vss(12298, kError, now,
                        u"Volume Shadow Copy Service error: The I/O writes cannot be held during the shadow copy "
                        u"creation period on volume " + v.name + u". The volume index in the shadow copy set is " +
                            indexOf(i) + u". Error details: Open[0x00000000], Flush[0x00000000], Release[0x00000000], "
                            u"OnRun[" + hexOf(error) + u"]."));
    } else {  // kInsufficientStorage
      out.push_back(event(u"System", u"volsnap", 36, kError, now,
                          u"The shadow copies of volume " + driveName(v) +
                              u" were aborted because the shadow copy storage could not grow due to a user imposed "
                              u"limit."));
    }
  }
}

const char16_t* phaseEventName(WriterPhase phase) {
  switch (phase) {
    case WriterPhase::Identify: return u"Identify";
    case WriterPhase::PrepareBackup: return u"PrepareForBackup";
    case WriterPhase::PrepareSnapshot: return u"PrepareForSnapshot";
    case WriterPhase::Freeze: return u"Freeze";
    case WriterPhase::Thaw: return u"Thaw";
    case WriterPhase::PostSnapshot: return u"PostSnapshot";
    case WriterPhase::BackupComplete: return u"BackupComplete";
    case WriterPhase::PreRestore: return u"PreRestore";
    case WriterPhase::PostRestore: return u"PostRestore";
    case WriterPhase::None: break;
  }
  return u"Unknown";
}

}  // namespace

std::vector<LoggedEvent> eventsOfFailure(Operation operation, hresult error, const std::vector<FailedVolume>& volumes,
                                         const Guid& provider, std::int64_t nowMillis) {
  std::vector<LoggedEvent> out;
  const WString routine = ascii(std::string("CVssCoordinator::") + operationName(operation));
  if (operation == Operation::GatherWriterMetadata && error == hr::kAccessDenied) {
    out.push_back(vss(8194, kError, nowMillis,
                      u"Volume Shadow Copy Service error: Unexpected error querying for the IVssWriterCallback "
                      u"interface.  hr = " + described(error) + u" This is often caused by incorrect security "
                      u"settings in either the writer or requestor process."));
  } else if (error == hr::kVssUnexpected) {
    out.push_back(vss(8193, kError, nowMillis,
                      u"Volume Shadow Copy Service error: Unexpected error calling routine " + routine + u".  hr = " +
                          described(error)));
  } else if (operation != Operation::DoSnapshotSet) {
    return out;
  } else if (error == hr::kFlushWritesTimeout || error == hr::kHoldWritesTimeout ||
             error == hr::kInsufficientStorage) {
    perVolume(out, error, volumes, nowMillis);
  } else if (error == hr::kProviderVeto || error == hr::kUnexpectedProviderError) {
    out.push_back(vss(12293, kError, nowMillis,
                      u"Volume Shadow Copy Service error: Error calling a routine on a Shadow Copy Provider " +
                          braced(provider) + u". Routine details EndPrepareSnapshots [hr = " + described(error) +
                          u"]."));
  } else if (error == hr::kUnexpectedWriterError) {
    out.push_back(vss(12302, kError, nowMillis,
                      u"Volume Shadow Copy Service error: An internal inconsistency was detected in trying to contact "
                      u"shadow copy service writers. Please check to see that the Event Service and Volume Shadow Copy "
                      u"Service are operating properly."));
  } else {
    out.push_back(vss(8193, kError, nowMillis,
                      u"Volume Shadow Copy Service error: Unexpected error calling routine " + routine + u".  hr = " +
                          described(error)));
  }
  return out;
}

LoggedEvent eventOfWriterFailure(const WriterSpec& writer, WriterPhase phase, hresult failure, std::int64_t nowMillis) {
  return vss(8229, kWarning, nowMillis,
             u"A VSS writer has rejected an event with error " + described(failure) +
                 u" Changes that the writer made to the writer components while handling the event will not be "
                 u"available to the requester. Check the event log for related events from the application hosting "
                 u"the VSS writer.\r\n\r\nOperation:\r\n   " + phaseEventName(phase) +
                 u" Event\r\n\r\nContext:\r\n   Execution Context: Writer\r\n   Writer Class Id: " +
                 braced(writer.writerId) + u"\r\n   Writer Name: " + writer.name + u"\r\n   Writer Instance ID: " +
                 braced(writer.instanceId));
}

}  // namespace vss4j::sim
