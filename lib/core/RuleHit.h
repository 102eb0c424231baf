// One place where a rule matched: the location, and the edit when the rule rewrites it.
#pragma once

#include "core/Edit.h"

#include <cstddef>
#include <optional>
#include <string>

namespace tdp {

struct Rule;

struct RuleHit {
  const Rule *Matched = nullptr;
  std::size_t Offset = 0; ///< start of the matched text
  std::size_t Length = 0;
  std::optional<Edit> Fix; ///< the rewrite, when the rule has one and it could be made here
  std::string NoFixReason; ///< why a rewriting rule made no edit here (e.g. *args in the call)
  bool LowConfidence = false;
};

} // namespace tdp
