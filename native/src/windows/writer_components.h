// Reads what the writers recorded in the Backup Components Document (GetWriterComponents): every
// IVssWriterComponentsExt, IVssComponent and IVssComponentEx2 obtained, and every BSTR, is released before it
// returns. The restore fields are read only in a restore (`restoring`: InitializeForRestore succeeded); in a backup
// they keep their defaults, and the getters that answer only in a restore are not called.
#pragma once

#include <type_traits>
#include <vector>

#include "core/vss_types.h"
#include "windows/vss_sdk.h"

namespace vss4j::win {

HRESULT readWriterComponents(IVssBackupComponents& vss, bool restoring, std::vector<RecordedComponent>& out);

// The IUnknown of an IVssWriterComponentsExt. Microsoft's SDK declares the interface with two bases
// (IVssWriterComponents, then IUnknown: two vtable pointers); mingw-w64's declares only the first. The object is
// the same either way: its IUnknown is the second base, one pointer further on.
// (A template, so that the branch the SDK at hand does not take is never compiled.)
template <typename Writer>
IUnknown* unknownOf(Writer* writer) {
  if constexpr (std::is_base_of_v<IUnknown, Writer>) {
    return static_cast<IUnknown*>(writer);
  } else {
    return reinterpret_cast<IUnknown*>(reinterpret_cast<void**>(writer) + 1);
  }
}

}  // namespace vss4j::win
