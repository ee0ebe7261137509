// A folder of the test's own under the temp folder, removed with everything in it at the end; a link inside it is
// removed as a link (RemoveDirectoryW/DeleteFileW on the link), never followed.
#pragma once

#include <windows.h>

#include <string>

namespace vss4j::win::test {

class ScratchFolder {
 public:
  explicit ScratchFolder(const wchar_t* name) {
    wchar_t temp[MAX_PATH + 1];
    const DWORD length = GetTempPathW(MAX_PATH + 1, temp);
    path_ = std::wstring(temp, length) + L"vss4j-" + name + L"-" + std::to_wstring(GetCurrentProcessId());
    removeTree(path_);
    CreateDirectoryW(path_.c_str(), nullptr);
  }
  ~ScratchFolder() { removeTree(path_); }
  ScratchFolder(const ScratchFolder&) = delete;
  ScratchFolder& operator=(const ScratchFolder&) = delete;

  const std::wstring& path() const { return path_; }
  std::wstring operator/(const std::wstring& name) const { return path_ + L"\\" + name; }

  static void removeTree(const std::wstring& folder) {
    const std::wstring at = folder.rfind(L"\\\\?\\", 0) == 0 ? folder : L"\\\\?\\" + folder;
    const DWORD attributes = GetFileAttributesW(at.c_str());
    if (attributes == INVALID_FILE_ATTRIBUTES) return;
    if ((attributes & FILE_ATTRIBUTE_DIRECTORY) == 0) {
      DeleteFileW(at.c_str());
      return;
    }
    if ((attributes & FILE_ATTRIBUTE_REPARSE_POINT) == 0) {
      WIN32_FIND_DATAW entry;
      HANDLE find = FindFirstFileW((at + L"\\*").c_str(), &entry);
      if (find != INVALID_HANDLE_VALUE) {
        do {
          const std::wstring name = entry.cFileName;
          if (name != L"." && name != L"..") removeTree(at + L"\\" + name);
        } while (FindNextFileW(find, &entry));
        FindClose(find);
      }
    }
    RemoveDirectoryW(at.c_str());
  }

 private:
  std::wstring path_;
};

// Writes `content` to a new file at `path` (any length: \\?\ is added); false if it could not.
inline bool writeFile(const std::wstring& path, const std::string& content) {
  const std::wstring at = path.rfind(L"\\\\?\\", 0) == 0 ? path : L"\\\\?\\" + path;
  HANDLE file = CreateFileW(at.c_str(), GENERIC_WRITE, 0, nullptr, CREATE_ALWAYS, FILE_ATTRIBUTE_NORMAL, nullptr);
  if (file == INVALID_HANDLE_VALUE) return false;
  DWORD written = 0;
  const BOOL ok = WriteFile(file, content.data(), static_cast<DWORD>(content.size()), &written, nullptr);
  CloseHandle(file);
  return ok && written == content.size();
}

// Makes `depth` nested folders of `name` under `base` with \\?\ paths; returns the deepest (without the prefix).
inline std::wstring makeDeepFolder(const std::wstring& base, const std::wstring& name, int depth) {
  std::wstring folder = base;
  for (int i = 0; i < depth; ++i) {
    folder += L"\\" + name;
    CreateDirectoryW((L"\\\\?\\" + folder).c_str(), nullptr);
  }
  return folder;
}

}  // namespace vss4j::win::test
