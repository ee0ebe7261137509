// The directory link to a copy's device object (windows/copy_link.h): the device object's form checked strictly,
// the link made and removed as a link. Under Wine there is no shadow copy device: a plain folder stands in for it,
// through makeDirectoryLink, which makeCopyLink calls after the check. What only the Windows runner proves (a link
// to \\?\GLOBALROOT\Device\HarddiskVolumeShadowCopyN\ leading into the copy) is RealCopyAccessIT's.
#include <gtest/gtest.h>

#include "scratch_folder.h"
#include "windows/copy_link.h"

namespace vss4j::win::test {
namespace {

const std::wstring kCopy7 = L"\\\\?\\GLOBALROOT\\Device\\HarddiskVolumeShadowCopy7";

// Wine 8's CreateSymbolicLinkW is a stub: it makes nothing and answers TRUE. The tests that need a real link run on
// the Windows runner (vss4j_windows_tests in mvn verify, checked by the workflow's copy-access step).
bool runningUnderWine() {
  HMODULE ntdll = GetModuleHandleW(L"ntdll.dll");
  return ntdll != nullptr && GetProcAddress(ntdll, "wine_get_version") != nullptr;
}
#define VSS4J_NEEDS_REAL_SYMLINKS() \
  if (runningUnderWine()) GTEST_SKIP() << "Wine's CreateSymbolicLinkW makes no link; the Windows runner runs this"

TEST(DeviceObject, TheFormVssReportsIsAccepted) {
  EXPECT_EQ(deviceObjectProblem(kCopy7), "");
  EXPECT_EQ(deviceObjectProblem(L"\\\\?\\GLOBALROOT\\Device\\Some_Provider-Copy12"), "");
}

TEST(DeviceObject, EveryOtherFormIsRefusedWithTheRule) {
  EXPECT_NE(deviceObjectProblem(L"").find("does not start with"), std::string::npos);
  EXPECT_NE(deviceObjectProblem(L"C:\\Windows").find("does not start with"), std::string::npos);
  EXPECT_NE(deviceObjectProblem(L"\\\\.\\GLOBALROOT\\Device\\HarddiskVolumeShadowCopy7").find("does not start with"),
            std::string::npos);
  EXPECT_NE(deviceObjectProblem(L"\\\\?\\GLOBALROOT\\Device\\").find("names no device"), std::string::npos);
  EXPECT_NE(deviceObjectProblem(kCopy7 + L"\\").find("more than one component"), std::string::npos);
  EXPECT_NE(deviceObjectProblem(kCopy7 + L"\\Users").find("more than one component"), std::string::npos);
  EXPECT_NE(deviceObjectProblem(kCopy7 + L"\\..\\HarddiskVolume1").find("more than one component"),
            std::string::npos);
  EXPECT_NE(deviceObjectProblem(L"\\\\?\\GLOBALROOT\\Device\\..").find("character other than"), std::string::npos);
  EXPECT_NE(deviceObjectProblem(kCopy7 + L"/x").find("more than one component"), std::string::npos);
  EXPECT_NE(deviceObjectProblem(kCopy7 + L" ").find("character other than"), std::string::npos);
  const std::wstring huge = L"\\\\?\\GLOBALROOT\\Device\\" + std::wstring(kMaxDeviceObjectLength, L'A');
  EXPECT_NE(deviceObjectProblem(huge).find("characters long"), std::string::npos);
}

TEST(DeviceObject, AMalformedOneMakesNoLink) {
  ScratchFolder scratch(L"copy-link-refused");
  const std::wstring link = scratch / L"copy";
  EXPECT_EQ(makeCopyLink(link, kCopy7 + L"\\..\\HarddiskVolume1"), static_cast<DWORD>(ERROR_INVALID_NAME));
  EXPECT_EQ(GetFileAttributesW(link.c_str()), INVALID_FILE_ATTRIBUTES);
}

TEST(LongPathPrefix, IsAddedWhereAPathCanExceedMaxPath) {
  EXPECT_EQ(withLongPathPrefix(L"C:\\a\\b"), L"\\\\?\\C:\\a\\b");
  EXPECT_EQ(withLongPathPrefix(L"\\\\server\\share\\a"), L"\\\\?\\UNC\\server\\share\\a");
  EXPECT_EQ(withLongPathPrefix(L"\\\\?\\C:\\a"), L"\\\\?\\C:\\a");
  EXPECT_EQ(withLongPathPrefix(L"\\\\?\\GLOBALROOT\\Device\\X\\"), L"\\\\?\\GLOBALROOT\\Device\\X\\");
  EXPECT_EQ(withLongPathPrefix(L"relative\\a"), L"relative\\a");
}

std::string readAll(const std::wstring& path) {
  HANDLE file = CreateFileW(withLongPathPrefix(path).c_str(), GENERIC_READ, FILE_SHARE_READ, nullptr, OPEN_EXISTING,
                            0, nullptr);
  if (file == INVALID_HANDLE_VALUE) return "<cannot open: " + std::to_string(GetLastError()) + ">";
  char buffer[256];
  DWORD read = 0;
  const BOOL ok = ReadFile(file, buffer, sizeof buffer, &read, nullptr);
  CloseHandle(file);
  return ok ? std::string(buffer, read) : "<cannot read>";
}

// A link made to `target` + "\" at `link` leads into `target`; removing it leaves the target and its file.
void linkLeadsInAndGoes(const std::wstring& link, const std::wstring& target) {
  ASSERT_TRUE(writeFile(target + L"\\inside.txt", "as it was"));
  ASSERT_EQ(makeDirectoryLink(link, target + L"\\"), static_cast<DWORD>(ERROR_SUCCESS));
  const DWORD attributes = GetFileAttributesW(withLongPathPrefix(link).c_str());
  ASSERT_NE(attributes, INVALID_FILE_ATTRIBUTES);
  EXPECT_NE(attributes & FILE_ATTRIBUTE_REPARSE_POINT, 0u) << "the link is a reparse point, not a folder";
  EXPECT_EQ(readAll(link + L"\\inside.txt"), "as it was");

  EXPECT_EQ(removeCopyLink(link), static_cast<DWORD>(ERROR_SUCCESS));
  EXPECT_EQ(GetFileAttributesW(withLongPathPrefix(link).c_str()), INVALID_FILE_ATTRIBUTES);
  EXPECT_EQ(readAll(target + L"\\inside.txt"), "as it was") << "removing the link kept what it led to";
}

TEST(CopyLink, IsMadeToTheTargetAndRemovedAsALink) {
  VSS4J_NEEDS_REAL_SYMLINKS();
  ScratchFolder scratch(L"copy-link");
  const std::wstring target = scratch / L"device";
  ASSERT_TRUE(CreateDirectoryW(target.c_str(), nullptr));
  linkLeadsInAndGoes(scratch / L"copy", target);
}

TEST(CopyLink, WorksBeyondMaxPath) {
  VSS4J_NEEDS_REAL_SYMLINKS();
  ScratchFolder scratch(L"copy-link-long");
  const std::wstring deep = makeDeepFolder(scratch.path(), std::wstring(40, L'd'), 7);
  ASSERT_GT(deep.size(), static_cast<std::size_t>(MAX_PATH));
  const std::wstring target = deep + L"\\device";
  ASSERT_TRUE(CreateDirectoryW(withLongPathPrefix(target).c_str(), nullptr));
  linkLeadsInAndGoes(deep + L"\\copy", target);
}

TEST(CopyLink, AMissingLinkIsNoError) {
  ScratchFolder scratch(L"copy-link-missing");
  EXPECT_EQ(removeCopyLink(scratch / L"never-made"), static_cast<DWORD>(ERROR_SUCCESS));
  EXPECT_EQ(removeCopyLink(scratch / L"no-folder\\never-made"), static_cast<DWORD>(ERROR_SUCCESS));
}

TEST(CopyLink, APlainFolderIsNeverRemoved) {
  ScratchFolder scratch(L"copy-link-plain");
  const std::wstring folder = scratch / L"not-a-link";
  ASSERT_TRUE(CreateDirectoryW(folder.c_str(), nullptr));
  EXPECT_EQ(removeCopyLink(folder), static_cast<DWORD>(ERROR_NOT_A_REPARSE_POINT));
  EXPECT_NE(GetFileAttributesW(folder.c_str()), INVALID_FILE_ATTRIBUTES);
}

TEST(CopyLink, AnExistingPathIsNotReplaced) {
  VSS4J_NEEDS_REAL_SYMLINKS();
  ScratchFolder scratch(L"copy-link-exists");
  const std::wstring target = scratch / L"device";
  ASSERT_TRUE(CreateDirectoryW(target.c_str(), nullptr));
  const std::wstring taken = scratch / L"taken";
  ASSERT_TRUE(CreateDirectoryW(taken.c_str(), nullptr));
  EXPECT_EQ(makeDirectoryLink(taken, target + L"\\"), static_cast<DWORD>(ERROR_ALREADY_EXISTS));
}

}  // namespace
}  // namespace vss4j::win::test
