#include "sim/content_copy.h"

#include <system_error>
#include <utility>
#include <vector>

#ifndef _WIN32
#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace vss4j::sim {
namespace fs = std::filesystem;
namespace {

constexpr fs::perms kWriteBits = fs::perms::owner_write | fs::perms::group_write | fs::perms::others_write;

// Thrown inside the copy so that one catch frees what was copied; carries the path that failed.
struct CopyFailure {
  std::error_code code;
  std::string why;
};

[[noreturn]] void fail(const std::error_code& code, const std::string& what, const fs::path& path) {
  throw CopyFailure{code, what + " " + path.u8string() + ": " + code.message()};
}

// A directory's mode and time are set once its entries are in, else the read-only mode would refuse them and
// adding them would change the time.
struct FinishedDirectory {
  fs::path target;
  fs::perms mode;
  fs::file_time_type modified;
};

// Puts the source's mode back however the copy ends.
class GrantedRead {
 public:
  GrantedRead(const fs::path& file, fs::perms mode) : file_(file), mode_(mode) {
    std::error_code code;
    fs::permissions(file_, fs::perms::owner_read, fs::perm_options::add, code);
    if (code) fail(code, "granting the simulator read access to", file_);
  }
  GrantedRead(const GrantedRead&) = delete;
  GrantedRead& operator=(const GrantedRead&) = delete;
  ~GrantedRead() {
    std::error_code ignored;  // the source keeps owner-read: the next copy sees it readable, no more
    fs::permissions(file_, mode_, fs::perm_options::replace, ignored);
  }

 private:
  fs::path file_;
  fs::perms mode_;
};

#ifndef _WIN32
// Closes a descriptor however the copy ends.
class Descriptor {
 public:
  explicit Descriptor(int fd) : fd_(fd) {}
  Descriptor(const Descriptor&) = delete;
  Descriptor& operator=(const Descriptor&) = delete;
  ~Descriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  int get() const { return fd_; }

 private:
  int fd_;
};

[[noreturn]] void failErrno(const std::string& what, const fs::path& path) {
  fail(std::error_code(errno, std::generic_category()), what, path);
}

// copy_file_range is Linux's (glibc 2.27 and later); elsewhere every copy takes the read and write loop.
ssize_t kernelCopyChunk(int in, int out) {
#ifdef __linux__
  return ::copy_file_range(in, nullptr, out, nullptr, 1 << 30, 0);
#else
  (void)in;
  (void)out;
  errno = ENOSYS;
  return -1;
#endif
}

// The access and modification times of a stat: macOS names the fields st_atimespec and st_mtimespec.
struct FileTimes {
  struct timespec times[2];
};
FileTimes timesOf(const struct stat& source) {
#ifdef __APPLE__
  return FileTimes{{source.st_atimespec, source.st_mtimespec}};
#else
  return FileTimes{{source.st_atim, source.st_mtim}};
#endif
}

// What cp does, in as few calls: the bytes in the kernel (copy_file_range, else read and write), then the
// source's mode without write permission and its times, on the open descriptor.
void copyBytes(const fs::path& from, const fs::path& to, fs::perms mode) {
  Descriptor in(::open(from.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC));
  if (in.get() < 0) failErrno("opening", from);
  struct stat source {};
  if (::fstat(in.get(), &source) != 0) failErrno("reading", from);
  Descriptor out(::open(to.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, S_IRUSR | S_IWUSR));
  if (out.get() < 0) failErrno("creating", to);
  bool kernelCopy = true;
  for (;;) {
    ssize_t copied = kernelCopy ? kernelCopyChunk(in.get(), out.get()) : -1;
    if (copied < 0 && kernelCopy && (errno == EXDEV || errno == ENOSYS || errno == EINVAL || errno == EOPNOTSUPP)) {
      kernelCopy = false;  // another file system, or a kernel without it: plain reads and writes
      continue;
    }
    if (!kernelCopy) {
      static thread_local char buffer[1 << 16];
      copied = ::read(in.get(), buffer, sizeof buffer);
      for (ssize_t written = 0; copied > 0 && written < copied;) {
        const ssize_t n = ::write(out.get(), buffer + written, static_cast<std::size_t>(copied - written));
        if (n < 0) failErrno("writing", to);
        written += n;
      }
    }
    if (copied < 0) failErrno("copying", from);
    if (copied == 0) break;
  }
  const FileTimes times = timesOf(source);
  if (::futimens(out.get(), times.times) != 0) failErrno("setting the time of", to);
  // The mode the source had before the simulator granted itself read (copyFile), without write permission.
  if (::fchmod(out.get(), static_cast<mode_t>(mode & ~kWriteBits)) != 0) failErrno("making read-only", to);
}
#else
void copyBytes(const fs::path& from, const fs::path& to, fs::perms mode) {
  std::error_code code;
  fs::copy_file(from, to, fs::copy_options::none, code);
  if (code) fail(code, "copying", from);
  const fs::file_time_type modified = fs::last_write_time(from, code);
  if (code) fail(code, "reading the time of", from);
  fs::last_write_time(to, modified, code);
  if (code) fail(code, "setting the time of", to);
  fs::permissions(to, mode & ~kWriteBits, fs::perm_options::replace, code);
  if (code) fail(code, "making read-only", to);
}
#endif

void copyFile(const fs::path& from, const fs::path& to, const fs::file_status& status) {
  const fs::perms mode = status.permissions();
  // A file the account may not read stands for one whose ACL denies it; the simulator reads it as a backup
  // privilege would let it.
  std::unique_ptr<GrantedRead> granted;
  if ((mode & fs::perms::owner_read) == fs::perms::none) granted = std::make_unique<GrantedRead>(from, mode);
  copyBytes(from, to, mode);
}

void copyLink(const fs::path& from, const fs::path& to) {
  std::error_code code;
  fs::copy_symlink(from, to, code);
  if (code) fail(code, "copying the link", from);
}

FinishedDirectory makeDirectory(const fs::path& from, const fs::path& to, const fs::file_status& status) {
  std::error_code code;
  if (!fs::create_directory(to, code)) fail(code ? code : std::make_error_code(std::errc::file_exists), "creating", to);
  const fs::file_time_type modified = fs::last_write_time(from, code);
  if (code) fail(code, "reading the time of", from);
  return FinishedDirectory{to, status.permissions() & ~kWriteBits, modified};
}

void finish(const std::vector<FinishedDirectory>& directories) {
#ifdef _WIN32
  // A directory's read-only attribute does not stop changes to it on Windows, and the C runtime cannot set a
  // directory's time: the files carry the copy's read-only state there.
  (void)directories;
#else
  // Deepest first: a parent made read-only before its child would refuse the child's change of time.
  for (auto it = directories.rbegin(); it != directories.rend(); ++it) {
    std::error_code code;
    fs::last_write_time(it->target, it->modified, code);
    if (code) fail(code, "setting the time of", it->target);
    fs::permissions(it->target, it->mode, fs::perm_options::replace, code);
    if (code) fail(code, "making read-only", it->target);
  }
#endif
}

void copyTree(const fs::path& source, const fs::path& target) {
  std::error_code code;
  const fs::file_status root = fs::symlink_status(source, code);
  if (code) fail(code, "reading the backing folder", source);
  if (!fs::is_directory(root)) fail(std::make_error_code(std::errc::not_a_directory), "reading the backing folder", source);
  std::vector<FinishedDirectory> directories{makeDirectory(source, target, root)};
  // Links to directories are entries like any other: the iterator does not follow them by default.
  fs::recursive_directory_iterator it(source, code);
  if (code) fail(code, "listing", source);
  for (; it != fs::recursive_directory_iterator(); it.increment(code)) {
    const fs::directory_entry& entry = *it;
    const fs::path to = target / entry.path().lexically_relative(source);
    const fs::file_status status = entry.symlink_status(code);
    if (code) fail(code, "reading", entry.path());
    if (fs::is_symlink(status)) {
      copyLink(entry.path(), to);
    } else if (fs::is_directory(status)) {
      directories.push_back(makeDirectory(entry.path(), to, status));
    } else if (fs::is_regular_file(status)) {
      copyFile(entry.path(), to, status);
    }
  }
  if (code) fail(code, "listing", source);
  finish(directories);
}

hresult answerFor(const std::error_code& code) {
  return code == std::errc::no_space_on_device ? hr::kInsufficientStorage : hr::kProviderVeto;
}

}  // namespace

hresult CopyContent::make(const fs::path& source, const fs::path& target, std::shared_ptr<const CopyContent>& made,
                          std::string& why) {
  made.reset();
  try {
    // Owned from the first directory on, so that any failure below removes what was copied.
    std::error_code code;
    if (fs::exists(fs::symlink_status(target, code))) {
      fail(std::make_error_code(std::errc::file_exists), "making the copy's folder", target);
    }
    std::shared_ptr<const CopyContent> content(new CopyContent(target));
    copyTree(source, target);
    made = std::move(content);
    return hr::kOk;
  } catch (const CopyFailure& failure) {
    why = failure.why;
    return answerFor(failure.code);
  } catch (const fs::filesystem_error& error) {
    why = error.what();
    return answerFor(error.code());
  } catch (const std::bad_alloc&) {
    why = "out of memory copying " + source.u8string();
    return hr::kOutOfMemory;
  }
}

CopyContent::~CopyContent() {
  std::string ignored;  // a copy's folder lives in the machine's private folder, emptied again at the next start
  removeTree(folder_, ignored);
}

bool removeTree(const fs::path& root, std::string& why) noexcept {
  try {
    std::error_code code;
    const fs::file_status top = fs::symlink_status(root, code);
    if (!fs::exists(top)) return true;
    if (fs::is_directory(top)) {
      // Each real directory is opened for writing before the iterator enters it; links are never entered.
      fs::permissions(root, fs::perms::owner_all, fs::perm_options::add, code);
      fs::recursive_directory_iterator it(root, code);
      for (; !code && it != fs::recursive_directory_iterator(); it.increment(code)) {
        std::error_code ignored;
        if (it->is_directory(ignored) && !it->is_symlink(ignored)) {
          fs::permissions(it->path(), fs::perms::owner_all, fs::perm_options::add, ignored);
        }
#ifdef _WIN32
        // Windows refuses to delete a read-only file, where POSIX asks only for the directory's write permission.
        if (it->is_regular_file(ignored) && !it->is_symlink(ignored)) {
          fs::permissions(it->path(), fs::perms::owner_write, fs::perm_options::add, ignored);
        }
#endif
      }
    }
    // remove_all removes a link itself, never what it points to.
    fs::remove_all(root, code);
    if (code) {
      why = "removing " + root.u8string() + ": " + code.message();
      return false;
    }
    return true;
  } catch (const std::exception& error) {
    why = std::string("removing ") + error.what();
    return false;
  }
}

}  // namespace vss4j::sim
