// The call variables of rewrite templates, shared by the Python and C++ matchers: `$ARGS` (every
// argument as written), `$0`..`$9` (positional arguments), `$KWARGS` (Python keyword arguments
// the rule does not name) and a rule's named `params` (by position, or by keyword in Python).
#pragma once

#include "rules/Template.h"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tdp {

/// The arguments of one matched call, as source text.
struct CallArguments {
  std::string All;                                            ///< every argument, as written
  std::vector<std::string> Positional;                        ///< in order
  std::vector<std::pair<std::string, std::string>> Keywords;  ///< name, the whole `name=value` text
  std::vector<std::string> KeywordValues;                     ///< the value text, parallel to Keywords
};

/// True when V is a call variable for a rule with these params.
bool isCallVariable(std::string_view V, const std::vector<std::string> &Params);

/// True when the template uses any call variable (the rewrite then spans the whole call).
bool usesCallVariables(const Template &T, const std::vector<std::string> &Params);

/// The value of call variable V (empty when the call does not have it).
std::string callVariableValue(const CallArguments &Args, const std::vector<std::string> &Params, std::string_view V);

/// Joins argument texts the way `$ARGS` shows them ("a, b").
std::string joinArguments(const std::vector<std::string> &Args);

} // namespace tdp
