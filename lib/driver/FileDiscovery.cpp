#include "driver/FileDiscovery.h"

#include "core/Error.h"

#include <algorithm>
#include <fnmatch.h>
#include <fstream>
#include <set>

namespace fs = std::filesystem;

namespace tdp {

bool isSkippedDirectory(const fs::path &Dir) {
  std::string Name = Dir.filename().string();
  if (Name.size() > 1 && Name[0] == '.' && Name != "..")
    return true;
  static const char *const Skipped[] = {"build", "dist", "__pycache__", "node_modules", "site-packages",
                                        "venv", "__pypackages__"};
  for (const char *S : Skipped)
    if (Name == S)
      return true;
  if (Name.ends_with(".egg-info"))
    return true;
  std::error_code EC;
  return fs::exists(Dir / "pyvenv.cfg", EC); // a virtual environment under any name
}

bool looksLikePython(const fs::path &File, bool Explicit) {
  if (File.extension() == ".py")
    return true;
  if (!Explicit)
    return false;
  std::ifstream In(File, std::ios::binary);
  std::string First;
  std::getline(In, First);
  return First.starts_with("#!") && First.find("python") != std::string::npos;
}

std::optional<SourceLanguage> sourceLanguageOf(const fs::path &File, bool Explicit, bool IncludeCpp) {
  if (looksLikePython(File, Explicit))
    return SourceLanguage::Python;
  if (IncludeCpp && (isCppSource(File) || isCppHeader(File)))
    return SourceLanguage::Cpp;
  return std::nullopt;
}

namespace {

bool excluded(const fs::path &Relative, const std::vector<std::string> &Excludes) {
  std::string Rel = Relative.generic_string();
  std::string Name = Relative.filename().string();
  for (const std::string &Glob : Excludes) {
    if (::fnmatch(Glob.c_str(), Rel.c_str(), 0) == 0 || ::fnmatch(Glob.c_str(), Name.c_str(), 0) == 0)
      return true;
    // "dir/" or "dir" excludes everything below dir.
    std::string Trimmed = Glob;
    while (!Trimmed.empty() && Trimmed.back() == '/')
      Trimmed.pop_back();
    for (fs::path P = Relative.parent_path(); !P.empty(); P = P.parent_path())
      if (::fnmatch(Trimmed.c_str(), P.generic_string().c_str(), 0) == 0 ||
          ::fnmatch(Trimmed.c_str(), P.filename().string().c_str(), 0) == 0)
        return true;
  }
  return false;
}

bool sameOrInside(const fs::path &P, const std::vector<fs::path> &Dirs) {
  std::error_code EC;
  fs::path Abs = fs::weakly_canonical(fs::absolute(P), EC);
  for (const fs::path &D : Dirs) {
    fs::path DA = fs::weakly_canonical(fs::absolute(D), EC);
    auto Mismatch = std::mismatch(DA.begin(), DA.end(), Abs.begin(), Abs.end());
    if (Mismatch.first == DA.end())
      return true;
  }
  return false;
}

} // namespace

bool matchesExcludeGlobs(const fs::path &Relative, const std::vector<std::string> &Excludes) {
  return excluded(Relative, Excludes);
}

DiscoveryResult discoverSources(const std::vector<std::string> &Paths, const DiscoveryOptions &Options) {
  DiscoveryResult Result;
  for (const std::string &Arg : Paths) {
    fs::path Root(Arg);
    std::error_code EC;
    fs::file_status St = fs::status(Root, EC);
    if (EC || !fs::exists(St))
      throw UsageError(Arg + ": no such file or directory");
    if (fs::is_regular_file(St)) {
      // A file named on the command line (as pre-commit passes them) is excluded like any other:
      // --exclude globs match the path as given or the file name.
      if ((Options.IsExcluded && Options.IsExcluded(Root)) || excluded(Root.lexically_normal(), Options.Excludes))
        continue;
      SourceFile F{Root, Root, fs::path(), true};
      if (std::optional<SourceLanguage> L = sourceLanguageOf(Root, true, Options.IncludeCpp)) {
        F.Language = *L;
        Result.Sources.push_back(F);
      } else {
        Result.Problems.push_back({Arg, Options.IncludeCpp ? "not a Python or C++ file; skipped"
                                                           : "not a Python file (expected a .py file or a python "
                                                             "shebang); skipped"});
      }
      continue;
    }
    if (!fs::is_directory(St)) {
      Result.Problems.push_back({Arg, "not a regular file or directory; skipped"});
      continue;
    }
    fs::recursive_directory_iterator It(Root, fs::directory_options::skip_permission_denied, EC), End;
    if (EC)
      throw UsageError(Arg + ": cannot read directory: " + EC.message());
    for (; It != End; It.increment(EC)) {
      if (EC) {
        Result.Problems.push_back({It->path().string(), EC.message()});
        EC.clear();
        continue;
      }
      const fs::path &P = It->path();
      // Lexical: fs::relative would follow a symlink and name its target instead of the link.
      fs::path Rel = P.lexically_relative(Root);
      if (It->is_directory(EC) && !It->is_symlink(EC)) {
        if (P.filename() == ".git" || (!Options.SkipDirs.empty() && sameOrInside(P, Options.SkipDirs))) {
          It.disable_recursion_pending();
          continue;
        }
        if (isSkippedDirectory(P) || excluded(Rel, Options.Excludes) || (Options.IsExcluded && Options.IsExcluded(P))) {
          // Not ported, but still part of a mirrored copy.
          It.disable_recursion_pending();
          for (fs::recursive_directory_iterator Sub(P, fs::directory_options::skip_permission_denied, EC), SubEnd;
               Sub != SubEnd; Sub.increment(EC)) {
            if (EC)
              break;
            if (Sub->path().filename() == ".git") {
              Sub.disable_recursion_pending();
              continue;
            }
            if (!Sub->is_directory(EC) || Sub->is_symlink(EC))
              Result.OtherFiles.push_back({Sub->path(), Root, Sub->path().lexically_relative(Root), false});
          }
        }
        continue;
      }
      SourceFile F{P, Root, Rel, false};
      bool IsLink = It->is_symlink(EC);
      std::optional<SourceLanguage> L;
      if (!IsLink && It->is_regular_file(EC) && !excluded(Rel, Options.Excludes) &&
          !(Options.IsExcluded && Options.IsExcluded(P)))
        L = sourceLanguageOf(P, false, Options.IncludeCpp);
      if (L) {
        F.Language = *L;
        Result.Sources.push_back(F);
      } else {
        Result.OtherFiles.push_back(F);
      }
    }
  }
  auto ByPath = [](const SourceFile &A, const SourceFile &B) { return A.Path < B.Path; };
  std::sort(Result.Sources.begin(), Result.Sources.end(), ByPath);
  // A file named twice (or under two PATHs) is processed once.
  std::set<fs::path> Seen;
  std::erase_if(Result.Sources, [&](const SourceFile &F) {
    std::error_code EC;
    return !Seen.insert(fs::weakly_canonical(fs::absolute(F.Path), EC)).second;
  });
  std::sort(Result.OtherFiles.begin(), Result.OtherFiles.end(), ByPath);
  return Result;
}

} // namespace tdp
