// The adapter: the core's Backend, BackupComponents and AsyncOperation over the SDK's COM interfaces.
// Split from system_backend so that tests hand it a fake IVssBackupComponents and a fake free function.
#pragma once

#include <memory>

#include "core/backend.h"
#include "windows/vss_api.h"
#include "windows/vss_sdk.h"

namespace vss4j::win {

// Each takes over one reference the caller owns; nullptr in, nullptr out.
std::unique_ptr<AsyncOperation> wrapAsync(IVssAsync* async, std::shared_ptr<const VssApi> api);
std::unique_ptr<BackupComponents> wrapBackupComponents(IVssBackupComponents* components,
                                                       std::shared_ptr<const VssApi> api);

// A Backend whose createBackupComponents calls api->createBackupComponents; threadStarted/threadStopping
// join and leave the multithreaded apartment.
std::shared_ptr<Backend> makeComBackend(std::shared_ptr<const VssApi> api);

}  // namespace vss4j::win
