// The files of a simulated shadow copy: a private, read-only copy of a volume's backing folder as it was at
// DoSnapshotSet, removed when the simulator frees the copy.
//
// Meant for test and development trees (thousands of files, a few GiB at most): the copy is a full one, made
// while DoSnapshotSet finishes, so it costs the tree's size in time and disk, where Windows' copy-on-write costs
// nothing up front.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "core/hresult.h"

namespace vss4j::sim {

class CopyContent {
 public:
  // Copies the tree at `source` into `target`, which must not exist yet: regular files with their bytes, modes
  // and modification times, directories with their modes, symbolic links as links (never followed); sockets,
  // pipes and devices are left out, a volume holds none. Every file and directory of the copy is made read-only.
  // A source file without owner-read permission stands for a file whose ACL denies the account: the simulator
  // copies it with its own rights (granting itself read for the copy and putting the mode back), and the copy
  // keeps the mode that denies it.
  //
  // On failure nothing of `target` is left, `why` says which path failed and how, and the answer is what
  // Windows answers when the provider meets an I/O problem on the volume [I] (VSS documents no code for it):
  // VSS_E_INSUFFICIENT_STORAGE when the disk is full (the copy's storage ran out, as the diff area does),
  // VSS_E_PROVIDER_VETO for anything else (an unreadable or vanished source file).
  static hresult make(const std::filesystem::path& source, const std::filesystem::path& target,
                      std::shared_ptr<const CopyContent>& made, std::string& why);

  CopyContent(const CopyContent&) = delete;
  CopyContent& operator=(const CopyContent&) = delete;
  // Removes the folder (see removeTree): files still open keep their bytes until closed, as POSIX does.
  ~CopyContent();

  const std::filesystem::path& folder() const { return folder_; }

 private:
  explicit CopyContent(std::filesystem::path folder) : folder_(std::move(folder)) {}
  std::filesystem::path folder_;
};

// Removes the tree at `root` without following a symbolic link anywhere (a link is removed, never its target),
// giving the owner write permission on each real directory first so that a read-only copy can be emptied.
// Never throws; false, with `why`, if something is left.
bool removeTree(const std::filesystem::path& root, std::string& why) noexcept;

}  // namespace vss4j::sim
