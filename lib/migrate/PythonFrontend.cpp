// The Python frontend of `migrate`: the port engine's per-file port, mapped to a FilePort.
#include "migrate/LanguageFrontend.h"

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
    FilePort Out;
    Out.Output = F.Problem.empty() ? std::move(F.Result.Text) : Text;
    LineIndex Lines(F.Original);
    if (!F.Problem.empty()) {
      ParseProblem P;
      P.Message = F.Problem;
      switch (F.Result.State) {
      case python::PortResult::Status::SyntaxError: {
        P.Kind = "syntax";
        LineColumn LC = Lines.locate(std::min(F.ProblemOffset, F.Original.size()));
        P.Line = LC.Line;
        P.Column = LC.Column;
        break;
      }
      case python::PortResult::Status::RewriteBroken:
        P.Kind = "rewrite-broken";
        break;
      case python::PortResult::Status::Ported:
        P.Kind = F.Problem.starts_with("internal error") ? "internal" : "encoding";
        break;
      }
      Out.Problems.push_back(std::move(P));
      return Out;
    }
    for (const python::PortedHit &H : F.Result.Hits) {
      if (H.Fixed) {
        ++Out.Converted;
        ++Out.EditsByRule[H.Matched->Id];
        ++Out.EditsByCategory[H.Matched->Category];
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
        U.Advice = H.NoFixReason.empty() ? H.Matched->Advice : "not rewritten here: " + H.NoFixReason;
        Out.Left.push_back(std::move(U));
      }
    }
    Out.Conflicts = F.Result.Conflicts;
    return Out;
  }

private:
  const RuleSet &Rules;
  Target TheTarget;
  std::optional<ProjectConfig> Config;
};

} // namespace

std::unique_ptr<LanguageFrontend> makePythonFrontend(const RuleSet &Rules, Target TheTarget,
                                                     const std::optional<ProjectConfig> &Config) {
  return std::make_unique<PythonFrontend>(Rules, TheTarget, Config);
}

} // namespace tdp::migrate
