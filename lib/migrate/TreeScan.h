// `migrate`'s discovery: walks each repository root, honouring .gitignore files and --exclude,
// and classifies every entry as a source file (claimed by a language frontend), a file to copy,
// a symbolic link (never followed) or a directory.
#pragma once

#include "migrate/LanguageFrontend.h"

#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace tdp::migrate {

struct ScanRoot {
  std::filesystem::path Path;     ///< as given on the command line
  std::filesystem::path Absolute; ///< canonical
  std::string Name;               ///< the repository's name in the report (its directory's name, made unique)
};

struct ScanEntry {
  enum class Kind { Source, Copy, Link, Directory } Type = Kind::Copy;
  std::size_t Root = 0;
  std::string Relative;       ///< below the root, '/'-separated
  std::size_t Frontend = 0;   ///< Source: index of the frontend that claims it
  std::string LinkTarget;     ///< Link: the target to re-create (an absolute target inside the root made relative)
  bool LinkOutside = false;   ///< Link: the target lies outside the root (kept as it is, never followed)
};

struct ScanOptions {
  std::vector<std::string> Excludes;                               ///< --exclude globs: not ported, still copied
  std::function<bool(const std::filesystem::path &)> IsExcluded;   ///< the configuration's excludes
  std::vector<std::filesystem::path> NeverEnter;                   ///< directories never entered (the out-root)
  std::vector<std::filesystem::path> NeverList;                    ///< files never listed (the state file, the report)
  std::vector<const LanguageFrontend *> Frontends; ///< the first that claims a file ports it
};

struct ScanProblem {
  std::string Path;
  std::string Message;
};

struct ScanResult {
  std::vector<ScanEntry> Entries; ///< per root, in walk order (sorted by name within a directory)
  std::vector<ScanProblem> Problems;
};

/// Directories below which nothing is ported by default (their files are still copied):
/// isSkippedDirectory()'s (hidden, build, dist, virtualenvs, ...) and vendored code.
bool isNotPortedDirectory(const std::filesystem::path &Dir);

/// Directories that are neither ported nor copied: .git, __pycache__, virtual environments.
bool isNeverCopiedDirectory(const std::filesystem::path &Dir);

/// Walks the roots. Each root must be a directory (checked by the caller).
ScanResult scanTrees(const std::vector<ScanRoot> &Roots, const ScanOptions &Options);

} // namespace tdp::migrate
