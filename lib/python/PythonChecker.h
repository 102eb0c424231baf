// Finds the rule hits of one Python file without rewriting it (`torchdevice-port check`).
#pragma once

#include "core/RuleHit.h"
#include "rules/Rule.h"

#include <string>
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
};

/// Parses once and matches once: every hit is in the original text's coordinates.
CheckResult checkPythonSource(std::string_view Text, const RuleSet &Rules, Target T);

} // namespace tdp::python
