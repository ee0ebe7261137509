// A volume backed by a folder: its copies hold the folder's tree as it was at DoSnapshotSet, read-only, links
// kept as links, removed when the simulator frees the copy; a copy that fails leaves nothing.
#include <chrono>
#include <fstream>
#include <iterator>
#include <random>
#include <string>

#include "sim/content_copy.h"
#include "sim_fixture.h"

namespace vss4j::sim::test {
namespace {
namespace fs = std::filesystem;

constexpr fs::perms kWriteBits = fs::perms::owner_write | fs::perms::group_write | fs::perms::others_write;

void write(const fs::path& file, const std::string& text) {
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out << text;
  ASSERT_TRUE(out.good()) << file;
}

std::string read(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

class ContentCopyTest : public SimTest {
 protected:
  void SetUp() override {
    SimTest::SetUp();
    std::random_device random;
    temp = fs::temp_directory_path() / ("vss4j-content-" + std::to_string(random()) + std::to_string(random()));
    ASSERT_TRUE(fs::create_directory(temp)) << temp;
    source = temp / "source";
    copies = temp / "copies";
    fs::create_directories(source / "Users" / "ada");
    fs::create_directory(copies);
    write(source / "boot.ini", "timeout=30");
    write(source / "Users" / "ada" / "notes.txt", "first");
    machine->setContentFolder(copies);
    VolumeSpec backed{u"C:\\"};
    backed.content = source;
    machine->addVolume(backed);
  }

  void TearDown() override {
    SimTest::TearDown();
    machine.reset();
    std::string why;
    EXPECT_TRUE(removeTree(temp, why)) << why;
  }

  // A finished set of `volumes` in `context`; the object stays alive, its copies' device objects in `devices`.
  std::unique_ptr<BackupComponents> snapshot(std::int32_t context, const std::vector<WString>& volumes,
                                             std::vector<WString>& devices, std::vector<Guid>* ids = nullptr) {
    auto object = initialized(context);
    std::vector<Guid> made;
    EXPECT_EQ(prepareSet(*object, volumes, (context & attr::NO_WRITERS) == 0, &made), hr::kOk);
    EXPECT_EQ(doSnapshot(*object), hr::kAsyncFinished);
    for (const Guid& id : made) {
      SnapshotProperties p;
      EXPECT_EQ(object->getSnapshotProperties(id, p), hr::kOk);
      devices.push_back(p.snapshotDeviceObject);
    }
    if (ids != nullptr) *ids = made;
    return object;
  }

  fs::path contentOf(const WString& device) {
    const CopyFiles files = machine->copyFiles(device);
    EXPECT_EQ(files.kind, CopyFiles::Kind::Content);
    EXPECT_EQ(files.volume, u"C:\\");
    return files.folder;
  }

  fs::path temp;
  fs::path source;
  fs::path copies;
};

TEST_F(ContentCopyTest, TheCopyHoldsTheFoldersTreeWithItsTimes) {
  const auto earlier = fs::file_time_type::clock::now() - std::chrono::hours(24);
  fs::last_write_time(source / "boot.ini", earlier);
  std::vector<WString> devices;
  auto object = snapshot(ctx::BACKUP, {u"C:\\"}, devices);
  const fs::path root = contentOf(devices.at(0));
  EXPECT_EQ(root.parent_path(), copies);
  EXPECT_EQ(read(root / "boot.ini"), "timeout=30");
  EXPECT_EQ(read(root / "Users" / "ada" / "notes.txt"), "first");
  // As the source reads it back: Windows' C runtime keeps whole seconds.
  const auto sourceTime = fs::last_write_time(source / "boot.ini");
  EXPECT_LT(sourceTime, fs::file_time_type::clock::now() - std::chrono::hours(23));
  EXPECT_EQ(fs::last_write_time(root / "boot.ini"), sourceTime);
}

TEST_F(ContentCopyTest, MakeCopiesTheTreeOrSaysWhyNot) {
  std::shared_ptr<const CopyContent> made;
  std::string why;
  ASSERT_EQ(CopyContent::make(source, copies / "direct", made, why), hr::kOk) << why;
  EXPECT_EQ(read(copies / "direct" / "boot.ini"), "timeout=30");
  made.reset();
  EXPECT_FALSE(fs::exists(fs::symlink_status(copies / "direct")));
}

TEST_F(ContentCopyTest, ChangesToTheFolderAfterTheSetDoNotShowInTheCopy) {
  std::vector<WString> devices;
  auto object = snapshot(ctx::BACKUP, {u"C:\\"}, devices);
  write(source / "Users" / "ada" / "notes.txt", "second, and longer");
  write(source / "new.txt", "new");
  fs::remove(source / "boot.ini");
  const fs::path root = contentOf(devices.at(0));
  EXPECT_EQ(read(root / "Users" / "ada" / "notes.txt"), "first");
  EXPECT_FALSE(fs::exists(root / "new.txt"));
  EXPECT_EQ(read(root / "boot.ini"), "timeout=30");
}

// POSIX modes and symbolic links: on Windows a mode is one read-only attribute and a link needs a privilege.
#ifndef _WIN32
TEST_F(ContentCopyTest, EveryFileAndDirectoryOfTheCopyIsReadOnly) {
  std::vector<WString> devices;
  auto object = snapshot(ctx::BACKUP, {u"C:\\"}, devices);
  const fs::path root = contentOf(devices.at(0));
  EXPECT_EQ(fs::status(root).permissions() & kWriteBits, fs::perms::none);
  int seen = 0;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    EXPECT_EQ(entry.symlink_status().permissions() & kWriteBits, fs::perms::none) << entry.path();
    ++seen;
  }
  EXPECT_EQ(seen, 4);  // boot.ini, Users, Users/ada, Users/ada/notes.txt
}

TEST_F(ContentCopyTest, LinksAreCopiedAsLinksAndNeverFollowed) {
  fs::create_directory_symlink("/etc", source / "Documents and Settings");
  fs::create_symlink("Users/ada/notes.txt", source / "notes-link");
  std::vector<WString> devices;
  auto object = snapshot(ctx::BACKUP, {u"C:\\"}, devices);
  const fs::path root = contentOf(devices.at(0));
  ASSERT_TRUE(fs::is_symlink(fs::symlink_status(root / "Documents and Settings")));
  EXPECT_EQ(fs::read_symlink(root / "Documents and Settings"), fs::path("/etc"));
  ASSERT_TRUE(fs::is_symlink(fs::symlink_status(root / "notes-link")));
  EXPECT_EQ(fs::read_symlink(root / "notes-link"), fs::path("Users/ada/notes.txt"));
}

TEST_F(ContentCopyTest, AFileTheAccountMayNotReadIsCopiedWithTheModeThatDeniesIt) {
  const fs::path secret = source / "Users" / "ada" / "secret.txt";
  write(secret, "payroll");
  fs::permissions(secret, fs::perms::none, fs::perm_options::replace);
  std::vector<WString> devices;
  auto object = snapshot(ctx::BACKUP, {u"C:\\"}, devices);
  const fs::path copied = contentOf(devices.at(0)) / "Users" / "ada" / "secret.txt";
  EXPECT_EQ(fs::status(copied).permissions(), fs::perms::none);
  EXPECT_EQ(fs::status(secret).permissions(), fs::perms::none);  // the source's mode is put back
  fs::permissions(copied, fs::perms::owner_read, fs::perm_options::add);
  EXPECT_EQ(read(copied), "payroll");
}

#endif  // _WIN32

TEST_F(ContentCopyTest, AutoReleaseCopiesLoseTheirFilesWithTheirObject) {
  std::vector<WString> devices;
  auto object = snapshot(ctx::BACKUP, {u"C:\\"}, devices);
  const fs::path root = contentOf(devices.at(0));
  ASSERT_TRUE(fs::exists(root));
  object.reset();
  EXPECT_FALSE(fs::exists(fs::symlink_status(root)));
  EXPECT_EQ(machine->copyFiles(devices.at(0)).kind, CopyFiles::Kind::UnknownCopy);
  EXPECT_TRUE(fs::is_empty(copies));
}

TEST_F(ContentCopyTest, PersistentCopiesKeepTheirFilesUntilDeleteSnapshots) {
  std::vector<WString> devices;
  std::vector<Guid> ids;
  snapshot(ctx::APP_ROLLBACK, {u"C:\\"}, devices, &ids).reset();
  const fs::path root = contentOf(devices.at(0));
  ASSERT_EQ(read(root / "boot.ini"), "timeout=30");

  auto deleting = initialized(ctx::APP_ROLLBACK);
  std::int32_t deleted = 0;
  Guid notDeleted;
  ASSERT_EQ(deleting->deleteSnapshots(ids.at(0), object_type::SNAPSHOT, true, deleted, notDeleted), hr::kOk);
  EXPECT_EQ(deleted, 1);
  EXPECT_FALSE(fs::exists(fs::symlink_status(root)));
  EXPECT_EQ(machine->copyFiles(devices.at(0)).kind, CopyFiles::Kind::UnknownCopy);
}

TEST_F(ContentCopyTest, TheMachinesEndRemovesItsCopiesFolder) {
  std::vector<WString> devices;
  snapshot(ctx::APP_ROLLBACK, {u"C:\\"}, devices).reset();
  ASSERT_TRUE(fs::exists(contentOf(devices.at(0))));
  machine.reset();
  EXPECT_FALSE(fs::exists(fs::symlink_status(copies)));
  machine = Machine::create();  // for the fixture's count of live objects
}

TEST_F(ContentCopyTest, AVolumeWithoutAFolderHasNoFilesAndAnUnknownDeviceIsNoCopy) {
  std::vector<WString> devices;
  auto object = snapshot(ctx::BACKUP, {u"C:\\", u"D:\\"}, devices);
  const CopyFiles d = machine->copyFiles(devices.at(1));
  EXPECT_EQ(d.kind, CopyFiles::Kind::NoContent);
  EXPECT_EQ(d.volume, u"D:\\");
  EXPECT_TRUE(d.folder.empty());
  EXPECT_EQ(machine->copyFiles(u"\\\\?\\GLOBALROOT\\Device\\HarddiskVolumeShadowCopy999").kind,
            CopyFiles::Kind::UnknownCopy);
  // Device names are matched as Windows matches them, ignoring case.
  WString lower = devices.at(0);
  for (char16_t& c : lower) c = (c >= u'A' && c <= u'Z') ? static_cast<char16_t>(c - u'A' + u'a') : c;
  EXPECT_EQ(machine->copyFiles(lower).kind, CopyFiles::Kind::Content);
}

#ifndef _WIN32  // PATH_MAX is POSIX's; Windows' long-path rules differ
// A tree whose copy's paths pass the system's limit where the source's do not: the copy fails part-way.
TEST_F(ContentCopyTest, ACopyThatFailsLeavesNothingAndMakesNoCopies) {
  const fs::path longCopies = temp / std::string(250, 'c');
  fs::create_directory(longCopies);
  machine->setContentFolder(longCopies);
  write(source / "a-first.txt", "copied before the failure");
  fs::path deep = source;
  for (int level = 0; level < 19; ++level) deep /= std::string(200, static_cast<char>('a' + level));
  fs::create_directories(deep);
  write(deep / "f", "too deep for the copy");

  auto object = initialized(ctx::BACKUP);
  ASSERT_EQ(prepareSet(*object, {u"C:\\"}, true), hr::kOk);
  EXPECT_EQ(doSnapshot(*object), hr::kProviderVeto);  // [I] an I/O problem on the volume
  EXPECT_TRUE(machine->existingSnapshots().empty());
  EXPECT_TRUE(fs::is_empty(longCopies));
}
#endif  // _WIN32

TEST_F(ContentCopyTest, AVanishedFolderFailsTheSetAsAProviderVeto) {
  std::string why;
  ASSERT_TRUE(removeTree(source, why)) << why;
  auto object = initialized(ctx::BACKUP);
  ASSERT_EQ(prepareSet(*object, {u"C:\\", u"D:\\"}, true), hr::kOk);
  EXPECT_EQ(doSnapshot(*object), hr::kProviderVeto);
  EXPECT_TRUE(machine->existingSnapshots().empty());
  EXPECT_TRUE(fs::is_empty(copies));
}

#ifndef _WIN32  // a directory link needs a privilege on Windows
TEST_F(ContentCopyTest, RemoveTreeRemovesLinksNotTheirTargets) {
  const fs::path outside = temp / "outside";
  fs::create_directory(outside);
  write(outside / "keep.txt", "kept");
  const fs::path tree = temp / "tree";
  fs::create_directories(tree / "sub");
  fs::create_directory_symlink(outside, tree / "sub" / "link");
  fs::permissions(tree / "sub", kWriteBits, fs::perm_options::remove);
  fs::permissions(tree, kWriteBits, fs::perm_options::remove);
  std::string why;
  ASSERT_TRUE(removeTree(tree, why)) << why;
  EXPECT_FALSE(fs::exists(fs::symlink_status(tree)));
  EXPECT_EQ(read(outside / "keep.txt"), "kept");
  EXPECT_EQ(fs::status(outside).permissions() & fs::perms::owner_write, fs::perms::owner_write);
}
#endif  // _WIN32

}  // namespace
}  // namespace vss4j::sim::test
