// Reads rule files (JSON) into checked Rule objects. Every problem is a RuleError whose message
// names the file, the line and column, and what is wrong.
#pragma once

#include "rules/Rule.h"

#include <string>
#include <string_view>
#include <vector>

namespace tdp {

/// Parses the text of one rule file. FileName is used in messages and stored in each rule.
std::vector<Rule> parseRuleFile(std::string_view Text, const std::string &FileName);

/// Reads and parses a rule file from disk.
std::vector<Rule> loadRuleFile(const std::string &Path);

/// The built-in rules, compiled into the binary from rules/ (see lib/rules/CMakeLists.txt).
std::vector<Rule> loadBuiltinRules();

} // namespace tdp
