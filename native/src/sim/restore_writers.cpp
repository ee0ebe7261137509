#include "sim/restore_writers.h"

#include "sim/components.h"
#include "sim/text.h"

namespace vss4j::sim {
namespace {

const WriterRun* writerOf(const ObjectState& object, const Guid& instanceId) {
  for (const WriterRun& writer : object.writers) {
    if (writer.spec.instanceId == instanceId) return &writer;
  }
  return nullptr;
}

// Whether `writer` backed the component up: it declares it, and stamped it when the copies were made (a component
// whose backup failed carries no stamp) [I: a real writer's checks are its own].
bool backedUpBy(const WriterSpec& writer, const AddedComponent& component) {
  return findComponent(writer, component.type, component.logicalPath, component.name) != nullptr &&
         !component.backupStamp.empty();
}

std::int32_t targetOf(const WriterSpec& writer, const AddedComponent& component) {
  for (const RestoreTargetChoice& choice : writer.restoreTargets) {
    if (choice.type == component.type && choice.logicalPath == component.logicalPath &&
        choice.componentName == component.name) {
      return choice.target;
    }
  }
  return restore_target::ORIGINAL;
}

// The text a simulated writer gives SetPreRestoreFailureMsg / SetPostRestoreFailureMsg [I: a real writer's words
// are its own].
WString failureMessage(const WString& writerName, Operation operation, hresult error) {
  return writerName + u" failed at " + ascii(operation == Operation::PreRestore ? "PreRestore" : "PostRestore") +
         u" (" + hexOf(error) + u")";
}

WString& messageOf(AddedComponent& component, Operation operation) {
  return operation == Operation::PreRestore ? component.restore.preRestoreFailure
                                            : component.restore.postRestoreFailure;
}

std::int32_t failedStateAt(Operation operation) {
  return operation == Operation::PreRestore ? writer_state::FAILED_AT_PRE_RESTORE
                                            : writer_state::FAILED_AT_POST_RESTORE;
}

const ComponentFault* faultAt(const WriterSpec& writer, const AddedComponent& component, Operation operation) {
  for (const ComponentFault& fault : writer.componentFaults) {
    if (operationOf(fault.phase) == operation && fault.type == component.type &&
        fault.logicalPath == component.logicalPath && fault.componentName == component.name) {
      return &fault;
    }
  }
  return nullptr;
}

bool takesPart(const ObjectState& object, const WriterRun& writer) {
  for (const AddedComponent& component : object.components) {
    if (component.restore.selected && component.instanceId == writer.spec.instanceId) return true;
  }
  return false;
}

void runWriter(ObjectState& object, WriterRun& writer, Operation operation) {
  if (!takesPart(object, writer)) return;
  std::vector<AddedComponent*> selected;
  for (AddedComponent& component : object.components) {
    if (component.restore.selected && component.instanceId == writer.spec.instanceId) selected.push_back(&component);
  }
  hresult error = hr::kOk;
  if (operationOf(writer.spec.failsAt) == operation) {
    error = writer.spec.hangs ? hr::kWriterErrorTimeout : writer.spec.failure;
  } else if (operation == Operation::PreRestore) {
    for (const AddedComponent* component : selected) {
      if (!backedUpBy(writer.spec, *component)) error = hr::kWriterErrorNonRetryable;
    }
  }
  if (error != hr::kOk) {
    writer.state = failedStateAt(operation);
    writer.failure = error;
    for (AddedComponent* component : selected) {
      messageOf(*component, operation) = failureMessage(writer.spec.name, operation, error);
    }
    return;
  }
  writer.state = writer_state::STABLE;
  for (AddedComponent* component : selected) {
    if (operation == Operation::PreRestore) component->restore.target = targetOf(writer.spec, *component);
    if (const ComponentFault* fault = faultAt(writer.spec, *component, operation)) {
      messageOf(*component, operation) = failureMessage(writer.spec.name, operation, fault->failure);
    }
  }
}

}  // namespace

bool restoreWriterHangs(const ObjectState& object, Operation operation) {
  for (const WriterRun& writer : object.writers) {
    if (writer.failure == hr::kOk && writer.spec.hangs && operationOf(writer.spec.failsAt) == operation &&
        takesPart(object, writer)) {
      return true;
    }
  }
  return false;
}

void runRestorePhase(ObjectState& object, Operation operation) {
  for (WriterRun& writer : object.writers) {
    if (writer.failure == hr::kOk) runWriter(object, writer, operation);
  }
}

std::vector<RestoreRecord> restoreRecordsOf(const ObjectState& object, bool afterPostRestore) {
  std::vector<RestoreRecord> records;
  for (const AddedComponent& component : object.components) {
    const WriterRun* writer = writerOf(object, component.instanceId);
    if (!component.restore.selected || writer == nullptr) continue;
    const RestoreNotes& notes = component.restore;
    RestoreRecord record{component.instanceId, component.writerId, component.type, component.logicalPath,
                         component.name, object.restoreType, notes.additionalRestores, notes.options,
                         notes.alternateLocations, notes.newTargets, notes.target};
    // PostRestore reaches a writer still healthy, and one that fails in it.
    record.postRestoreDone = afterPostRestore && (writer->failure == hr::kOk ||
                                                  writer->state == writer_state::FAILED_AT_POST_RESTORE);
    if (record.postRestoreDone) record.fileRestoreStatus = notes.fileStatus;
    record.preRestoreFailure = notes.preRestoreFailure;
    record.postRestoreFailure = notes.postRestoreFailure;
    records.push_back(std::move(record));
  }
  return records;
}

}  // namespace vss4j::sim
