#include "rules/RuleSet.h"

#include "core/Error.h"

#include <algorithm>
#include <set>

namespace tdp {
namespace {

const std::vector<const Rule *> NoRules;

std::size_t editDistance(std::string_view A, std::string_view B) {
  std::vector<std::size_t> Row(B.size() + 1);
  for (std::size_t J = 0; J <= B.size(); ++J)
    Row[J] = J;
  for (std::size_t I = 1; I <= A.size(); ++I) {
    std::size_t Diag = Row[0];
    Row[0] = I;
    for (std::size_t J = 1; J <= B.size(); ++J) {
      std::size_t Up = Row[J];
      Row[J] = std::min({Row[J] + 1, Row[J - 1] + 1, Diag + (A[I - 1] == B[J - 1] ? 0 : 1)});
      Diag = Up;
    }
  }
  return Row[B.size()];
}

std::string where(const Rule &R) {
  return R.SourceFile + (R.SourceLine ? ":" + std::to_string(R.SourceLine) : std::string());
}

template <typename Map>
void claim(Map &M, const std::string &Key, const Rule &R, const char *What) {
  auto [It, Inserted] = M.emplace(Key, &R);
  if (!Inserted)
    throw RuleError(where(R) + ": rule '" + R.Id + "': " + What + " '" + Key + "' is already matched by rule '" +
                    It->second->Id + "' (" + where(*It->second) + ")");
}

} // namespace

RuleSet::RuleSet(std::vector<Rule> TheRules) : Rules(std::move(TheRules)) {
  std::map<std::string, const Rule *> Ids;
  for (const Rule &R : Rules) {
    auto [It, Inserted] = Ids.emplace(R.Id, &R);
    if (!Inserted)
      throw RuleError(where(R) + ": duplicate rule id '" + R.Id + "' (also defined at " + where(*It->second) + ")");
  }
  buildIndex();
}

namespace {

std::vector<std::string> splitDots(std::string_view Name) {
  std::vector<std::string> Parts;
  std::size_t Start = 0;
  for (;;) {
    std::size_t Dot = Name.find('.', Start);
    Parts.emplace_back(Name.substr(Start, Dot == std::string_view::npos ? std::string_view::npos : Dot - Start));
    if (Dot == std::string_view::npos)
      break;
    Start = Dot + 1;
  }
  if (!Parts.empty() && Parts.back() == "*")
    Parts.pop_back();
  return Parts;
}

/// For each rule, one word that must appear in any file the rule matches. Among the candidates
/// of a qualified name (its segments after the root) the word shared by most rules is taken, so
/// that the prefilter checks few distinct words.
std::vector<std::string> triggerWordsFor(const std::vector<Rule> &Rules) {
  std::vector<std::vector<std::string>> Candidates;
  std::map<std::string, std::size_t> Frequency;
  for (const Rule &R : Rules) {
    if (R.Language != "python" || R.Kind == RuleKind::Keep) // keep rules change nothing
      continue;
    std::vector<std::vector<std::string>> PerRule;
    if (auto *N = std::get_if<NameMatch>(&R.Match)) {
      for (const std::string &Name : N->Names) {
        std::vector<std::string> Parts = splitDots(Name);
        if (Parts.size() > 1)
          Parts.erase(Parts.begin()); // "torch" is in every file
        PerRule.push_back(Parts);
      }
    } else if (auto *M = std::get_if<MethodMatch>(&R.Match)) {
      PerRule.push_back({M->Method});
    } else if (auto *A = std::get_if<AttributeMatch>(&R.Match)) {
      PerRule.push_back({A->Attribute});
    } else if (auto *D = std::get_if<DeviceStringMatch>(&R.Match)) {
      PerRule.push_back({D->DeviceType});
    } else if (auto *Ar = std::get_if<ArgumentMatch>(&R.Match)) {
      std::vector<std::string> Words = splitDots(Ar->Call.starts_with('.') ? Ar->Call.substr(1) : Ar->Call);
      if (Words.size() > 1)
        Words.erase(Words.begin());
      if (!Ar->Position) // then the keyword is always written
        Words.push_back(Ar->Keyword);
      if (Ar->Value && Ar->Value->Type == LiteralValue::Kind::String && !Ar->Value->Text.empty())
        Words.push_back(Ar->Value->Text);
      PerRule.push_back(Words);
    }
    for (auto &Parts : PerRule) {
      for (const std::string &P : Parts)
        ++Frequency[P];
      Candidates.push_back(std::move(Parts));
    }
  }
  // Short words and common module names are poor filters ("amp" is in "example", every
  // project has "utils"): take them only when a rule offers nothing else.
  auto Generic = [](const std::string &W) {
    static const std::set<std::string, std::less<>> Common = {"utils", "data", "nn", "load", "functional",
                                                              "parallel", "distributed", "torch"};
    return W.size() < 4 || Common.count(W) > 0;
  };
  std::set<std::string> Chosen;
  auto Better = [&](const std::string &A, const std::string &B) {
    if (Chosen.count(A) != Chosen.count(B)) // a word already checked costs nothing more
      return Chosen.count(A) > 0;
    if (Generic(A) != Generic(B))
      return !Generic(A);
    if (Frequency[A] != Frequency[B])
      return Frequency[A] > Frequency[B];
    return A.size() > B.size();
  };
  // Rules with fewer choices go first, so that the others can reuse their words.
  std::stable_sort(Candidates.begin(), Candidates.end(),
                   [](const auto &A, const auto &B) { return A.size() < B.size(); });
  for (const auto &Parts : Candidates) {
    const std::string *Best = nullptr;
    for (const std::string &P : Parts)
      if (!P.empty() && (!Best || Better(P, *Best)))
        Best = &P;
    if (Best)
      Chosen.insert(*Best);
  }
  // A word that contains another chosen word is redundant ("cudnn" when "cud" is chosen).
  std::vector<std::string> Out;
  for (const std::string &W : Chosen) {
    bool Redundant = false;
    for (const std::string &Other : Chosen)
      Redundant = Redundant || (Other != W && W.find(Other) != std::string::npos);
    if (!Redundant)
      Out.push_back(W);
  }
  return Out;
}

} // namespace

bool RuleSet::mayMatch(std::string_view Text) const {
  for (const std::string &W : TriggerWords)
    if (Text.find(W) != std::string_view::npos)
      return true;
  return false;
}

bool RuleSet::isImportModule(std::string_view Name) const {
  return std::find(ImportModules.begin(), ImportModules.end(), Name) != ImportModules.end();
}

void RuleSet::buildIndex() {
  TriggerWords = triggerWordsFor(Rules);
  ImportModules = {"torchdevice"}; // the runtime, whether or not a rule declares it
  for (const Rule &R : Rules)
    if (!R.Import.empty() && !isImportModule(R.Import))
      ImportModules.push_back(R.Import);
  std::set<std::string> Types;
  for (const Rule &R : Rules) {
    if (R.Language != "python")
      continue;
    if (auto *N = std::get_if<NameMatch>(&R.Match)) {
      for (const std::string &Name : N->Names) {
        if (Name.ends_with(".*"))
          claim(WildcardPrefixes, Name.substr(0, Name.size() - 1), R, "wildcard");
        else
          claim(ExactNames, Name, R, "name");
      }
    } else if (auto *M = std::get_if<MethodMatch>(&R.Match)) {
      std::vector<const Rule *> &Claims = MethodRules[M->Method];
      if (!Claims.empty())
        throw RuleError(where(R) + ": rule '" + R.Id + "': method '" + M->Method + "' is already matched by rule '" +
                        Claims.front()->Id + "' (" + where(*Claims.front()) + ")");
      Claims.push_back(&R);
    } else if (auto *A = std::get_if<AttributeMatch>(&R.Match)) {
      claim(AttributeRules, A->Attribute, R, "attribute");
    } else if (auto *D = std::get_if<DeviceStringMatch>(&R.Match)) {
      claim(DeviceStringRules, D->DeviceType + (D->Indexed ? ":N" : ""), R, "device string");
      Types.insert(D->DeviceType);
    } else if (auto *Ar = std::get_if<ArgumentMatch>(&R.Match)) {
      ArgumentRules[Ar->Call].push_back(&R);
    }
  }
  DeviceTypes.assign(Types.begin(), Types.end());
}

RuleSet RuleSet::filtered(const std::vector<std::string> &Select, const std::vector<std::string> &Ignore) const {
  auto Matches = [](const Rule &R, const std::string &Prefix) { return R.Id.starts_with(Prefix); };
  for (const auto *List : {&Select, &Ignore}) {
    for (const std::string &S : *List) {
      bool Any = std::any_of(Rules.begin(), Rules.end(), [&](const Rule &R) { return Matches(R, S); });
      if (!Any) {
        std::string Msg = "no rule id starts with '" + S + "'";
        std::vector<std::string> Close = similarIds(S);
        if (!Close.empty())
          Msg += " (did you mean " + Close.front() + "?)";
        throw UsageError(Msg);
      }
    }
  }
  std::vector<Rule> Kept;
  for (const Rule &R : Rules) {
    bool In = Select.empty() || std::any_of(Select.begin(), Select.end(), [&](auto &S) { return Matches(R, S); });
    bool Out = std::any_of(Ignore.begin(), Ignore.end(), [&](auto &S) { return Matches(R, S); });
    if (In && !Out)
      Kept.push_back(R);
  }
  return RuleSet(std::move(Kept));
}

const Rule *RuleSet::byId(std::string_view Id) const {
  for (const Rule &R : Rules)
    if (R.Id == Id)
      return &R;
  return nullptr;
}

std::vector<std::string> RuleSet::similarIds(std::string_view Id) const {
  std::vector<std::pair<std::size_t, std::string>> Scored;
  for (const Rule &R : Rules) {
    std::size_t D = editDistance(Id, std::string_view(R.Id).substr(0, std::max<std::size_t>(Id.size(), 1)));
    if (D <= 2)
      Scored.emplace_back(D, R.Id);
  }
  std::sort(Scored.begin(), Scored.end());
  std::vector<std::string> Out;
  for (auto &[D, S] : Scored)
    Out.push_back(S);
  return Out;
}

const Rule *RuleSet::exactName(std::string_view Qualified) const {
  auto It = ExactNames.find(Qualified);
  return It == ExactNames.end() ? nullptr : It->second;
}

const Rule *RuleSet::wildcardName(std::string_view Qualified) const {
  // The longest prefix wins: walk the dots from the right.
  for (std::size_t Pos = Qualified.rfind('.'); Pos != std::string_view::npos && Pos > 0;
       Pos = Qualified.rfind('.', Pos - 1)) {
    auto It = WildcardPrefixes.find(Qualified.substr(0, Pos + 1));
    if (It != WildcardPrefixes.end())
      return It->second;
  }
  return nullptr;
}

bool RuleSet::starImportedName(std::string_view Module, std::string_view Name) const {
  std::string Q = std::string(Module) + "." + std::string(Name);
  return exactName(Q) != nullptr;
}

const std::vector<const Rule *> &RuleSet::methodRules(std::string_view Method) const {
  auto It = MethodRules.find(Method);
  return It == MethodRules.end() ? NoRules : It->second;
}

const Rule *RuleSet::attributeRule(std::string_view Attribute) const {
  auto It = AttributeRules.find(Attribute);
  return It == AttributeRules.end() ? nullptr : It->second;
}

const Rule *RuleSet::deviceStringRule(std::string_view DeviceType, bool Indexed) const {
  auto It = DeviceStringRules.find(std::string(DeviceType) + (Indexed ? ":N" : ""));
  return It == DeviceStringRules.end() ? nullptr : It->second;
}

const std::vector<const Rule *> &RuleSet::argumentRules(std::string_view Call) const {
  auto It = ArgumentRules.find(Call);
  return It == ArgumentRules.end() ? NoRules : It->second;
}

} // namespace tdp
