// Small UTF-16 helpers for the simulator: volume names compare like Windows compares them, and
// device names carry a decimal number.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/guid.h"
#include "core/vss_types.h"

namespace vss4j::sim {

// Windows matches volume names without regard to case; the names VSS takes ("C:\", "\\?\Volume{...}\")
// are ASCII, so folding A-Z is enough.
bool sameVolumeName(const WString& a, const WString& b);

WString decimal(std::int64_t value);

WString ascii(const std::string& text);

// 0xXXXXXXXX, upper-case digits: an HRESULT as the simulator writes it in documents and messages.
WString hexOf(hresult value);

// {xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx}, as VSS writes ids in its XML documents; and back (nullopt: not one).
WString braced(const Guid& id);
std::optional<Guid> guidOfBraced(const WString& text);

// \\?\Volume{xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx}\, lower case as Windows writes it.
WString volumeGuidPath(const Guid& id);

}  // namespace vss4j::sim
