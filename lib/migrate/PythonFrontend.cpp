// The Python frontend of `migrate` (the port engine's per-file port, mapped to a FilePort), and what
// every frontend shares.
#include "migrate/LanguageFrontend.h"

#include "core/Parallel.h"
#include "core/SourceText.h"
#include "driver/PortRun.h"
#include "rules/RuleSet.h"

namespace tdp::migrate {
namespace {

class PythonFrontend final : public LanguageFrontend {
public:
  PythonFrontend(const RuleSet &R, Target T, const std::optional<ProjectConfig> &C)
      : Rules(R), TheTarget(T), Config(C) {}

  std::string_view language() const override { return "python"; }

  bool claims(const std::filesystem::path &Relative) const override { return Relative.extension() == ".py"; }

  FilePort port(const std::string &Text, const std::filesystem::path &Path) const override {
    FileOutcome F;
    F.File.Path = Path;
    F.Original = Text;
    portSourceText(F, Rules, TheTarget, Config);
    return filePortFrom(F.Original, F.Result, F.Problem, F.ProblemOffset);
  }

private:
  const RuleSet &Rules;
  Target TheTarget;
  std::optional<ProjectConfig> Config;
};

} // namespace

FilePort filePortFrom(const std::string &Original, const python::PortResult &Result, const std::string &Problem,
                      std::size_t ProblemOffset) {
  FilePort Out;
  LineIndex Lines(Original);
  if (!Problem.empty()) {
    Out.Output = Original;
    ParseProblem P;
    P.Message = Problem;
    switch (Result.State) {
    case python::PortResult::Status::SyntaxError: {
      P.Kind = "syntax";
      LineColumn LC = Lines.locate(std::min(ProblemOffset, Original.size()));
      P.Line = LC.Line;
      P.Column = LC.Column;
      break;
    }
    case python::PortResult::Status::RewriteBroken:
      P.Kind = "rewrite-broken";
      break;
    case python::PortResult::Status::Ported:
      P.Kind = Problem.starts_with("internal error") ? "internal" : "encoding";
      break;
    }
    Out.Problems.push_back(std::move(P));
    return Out;
  }
  Out.Output = Result.Text;
  for (const python::PortedHit &H : Result.Hits) {
    if (H.Fixed) {
      ++Out.Converted;
      ++Out.EditsByRule[H.Matched->Id];
      ++Out.EditsByCategory[H.Matched->Category];
      if (H.LowConfidence) {
        LineColumn LC = Lines.locate(H.Offset);
        Out.LowConfidence.push_back({H.Matched->Id, LC.Line, LC.Column,
                                     "matched at token level: the name did not resolve (inactive preprocessor "
                                     "branch, or code that does not compile with the flags used)"});
      }
    } else if (H.Suppressed) {
      ++Out.Suppressed;
    } else if (H.Matched->reports()) {
      LineColumn LC = Lines.locate(H.Offset);
      LeftUse U;
      U.Rule = H.Matched->Id;
      U.Category = H.Matched->Category;
      U.Kind = H.NoFixReason.empty() ? "unsupported" : "not-rewritten";
      U.Line = LC.Line;
      U.Column = LC.Column;
      U.Message = H.Matched->Message;
      U.Effort = H.Matched->Effort;
      U.Advice = H.NoFixReason.empty() ? H.Matched->Advice : "not rewritten here: " + H.NoFixReason;
      Out.Left.push_back(std::move(U));
    }
  }
  Out.Conflicts = Result.Conflicts;
  return Out;
}

std::vector<FilePort> LanguageFrontend::portAll(const std::vector<FileInput> &Files, unsigned Jobs,
                                                const std::function<bool()> &Cancelled) const {
  std::vector<FilePort> Out(Files.size());
  parallelFor(Files.size(), Jobs, [&](std::size_t I) {
    if (!Cancelled())
      Out[I] = port(*Files[I].Text, Files[I].Path);
  });
  return Out;
}

std::unique_ptr<LanguageFrontend> makePythonFrontend(const RuleSet &Rules, Target TheTarget,
                                                     const std::optional<ProjectConfig> &Config) {
  return std::make_unique<PythonFrontend>(Rules, TheTarget, Config);
}

} // namespace tdp::migrate
