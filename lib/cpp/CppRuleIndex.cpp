#include "cpp/CppRuleIndex.h"

#include "core/Error.h"
#include "rules/RuleSet.h"

namespace tdp::cpp {
namespace {

void claim(std::map<std::string, const Rule *, std::less<>> &M, const std::string &Key, const Rule &R,
           const char *What) {
  auto [It, Inserted] = M.emplace(Key, &R);
  if (!Inserted)
    throw RuleError(R.SourceFile + ": rule '" + R.Id + "': " + What + " '" + Key + "' is already matched by rule '" +
                    It->second->Id + "'");
}

} // namespace

CppRuleIndex::CppRuleIndex(const RuleSet &Rules) {
  for (const Rule &R : Rules.rules()) {
    if (R.Language != "cpp")
      continue;
    ++Count;
    if (auto *N = std::get_if<NameMatch>(&R.Match))
      for (const std::string &Name : N->Names)
        claim(Names, Name, R, "name");
    else if (auto *M = std::get_if<MethodMatch>(&R.Match))
      Methods[M->Method].push_back(&R);
    else if (auto *I = std::get_if<IncludeMatch>(&R.Match))
      for (const std::string &H : I->Headers)
        claim(Includes, H, R, "include");
    else if (auto *T = std::get_if<TokenMatch>(&R.Match))
      for (const std::string &Tok : T->Tokens)
        claim(Tokens, Tok, R, "token");
    else if (auto *D = std::get_if<DeviceStringMatch>(&R.Match))
      claim(DeviceStrings, D->DeviceType + (D->Indexed ? ":N" : ""), R, "device string");
  }
}

const Rule *CppRuleIndex::name(std::string_view Qualified) const {
  auto It = Names.find(Qualified);
  return It == Names.end() ? nullptr : It->second;
}

const Rule *CppRuleIndex::method(std::string_view Method, const std::vector<std::string> &ClassAndBases) const {
  auto It = Methods.find(Method);
  if (It == Methods.end())
    return nullptr;
  for (const Rule *R : It->second)
    for (const std::string &Class : std::get<MethodMatch>(R->Match).Classes)
      for (const std::string &Have : ClassAndBases)
        if (Class == Have)
          return R;
  return nullptr;
}

const Rule *CppRuleIndex::include(std::string_view Header) const {
  auto It = Includes.find(Header);
  return It == Includes.end() ? nullptr : It->second;
}

const Rule *CppRuleIndex::token(std::string_view Token) const {
  auto It = Tokens.find(Token);
  return It == Tokens.end() ? nullptr : It->second;
}

const Rule *CppRuleIndex::deviceString(std::string_view DeviceType, bool Indexed) const {
  auto It = DeviceStrings.find(std::string(DeviceType) + (Indexed ? ":N" : ""));
  return It == DeviceStrings.end() ? nullptr : It->second;
}

} // namespace tdp::cpp
