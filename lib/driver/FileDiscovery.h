// Finds the source files under the paths given on the command line.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace tdp {

struct DiscoveryOptions {
  std::vector<std::string> Excludes; ///< globs, matched against the path below its root and the file name
  std::vector<std::filesystem::path> SkipDirs; ///< never entered (e.g. the --out-root directory)
};

struct SourceFile {
  std::filesystem::path Path;     ///< as found (root-relative paths joined to the root as given)
  std::filesystem::path Root;     ///< the command-line path it was found under
  std::filesystem::path Relative; ///< below Root ("" for a file given directly)
  bool Explicit = false;          ///< named on the command line itself
};

struct DiscoveryProblem {
  std::string Path;
  std::string Message;
};

struct DiscoveryResult {
  std::vector<SourceFile> Sources;      ///< Python files to port, sorted by path
  std::vector<SourceFile> OtherFiles;   ///< everything else below the roots (for --out-root copies)
  std::vector<DiscoveryProblem> Problems; ///< explicit paths that are not Python, unreadable entries
};

/// True for directories skipped by default: hidden ones, build/dist output, caches, virtualenvs.
bool isSkippedDirectory(const std::filesystem::path &Dir);

/// True when a file is Python by extension (.py) or, for a file named explicitly, by a python shebang.
bool looksLikePython(const std::filesystem::path &File, bool Explicit);

/// Walks the paths. Throws UsageError when a path does not exist.
DiscoveryResult discoverSources(const std::vector<std::string> &Paths, const DiscoveryOptions &Options);

} // namespace tdp
