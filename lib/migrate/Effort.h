// The effort scale of the migration report: how much manual work a file still needs after the
// port (none / low / medium / high) and the rule behind the estimate. Defined in docs/migrate.md.
#pragma once

#include "migrate/LanguageFrontend.h"

#include <string>
#include <string_view>

namespace tdp::migrate {

enum class EffortLevel { None, Low, Medium, High };
std::string_view effortName(EffortLevel L);

struct Effort {
  EffortLevel Level = EffortLevel::None;
  std::string Rule;   ///< the rule id behind the level ("" when no rule is: a parse problem, none)
  std::string Reason; ///< one sentence
};

/// The level a use of a rule left for manual work costs on its own.
EffortLevel effortOfUse(const LeftUse &Use);

/// A file's effort: the highest level of its uses left, raised one step for many uses
/// (5 or more at low, 10 or more at medium); conflicts count medium; low-confidence (token-level)
/// edits alone count low; a file that could not be ported at all (a parse problem) is medium.
Effort estimateEffort(const FilePort &Port);

} // namespace tdp::migrate
