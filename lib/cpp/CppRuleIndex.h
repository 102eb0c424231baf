// The C++ rules of a rule set, indexed the way the C++ matcher looks them up.
#pragma once

#include "rules/Rule.h"

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace tdp {
class RuleSet;
}

namespace tdp::cpp {

class CppRuleIndex {
public:
  explicit CppRuleIndex(const RuleSet &Rules);

  /// A rule for a qualified name (any spelling a rule lists: c10::kCUDA, torch::kCUDA, ...).
  const Rule *name(std::string_view Qualified) const;
  /// A rule for a method of a class (or of a base class, checked by the caller via IsA).
  const Rule *method(std::string_view Method, const std::vector<std::string> &ClassAndBases) const;
  const Rule *include(std::string_view Header) const;
  const Rule *token(std::string_view Token) const;
  const Rule *deviceString(std::string_view DeviceType, bool Indexed) const;
  /// Every spelling of every name rule, for the token-level fallback.
  const std::map<std::string, const Rule *, std::less<>> &names() const { return Names; }
  bool empty() const { return Count == 0; }

private:
  std::map<std::string, const Rule *, std::less<>> Names, Includes, Tokens, DeviceStrings;
  std::map<std::string, std::vector<const Rule *>, std::less<>> Methods;
  std::size_t Count = 0;
};

} // namespace tdp::cpp
