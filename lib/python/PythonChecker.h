// Finds the rule hits of one Python file without rewriting it (`torchdevice-port check`).
#pragma once

#include "core/RuleHit.h"
#include "rules/Rule.h"

#include <string>
#include <utility>
#include <string_view>
#include <vector>

namespace tdp {
class RuleSet;
}

namespace tdp::python {

struct CheckResult {
  bool SyntaxError = false;
  std::size_t ErrorOffset = 0;
  std::vector<RuleHit> Hits; ///< one per (rule, place); keep rules are left out
  std::vector<std::pair<std::size_t, std::size_t>> Comments; ///< when asked for
};

/// Parses once and matches once: every hit is in the original text's coordinates. A file that
/// mentions nothing the rules look for is not parsed, unless WantComments (to validate
/// suppression comments).
CheckResult checkPythonSource(std::string_view Text, const RuleSet &Rules, Target T, bool WantComments = false);

} // namespace tdp::python
