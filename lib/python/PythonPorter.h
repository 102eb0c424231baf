// Ports the text of one Python file: match rules, apply edits pass by pass until nothing changes,
// insert the runtime import, and check that the result still parses.
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

struct PortOptions {
  Target TheTarget = Target::Auto;
  bool InsertImports = true;
  unsigned MaxPasses = 8; ///< rewrites nested in rewrites need more than one pass
  bool HonourSuppressions = true; ///< `# torchdevice: ignore[...]` comments
  std::vector<std::string> IgnoredRules; ///< id prefixes ignored for this file (config per_path_ignores)
};

/// A rule hit mapped back to the original text.
struct PortedHit {
  const Rule *Matched = nullptr;
  std::size_t Offset = 0; ///< in the original text
  std::size_t Length = 0;
  bool Fixed = false;      ///< an edit was applied
  std::string NoFixReason; ///< for a rewriting rule that could not rewrite here
  bool Suppressed = false; ///< a suppression comment (or per-path ignore) kept it as it is
  bool LowConfidence = false; ///< C++: matched at token level, not semantically
};

struct PortResult {
  enum class Status { Ported, SyntaxError, RewriteBroken } State = Status::Ported;
  std::string Problem;  ///< why the file was not ported (SyntaxError / RewriteBroken)
  std::size_t ProblemOffset = 0;
  std::string Text;     ///< the ported text; the input when nothing changed or on a problem
  std::vector<PortedHit> Hits;
  std::vector<std::string> Conflicts; ///< edits that could not be applied, with rule ids
  bool ImportInserted = false;
  unsigned Passes = 0;
};

PortResult portPythonSource(std::string_view Text, const RuleSet &Rules, const PortOptions &Options);

} // namespace tdp::python
