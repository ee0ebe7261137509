// A directory symbolic link to a shadow copy's device object, so that a path the JDK can open leads into the copy
// without a drive letter: made at a path vss4j chose, removed as a link (never the copy behind it).
#pragma once

#include <windows.h>

#include <string>

namespace vss4j::win {

// The longest device object accepted; real ones are \\?\GLOBALROOT\Device\HarddiskVolumeShadowCopyN (under 60).
inline constexpr std::size_t kMaxDeviceObjectLength = 200;

// Empty if `deviceObject` is \\?\GLOBALROOT\Device\<name> with one component of letters, digits, '_' and '-' (no
// trailing backslash, no "..", at most kMaxDeviceObjectLength characters); otherwise the rule it breaks, in words.
std::string deviceObjectProblem(const std::wstring& deviceObject);

// `path` in the form that lifts MAX_PATH: C:\x becomes \\?\C:\x and \\server\share \\?\UNC\server\share; a path
// already in \\?\ form, or a relative one, is returned as it is.
std::wstring withLongPathPrefix(const std::wstring& path);

// Makes a directory symbolic link at `link` (which must not exist) to `target`, as given. Unprivileged creation is
// asked for first (Windows 10 1703 and later in Developer Mode), then, when Windows does not know that flag
// (ERROR_INVALID_PARAMETER), without it. ERROR_SUCCESS or the Win32 error of CreateSymbolicLinkW.
DWORD makeDirectoryLink(const std::wstring& link, const std::wstring& target);

// makeDirectoryLink to `deviceObject` + "\", after deviceObjectProblem found nothing to refuse
// (ERROR_INVALID_NAME if it did: the caller reports the rule).
DWORD makeCopyLink(const std::wstring& link, const std::wstring& deviceObject);

// Removes the link at `link` with RemoveDirectoryW, which removes a symbolic link to a directory and never its
// target. ERROR_SUCCESS also when nothing is there; ERROR_NOT_A_REPARSE_POINT, untouched, when `link` is a plain
// directory or a file (never vss4j's link, so never removed).
DWORD removeCopyLink(const std::wstring& link);

}  // namespace vss4j::win
