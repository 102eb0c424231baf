// The C++ frontend of `migrate`: the C++ porter (Clang LibTooling) behind `torchdevice-port PATH`,
// run once over all C++ files of a repository, because a header's edits come from every
// translation unit that includes it.
#include "migrate/CppFrontend.h"

#include "core/SourceLanguage.h"
#include "core/SourceText.h"
#include "cpp/CppPorter.h"
#include "rules/RuleSet.h"

#include <algorithm>

namespace fs = std::filesystem;

namespace tdp::migrate {
namespace {

fs::path normalAbsolute(const fs::path &P) {
  std::error_code EC;
  fs::path A = fs::absolute(P, EC);
  return (EC ? P : A).lexically_normal();
}

bool isBelow(const fs::path &Path, const fs::path &Dir) {
  fs::path Rel = Path.lexically_relative(Dir);
  return !Rel.empty() && *Rel.begin() != "..";
}

class CppFrontend final : public LanguageFrontend {
public:
  CppFrontend(const RuleSet &R, CppFrontendOptions O) : Rules(R), Options(std::move(O)) {
    for (const std::string &Root : Options.Roots)
      Roots.push_back(normalAbsolute(Root));
  }

  std::string_view language() const override { return "cpp"; }

  bool claims(const fs::path &Relative) const override { return isCppSource(Relative) || isCppHeader(Relative); }

  bool portsWholeSet() const override { return true; }

  FilePort port(const std::string &Text, const fs::path &Path) const override {
    std::vector<FilePort> Out = portAll({{Path, &Text}}, 1, [] { return false; });
    return std::move(Out.front());
  }

  std::vector<FilePort> portAll(const std::vector<FileInput> &Files, unsigned Jobs,
                                const std::function<bool()> &Cancelled) const override {
    std::vector<FilePort> Out(Files.size());
    // One porter run per repository: each has its own compile commands and its own headers.
    std::vector<std::vector<std::size_t>> ByRoot(Roots.size() + 1);
    for (std::size_t I = 0; I < Files.size(); ++I)
      ByRoot[rootOf(Files[I].Path)].push_back(I);
    for (std::size_t R = 0; R < ByRoot.size() && !Cancelled(); ++R)
      if (!ByRoot[R].empty())
        portGroup(Files, ByRoot[R], R < Roots.size() ? Roots[R] : fs::path(), Jobs, Cancelled, Out);
    return Out;
  }

private:
  std::size_t rootOf(const fs::path &File) const {
    fs::path A = normalAbsolute(File);
    for (std::size_t R = 0; R < Roots.size(); ++R)
      if (isBelow(A, Roots[R]))
        return R;
    return Roots.size();
  }

  void portGroup(const std::vector<FileInput> &Files, const std::vector<std::size_t> &Group, const fs::path &Root,
                 unsigned Jobs, const std::function<bool()> &Cancelled, std::vector<FilePort> &Out) const {
    std::vector<cpp::CppFileInput> Inputs;
    std::vector<std::size_t> Ported; // indices into Files, parallel to Inputs
    for (std::size_t I : Group) {
      const std::string &Text = *Files[I].Text;
      if (std::optional<std::string> Bad = checkSourceEncoding(Text)) {
        Out[I] = filePortFrom(Text, python::PortResult{}, "file " + *Bad + "; skipped", 0);
        continue;
      }
      Inputs.push_back({Files[I].Path, Text, {}});
      if (Options.Config)
        Inputs.back().IgnoredRules = Options.Config->ignoredRulesFor(Files[I].Path);
      Ported.push_back(I);
    }
    if (Inputs.empty())
      return;
    cpp::CppPortOptions CO;
    CO.TheTarget = Options.TheTarget;
    CO.Commands = Options.Commands;
    CO.Jobs = Jobs;
    CO.Cancelled = Cancelled;
    if (!Root.empty())
      CO.Roots.push_back(Root);
    cpp::CppPortResult Result;
    try {
      Result = cpp::portCppFiles(Inputs, Rules, CO);
    } catch (const std::exception &E) {
      for (std::size_t K = 0; K < Inputs.size(); ++K) {
        python::PortResult Unported;
        Unported.Text = Inputs[K].Text;
        Out[Ported[K]] = filePortFrom(Inputs[K].Text, Unported, std::string("internal error: ") + E.what(), 0);
      }
      return;
    }
    for (std::size_t K = 0; K < Inputs.size(); ++K) {
      const cpp::CppFileInput &In = Inputs[K];
      auto It = Result.Files.find(In.Path);
      python::PortResult R;
      if (It != Result.Files.end()) {
        R = std::move(It->second);
      } else {
        R.Text = In.Text;
      }
      FilePort P = filePortFrom(In.Text, R, "", 0);
      if (auto E = Result.ParseErrors.find(In.Path); E != Result.ParseErrors.end())
        P.Diagnostics.push_back(E->second);
      Out[Ported[K]] = std::move(P);
    }
  }

  const RuleSet &Rules;
  CppFrontendOptions Options;
  std::vector<fs::path> Roots;
};

} // namespace

std::unique_ptr<LanguageFrontend> makeCppFrontend(const RuleSet &Rules, CppFrontendOptions Options) {
  return std::make_unique<CppFrontend>(Rules, std::move(Options));
}

} // namespace tdp::migrate
