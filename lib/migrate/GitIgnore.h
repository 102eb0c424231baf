// The common subset of .gitignore semantics, for `migrate`'s discovery: patterns with `*`, `?`,
// `[...]` and `**`, negation (`!`), directory-only patterns (trailing `/`), anchored patterns
// (a `/` at the start or in the middle), `\` escapes, and nested .gitignore files where the
// deeper file and the later line win. Not followed: core.excludesFile and the index (a tracked
// file that matches a pattern is still ignored here).
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace tdp::migrate {

/// The patterns of one .gitignore (or info/exclude) file.
class IgnoreFile {
public:
  /// Parses the text of a .gitignore file.
  explicit IgnoreFile(std::string_view Text);

  enum class Verdict { None, Ignored, Included };
  /// The verdict of the last pattern matching Path (relative to the file's directory, '/'-separated).
  Verdict match(std::string_view Path, bool IsDirectory) const;
  bool empty() const { return Patterns.empty(); }

private:
  struct Pattern {
    std::vector<std::string> Segments; ///< split at '/'; "**" is a segment of its own
    bool Negated = false;
    bool DirectoryOnly = false;
  };
  std::vector<Pattern> Patterns;
};

/// The .gitignore files in effect for one directory while walking a tree: each with the path of
/// its directory below the walk's root ("" for the root itself) or, for files above the root,
/// the root's path below that file's directory.
class IgnoreStack {
public:
  /// Loads the .gitignore files between the enclosing git work tree's top (if any) and Root, and
  /// the work tree's .git/info/exclude, for paths below Root.
  static IgnoreStack forRoot(const std::filesystem::path &Root);

  /// Adds Dir/.gitignore (Dir is RelDir below the root) when it exists; returns true if it did.
  bool push(const std::filesystem::path &Dir, const std::string &RelDir);
  void pop() { Files.pop_back(); }

  /// True when RelPath (below the root, '/'-separated) is ignored.
  bool ignored(const std::string &RelPath, bool IsDirectory) const;

private:
  struct Entry {
    IgnoreFile File;
    std::string Below;  ///< the file's directory below the root, with a trailing '/' ("" at the root)
    std::string Above;  ///< for files above the root: the root below the file's directory, with '/'
  };
  std::vector<Entry> Files;
};

/// True when Path (already split at '/') matches Glob segments (`**` spans any number of segments).
bool globSegmentsMatch(const std::vector<std::string> &Glob, const std::vector<std::string_view> &Path);

} // namespace tdp::migrate
