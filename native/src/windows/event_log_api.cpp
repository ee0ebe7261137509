#include "windows/event_log_api.h"

namespace vss4j::win {

const EventLogApi& systemEventLogApi() {
  static const EventLogApi api{&EvtQuery,         &EvtNext,  &EvtCreateRenderContext, &EvtRender,
                               &EvtOpenPublisherMetadata, &EvtFormatMessage, &EvtClose, &GetTickCount64};
  return api;
}

EvtHandle& EvtHandle::operator=(EvtHandle&& other) noexcept {
  if (this != &other) {
    reset();
    api_ = other.api_;
    handle_ = other.handle_;
    other.handle_ = nullptr;
  }
  return *this;
}

void EvtHandle::reset() noexcept {
  if (handle_ != nullptr) {
    // EvtClose fails only for a handle that is not one; there is nothing to do about that here.
    (void)api_->close(handle_);
    handle_ = nullptr;
  }
}

}  // namespace vss4j::win
