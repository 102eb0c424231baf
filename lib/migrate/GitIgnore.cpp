#include "migrate/GitIgnore.h"

#include "driver/FileIO.h"

#include <fnmatch.h>
#include <optional>

namespace fs = std::filesystem;

namespace tdp::migrate {
namespace {

std::vector<std::string_view> splitPath(std::string_view Path) {
  std::vector<std::string_view> Out;
  std::size_t Start = 0;
  while (Start <= Path.size()) {
    std::size_t End = Path.find('/', Start);
    if (End == std::string_view::npos)
      End = Path.size();
    if (End > Start)
      Out.push_back(Path.substr(Start, End - Start));
    Start = End + 1;
  }
  return Out;
}

/// Trailing spaces are dropped unless escaped with a backslash.
std::string_view trimTrailingSpaces(std::string_view Line) {
  while (!Line.empty() && (Line.back() == ' ' || Line.back() == '\t')) {
    std::size_t Backslashes = 0;
    for (std::size_t I = Line.size() - 1; I > 0 && Line[I - 1] == '\\'; --I)
      ++Backslashes;
    if (Backslashes % 2 == 1)
      break;
    Line.remove_suffix(1);
  }
  return Line;
}

bool segmentMatches(const std::string &Glob, std::string_view Name) {
  // fnmatch without FNM_PERIOD: in .gitignore, `*` matches a leading dot too.
  std::string N(Name);
  return ::fnmatch(Glob.c_str(), N.c_str(), 0) == 0;
}

bool matchFrom(const std::vector<std::string> &Glob, std::size_t G, const std::vector<std::string_view> &Path,
               std::size_t P) {
  while (G < Glob.size()) {
    if (Glob[G] == "**") {
      // Consecutive "**" are one; "**" spans zero or more segments.
      while (G + 1 < Glob.size() && Glob[G + 1] == "**")
        ++G;
      if (G + 1 == Glob.size())
        return P < Path.size(); // a trailing "/**" matches everything inside, not the directory itself
      for (std::size_t Skip = P; Skip <= Path.size(); ++Skip)
        if (matchFrom(Glob, G + 1, Path, Skip))
          return true;
      return false;
    }
    if (P >= Path.size() || !segmentMatches(Glob[G], Path[P]))
      return false;
    ++G;
    ++P;
  }
  return P == Path.size();
}

} // namespace

bool globSegmentsMatch(const std::vector<std::string> &Glob, const std::vector<std::string_view> &Path) {
  return matchFrom(Glob, 0, Path, 0);
}

IgnoreFile::IgnoreFile(std::string_view Text) {
  std::size_t Pos = 0;
  while (Pos < Text.size()) {
    std::size_t End = Text.find('\n', Pos);
    if (End == std::string_view::npos)
      End = Text.size();
    std::string_view Line = Text.substr(Pos, End - Pos);
    Pos = End + 1;
    if (!Line.empty() && Line.back() == '\r')
      Line.remove_suffix(1);
    Line = trimTrailingSpaces(Line);
    if (Line.empty() || Line.front() == '#')
      continue;
    Pattern Pat;
    if (Line.front() == '!') {
      Pat.Negated = true;
      Line.remove_prefix(1);
    } else if (Line.starts_with("\\!") || Line.starts_with("\\#")) {
      Line.remove_prefix(1);
    }
    if (!Line.empty() && Line.back() == '/') {
      Pat.DirectoryOnly = true;
      while (!Line.empty() && Line.back() == '/')
        Line.remove_suffix(1);
    }
    if (Line.empty())
      continue;
    // A separator at the start or in the middle anchors the pattern to this directory;
    // otherwise it matches at any depth, as if it started with "**/".
    bool Anchored = Line.find('/') != std::string_view::npos;
    while (!Line.empty() && Line.front() == '/')
      Line.remove_prefix(1);
    if (!Anchored)
      Pat.Segments.push_back("**");
    for (std::string_view Seg : splitPath(Line))
      Pat.Segments.emplace_back(Seg);
    if (Pat.Segments.empty())
      continue;
    Patterns.push_back(std::move(Pat));
  }
}

IgnoreFile::Verdict IgnoreFile::match(std::string_view Path, bool IsDirectory) const {
  std::vector<std::string_view> Parts = splitPath(Path);
  for (auto It = Patterns.rbegin(); It != Patterns.rend(); ++It) {
    if (It->DirectoryOnly && !IsDirectory)
      continue;
    if (globSegmentsMatch(It->Segments, Parts))
      return It->Negated ? Verdict::Included : Verdict::Ignored;
  }
  return Verdict::None;
}

namespace {

std::optional<IgnoreFile> readIgnoreFile(const fs::path &File) {
  std::error_code EC;
  if (!fs::is_regular_file(File, EC))
    return std::nullopt;
  std::string Error;
  std::optional<std::string> Text = readWholeFile(File, Error);
  if (!Text)
    return std::nullopt;
  IgnoreFile F(*Text);
  if (F.empty())
    return std::nullopt;
  return F;
}

} // namespace

IgnoreStack IgnoreStack::forRoot(const fs::path &Root) {
  IgnoreStack S;
  std::error_code EC;
  fs::path Abs = fs::weakly_canonical(fs::absolute(Root), EC);
  // The enclosing work tree: the nearest directory (Root or above) that holds .git.
  fs::path Top;
  for (fs::path D = Abs;; D = D.parent_path()) {
    if (fs::exists(D / ".git", EC)) {
      Top = D;
      break;
    }
    if (D == D.parent_path())
      break;
  }
  if (Top.empty())
    return S;
  if (fs::is_directory(Top / ".git", EC))
    if (std::optional<IgnoreFile> F = readIgnoreFile(Top / ".git" / "info" / "exclude"))
      S.Files.push_back({std::move(*F), "", fs::relative(Abs, Top, EC).generic_string() + "/"});
  // .gitignore files above the root, from the top down (the root's own is pushed by the walk).
  std::vector<fs::path> Above;
  for (fs::path D = Abs.parent_path(); D.string().size() >= Top.string().size(); D = D.parent_path()) {
    Above.push_back(D);
    if (D == Top || D == D.parent_path())
      break;
  }
  for (auto It = Above.rbegin(); It != Above.rend(); ++It)
    if (std::optional<IgnoreFile> F = readIgnoreFile(*It / ".gitignore"))
      S.Files.push_back({std::move(*F), "", fs::relative(Abs, *It, EC).generic_string() + "/"});
  for (Entry &E : S.Files)
    if (E.Above == "./")
      E.Above.clear();
  return S;
}

bool IgnoreStack::push(const fs::path &Dir, const std::string &RelDir) {
  std::optional<IgnoreFile> F = readIgnoreFile(Dir / ".gitignore");
  if (!F)
    return false;
  Files.push_back({std::move(*F), RelDir.empty() ? "" : RelDir + "/", ""});
  return true;
}

bool IgnoreStack::ignored(const std::string &RelPath, bool IsDirectory) const {
  // The deepest file decides first; within a file the last matching line wins.
  for (auto It = Files.rbegin(); It != Files.rend(); ++It) {
    if (!It->Below.empty() && !RelPath.starts_with(It->Below))
      continue;
    std::string Local = It->Above + RelPath.substr(It->Below.size());
    IgnoreFile::Verdict V = It->File.match(Local, IsDirectory);
    if (V != IgnoreFile::Verdict::None)
      return V == IgnoreFile::Verdict::Ignored;
  }
  return false;
}

} // namespace tdp::migrate
