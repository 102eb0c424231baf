#include "check/CheckRun.h"

#include "core/Suppressions.h"
#include "core/Parallel.h"
#include "core/SourceText.h"
#include "driver/FileIO.h"
#include "python/PythonChecker.h"
#include "rules/RuleSet.h"

#include <algorithm>
#include <tuple>

namespace tdp {

const Rule &unusedSuppressionRule() {
  static const Rule R = [] {
    Rule U;
    U.Id = "TDP100";
    U.Language = "any";
    U.Category = "suppression";
    U.Kind = RuleKind::Unsupported;
    U.Message = "unused suppression: this comment suppresses no finding";
    U.Advice = "remove it, or name the rule it is meant for";
    return U;
  }();
  return R;
}

namespace {

struct FileCheck {
  std::vector<Finding> Findings;
  std::vector<InputError> Errors;
  std::size_t Suppressed = 0;
  std::size_t Unused = 0;
};

FileCheck checkOne(const SourceFile &File, const CheckOptions &Options, const RuleSet &Rules) {
  FileCheck Out;
  std::string Path = File.Path.string();
  std::string Error;
  std::optional<std::string> Text = readWholeFile(File.Path, Error);
  if (!Text) {
    Out.Errors.push_back({Path, 0, 0, Error});
    return Out;
  }
  if (std::optional<std::string> Bad = checkSourceEncoding(*Text)) {
    Out.Errors.push_back({Path, 0, 0, "file " + *Bad});
    return Out;
  }
  bool MaySuppress = Text->find("torchdevice:") != std::string::npos;
  python::CheckResult Result = python::checkPythonSource(*Text, Rules, Options.TheTarget, MaySuppress);
  LineIndex Lines(*Text);
  if (Result.SyntaxError) {
    LineColumn LC = Lines.locate(Result.ErrorOffset);
    Out.Errors.push_back({Path, LC.Line, LC.Column, "syntax error; the file was not checked"});
    return Out;
  }
  SuppressionSet Suppressions;
  if (MaySuppress)
    Suppressions = SuppressionSet::scan(*Text, [&](std::size_t Offset) {
      for (const auto &[Start, End] : Result.Comments)
        if (Offset >= Start && Offset < End)
          return true;
      return false;
    });
  for (const RuleHit &H : Result.Hits) {
    if (Options.Config && Options.Config->ignoredFor(File.Path, H.Matched->Id))
      continue;
    LineColumn Start = Lines.locate(H.Offset), End = Lines.locate(H.Offset + H.Length);
    if (Suppressions.suppresses(H.Matched->Id, Start.Line)) {
      ++Out.Suppressed;
      continue;
    }
    Out.Findings.push_back({Path, Start.Line, Start.Column, End.Line, End.Column, H.Matched, H.Fix.has_value(),
                            H.NoFixReason});
  }
  for (const Suppression &S : Suppressions.all()) {
    if (S.Used)
      continue;
    ++Out.Unused;
    if (Options.ReportUnusedSuppressions)
      Out.Findings.push_back({Path, S.Line, S.Column, S.Line, S.EndColumn, &unusedSuppressionRule(), false, {}});
  }
  return Out;
}

} // namespace

CheckReport runCheck(const CheckOptions &Options, const RuleSet &Rules) {
  DiscoveryResult Found = discoverSources(Options.Paths, Options.Discovery);
  CheckReport Report;
  for (const DiscoveryProblem &P : Found.Problems)
    Report.Errors.push_back({P.Path, 0, 0, P.Message});

  std::vector<FileCheck> Results(Found.Sources.size());
  parallelFor(Results.size(), Options.Jobs,
              [&](std::size_t I) { Results[I] = checkOne(Found.Sources[I], Options, Rules); });

  Report.FilesChecked = Found.Sources.size();
  for (FileCheck &F : Results) {
    Report.Findings.insert(Report.Findings.end(), F.Findings.begin(), F.Findings.end());
    Report.Errors.insert(Report.Errors.end(), F.Errors.begin(), F.Errors.end());
    Report.Suppressed += F.Suppressed;
    Report.UnusedSuppressions += F.Unused;
  }
  std::stable_sort(Report.Findings.begin(), Report.Findings.end(), [](const Finding &A, const Finding &B) {
    return std::tie(A.Path, A.Line, A.Column) < std::tie(B.Path, B.Line, B.Column);
  });
  return Report;
}

} // namespace tdp
