// Runs the Python rules over one parsed file and returns every hit: the edits of rewriting rules
// and the findings of unsupported and keep rules.
#pragma once

#include "core/RuleHit.h"
#include "python/PythonSyntax.h"
#include "rules/Rule.h"

#include <vector>

namespace tdp {
class RuleSet;
}

namespace tdp::python {

std::vector<RuleHit> matchRules(const ParsedSource &Source, const RuleSet &Rules, Target T);

} // namespace tdp::python
