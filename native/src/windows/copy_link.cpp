#include "windows/copy_link.h"

namespace vss4j::win {
namespace {

constexpr wchar_t kDevicePrefix[] = L"\\\\?\\GLOBALROOT\\Device\\";
constexpr std::size_t kDevicePrefixLength = sizeof(kDevicePrefix) / sizeof(wchar_t) - 1;

bool isDeviceNameCharacter(wchar_t c) {
  return (c >= L'a' && c <= L'z') || (c >= L'A' && c <= L'Z') || (c >= L'0' && c <= L'9') || c == L'_' || c == L'-';
}

bool startsWith(const std::wstring& text, const wchar_t* prefix) { return text.rfind(prefix, 0) == 0; }

}  // namespace

std::string deviceObjectProblem(const std::wstring& deviceObject) {
  if (deviceObject.size() > kMaxDeviceObjectLength) {
    return "is " + std::to_string(deviceObject.size()) + " characters long; a shadow copy's device object has at most " +
           std::to_string(kMaxDeviceObjectLength);
  }
  // The prefix is compared case-sensitively as VSS reports it: anything else is not a device object VSS gave us.
  if (!startsWith(deviceObject, kDevicePrefix)) {
    return "does not start with \\\\?\\GLOBALROOT\\Device\\ (the form VSS reports a shadow copy's device object in)";
  }
  const std::wstring name = deviceObject.substr(kDevicePrefixLength);
  if (name.empty()) return "names no device after \\\\?\\GLOBALROOT\\Device\\";
  for (wchar_t c : name) {
    if (c == L'\\' || c == L'/') {
      return "has more than one component after \\\\?\\GLOBALROOT\\Device\\ (a copy's root is the device itself)";
    }
    if (!isDeviceNameCharacter(c)) {
      return "has a character other than letters, digits, '_' and '-' in its device name";
    }
  }
  return {};
}

std::wstring withLongPathPrefix(const std::wstring& path) {
  if (startsWith(path, L"\\\\?\\") || startsWith(path, L"\\\\.\\")) return path;
  if (startsWith(path, L"\\\\")) return L"\\\\?\\UNC\\" + path.substr(2);
  const bool driveAbsolute = path.size() >= 3 && path[1] == L':' && (path[2] == L'\\' || path[2] == L'/');
  return driveAbsolute ? L"\\\\?\\" + path : path;
}

DWORD makeDirectoryLink(const std::wstring& link, const std::wstring& target) {
  const std::wstring at = withLongPathPrefix(link);
  if (CreateSymbolicLinkW(at.c_str(), target.c_str(),
                          SYMBOLIC_LINK_FLAG_DIRECTORY | SYMBOLIC_LINK_FLAG_ALLOW_UNPRIVILEGED_CREATE)) {
    return ERROR_SUCCESS;
  }
  DWORD error = GetLastError();
  // Windows before 10 1703 refuses the unprivileged-create flag as an invalid parameter: ask again without it,
  // which needs SeCreateSymbolicLinkPrivilege (held by elevated Administrators).
  if (error == ERROR_INVALID_PARAMETER) {
    if (CreateSymbolicLinkW(at.c_str(), target.c_str(), SYMBOLIC_LINK_FLAG_DIRECTORY)) return ERROR_SUCCESS;
    error = GetLastError();
  }
  return error;
}

DWORD makeCopyLink(const std::wstring& link, const std::wstring& deviceObject) {
  if (!deviceObjectProblem(deviceObject).empty()) return ERROR_INVALID_NAME;
  // The trailing backslash makes the link lead to the root directory of the copy's volume, not to the device.
  return makeDirectoryLink(link, deviceObject + L"\\");
}

DWORD removeCopyLink(const std::wstring& link) {
  const std::wstring at = withLongPathPrefix(link);
  const DWORD attributes = GetFileAttributesW(at.c_str());
  if (attributes == INVALID_FILE_ATTRIBUTES) {
    const DWORD error = GetLastError();
    return error == ERROR_FILE_NOT_FOUND || error == ERROR_PATH_NOT_FOUND ? ERROR_SUCCESS : error;
  }
  // Only a link is vss4j's: a real directory at that path is left alone, whatever it holds.
  if ((attributes & FILE_ATTRIBUTE_REPARSE_POINT) == 0) return ERROR_NOT_A_REPARSE_POINT;
  if (RemoveDirectoryW(at.c_str())) return ERROR_SUCCESS;
  const DWORD error = GetLastError();
  return error == ERROR_FILE_NOT_FOUND || error == ERROR_PATH_NOT_FOUND ? ERROR_SUCCESS : error;
}

}  // namespace vss4j::win
