// The dirty-tree guard (like `cargo fix`): in-place rewrites are refused for files that have
// uncommitted changes, are untracked, or are not under git at all, unless --allow-dirty.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace tdp {

struct UnprotectedFile {
  std::filesystem::path Path;
  std::string Reason; ///< "has uncommitted changes", "is untracked", "is not in a git repository"
};

/// The files among Paths that a rewrite could not be undone for with git.
std::vector<UnprotectedFile> findUnprotectedFiles(const std::vector<std::filesystem::path> &Paths);

} // namespace tdp
