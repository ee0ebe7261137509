// The queue through which every session of this JVM reports the end of its operations: waiter threads put the
// reports in, and vss4j's Java callback threads take them out through NativeBridge.awaitCompletion.
#pragma once

#include <memory>

#include "core/completion_queue.h"

namespace vss4j::jni {

std::shared_ptr<CompletionQueue> completionQueue();

}  // namespace vss4j::jni
