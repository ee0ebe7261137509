// Opening a copy's file with backup semantics (windows/backup_open.h), against files of a scratch folder: read,
// seek, size, close; the Win32 errors of a missing file and of a directory; a file reached off the expected device
// refused; long and Unicode paths; and the calling thread's token as it was after every open, failed or not.
// That a file whose ACL denies the account opens with the privilege, and not without it, is proved on the Windows
// runner only (RealBackupOpenRestrictedIT): Wine checks no ACLs.
#include <gtest/gtest.h>

#include <cstdio>
#include <memory>
#include <vector>

#include "scratch_folder.h"
#include "windows/backup_open.h"
#include "windows/copy_link.h"

namespace vss4j::win::test {
namespace {

bool runningUnderWine() {
  HMODULE ntdll = GetModuleHandleW(L"ntdll.dll");
  return ntdll != nullptr && GetProcAddress(ntdll, "wine_get_version") != nullptr;
}

// The thread has no token of its own: it is not impersonating.
DWORD threadTokenError() {
  HANDLE token = nullptr;
  if (OpenThreadToken(GetCurrentThread(), TOKEN_QUERY, TRUE, &token)) {
    CloseHandle(token);
    return ERROR_SUCCESS;
  }
  return GetLastError();
}

// The \Device\X of the volume that holds `folder`, as GetFinalPathNameByHandleW names it.
std::wstring ntDeviceHolding(const std::wstring& folder) {
  HANDLE handle = CreateFileW(folder.c_str(), 0, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, nullptr,
                              OPEN_EXISTING, FILE_FLAG_BACKUP_SEMANTICS, nullptr);
  if (handle == INVALID_HANDLE_VALUE) return {};
  wchar_t buffer[4096];
  const DWORD length = GetFinalPathNameByHandleW(handle, buffer, 4096, VOLUME_NAME_NT);
  CloseHandle(handle);
  const std::wstring path(buffer, length);
  // \Device\Name\rest: the device is the first two components.
  const std::size_t second = path.find(L'\\', 1);
  const std::size_t third = second == std::wstring::npos ? std::wstring::npos : path.find(L'\\', second + 1);
  return third == std::wstring::npos ? path : path.substr(0, third);
}

// SeBackupPrivilege in the process token: whether it is there, and its attributes (enabled or not).
struct ProcessBackupPrivilege {
  bool held = false;
  DWORD attributes = 0;
};

ProcessBackupPrivilege processBackupPrivilege() {
  ProcessBackupPrivilege result;
  HANDLE token = nullptr;
  if (!OpenProcessToken(GetCurrentProcess(), TOKEN_QUERY, &token)) return result;
  LUID backup{};
  DWORD length = 0;
  GetTokenInformation(token, TokenPrivileges, nullptr, 0, &length);
  std::vector<unsigned char> buffer(length);
  if (LookupPrivilegeValueW(nullptr, SE_BACKUP_NAME, &backup) &&
      GetTokenInformation(token, TokenPrivileges, buffer.data(), length, &length)) {
    const auto* privileges = reinterpret_cast<const TOKEN_PRIVILEGES*>(buffer.data());
    for (DWORD i = 0; i < privileges->PrivilegeCount; ++i) {
      const LUID_AND_ATTRIBUTES& entry = privileges->Privileges[i];
      if (entry.Luid.LowPart == backup.LowPart && entry.Luid.HighPart == backup.HighPart) {
        result.held = true;
        result.attributes = entry.Attributes;
      }
    }
  }
  CloseHandle(token);
  return result;
}

class BackupOpen : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(threadTokenError(), static_cast<DWORD>(ERROR_NO_TOKEN)) << "the test thread starts impersonating";
    device = ntDeviceHolding(scratch.path());
    ASSERT_EQ(device.rfind(L"\\Device\\", 0), 0u) << "no NT device for the scratch folder";
  }

  // Opens `path` expecting success; the file is owned by the result.
  std::unique_ptr<BackupFile> open(const std::wstring& path) {
    const BackupOpenResult opened = openForBackup(path, device);
    EXPECT_EQ(opened.error, static_cast<DWORD>(ERROR_SUCCESS));
    if (opened.handle == INVALID_HANDLE_VALUE) return nullptr;
    return std::make_unique<BackupFile>(opened.handle);
  }

  static std::string readSome(BackupFile& file, DWORD length) {
    std::vector<char> buffer(length);
    DWORD read = 0;
    EXPECT_EQ(file.read(buffer.data(), length, read), static_cast<DWORD>(ERROR_SUCCESS));
    return std::string(buffer.data(), read);
  }

  ScratchFolder scratch{L"backup-open"};
  std::wstring device;
};

TEST_F(BackupOpen, ReadsSeeksAndSizesAFile) {
  const std::wstring path = scratch / L"file.txt";
  ASSERT_TRUE(writeFile(path, "0123456789"));
  std::unique_ptr<BackupFile> file = open(path);
  ASSERT_TRUE(file);
  std::int64_t size = -1;
  EXPECT_EQ(file->size(size), static_cast<DWORD>(ERROR_SUCCESS));
  EXPECT_EQ(size, 10);
  EXPECT_EQ(readSome(*file, 4), "0123");
  EXPECT_EQ(readSome(*file, 100), "456789");
  EXPECT_EQ(readSome(*file, 100), "") << "at the end ReadFile answers 0 bytes";
  EXPECT_EQ(file->seek(7), static_cast<DWORD>(ERROR_SUCCESS));
  EXPECT_EQ(readSome(*file, 100), "789");
  EXPECT_EQ(file->seek(2), static_cast<DWORD>(ERROR_SUCCESS));
  EXPECT_EQ(readSome(*file, 3), "234");
  EXPECT_EQ(file->seek(50), static_cast<DWORD>(ERROR_SUCCESS)) << "past the end is a position, as in Java";
  EXPECT_EQ(readSome(*file, 10), "");
  EXPECT_EQ(threadTokenError(), static_cast<DWORD>(ERROR_NO_TOKEN)) << "the thread was reverted after the open";
}

TEST_F(BackupOpen, SharesTheFileWithAWriterThatHasItOpen) {
  const std::wstring path = scratch / L"busy.txt";
  ASSERT_TRUE(writeFile(path, "busy"));
  HANDLE writer = CreateFileW(path.c_str(), GENERIC_READ | GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE, nullptr,
                              OPEN_EXISTING, 0, nullptr);
  ASSERT_NE(writer, INVALID_HANDLE_VALUE);
  std::unique_ptr<BackupFile> file = open(path);
  CloseHandle(writer);
  ASSERT_TRUE(file);
  EXPECT_EQ(readSome(*file, 10), "busy");
}

TEST_F(BackupOpen, AMissingFileOrFolderIsItsWin32Error) {
  BackupOpenResult opened = openForBackup(scratch / L"missing.txt", device);
  EXPECT_EQ(opened.handle, INVALID_HANDLE_VALUE);
  EXPECT_EQ(opened.error, static_cast<DWORD>(ERROR_FILE_NOT_FOUND));
  EXPECT_EQ(threadTokenError(), static_cast<DWORD>(ERROR_NO_TOKEN)) << "the thread was reverted after a failure";
  opened = openForBackup(scratch / L"no-folder\\missing.txt", device);
  EXPECT_EQ(opened.error, static_cast<DWORD>(ERROR_PATH_NOT_FOUND));
  EXPECT_EQ(threadTokenError(), static_cast<DWORD>(ERROR_NO_TOKEN));
}

TEST_F(BackupOpen, ADirectoryIsRefused) {
  const std::wstring folder = scratch / L"folder";
  ASSERT_TRUE(CreateDirectoryW(folder.c_str(), nullptr));
  const BackupOpenResult opened = openForBackup(folder, device);
  EXPECT_EQ(opened.handle, INVALID_HANDLE_VALUE);
  EXPECT_EQ(opened.error, static_cast<DWORD>(ERROR_DIRECTORY));
  EXPECT_EQ(threadTokenError(), static_cast<DWORD>(ERROR_NO_TOKEN));
}

TEST_F(BackupOpen, AFileOffTheCopysDeviceIsRefused) {
  const std::wstring path = scratch / L"elsewhere.txt";
  ASSERT_TRUE(writeFile(path, "live volume"));
  const BackupOpenResult opened = openForBackup(path, L"\\Device\\HarddiskVolumeShadowCopy4242");
  EXPECT_EQ(opened.handle, INVALID_HANDLE_VALUE);
  EXPECT_EQ(opened.error, static_cast<DWORD>(ERROR_NOT_SAME_DEVICE));
  // A device whose name only starts like the file's is another device.
  const BackupOpenResult longer = openForBackup(path, device + L"0");
  EXPECT_EQ(longer.error, static_cast<DWORD>(ERROR_NOT_SAME_DEVICE));
}

TEST_F(BackupOpen, OpensBeyondMaxPathAndAnyUnicodeName) {
  const std::wstring deep = makeDeepFolder(scratch.path(), std::wstring(40, L'p'), 7);
  ASSERT_GT(deep.size(), static_cast<std::size_t>(MAX_PATH));
  // Greek, CJK and a character outside the BMP (a surrogate pair).
  const std::wstring path = deep + L"\\\u03b1\u03b2\u03b3-\u6587\u4ef6-\U0001F600.txt";
  ASSERT_TRUE(writeFile(path, "deep"));
  // Wine 8's GetFinalPathNameByHandleW fails for any path past MAX_PATH (ERROR_MORE_DATA), so the device check is
  // left out there; on Windows it runs, as RealCopyAccessIT's read of a deep file in a copy does.
  if (runningUnderWine()) {
    EXPECT_EQ(openForBackup(path, device).error, static_cast<DWORD>(ERROR_FILENAME_EXCED_RANGE));
    device.clear();
  }
  std::unique_ptr<BackupFile> file = open(path);
  ASSERT_TRUE(file);
  EXPECT_EQ(readSome(*file, 10), "deep");
  // The same name within MAX_PATH: Unicode alone needs no special path.
  const std::wstring shallow = scratch / L"\u03b1\u03b2\u03b3-\u6587\u4ef6-\U0001F600.txt";
  ASSERT_TRUE(writeFile(shallow, "near"));
  device = ntDeviceHolding(scratch.path());
  std::unique_ptr<BackupFile> nearFile = open(shallow);
  ASSERT_TRUE(nearFile);
  EXPECT_EQ(readSome(*nearFile, 10), "near");
}

TEST_F(BackupOpen, AnImpersonatingThreadKeepsItsTokenAfterwards) {
  ASSERT_TRUE(ImpersonateSelf(SecurityImpersonation));
  HANDLE before = nullptr;
  ASSERT_TRUE(OpenThreadToken(GetCurrentThread(), TOKEN_QUERY, TRUE, &before));
  TOKEN_STATISTICS statsBefore{};
  DWORD length = 0;
  ASSERT_TRUE(GetTokenInformation(before, TokenStatistics, &statsBefore, sizeof statsBefore, &length));
  CloseHandle(before);

  const std::wstring path = scratch / L"as-client.txt";
  ASSERT_TRUE(writeFile(path, "client"));
  const BackupOpenResult opened = openForBackup(path, device);
  if (opened.handle != INVALID_HANDLE_VALUE) CloseHandle(opened.handle);

  HANDLE after = nullptr;
  ASSERT_TRUE(OpenThreadToken(GetCurrentThread(), TOKEN_QUERY, TRUE, &after)) << "the thread's own token is back";
  TOKEN_STATISTICS statsAfter{};
  EXPECT_TRUE(GetTokenInformation(after, TokenStatistics, &statsAfter, sizeof statsAfter, &length));
  CloseHandle(after);
  EXPECT_EQ(statsAfter.TokenId.LowPart, statsBefore.TokenId.LowPart);
  EXPECT_EQ(statsAfter.TokenId.HighPart, statsBefore.TokenId.HighPart);
  EXPECT_EQ(statsAfter.ImpersonationLevel, SecurityImpersonation);
  EXPECT_TRUE(RevertToSelf());
  EXPECT_EQ(threadTokenError(), static_cast<DWORD>(ERROR_NO_TOKEN));
}

TEST_F(BackupOpen, EnablesThePrivilegeWhenTheProcessHoldsItAndNeverChangesTheProcessToken) {
  const std::wstring path = scratch / L"privilege.txt";
  ASSERT_TRUE(writeFile(path, "x"));
  const ProcessBackupPrivilege before = processBackupPrivilege();
  const BackupOpenResult opened = openForBackup(path, device);
  ASSERT_NE(opened.handle, INVALID_HANDLE_VALUE);
  CloseHandle(opened.handle);
  EXPECT_EQ(opened.privilegeEnabled, before.held) << "enabled exactly when the process token holds it";
  const ProcessBackupPrivilege after = processBackupPrivilege();
  EXPECT_EQ(after.held, before.held);
  EXPECT_EQ(after.attributes, before.attributes) << "the process token's privilege state is what it was";
  std::printf("process holds SeBackupPrivilege: %s (attributes 0x%lx)\n", before.held ? "yes" : "no",
              static_cast<unsigned long>(before.attributes));
}

TEST(NtDevice, IsTheDeviceObjectWithoutItsWin32Prefix) {
  EXPECT_EQ(ntDeviceOf(L"\\\\?\\GLOBALROOT\\Device\\HarddiskVolumeShadowCopy3"),
            L"\\Device\\HarddiskVolumeShadowCopy3");
  EXPECT_EQ(ntDeviceOf(L"\\\\?\\GLOBALROOT\\Device\\HarddiskVolumeShadowCopy3\\"), L"");
  EXPECT_EQ(ntDeviceOf(L"C:\\"), L"");
}

}  // namespace
}  // namespace vss4j::win::test
