// Finds the source files under the paths given on the command line.
#pragma once

#include "core/SourceLanguage.h"

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace tdp {

struct DiscoveryOptions {
  std::vector<std::string> Excludes; ///< globs, matched against the path below its root and the file name
  /// More exclusions (the project configuration's, relative to its own directory); applies to
  /// files named on the command line too, so that a pre-commit hook skips them.
  std::function<bool(const std::filesystem::path &)> IsExcluded;
  bool IncludeCpp = false; ///< also C++ sources and headers (the C++ frontend)
  std::vector<std::filesystem::path> SkipDirs; ///< never entered (e.g. the --out-root directory)
};

struct SourceFile {
  std::filesystem::path Path;     ///< as found (root-relative paths joined to the root as given)
  std::filesystem::path Root;     ///< the command-line path it was found under
  std::filesystem::path Relative; ///< below Root ("" for a file given directly)
  bool Explicit = false;          ///< named on the command line itself
  SourceLanguage Language = SourceLanguage::Python;
};

struct DiscoveryProblem {
  std::string Path;
  std::string Message;
};

struct DiscoveryResult {
  std::vector<SourceFile> Sources;      ///< files to port (Python, and C++ when asked), sorted by path
  std::vector<SourceFile> OtherFiles;   ///< everything else below the roots (for --out-root copies)
  std::vector<DiscoveryProblem> Problems; ///< explicit paths that are not Python, unreadable entries
};

/// True for directories skipped by default: hidden ones, build/dist output, caches, virtualenvs.
bool isSkippedDirectory(const std::filesystem::path &Dir);

/// True when a path below its root matches one of the --exclude globs (the path, its file name,
/// or one of its parent directories).
bool matchesExcludeGlobs(const std::filesystem::path &Relative, const std::vector<std::string> &Excludes);

/// True when a file is Python by extension (.py) or, for a file named explicitly, by a python shebang.
bool looksLikePython(const std::filesystem::path &File, bool Explicit);

/// The frontend for a file, or nullopt when it is not a source file the run handles.
std::optional<SourceLanguage> sourceLanguageOf(const std::filesystem::path &File, bool Explicit, bool IncludeCpp);

/// Walks the paths. Throws UsageError when a path does not exist.
DiscoveryResult discoverSources(const std::vector<std::string> &Paths, const DiscoveryOptions &Options);

} // namespace tdp
