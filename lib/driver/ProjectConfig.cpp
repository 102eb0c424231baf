#include "driver/ProjectConfig.h"

#include "core/Error.h"
#include "core/SourceText.h"
#include "driver/FileIO.h"

#include <fnmatch.h>
#include <nlohmann/json.hpp>

namespace fs = std::filesystem;

namespace tdp {
namespace {

std::vector<std::string> stringList(const nlohmann::json &V, const std::string &Where) {
  if (V.is_string())
    return {V.get<std::string>()};
  if (!V.is_array())
    throw UsageError(Where + " must be a string or a list of strings");
  std::vector<std::string> Out;
  for (const auto &E : V) {
    if (!E.is_string())
      throw UsageError(Where + " must be a string or a list of strings");
    Out.push_back(E.get<std::string>());
  }
  return Out;
}

} // namespace

namespace {

/// True when Glob matches Path relative to Dir, or its file name.
bool matchesFrom(const fs::path &Dir, const std::string &Glob, const fs::path &Path) {
  std::error_code EC;
  fs::path Rel = fs::relative(fs::absolute(Path, EC), fs::absolute(Dir, EC), EC);
  std::string R = Rel.generic_string(), Name = Path.filename().string();
  if (::fnmatch(Glob.c_str(), R.c_str(), 0) == 0 || ::fnmatch(Glob.c_str(), Name.c_str(), 0) == 0)
    return true;
  // A glob naming a directory ("gen", "src/gen/", "src/gen/*") covers everything below it.
  std::string Trimmed = Glob;
  while (!Trimmed.empty() && Trimmed.back() == '/')
    Trimmed.pop_back();
  for (fs::path P = Rel.parent_path(); !P.empty(); P = P.parent_path())
    if (::fnmatch(Trimmed.c_str(), P.generic_string().c_str(), 0) == 0)
      return true;
  return false;
}

} // namespace

std::vector<std::string> ProjectConfig::ignoredRulesFor(const fs::path &Path) const {
  std::vector<std::string> Out;
  for (const auto &[Glob, Ids] : PerPathIgnores)
    if (matchesFrom(Dir, Glob, Path))
      for (const std::string &Id : Ids)
        Out.push_back(Id == "*" ? std::string() : Id);
  return Out;
}

bool ProjectConfig::ignoredFor(const fs::path &Path, std::string_view RuleId) const {
  for (const std::string &Prefix : ignoredRulesFor(Path))
    if (RuleId.starts_with(Prefix))
      return true;
  return false;
}

bool ProjectConfig::excludes(const fs::path &Path) const {
  for (const std::string &Glob : Exclude)
    if (matchesFrom(Dir, Glob, Path))
      return true;
  return false;
}

ProjectConfig readProjectConfig(const fs::path &File) {
  std::string Error;
  std::optional<std::string> Text = readWholeFile(File, Error);
  if (!Text)
    throw UsageError(File.string() + ": " + Error);
  nlohmann::json J;
  try {
    J = nlohmann::json::parse(*Text);
  } catch (const nlohmann::json::parse_error &E) {
    LineColumn LC = LineIndex(*Text).locate(E.byte > 0 ? std::min<std::size_t>(E.byte - 1, Text->size()) : 0);
    std::string What = E.what();
    if (auto Pos = What.find(": "); Pos != std::string::npos)
      What = What.substr(Pos + 2);
    throw UsageError(File.string() + ":" + std::to_string(LC.Line) + ":" + std::to_string(LC.Column) +
                     ": invalid JSON: " + What);
  }
  std::string Where = File.string() + ": ";
  if (!J.is_object())
    throw UsageError(Where + "the configuration must be a JSON object");
  ProjectConfig C;
  C.File = File;
  C.Dir = File.parent_path().empty() ? fs::path(".") : File.parent_path();
  for (auto It = J.begin(); It != J.end(); ++It) {
    const std::string &Key = It.key();
    if (Key == "select")
      C.Select = stringList(*It, Where + "'select'");
    else if (Key == "ignore")
      C.Ignore = stringList(*It, Where + "'ignore'");
    else if (Key == "exclude")
      C.Exclude = stringList(*It, Where + "'exclude'");
    else if (Key == "target") {
      if (!It->is_string() || !parseTarget(It->get<std::string>()))
        throw UsageError(Where + "'target' must be one of auto, mps, cpu, cuda");
      C.TheTarget = parseTarget(It->get<std::string>());
    } else if (Key == "per_path_ignores") {
      if (!It->is_object())
        throw UsageError(Where + "'per_path_ignores' must map globs to lists of rule ids");
      for (auto P = It->begin(); P != It->end(); ++P)
        C.PerPathIgnores.emplace_back(P.key(), stringList(*P, Where + "'per_path_ignores." + P.key() + "'"));
    } else if (Key != "$schema") {
      throw UsageError(Where + "unknown key '" + Key +
                       "' (known: select, ignore, exclude, target, per_path_ignores)");
    }
  }
  return C;
}

std::optional<ProjectConfig> findProjectConfig(const fs::path &StartDir) {
  std::error_code EC;
  for (fs::path Dir = fs::absolute(StartDir, EC); !Dir.empty(); Dir = Dir.parent_path()) {
    fs::path Candidate = Dir / ProjectConfigName;
    if (fs::is_regular_file(Candidate, EC))
      return readProjectConfig(Candidate);
    if (Dir == Dir.parent_path())
      break;
  }
  return std::nullopt;
}

} // namespace tdp
