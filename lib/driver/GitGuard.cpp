#include "driver/GitGuard.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <map>
#include <memory>
#include <optional>
#include <set>

namespace fs = std::filesystem;

namespace tdp {
namespace {

std::string shellQuote(const std::string &S) {
  std::string Out = "'";
  for (char C : S) {
    if (C == '\'')
      Out += "'\\''";
    else
      Out += C;
  }
  return Out + "'";
}

/// Runs a command, returns its standard output, or nullopt when it fails.
std::optional<std::string> capture(const std::string &Command) {
  struct Closer {
    void operator()(FILE *F) const { ::pclose(F); }
  };
  FILE *Pipe = ::popen((Command + " 2>/dev/null").c_str(), "r");
  if (!Pipe)
    return std::nullopt;
  std::string Out;
  std::array<char, 4096> Buf;
  std::size_t N;
  while ((N = std::fread(Buf.data(), 1, Buf.size(), Pipe)) > 0)
    Out.append(Buf.data(), N);
  int Status = ::pclose(Pipe);
  if (Status != 0)
    return std::nullopt;
  return Out;
}

struct RepoState {
  fs::path Top;
  std::set<fs::path> Staged;    // index differs from HEAD, absolute
  std::set<fs::path> Unstaged;  // working tree differs from the index, absolute
  std::set<fs::path> Untracked; // absolute, including ignored files
  std::vector<fs::path> IgnoredDirs; // absolute: everything below is ignored
};

std::optional<fs::path> topLevelOf(const fs::path &Dir) {
  std::optional<std::string> Top = capture("git -C " + shellQuote(Dir.string()) + " rev-parse --show-toplevel");
  if (!Top)
    return std::nullopt;
  while (!Top->empty() && (Top->back() == '\n' || Top->back() == '\r'))
    Top->pop_back();
  return fs::path(*Top);
}

std::optional<RepoState> repoStateAt(const fs::path &Top) {
  RepoState State;
  State.Top = Top;
  std::optional<std::string> Status =
      capture("git -C " + shellQuote(State.Top.string()) + " status --porcelain=v1 -z --untracked-files=all --ignored");
  if (!Status)
    return std::nullopt;
  // Entries: "XY path\0" (renames and copies add "origpath\0").
  std::size_t Pos = 0;
  while (Pos < Status->size()) {
    std::size_t End = Status->find('\0', Pos);
    if (End == std::string::npos)
      End = Status->size();
    std::string Entry = Status->substr(Pos, End - Pos);
    Pos = End + 1;
    if (Entry.size() < 4)
      continue;
    std::string XY = Entry.substr(0, 2);
    std::string Rel = Entry.substr(3);
    bool IsDir = !Rel.empty() && Rel.back() == '/';
    if (IsDir)
      Rel.pop_back();
    fs::path P = fs::weakly_canonical(State.Top / Rel);
    if (XY == "??" || XY == "!!") {
      if (XY == "!!" && IsDir)
        State.IgnoredDirs.push_back(P);
      else
        State.Untracked.insert(P);
    } else {
      if (XY[0] != ' ')
        State.Staged.insert(P);
      if (XY[1] != ' ')
        State.Unstaged.insert(P);
    }
    if (XY[0] == 'R' || XY[0] == 'C') {
      std::size_t Next = Status->find('\0', Pos);
      Pos = Next == std::string::npos ? Status->size() : Next + 1;
    }
  }
  return State;
}

} // namespace

std::vector<UnprotectedFile> findUnprotectedFiles(const std::vector<fs::path> &Paths, GuardLevel Level) {
  // git is asked once per directory for its repository and once per repository for its status.
  std::map<fs::path, std::optional<fs::path>> TopByDir;
  std::map<fs::path, std::optional<RepoState>> StateByTop;
  std::vector<UnprotectedFile> Out;
  for (const fs::path &P : Paths) {
    fs::path Abs = fs::weakly_canonical(fs::absolute(P));
    fs::path Dir = Abs.parent_path();
    auto TopIt = TopByDir.find(Dir);
    if (TopIt == TopByDir.end())
      TopIt = TopByDir.emplace(Dir, topLevelOf(Dir)).first;
    std::optional<RepoState> NoRepo;
    const std::optional<RepoState> *StatePtr = &NoRepo;
    if (TopIt->second) {
      auto It = StateByTop.find(*TopIt->second);
      if (It == StateByTop.end())
        It = StateByTop.emplace(*TopIt->second, repoStateAt(*TopIt->second)).first;
      StatePtr = &It->second;
    }
    const std::optional<RepoState> &State = *StatePtr;
    if (!State)
      Out.push_back({P, "is not in a git repository"});
    else if (State->Untracked.count(Abs) ||
             std::any_of(State->IgnoredDirs.begin(), State->IgnoredDirs.end(), [&](const fs::path &D) {
               auto M = std::mismatch(D.begin(), D.end(), Abs.begin(), Abs.end());
               return M.first == D.end();
             }))
      Out.push_back({P, "is untracked"});
    else if (State->Unstaged.count(Abs))
      Out.push_back({P, "has uncommitted changes"});
    else if (Level == GuardLevel::Committed && State->Staged.count(Abs))
      Out.push_back({P, "has uncommitted (staged) changes"});
  }
  return Out;
}

} // namespace tdp
