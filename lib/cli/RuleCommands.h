// --list-rules, --explain and --verify-rules.
#pragma once

#include <iosfwd>
#include <string>

namespace tdp {

class RuleSet;
enum class ExitCode : int;

void listRules(const RuleSet &Rules, bool Json, std::ostream &Out);
ExitCode explainRule(const RuleSet &Rules, const std::string &Id, std::ostream &Out, std::ostream &Err);
ExitCode verifyRules(const RuleSet &Rules, std::ostream &Out, std::ostream &Err);

} // namespace tdp
