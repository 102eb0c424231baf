#include "driver/PortRun.h"

#include "core/Error.h"
#include "core/Parallel.h"
#include "core/SourceText.h"
#include "cpp/CppPorter.h"
#include "driver/FileIO.h"
#include "driver/GitGuard.h"
#include "driver/RunStatistics.h"
#include "driver/UnifiedDiff.h"
#include "rules/RuleSet.h"

#include <algorithm>
#include <ostream>

namespace fs = std::filesystem;

namespace tdp {
namespace {

void portOne(FileOutcome &F, const RuleSet &Rules, const PortRunOptions &Options) {
  std::string Error;
  std::optional<std::string> Text = readWholeFile(F.File.Path, Error);
  if (!Text) {
    F.Problem = Error;
    return;
  }
  F.Original = std::move(*Text);
  portSourceText(F, Rules, Options.TheTarget, Options.Config);
}

/// C++ files are ported together: a header's edits come from every TU that includes it.
void portCpp(PortRunResult &Result, const std::vector<std::size_t> &Indices, const RuleSet &Rules,
             const PortRunOptions &Options) {
  std::vector<cpp::CppFileInput> Inputs;
  for (std::size_t I : Indices) {
    FileOutcome &F = Result.Files[I];
    std::string Error;
    std::optional<std::string> Text = readWholeFile(F.File.Path, Error);
    if (!Text) {
      F.Problem = Error;
      continue;
    }
    F.Original = std::move(*Text);
    F.Result.Text = F.Original;
    if (std::optional<std::string> Bad = checkSourceEncoding(F.Original)) {
      F.Problem = "file " + *Bad + "; skipped";
      continue;
    }
    Inputs.push_back({F.File.Path, F.Original, {}});
    if (Options.Config)
      Inputs.back().IgnoredRules = Options.Config->ignoredRulesFor(F.File.Path);
  }
  cpp::CppPortOptions CO;
  CO.TheTarget = Options.TheTarget;
  CO.Commands = Options.Commands;
  CO.Jobs = Options.Jobs;
  for (const std::string &P : Options.Paths)
    CO.Roots.emplace_back(P);
  cpp::CppPortResult Ported;
  try {
    Ported = cpp::portCppFiles(Inputs, Rules, CO);
  } catch (const ToolError &) {
    throw;
  } catch (const std::exception &E) {
    for (std::size_t I : Indices)
      if (Result.Files[I].Problem.empty())
        Result.Files[I].Problem = std::string("internal error in the C++ frontend: ") + E.what() + " (please report this)";
    return;
  }
  Result.Notes.push_back("C++ compile commands: " + Ported.CommandSource);
  Result.Notes.insert(Result.Notes.end(), Ported.Notes.begin(), Ported.Notes.end());
  for (std::size_t I : Indices) {
    FileOutcome &F = Result.Files[I];
    if (auto It = Ported.Files.find(F.File.Path); It != Ported.Files.end())
      F.Result = std::move(It->second);
  }
}

fs::path destinationFor(const PortRunOptions &Options, const SourceFile &F) {
  fs::path Below = F.Relative.empty() ? F.Path.filename() : F.Relative;
  if (Options.Paths.size() == 1)
    return Options.OutRoot / Below;
  fs::path RootName = fs::absolute(F.Root).lexically_normal().filename();
  if (RootName.empty())
    RootName = fs::absolute(F.Root).lexically_normal().parent_path().filename();
  if (F.Relative.empty()) // a file given directly
    return Options.OutRoot / F.Path.filename();
  return Options.OutRoot / RootName / Below;
}

/// "a/src/x.py" as git writes it; "a/tmp/x.py" for an absolute path.
std::string diffLabel(const char *Side, const fs::path &Path) {
  std::string P = Path.generic_string();
  return std::string(Side) + (P.starts_with('/') ? "" : "/") + P;
}

std::string location(const FileOutcome &F, std::size_t Offset) {
  LineColumn LC = LineIndex(F.Original).locate(std::min(Offset, F.Original.size()));
  return F.File.Path.string() + ":" + std::to_string(LC.Line) + ":" + std::to_string(LC.Column);
}

void reportFile(const FileOutcome &F, bool Leftovers, std::ostream &Err) {
  if (!F.Problem.empty()) {
    if (F.Result.State == python::PortResult::Status::SyntaxError)
      Err << location(F, F.ProblemOffset) << ": error: " << F.Problem << "\n";
    else
      Err << F.File.Path.string() << ": error: " << F.Problem << "\n";
    return;
  }
  LineIndex Lines(F.Original);
  for (const python::PortedHit &H : F.Result.Hits) {
    if (!Leftovers || H.Fixed || H.Suppressed || !H.Matched->reports())
      continue;
    LineColumn LC = Lines.locate(H.Offset);
    Err << F.File.Path.string() << ":" << LC.Line << ":" << LC.Column << ": " << H.Matched->Id << " "
        << H.Matched->Message;
    if (!H.NoFixReason.empty())
      Err << " (not rewritten: " << H.NoFixReason << ")";
    else if (!H.Matched->Advice.empty())
      Err << " -- " << H.Matched->Advice;
    Err << "\n";
  }
  for (const std::string &C : F.Result.Conflicts)
    Err << F.File.Path.string() << ": conflict: " << C << "\n";
}

} // namespace

void portSourceText(FileOutcome &F, const RuleSet &Rules, Target TheTarget,
                    const std::optional<ProjectConfig> &Config) {
  if (std::optional<std::string> Bad = checkSourceEncoding(F.Original)) {
    F.Problem = "file " + *Bad + "; skipped";
    F.Result.Text = F.Original;
    return;
  }
  python::PortOptions PO;
  PO.TheTarget = TheTarget;
  if (Config)
    PO.IgnoredRules = Config->ignoredRulesFor(F.File.Path);
  try {
    F.Result = python::portPythonSource(F.Original, Rules, PO);
  } catch (const std::exception &E) {
    F.Problem = std::string("internal error while porting: ") + E.what() + " (please report this)";
    F.Result.Text = F.Original;
    return;
  }
  if (F.Result.State != python::PortResult::Status::Ported) {
    F.Problem = F.Result.Problem;
    F.ProblemOffset = F.Result.ProblemOffset;
  }
}

PortRunResult portFiles(const PortRunOptions &Options, const RuleSet &Rules) {
  DiscoveryOptions DO = Options.Discovery;
  if (Options.Mode == OutputMode::OutRoot) {
    std::error_code EC;
    fs::path Out = fs::weakly_canonical(fs::absolute(Options.OutRoot), EC);
    for (const std::string &P : Options.Paths) {
      fs::path In = fs::weakly_canonical(fs::absolute(P), EC);
      auto M = std::mismatch(Out.begin(), Out.end(), In.begin(), In.end());
      if (M.first == Out.end())
        throw UsageError("--out-root " + Options.OutRoot.string() + " must not contain the input " + P);
    }
    DO.SkipDirs.push_back(Options.OutRoot);
  }
  DO.IncludeCpp = Options.Cpp;
  DiscoveryResult Found = discoverSources(Options.Paths, DO);

  PortRunResult Result;
  for (const DiscoveryProblem &P : Found.Problems)
    Result.Problems.push_back(P.Path + ": " + P.Message);
  Result.Files.resize(Found.Sources.size());
  for (std::size_t I = 0; I < Found.Sources.size(); ++I)
    Result.Files[I].File = Found.Sources[I];

  std::vector<std::size_t> CppFiles;
  for (std::size_t I = 0; I < Result.Files.size(); ++I)
    if (Result.Files[I].File.Language == SourceLanguage::Cpp)
      CppFiles.push_back(I);
  parallelFor(Result.Files.size(), Options.Jobs, [&](std::size_t I) {
    if (Result.Files[I].File.Language == SourceLanguage::Python)
      portOne(Result.Files[I], Rules, Options);
  });
  if (!CppFiles.empty())
    portCpp(Result, CppFiles, Rules, Options);

  if (Options.Mode == OutputMode::OutRoot) {
    // Files that are not ported are copied as they are, so the out-root is complete.
    for (SourceFile &F : Found.OtherFiles) {
      FileOutcome O;
      O.File = F;
      O.CopyOnly = true;
      Result.Files.push_back(std::move(O));
    }
  }
  return Result;
}

void emitPortResult(const PortRunOptions &Options, PortRunResult &Result, std::ostream &Out, std::ostream &Err) {
  auto IsCopy = [](const FileOutcome &F) { return F.CopyOnly; };
  for (const std::string &P : Result.Problems)
    Err << "error: " << P << "\n";
  if (!Options.Quiet)
    for (const std::string &N : Result.Notes)
      Err << "note: " << N << "\n";
  for (const FileOutcome &F : Result.Files)
    if (!IsCopy(F))
      reportFile(F, Options.ReportLeftovers, Err);

  switch (Options.Mode) {
  case OutputMode::Diff:
    for (const FileOutcome &F : Result.Files)
      if (!IsCopy(F) && F.changed())
        Out << unifiedDiff(F.Original, F.Result.Text, diffLabel("a", F.File.Path), diffLabel("b", F.File.Path));
    break;
  case OutputMode::InPlace: {
    std::vector<fs::path> ToWrite;
    for (const FileOutcome &F : Result.Files)
      if (F.changed())
        ToWrite.push_back(F.File.Path);
    if (!Options.AllowDirty) {
      for (const UnprotectedFile &U : findUnprotectedFiles(ToWrite, Options.Guard))
        Result.Refusals.push_back(U.Path.string() + " " + U.Reason);
      if (!Result.Refusals.empty()) {
        for (const std::string &R : Result.Refusals)
          Err << "error: refusing to rewrite: " << R << "\n";
        Err << "error: nothing was written; commit or stash first, use --allow-dirty to rewrite anyway, "
               "or --out-root DIR / --diff to leave the files alone\n";
        return;
      }
    }
    for (const FileOutcome &F : Result.Files) {
      if (!F.changed())
        continue;
      try {
        writeFileAtomically(F.File.Path, F.Result.Text);
        ++Result.Written;
      } catch (const std::exception &E) {
        Result.Problems.push_back(E.what());
        Err << "error: " << E.what() << "\n";
      }
    }
    break;
  }
  case OutputMode::OutRoot:
    for (const FileOutcome &F : Result.Files) {
      fs::path Dest = destinationFor(Options, F.File);
      try {
        if (IsCopy(F) || !F.changed()) {
          mirrorFile(F.File.Path, Dest);
        } else {
          std::string Ignored;
          std::optional<std::string> Existing = readWholeFile(Dest, Ignored);
          if (!Existing || *Existing != F.Result.Text)
            writeFileAtomically(Dest, F.Result.Text, F.File.Path);
          ++Result.Written;
        }
      } catch (const std::exception &E) {
        Result.Problems.push_back(E.what());
        Err << "error: " << E.what() << "\n";
      }
    }
    break;
  }

  if (!Options.Quiet) {
    RunStatistics S = RunStatistics::collect(Result);
    std::size_t Left = S.Unsupported + S.NotRewritten;
    const char *Verb = Options.Mode == OutputMode::Diff ? "would change" : "changed";
    Err << "torchdevice-port: " << S.FilesScanned << " file" << (S.FilesScanned == 1 ? "" : "s")
        << " scanned, " << S.FilesChanged << " " << Verb << " (" << S.Edits << " edit" << (S.Edits == 1 ? "" : "s")
        << "), " << Left << " use" << (Left == 1 ? "" : "s") << " left for manual work";
    if (S.FilesSkipped)
      Err << ", " << S.FilesSkipped << " file" << (S.FilesSkipped == 1 ? "" : "s") << " skipped";
    Err << "\n";
  }
}

ExitCode exitCodeFor(const PortRunResult &Result) {
  if (!Result.Refusals.empty())
    return ExitCode::Refused;
  bool Trouble = !Result.Problems.empty();
  for (const FileOutcome &F : Result.Files)
    Trouble = Trouble || !F.Problem.empty() || !F.Result.Conflicts.empty();
  return Trouble ? ExitCode::Findings : ExitCode::Success;
}

} // namespace tdp
