#include "cpp/CppPorter.h"

#include "core/Edit.h"
#include "core/Parallel.h"
#include "core/SourceLanguage.h"
#include "core/SourceText.h"
#include "core/Suppressions.h"
#include "cpp/ClangSetup.h"
#include "cpp/CompileCommands.h"
#include "cpp/CppComments.h"
#include "cpp/CppMatcher.h"
#include "cpp/CppRuleIndex.h"
#include "cpp/HeaderReusePlan.h"
#include "cpp/PrecompiledHeader.h"
#include "rules/RuleSet.h"

#include <algorithm>
#include <optional>
#include <set>

namespace fs = std::filesystem;

namespace tdp::cpp {

namespace {

constexpr std::string_view RuntimeInclude = "<torchdevice/torchdevice.h>";

std::string canonicalPath(const fs::path &P) {
  std::error_code EC;
  fs::path C = fs::weakly_canonical(fs::absolute(P), EC);
  return EC ? P.string() : C.string();
}

/// [start of line, start of next line) around Offset.
std::pair<std::size_t, std::size_t> lineAround(std::string_view Text, std::size_t Offset) {
  std::size_t Begin = Text.rfind('\n', Offset == 0 ? 0 : Offset - 1);
  Begin = (Begin == std::string_view::npos || Offset == 0) ? 0 : Begin + 1;
  std::size_t End = Text.find('\n', Offset);
  End = End == std::string_view::npos ? Text.size() : End + 1;
  return {Begin, End};
}

/// Offset just after the last top-level #include line (0 when there is none).
std::size_t afterLastInclude(std::string_view Text) {
  std::size_t Best = 0, Pos = 0;
  while (Pos < Text.size()) {
    std::size_t End = Text.find('\n', Pos);
    std::size_t Next = End == std::string_view::npos ? Text.size() : End + 1;
    std::string_view Line = Text.substr(Pos, Next - Pos);
    std::size_t First = Line.find_first_not_of(" \t");
    if (First != std::string_view::npos && Line.substr(First).starts_with("#")) {
      std::string_view Directive = Line.substr(First + 1);
      Directive.remove_prefix(std::min(Directive.find_first_not_of(" \t"), Directive.size()));
      if (Directive.starts_with("include"))
        Best = Next;
    }
    Pos = Next;
  }
  return Best;
}

/// Whether an #include directive names the runtime header (a comment that mentions it does not count).
bool includesRuntime(std::string_view Text) {
  for (std::size_t Pos = 0; Pos < Text.size();) {
    std::size_t End = Text.find('\n', Pos);
    std::string_view Line = Text.substr(Pos, (End == std::string_view::npos ? Text.size() : End) - Pos);
    Pos = End == std::string_view::npos ? Text.size() : End + 1;
    std::size_t First = Line.find_first_not_of(" \t");
    if (First == std::string_view::npos || Line[First] != '#')
      continue;
    std::string_view Directive = Line.substr(First + 1);
    Directive.remove_prefix(std::min(Directive.find_first_not_of(" \t"), Directive.size()));
    if (Directive.starts_with("include") && Directive.find("torchdevice/torchdevice.h") != std::string_view::npos)
      return true;
  }
  return false;
}

std::string newlineOf(std::string_view Text) {
  std::size_t Pos = Text.find('\n');
  return Pos != std::string_view::npos && Pos > 0 && Text[Pos - 1] == '\r' ? "\r\n" : "\n";
}

struct FileEdits {
  std::vector<CppHit> Hits;
};

/// What the user asked to keep, as in Python: suppression comments (in real comments only) and
/// the configuration's per-path ignores.
class KeptHits {
public:
  KeptHits(const CppFileInput &Input, bool HonourSuppressions) : File(Input), Lines(Input.Text) {
    if (HonourSuppressions && Input.Text.find("torchdevice:") != std::string::npos) {
      auto Comments = cppCommentRanges(Input.Text);
      Suppressions = SuppressionSet::scan(Input.Text, [&](std::size_t Offset) {
        for (const auto &[Start, End] : Comments)
          if (Offset >= Start && Offset < End)
            return true;
        return false;
      });
    }
  }
  bool kept(const CppHit &H) {
    for (const std::string &Prefix : File.IgnoredRules)
      if (H.Matched->Id.starts_with(Prefix))
        return true;
    return !Suppressions.all().empty() && Suppressions.suppresses(H.Matched->Id, Lines.locate(H.Offset).Line);
  }

private:
  const CppFileInput &File;
  LineIndex Lines;
  SuppressionSet Suppressions;
};

python::PortResult buildFile(const CppFileInput &In, std::vector<CppHit> Hits, Target T, bool InsertInclude,
                             bool HonourSuppressions) {
  python::PortResult R;
  KeptHits Keep(In, HonourSuppressions);
  R.Text = In.Text;
  const std::string &Text = In.Text;
  std::string NL = newlineOf(Text);
  std::vector<Edit> Edits;
  bool NeedsRuntime = false, HasRuntimeInclude = includesRuntime(Text);

  // Includes: the first CUDA include becomes the runtime's, later ones go away.
  std::sort(Hits.begin(), Hits.end(), [](const CppHit &A, const CppHit &B) { return A.Offset < B.Offset; });
  bool RuntimeIncluded = HasRuntimeInclude;
  std::set<std::tuple<std::size_t, std::size_t, std::string>> Seen;
  for (const CppHit &H : Hits) {
    if (!Seen.insert({H.Offset, H.Length, H.Matched->Id + (H.Replacement ? *H.Replacement : "")}).second)
      continue; // the same edit from another TU
    python::PortedHit P{H.Matched, H.Offset, H.Length, false, H.NoFixReason, false, H.LowConfidence};
    if (Keep.kept(H)) {
      P.NoFixReason.clear();
      P.Suppressed = true;
    } else if (H.Include && H.Replacement) {
      if (!RuntimeIncluded) {
        Edits.push_back({H.Offset, H.Length, *H.Replacement, H.Matched->Id});
        RuntimeIncluded = true;
      } else {
        auto [Begin, End] = lineAround(Text, H.Offset);
        Edits.push_back({Begin, End - Begin, "", H.Matched->Id});
      }
      P.Fixed = true;
    } else if (H.Replacement) {
      Edits.push_back({H.Offset, H.Length, *H.Replacement, H.Matched->Id});
      P.Fixed = true;
      NeedsRuntime = NeedsRuntime || !H.Matched->Import.empty();
    }
    R.Hits.push_back(std::move(P));
  }
  EditSelection Sel = selectNonOverlapping(std::move(Edits));
  for (const Edit &E : Sel.Deferred) {
    R.Conflicts.push_back("rule " + E.RuleId + " at offset " + std::to_string(E.Offset) +
                          " overlaps another edit (from another translation unit or rule); left as it is");
    for (python::PortedHit &P : R.Hits)
      if (P.Offset == E.Offset && P.Matched->Id == E.RuleId)
        P.Fixed = false;
  }
  std::vector<Edit> Accepted = std::move(Sel.Accepted);
  // The runtime header, and the target for source files, after the last #include.
  std::string Insert;
  if (NeedsRuntime && !RuntimeIncluded)
    Insert += "#include " + std::string(RuntimeInclude) + NL;
  if (NeedsRuntime && T != Target::Auto && isCppSource(In.Path) && Text.find("TORCHDEVICE_PREFER(") == std::string::npos)
    Insert += "TORCHDEVICE_PREFER(\"" + std::string(targetName(T)) + "\");" + NL;
  if (!Insert.empty() && InsertInclude) {
    std::size_t At = afterLastInclude(Text);
    bool Clash = std::any_of(Accepted.begin(), Accepted.end(), [&](const Edit &E) { return editsOverlap(E, {At, 0, "", ""}); });
    if (!Clash)
      Accepted.push_back({At, 0, Insert, "include"});
  }
  R.Text = applyEdits(Text, Accepted);
  std::stable_sort(R.Hits.begin(), R.Hits.end(),
                   [](const python::PortedHit &A, const python::PortedHit &B) { return A.Offset < B.Offset; });
  return R;
}

/// Parses the TUs, those that share their LibTorch headers with a precompiled header: first the
/// PCHs and the TUs that share nothing (in parallel), then the TUs that use a PCH.
void runWithSharedHeaders(const std::vector<std::string> &TUs, const std::map<std::string, const CppFileInput *> &Inputs,
                          const clang::tooling::CompilationDatabase &Database, const CppRuleIndex &Index,
                          const ProjectScope &Scope, const TuMatchOptions &MO, unsigned Jobs,
                          std::vector<TuMatchResult> &Out, std::vector<std::string> &Notes) {
  Out.resize(TUs.size());
  std::vector<ReuseCandidate> Candidates(TUs.size());
  std::vector<std::optional<TuCommand>> Commands(TUs.size());
  parallelFor(TUs.size(), Jobs, [&](std::size_t I) {
    Commands[I] = tuCommandFor(TUs[I], Database, MO.ResourceDir);
    auto In = Inputs.find(TUs[I]);
    if (!Commands[I] || In == Inputs.end())
      return;
    fs::path Dir = fs::path(TUs[I]).parent_path();
    auto IsProjectHeader = [&](std::string_view Name) {
      std::error_code EC;
      return fs::exists(Dir / Name, EC) || Scope.contains(canonicalPath(Dir / Name));
    };
    Candidates[I] = {Commands[I]->Key, systemPreamble(In->second->Text, IsProjectHeader)};
  });
  std::vector<ReuseGroup> Groups = planHeaderReuse(Candidates);
  std::optional<ScratchDirectory> Scratch;
  if (!Groups.empty() && Scratch.emplace().path().empty()) {
    Notes.push_back("no temporary directory for precompiled headers; every C++ translation unit parsed in full");
    Groups.clear();
  }
  std::vector<int> GroupOf(TUs.size(), -1);
  for (std::size_t G = 0; G < Groups.size(); ++G)
    for (std::size_t M : Groups[G].Members)
      GroupOf[M] = static_cast<int>(G);
  std::vector<std::size_t> Alone;
  for (std::size_t I = 0; I < TUs.size(); ++I)
    if (GroupOf[I] < 0)
      Alone.push_back(I);

  std::vector<BuiltHeader> Built(Groups.size());
  parallelFor(Groups.size() + Alone.size(), Jobs, [&](std::size_t K) {
    if (K < Groups.size()) {
      const ReuseGroup &G = Groups[K];
      Built[K] = buildPrecompiledHeader(*Commands[G.Members.front()], G.Lines,
                                        Scratch->path() / ("shared-" + std::to_string(K)), Scope, fileSystemWithShims(),
                                        MO.ResourceDir);
      return;
    }
    std::size_t I = Alone[K - Groups.size()];
    Out[I] = matchTranslationUnit(TUs[I], Database, Index, Scope, fileSystemWithShims(), MO);
  });
  std::vector<std::size_t> Shared;
  for (std::size_t I = 0; I < TUs.size(); ++I)
    if (GroupOf[I] >= 0)
      Shared.push_back(I);
  parallelFor(Shared.size(), Jobs, [&](std::size_t K) {
    std::size_t I = Shared[K];
    TuMatchOptions WithPch = MO;
    WithPch.PrecompiledHeader = Built[static_cast<std::size_t>(GroupOf[I])].Pch.string();
    Out[I] = matchTranslationUnit(TUs[I], Database, Index, Scope, fileSystemWithShims(), WithPch);
  });

  std::size_t Used = 0, Headers = 0;
  for (std::size_t G = 0; G < Groups.size(); ++G) {
    if (!Built[G].Pch.empty()) {
      ++Headers;
      continue;
    }
    std::string Names;
    for (std::size_t M : Groups[G].Members)
      Names += (Names.empty() ? "" : ", ") + fs::path(TUs[M]).filename().string();
    Notes.push_back("no precompiled header for " + Names + " (" + Built[G].Problem + "); parsed in full");
  }
  for (std::size_t I : Shared) {
    if (Out[I].UsedPrecompiledHeader)
      ++Used;
    if (!Out[I].RejectedPrecompiledHeader.empty())
      Notes.push_back(TUs[I] + ": Clang refused the precompiled header (" + Out[I].RejectedPrecompiledHeader +
                      "); parsed in full");
  }
  if (Used)
    Notes.push_back(std::to_string(Used) + " C++ translation unit" + (Used == 1 ? "" : "s") + " shared " +
                    std::to_string(Headers) + " precompiled header" + (Headers == 1 ? "" : "s") +
                    " of the LibTorch headers they include (--no-pch parses each in full)");
}

} // namespace

CppPortResult portCppFiles(const std::vector<CppFileInput> &Files, const RuleSet &Rules, const CppPortOptions &Options) {
  CppPortResult Result;
  CppRuleIndex Index(Rules);
  std::vector<std::string> TUs;
  std::map<std::string, const CppFileInput *> ByCanonical;
  for (const CppFileInput &F : Files) {
    ByCanonical[canonicalPath(F.Path)] = &F;
    if (isCppSource(F.Path))
      TUs.push_back(canonicalPath(F.Path));
  }
  if (Files.empty())
    return Result;

  std::string Why;
  std::optional<std::string> ResourceDir = findClangResourceDir(Why);
  if (!ResourceDir)
    Result.Notes.push_back("warning: " + Why + "; parsing without Clang's builtin headers");
  std::vector<std::string> RootStrings;
  for (const fs::path &R : Options.Roots)
    RootStrings.push_back(R.string());
  CompileCommandOptions CommandOptions = Options.Commands;
  if (Options.ExampleHeaders)
    CommandOptions.ExtraFlags = {"-std=c++17", "-xc++", std::string("-I") + ExampleHeaderDirectory};
  CompileCommandSource Commands = loadCompileCommands(RootStrings, CommandOptions);
  Result.CommandSource = Commands.Description;
  ProjectScope Scope(Options.Roots);
  TuMatchOptions MO{Options.TheTarget, ResourceDir.value_or(""), {}};

  auto RunTUs = [&](const std::vector<std::string> &List, std::vector<TuMatchResult> &Out) {
    Out.resize(List.size());
    parallelFor(List.size(), Options.Jobs, [&](std::size_t I) {
      if (Options.Cancelled && Options.Cancelled())
        return;
      Out[I] = matchTranslationUnit(List[I], *Commands.Database, Index, Scope, fileSystemWithShims(), MO);
    });
  };
  std::vector<TuMatchResult> TuResults;
  if (Options.Commands.ShareHeaders && !Options.ExampleHeaders)
    runWithSharedHeaders(TUs, ByCanonical, *Commands.Database, Index, Scope, MO, Options.Jobs, TuResults, Result.Notes);
  else
    RunTUs(TUs, TuResults);

  // Headers no TU reached are parsed on their own.
  std::set<std::string> Reached;
  for (const TuMatchResult &T : TuResults)
    Reached.insert(T.ProjectFiles.begin(), T.ProjectFiles.end());
  std::vector<std::string> Orphans;
  for (const auto &[Path, F] : ByCanonical)
    if (isCppHeader(F->Path) && !Reached.count(Path))
      Orphans.push_back(Path);
  std::vector<TuMatchResult> OrphanResults;
  RunTUs(Orphans, OrphanResults);

  std::map<std::string, std::vector<CppHit>> HitsByFile;
  auto Collect = [&](const std::vector<std::string> &List, std::vector<TuMatchResult> &Res) {
    for (std::size_t I = 0; I < List.size(); ++I) {
      TuMatchResult &T = Res[I];
      if (T.Errors) {
        std::string What = std::to_string(T.Errors) + " parse error" + (T.Errors == 1 ? "" : "s") + " (first: " +
                           T.FirstError + "); names that did not resolve were matched at token level (lower confidence)";
        Result.Notes.push_back(List[I] + ": " + What);
        if (auto It = ByCanonical.find(List[I]); It != ByCanonical.end())
          Result.ParseErrors[It->second->Path] = What;
      }
      for (CppHit &H : T.Hits)
        HitsByFile[H.File].push_back(std::move(H));
    }
  };
  Collect(TUs, TuResults);
  Collect(Orphans, OrphanResults);

  for (const CppFileInput &F : Files) {
    auto It = HitsByFile.find(canonicalPath(F.Path));
    Result.Files[F.Path] = buildFile(F, It == HitsByFile.end() ? std::vector<CppHit>{} : std::move(It->second),
                                     Options.TheTarget, Options.InsertRuntimeInclude, Options.HonourSuppressions);
  }
  return Result;
}

} // namespace tdp::cpp
