// The simulated IVssBackupComponents' restore calls ("Overview of Processing a Restore Under VSS"): an object
// initialized with InitializeForRestore takes a document its machine saved, gathers writer metadata, selects
// components and notes what the requester tells each (options, additional restores, alternate locations, new
// targets), runs PreRestore, takes the file restore status, runs PostRestore. Backup calls on such an object, and
// these calls on a backup object, are VSS_E_BAD_STATE (Microsoft: "called during a backup operation").
#include <algorithm>

#include "sim/backup_components.h"
#include "sim/backup_document.h"
#include "sim/call_rules.h"
#include "sim/components.h"

namespace vss4j::sim {
namespace {

bool isComponentType(std::int32_t type) {
  return type == component_type::DATABASE || type == component_type::FILE_GROUP;
}

// Microsoft documents a path without wildcards and a file specification without a directory [I: that VSS refuses
// either with E_INVALIDARG].
bool isFileSet(const WString& path, const WString& filespec, const WString& destination) {
  const bool wildcardInPath = path.find_first_of(u"*?") != WString::npos;
  const bool directoryInSpec = filespec.find_first_of(u"\\/") != WString::npos;
  return !path.empty() && !filespec.empty() && !destination.empty() && !wildcardInPath && !directoryInSpec;
}

}  // namespace

hresult SimBackupComponents::initializeForRestore(const WString& document) {
  return call(Operation::InitializeForRestore, [&](ObjectState& o) -> hresult {
    if (o.phase != ObjectPhase::Created) return hr::kBadState;
    if (auto fault = immediateFault(*machine_, Operation::InitializeForRestore)) return *fault;
    if (hresult r = readBackupComponentsDocument(document, machine_->machineName, DocumentUse::Restore, o); failed(r)) return r;
    o.phase = ObjectPhase::RestoreInit;
    return hr::kOk;
  });
}

hresult SimBackupComponents::setRestoreState(std::int32_t restoreType) {
  return call(Operation::SetRestoreState, [&](ObjectState& o) -> hresult {
    // Microsoft: before PreRestore.
    if (!in(o.phase, ObjectPhase::RestoreInit, ObjectPhase::RestoreMetadata)) return hr::kBadState;
    if (restoreType < restore_type::UNDEFINED || restoreType > restore_type::OTHER) return hr::kInvalidArg;
    if (auto fault = immediateFault(*machine_, Operation::SetRestoreState)) return *fault;
    o.restoreType = restoreType;
    return hr::kOk;
  });
}

hresult SimBackupComponents::setSelectedForRestore(const Guid& instanceId, const Guid& writerId,
                                                   std::int32_t componentType, const WString* logicalPath,
                                                   const WString& componentName, bool selected) {
  return call(Operation::SetSelectedForRestore, [&](ObjectState& o) -> hresult {
    // Microsoft: only in component mode. After GatherWriterMetadata, before PreRestore [I: "the correct sequence"
    // is not spelled out; this is the order of Microsoft's restore overview].
    if (o.phase != ObjectPhase::RestoreMetadata || !o.selectComponents) return hr::kBadState;
    if (!isComponentType(componentType)) return hr::kInvalidArg;
    if (auto fault = immediateFault(*machine_, Operation::SetSelectedForRestore)) return *fault;
    const Guid* instance = instanceId.isNull() ? nullptr : &instanceId;
    AddedComponent* added = findInDocument(o, instance, writerId, componentType, logicalPath, componentName);
    // Microsoft: VSS_E_OBJECT_NOT_FOUND when the document does not hold the component, or no live instance of
    // its writer runs on the machine.
    if (added == nullptr || !writerIsLive(o, added->instanceId)) return hr::kObjectNotFound;
    added->restore.selected = selected;
    return hr::kOk;
  });
}

hresult SimBackupComponents::setAdditionalRestores(const Guid& writerId, std::int32_t componentType,
                                                   const WString* logicalPath, const WString& componentName,
                                                   bool additionalRestores) {
  return onRestoreComponent(Operation::SetAdditionalRestores, {ObjectPhase::RestoreMetadata}, true, writerId,
                            componentType, logicalPath, componentName,
                            [&](RestoreNotes& notes) { notes.additionalRestores = additionalRestores; });
}

hresult SimBackupComponents::setRestoreOptions(const Guid& writerId, std::int32_t componentType,
                                               const WString* logicalPath, const WString& componentName,
                                               const WString& options) {
  return onRestoreComponent(Operation::SetRestoreOptions, {ObjectPhase::RestoreMetadata}, true, writerId,
                            componentType, logicalPath, componentName,
                            [&](RestoreNotes& notes) { notes.options = options; });
}

hresult SimBackupComponents::addAlternativeLocationMapping(const Guid& writerId, std::int32_t componentType,
                                                           const WString* logicalPath, const WString& componentName,
                                                           const WString& path, const WString& filespec,
                                                           bool recursive, const WString& destination) {
  // Before PostRestore, which is when the writer reads where its files went [I].
  return onRestoreComponent(Operation::AddAlternativeLocationMapping,
                            {ObjectPhase::RestoreMetadata, ObjectPhase::RestorePrepared},
                            isFileSet(path, filespec, destination), writerId, componentType, logicalPath,
                            componentName, [&](RestoreNotes& notes) {
                              notes.alternateLocations.push_back(FileMapping{path, filespec, recursive, destination});
                            });
}

hresult SimBackupComponents::addNewTarget(const Guid& writerId, std::int32_t componentType,
                                          const WString* logicalPath, const WString& componentName,
                                          const WString& path, const WString& fileName, bool recursive,
                                          const WString& alternatePath) {
  // As AddAlternativeLocationMapping [I]. Whether the writer supports new targets (VSS_BS_WRITER_SUPPORTS_NEW_TARGET
  // in its backup schema) is the requester's to check, as Microsoft asks; VSS only notes the target [I].
  return onRestoreComponent(Operation::AddNewTarget, {ObjectPhase::RestoreMetadata, ObjectPhase::RestorePrepared},
                            isFileSet(path, fileName, alternatePath), writerId, componentType, logicalPath,
                            componentName, [&](RestoreNotes& notes) {
                              notes.newTargets.push_back(FileMapping{path, fileName, recursive, alternatePath});
                            });
}

hresult SimBackupComponents::preRestore(std::unique_ptr<AsyncOperation>& async) {
  async.reset();
  return call(Operation::PreRestore, [&](ObjectState& o) -> hresult {
    if (o.phase != ObjectPhase::RestoreMetadata) return hr::kBadState;
    return startAsync(Operation::PreRestore, async);
  });
}

hresult SimBackupComponents::setFileRestoreStatus(const Guid& writerId, std::int32_t componentType,
                                                  const WString* logicalPath, const WString& componentName,
                                                  std::int32_t status) {
  // Microsoft: between PreRestore and PostRestore.
  const bool known = status >= file_restore_status::UNDEFINED && status <= file_restore_status::FAILED;
  return onRestoreComponent(Operation::SetFileRestoreStatus, {ObjectPhase::RestorePrepared}, known, writerId,
                            componentType, logicalPath, componentName,
                            [&](RestoreNotes& notes) { notes.fileStatus = status; });
}

hresult SimBackupComponents::postRestore(std::unique_ptr<AsyncOperation>& async) {
  async.reset();
  return call(Operation::PostRestore, [&](ObjectState& o) -> hresult {
    if (o.phase != ObjectPhase::RestorePrepared) return hr::kBadState;
    return startAsync(Operation::PostRestore, async);
  });
}

hresult SimBackupComponents::onRestoreComponent(Operation operation, std::initializer_list<ObjectPhase> phases,
                                                bool argumentsValid, const Guid& writerId,
                                                std::int32_t componentType, const WString* logicalPath,
                                                const WString& componentName,
                                                const std::function<void(RestoreNotes&)>& change) {
  return call(operation, [&](ObjectState& o) -> hresult {
    if (std::find(phases.begin(), phases.end(), o.phase) == phases.end()) return hr::kBadState;
    if (!argumentsValid || !isComponentType(componentType)) return hr::kInvalidArg;
    if (auto fault = immediateFault(*machine_, operation)) return *fault;
    AddedComponent* added = findInDocument(o, nullptr, writerId, componentType, logicalPath, componentName);
    if (added == nullptr) return hr::kObjectNotFound;
    change(added->restore);
    return hr::kOk;
  });
}

}  // namespace vss4j::sim
