// Reads one writer's IVssExamineWriterMetadata in full: identity, restore method, backup schema, exclude files
// and components (VSS_COMPONENTINFO, file descriptors, dependencies). Every interface, BSTR and
// VSS_COMPONENTINFO it obtains is released before it returns, on failure too.
#pragma once

#include "core/vss_types.h"
#include "windows/vss_sdk.h"

namespace vss4j::win {

HRESULT readWriterMetadata(IVssExamineWriterMetadata& metadata, WriterMetadata& out);

// The volume GUID path (\\?\Volume{...}\) of the volume `path` lives on, after expanding environment
// variables (writers write %SystemRoot%\...); empty when Windows cannot tell.
WString volumeOfPath(const WString& path);

}  // namespace vss4j::win
