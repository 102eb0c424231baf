#include "cli/RuleCommands.h"

#include "core/Error.h"
#include "core/Version.h"
#include "driver/RuleExampleCheck.h"
#include "rules/RuleSet.h"

#include <nlohmann/json.hpp>
#include <iomanip>
#include <ostream>

namespace tdp {
namespace {

std::string matchSummary(const RuleMatch &M) {
  if (auto *N = std::get_if<NameMatch>(&M)) {
    std::string S;
    for (const std::string &Name : N->Names)
      S += (S.empty() ? "" : ", ") + Name;
    return S;
  }
  if (auto *Me = std::get_if<MethodMatch>(&M)) {
    std::string Classes;
    for (const std::string &C : Me->Classes)
      Classes += (Classes.empty() ? "" : "/") + C;
    return (Classes.empty() ? "EXPR" : Classes) + "." + Me->Method + "(...)";
  }
  if (auto *I = std::get_if<IncludeMatch>(&M)) {
    std::string S;
    for (const std::string &H : I->Headers)
      S += (S.empty() ? "#include <" : ", <") + H + ">";
    return S;
  }
  if (auto *T = std::get_if<TokenMatch>(&M)) {
    std::string S;
    for (const std::string &Tok : T->Tokens)
      S += (S.empty() ? "tokens " : ", ") + Tok;
    return S;
  }
  if (auto *A = std::get_if<AttributeMatch>(&M))
    return "EXPR." + A->Attribute;
  if (auto *D = std::get_if<DeviceStringMatch>(&M))
    return "\"" + D->DeviceType + (D->Indexed ? ":N" : "") + "\" in a device position";
  const auto &Ar = std::get<ArgumentMatch>(M);
  return Ar.Call + "(" + Ar.Keyword + "=...)";
}

} // namespace

void listRules(const RuleSet &Rules, bool Json, std::ostream &Out) {
  if (Json) {
    nlohmann::ordered_json J;
    J["schema_version"] = 1;
    J["tool_version"] = toolVersion();
    nlohmann::ordered_json List = nlohmann::ordered_json::array();
    for (const Rule &R : Rules.rules()) {
      nlohmann::ordered_json E;
      E["id"] = R.Id;
      E["language"] = R.Language;
      E["category"] = R.Category;
      E["kind"] = std::string(ruleKindName(R.Kind));
      E["message"] = R.Message;
      E["match"] = matchSummary(R.Match);
      E["fix_safety"] = R.Safety == FixSafety::Safe ? "safe" : "unsafe";
      if (!R.Advice.empty())
        E["advice"] = R.Advice;
      if (!R.Effort.empty())
        E["effort"] = R.Effort;
      E["source"] = R.SourceFile;
      List.push_back(E);
    }
    J["rules"] = List;
    Out << J.dump(2) << "\n";
    return;
  }
  for (const Rule &R : Rules.rules())
    Out << std::left << std::setw(8) << R.Id << std::setw(13) << ruleKindName(R.Kind) << std::setw(13) << R.Category
        << R.Message << "\n";
  Out << Rules.rules().size() << " rules\n";
}

ExitCode explainRule(const RuleSet &Rules, const std::string &Id, std::ostream &Out, std::ostream &Err) {
  const Rule *R = Rules.byId(Id);
  if (!R) {
    Err << "torchdevice-port: error: no rule '" << Id << "'";
    std::vector<std::string> Close = Rules.similarIds(Id);
    if (!Close.empty())
      Err << " (did you mean " << Close.front() << "?)";
    Err << "\n";
    return ExitCode::UsageError;
  }
  Out << R->Id << " (" << R->Category << ", " << ruleKindName(R->Kind) << ", " << R->Language << ")\n"
      << "  " << R->Message << "\n\n"
      << "Matches: " << matchSummary(R->Match) << "\n";
  for (const auto &[Key, T] : R->Rewrite)
    Out << "Rewrite (" << Key << "): " << T.source() << "\n";
  if (R->edits())
    Out << "Fix safety: " << (R->Safety == FixSafety::Safe ? "safe" : "unsafe") << "\n";
  if (!R->Advice.empty())
    Out << "Advice: " << R->Advice << "\n";
  if (!R->Effort.empty())
    Out << "Manual work per use left (migrate report): " << R->Effort << "\n";
  if (!R->Note.empty())
    Out << "\n" << R->Note << "\n";
  for (const RuleExample &Ex : R->Examples) {
    if (Ex.Type != RuleExample::Kind::Fix)
      continue;
    Out << "\nExample:\n" << Ex.Before << "\n-->\n" << Ex.After.begin()->second << "\n";
    break;
  }
  Out << "\nDefined in " << R->SourceFile << (R->SourceLine ? ":" + std::to_string(R->SourceLine) : "") << "\n";
  return ExitCode::Success;
}

ExitCode verifyRules(const RuleSet &Rules, std::ostream &Out, std::ostream &Err) {
  ExampleReport Report = checkRuleExamples(Rules.rules());
  for (const ExampleFailure &F : Report.Failures)
    Err << F.Where << ": rule " << F.RuleId << ", example " << F.ExampleIndex << ": " << F.Verdict << ": " << F.Detail
        << "\n";
  std::size_t Noisy = 0, Missing = 0;
  for (const ExampleFailure &F : Report.Failures)
    (F.Verdict == "noisy" ? Noisy : Missing)++;
  Out << Report.Validated << " validated, " << Noisy << " noisy, " << Missing << " missing\n";
  return Report.Failures.empty() ? ExitCode::Success : ExitCode::RuleError;
}

} // namespace tdp
