// Runs every rule's examples (its tests): before/after pairs per target, valid near misses and
// expected findings. Results are validated, noisy (a finding where none was expected) or
// missing (no finding, or a different output, where one was expected).
#pragma once

#include "rules/Rule.h"

#include <string>
#include <vector>

namespace tdp {

struct ExampleFailure {
  std::string RuleId;
  std::string Where; ///< rule file and line
  std::size_t ExampleIndex = 0;
  std::string Verdict; ///< "noisy" or "missing"
  std::string Detail;
};

struct ExampleReport {
  std::size_t Validated = 0;
  std::vector<ExampleFailure> Failures;
};

ExampleReport checkRuleExamples(const std::vector<Rule> &Rules);

} // namespace tdp
