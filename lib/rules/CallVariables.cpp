#include "rules/CallVariables.h"

#include <algorithm>
#include <cctype>

namespace tdp {
namespace {

bool isPositional(std::string_view V) { return V.size() == 1 && std::isdigit(static_cast<unsigned char>(V[0])); }

} // namespace

bool isCallVariable(std::string_view V, const std::vector<std::string> &Params) {
  if (V == "ARGS" || V == "KWARGS" || isPositional(V))
    return true;
  return std::find(Params.begin(), Params.end(), V) != Params.end();
}

bool usesCallVariables(const Template &T, const std::vector<std::string> &Params) {
  for (const std::string &V : T.variables())
    if (isCallVariable(V, Params))
      return true;
  return false;
}

std::string callVariableValue(const CallArguments &Args, const std::vector<std::string> &Params, std::string_view V) {
  if (V == "ARGS")
    return Args.All;
  if (isPositional(V)) {
    auto I = static_cast<std::size_t>(V[0] - '0');
    return I < Args.Positional.size() ? Args.Positional[I] : std::string();
  }
  if (V == "KWARGS") {
    std::string Out;
    for (const auto &[Name, Whole] : Args.Keywords) {
      if (std::find(Params.begin(), Params.end(), Name) != Params.end())
        continue;
      if (!Out.empty())
        Out += ", ";
      Out += Whole;
    }
    return Out;
  }
  for (std::size_t I = 0; I < Params.size(); ++I) {
    if (Params[I] != V)
      continue;
    if (I < Args.Positional.size())
      return Args.Positional[I];
    for (std::size_t K = 0; K < Args.Keywords.size(); ++K)
      if (Args.Keywords[K].first == V)
        return K < Args.KeywordValues.size() ? Args.KeywordValues[K] : std::string();
    return {};
  }
  return {};
}

std::string joinArguments(const std::vector<std::string> &Args) {
  std::string All;
  for (const std::string &A : Args)
    All += (All.empty() ? "" : ", ") + A;
  return All;
}

} // namespace tdp
