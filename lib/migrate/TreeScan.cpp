#include "migrate/TreeScan.h"

#include "driver/FileDiscovery.h"
#include "migrate/GitIgnore.h"
#include "migrate/RuntimeVendor.h"

#include <algorithm>

namespace fs = std::filesystem;

namespace tdp::migrate {

bool isNeverCopiedDirectory(const fs::path &Dir) {
  std::string Name = Dir.filename().string();
  if (Name == ".git" || Name == "__pycache__")
    return true;
  std::error_code EC;
  return fs::exists(Dir / "pyvenv.cfg", EC);
}

bool isNotPortedDirectory(const fs::path &Dir) {
  if (isSkippedDirectory(Dir))
    return true;
  std::string Name = Dir.filename().string();
  static const char *const Vendored[] = {"vendor", "vendored", "_vendor", "third_party", "thirdparty", "3rdparty"};
  for (const char *V : Vendored)
    if (Name == V)
      return true;
  return isVendoredRuntime(Dir);
}

namespace {

class Walker {
public:
  Walker(const ScanOptions &O, ScanResult &R) : Options(O), Result(R) {
    std::error_code EC;
    for (const fs::path &P : O.NeverEnter)
      if (fs::exists(P, EC))
        NeverEnter.push_back(P);
    for (const fs::path &P : O.NeverList)
      if (fs::exists(P, EC))
        NeverList.push_back(P);
  }

  void walkRoot(std::size_t RootIndex, const ScanRoot &Root) {
    Index = RootIndex;
    RootAbs = Root.Absolute;
    Ignores = IgnoreStack::forRoot(Root.Path);
    Ignores.push(Root.Path, "");
    walk(Root.Path, "", true);
  }

private:
  bool excluded(const fs::path &P, const std::string &Rel) const {
    return matchesExcludeGlobs(fs::path(Rel), Options.Excludes) || (Options.IsExcluded && Options.IsExcluded(P));
  }

  static bool equivalentToAny(const fs::path &P, const std::vector<fs::path> &Set) {
    std::error_code EC;
    for (const fs::path &S : Set)
      if (fs::equivalent(P, S, EC))
        return true;
    return false;
  }

  static bool inside(const fs::path &P, const fs::path &Dir) {
    auto M = std::mismatch(Dir.begin(), Dir.end(), P.begin(), P.end());
    return M.first == Dir.end();
  }

  void link(const fs::path &P, const std::string &Rel, const fs::path &DirAbs) {
    std::error_code EC;
    fs::path Target = fs::read_symlink(P, EC);
    if (EC) {
      Result.Problems.push_back({P.string(), "cannot read link: " + EC.message()});
      return;
    }
    ScanEntry E;
    E.Type = ScanEntry::Kind::Link;
    E.Root = Index;
    E.Relative = Rel;
    fs::path Resolved = Target.is_absolute() ? Target : DirAbs / Target;
    Resolved = fs::weakly_canonical(Resolved.lexically_normal(), EC);
    E.LinkOutside = EC || !inside(Resolved, RootAbs);
    E.LinkTarget = Target.string();
    if (Target.is_absolute() && !E.LinkOutside) // keep it pointing into the mirrored tree
      E.LinkTarget = Resolved.lexically_relative(DirAbs).string();
    Result.Entries.push_back(std::move(E));
  }

  void walk(const fs::path &Dir, const std::string &RelDir, bool Port) {
    std::error_code EC;
    std::vector<fs::directory_entry> Children;
    for (fs::directory_iterator It(Dir, EC), End; !EC && It != End; It.increment(EC))
      Children.push_back(*It);
    if (EC) {
      Result.Problems.push_back({Dir.string(), "cannot read directory: " + EC.message()});
      return;
    }
    std::sort(Children.begin(), Children.end(),
              [](const fs::directory_entry &A, const fs::directory_entry &B) {
                return A.path().filename() < B.path().filename();
              });
    fs::path DirAbs = RootAbs / RelDir;
    for (const fs::directory_entry &Child : Children) {
      const fs::path &P = Child.path();
      std::string Name = P.filename().string();
      if (Name == ".git")
        continue;
      std::string Rel = RelDir.empty() ? Name : RelDir + "/" + Name;
      fs::file_status St = Child.symlink_status(EC);
      if (EC) {
        Result.Problems.push_back({P.string(), "cannot stat: " + EC.message()});
        EC.clear();
        continue;
      }
      bool IsDir = fs::is_directory(St);
      if (Ignores.ignored(Rel, IsDir))
        continue;
      if (fs::is_symlink(St)) {
        link(P, Rel, DirAbs);
        continue;
      }
      if (IsDir) {
        if (isNeverCopiedDirectory(P) || (!NeverEnter.empty() && equivalentToAny(P, NeverEnter)))
          continue;
        bool PortBelow = Port && !isNotPortedDirectory(P) && !excluded(P, Rel);
        ScanEntry E;
        E.Type = ScanEntry::Kind::Directory;
        E.Root = Index;
        E.Relative = Rel;
        Result.Entries.push_back(std::move(E));
        bool Pushed = Ignores.push(P, Rel);
        walk(P, Rel, PortBelow);
        if (Pushed)
          Ignores.pop();
        continue;
      }
      if (!fs::is_regular_file(St)) {
        Result.Problems.push_back({P.string(), "not a regular file, directory or link; skipped"});
        continue;
      }
      if (!NeverList.empty() && equivalentToAny(P, NeverList))
        continue;
      ScanEntry E;
      E.Root = Index;
      E.Relative = Rel;
      E.Type = ScanEntry::Kind::Copy;
      if (Port && !Options.Frontends.empty() && !excluded(P, Rel)) {
        fs::path RelPath(Rel);
        for (std::size_t F = 0; F < Options.Frontends.size(); ++F)
          if (Options.Frontends[F]->claims(RelPath)) {
            E.Type = ScanEntry::Kind::Source;
            E.Frontend = F;
            break;
          }
      }
      Result.Entries.push_back(std::move(E));
    }
  }

  const ScanOptions &Options;
  ScanResult &Result;
  std::vector<fs::path> NeverEnter, NeverList;
  std::size_t Index = 0;
  fs::path RootAbs;
  IgnoreStack Ignores;
};

} // namespace

ScanResult scanTrees(const std::vector<ScanRoot> &Roots, const ScanOptions &Options) {
  ScanResult Result;
  Walker W(Options, Result);
  for (std::size_t I = 0; I < Roots.size(); ++I)
    W.walkRoot(I, Roots[I]);
  return Result;
}

} // namespace tdp::migrate
