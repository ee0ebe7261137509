// A component as the IVssBackupComponents calls name it: writer class, component type, logical path (NULL when
// there is none) and name, the texts held wide for the duration of the call.
#pragma once

#include <cstdint>
#include <string>

#include "core/guid.h"
#include "core/vss_types.h"
#include "windows/convert.h"
#include "windows/vss_sdk.h"

namespace vss4j::win {

class ComponentKey {
 public:
  ComponentKey(const Guid& writerId, std::int32_t type, const WString* logicalPath, const WString& name)
      : writer_(toGuid(writerId)),
        type_(static_cast<VSS_COMPONENT_TYPE>(type)),
        hasPath_(logicalPath != nullptr),
        path_(logicalPath == nullptr ? std::wstring() : toWide(*logicalPath)),
        name_(toWide(name)) {}

  const VSS_ID& writer() const { return writer_; }
  VSS_COMPONENT_TYPE type() const { return type_; }
  LPCWSTR logicalPath() const { return hasPath_ ? path_.c_str() : nullptr; }
  LPCWSTR name() const { return name_.c_str(); }

 private:
  VSS_ID writer_;
  VSS_COMPONENT_TYPE type_;
  bool hasPath_;
  std::wstring path_;
  std::wstring name_;
};

}  // namespace vss4j::win
