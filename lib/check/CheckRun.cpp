#include "check/CheckRun.h"

#include "core/Error.h"
#include "core/Parallel.h"
#include "core/SourceText.h"
#include "core/Suppressions.h"
#include "cpp/CppComments.h"
#include "cpp/CppPorter.h"
#include "driver/FileIO.h"
#include "python/PythonChecker.h"
#include "rules/RuleSet.h"

#include <algorithm>
#include <cstdint>
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

/// A rule hit of either frontend, in the original text.
struct Hit {
  const Rule *Matched = nullptr;
  std::size_t Offset = 0, Length = 0;
  bool Fixable = false;
  std::string NoFixReason;
  bool LowConfidence = false;
};

using CommentRanges = std::vector<std::pair<std::size_t, std::size_t>>;

/// Turns one file's hits into findings: per-path ignores, suppression comments (those that
/// start inside one of Comments), unused suppressions.
void addFindings(FileCheck &Out, const SourceFile &File, std::string_view Text, const std::vector<Hit> &Hits,
                 const CommentRanges &Comments, const CheckOptions &Options) {
  std::string Path = File.Path.string();
  LineIndex Lines(Text);
  SuppressionSet Suppressions;
  if (Text.find("torchdevice:") != std::string_view::npos)
    Suppressions = SuppressionSet::scan(Text, [&](std::size_t Offset) {
      for (const auto &[Start, End] : Comments)
        if (Offset >= Start && Offset < End)
          return true;
      return false;
    });
  for (const Hit &H : Hits) {
    if (Options.Config && Options.Config->ignoredFor(File.Path, H.Matched->Id))
      continue;
    LineColumn Start = Lines.locate(H.Offset), End = Lines.locate(H.Offset + H.Length);
    if (Suppressions.suppresses(H.Matched->Id, Start.Line)) {
      ++Out.Suppressed;
      continue;
    }
    Out.Findings.push_back({Path, Start.Line, Start.Column, End.Line, End.Column, H.Matched, H.Fixable,
                            H.NoFixReason, H.LowConfidence});
  }
  for (const Suppression &S : Suppressions.all()) {
    if (S.Used)
      continue;
    ++Out.Unused;
    if (Options.ReportUnusedSuppressions)
      Out.Findings.push_back(
          {Path, S.Line, S.Column, S.Line, S.EndColumn, &unusedSuppressionRule(), false, {}, false});
  }
}

/// Reads a file for checking; records an input error and returns nullopt when it cannot be read
/// or is not UTF-8.
std::optional<std::string> readForCheck(const SourceFile &File, FileCheck &Out) {
  std::string Error;
  std::optional<std::string> Text = readWholeFile(File.Path, Error);
  if (!Text) {
    Out.Errors.push_back({File.Path.string(), 0, 0, Error});
    return std::nullopt;
  }
  if (std::optional<std::string> Bad = checkSourceEncoding(*Text)) {
    Out.Errors.push_back({File.Path.string(), 0, 0, "file " + *Bad});
    return std::nullopt;
  }
  return Text;
}

FileCheck checkPython(const SourceFile &File, const CheckOptions &Options, const RuleSet &Rules) {
  FileCheck Out;
  std::optional<std::string> Text = readForCheck(File, Out);
  if (!Text)
    return Out;
  bool MaySuppress = Text->find("torchdevice:") != std::string::npos;
  python::CheckResult Result = python::checkPythonSource(*Text, Rules, Options.TheTarget, MaySuppress);
  if (Result.SyntaxError) {
    LineColumn LC = LineIndex(*Text).locate(Result.ErrorOffset);
    Out.Errors.push_back({File.Path.string(), LC.Line, LC.Column, "syntax error; the file was not checked"});
    return Out;
  }
  std::vector<Hit> Hits;
  for (const RuleHit &H : Result.Hits)
    Hits.push_back({H.Matched, H.Offset, H.Length, H.Fix.has_value(), H.NoFixReason, false});
  addFindings(Out, File, *Text, Hits, Result.Comments, Options);
  return Out;
}

/// The C++ files are checked together, with the port's own frontend (nothing is written): a
/// header's hits come from the translation units that include it, and a file that does not
/// parse is still matched at token level.
std::vector<FileCheck> checkCpp(const std::vector<const SourceFile *> &Files, const CheckOptions &Options,
                                const RuleSet &Rules) {
  std::vector<FileCheck> Out(Files.size());
  std::vector<cpp::CppFileInput> Inputs;
  std::vector<std::size_t> InputOf(Files.size(), SIZE_MAX);
  for (std::size_t I = 0; I < Files.size(); ++I) {
    if (std::optional<std::string> Text = readForCheck(*Files[I], Out[I])) {
      InputOf[I] = Inputs.size();
      Inputs.push_back({Files[I]->Path, std::move(*Text), {}});
    }
  }
  if (Inputs.empty())
    return Out;
  cpp::CppPortOptions CO;
  CO.TheTarget = Options.TheTarget;
  CO.Commands = Options.Commands;
  CO.Jobs = Options.Jobs;
  CO.InsertRuntimeInclude = false;
  CO.HonourSuppressions = false; // applied below, where they are counted
  for (const std::string &P : Options.Paths)
    CO.Roots.emplace_back(P);
  cpp::CppPortResult Ported;
  try {
    Ported = cpp::portCppFiles(Inputs, Rules, CO);
  } catch (const ToolError &) {
    throw;
  } catch (const std::exception &E) {
    for (std::size_t I = 0; I < Files.size(); ++I)
      if (InputOf[I] != SIZE_MAX)
        Out[I].Errors.push_back({Files[I]->Path.string(), 0, 0,
                                 std::string("internal error in the C++ frontend: ") + E.what() + " (please report this)"});
    return Out;
  }
  for (std::size_t I = 0; I < Files.size(); ++I) {
    if (InputOf[I] == SIZE_MAX)
      continue;
    const cpp::CppFileInput &In = Inputs[InputOf[I]];
    std::vector<Hit> Hits;
    if (auto It = Ported.Files.find(In.Path); It != Ported.Files.end())
      for (const python::PortedHit &H : It->second.Hits)
        if (H.Matched->reports())
          Hits.push_back({H.Matched, H.Offset, H.Length, H.Fixed, H.NoFixReason, H.LowConfidence});
    addFindings(Out[I], *Files[I], In.Text, Hits, cpp::cppCommentRanges(In.Text), Options);
  }
  return Out;
}

} // namespace

CheckReport runCheck(const CheckOptions &Options, const RuleSet &Rules) {
  DiscoveryOptions DO = Options.Discovery;
  DO.IncludeCpp = Options.Cpp;
  DiscoveryResult Found = discoverSources(Options.Paths, DO);
  CheckReport Report;
  for (const DiscoveryProblem &P : Found.Problems)
    Report.Errors.push_back({P.Path, 0, 0, P.Message});

  std::vector<FileCheck> Results(Found.Sources.size());
  std::vector<const SourceFile *> CppFiles;
  std::vector<std::size_t> CppIndex;
  for (std::size_t I = 0; I < Found.Sources.size(); ++I)
    if (Found.Sources[I].Language == SourceLanguage::Cpp) {
      CppFiles.push_back(&Found.Sources[I]);
      CppIndex.push_back(I);
    }
  parallelFor(Results.size(), Options.Jobs, [&](std::size_t I) {
    if (Found.Sources[I].Language == SourceLanguage::Python)
      Results[I] = checkPython(Found.Sources[I], Options, Rules);
  });
  if (!CppFiles.empty()) {
    std::vector<FileCheck> Cpp = checkCpp(CppFiles, Options, Rules);
    for (std::size_t I = 0; I < Cpp.size(); ++I)
      Results[CppIndex[I]] = std::move(Cpp[I]);
  }

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
