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

/// How much of a file's content git must hold before it may be rewritten.
enum class GuardLevel {
  Committed, ///< the file matches HEAD (the port: like `cargo fix`)
  Staged     ///< the working tree matches the index (check --fix in a pre-commit hook, where the
             ///< changes being committed are staged: `git checkout -- FILE` restores them)
};

/// The files among Paths that a rewrite could not be undone for with git.
std::vector<UnprotectedFile> findUnprotectedFiles(const std::vector<std::filesystem::path> &Paths,
                                                  GuardLevel Level = GuardLevel::Committed);

} // namespace tdp
