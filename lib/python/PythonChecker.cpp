#include "python/PythonChecker.h"

#include "python/Comments.h"
#include "python/PythonMatcher.h"
#include "python/PythonSyntax.h"
#include "rules/RuleSet.h"

#include <algorithm>
#include <set>

namespace tdp::python {

CheckResult checkPythonSource(std::string_view Text, const RuleSet &Rules, Target T, bool WantComments) {
  CheckResult Result;
  bool MayMatch = Rules.mayMatch(Text);
  if (!MayMatch && !WantComments)
    return Result;
  ParsedSource Source(Text);
  if (Source.hasErrors()) {
    TSNode Err = Source.firstError();
    Result.SyntaxError = true;
    Result.ErrorOffset = ts_node_is_null(Err) ? 0 : ts_node_start_byte(Err);
    return Result;
  }
  if (WantComments)
    Result.Comments = commentRanges(Source);
  if (!MayMatch)
    return Result;
  std::set<std::pair<const Rule *, std::size_t>> Seen;
  for (RuleHit &H : matchRules(Source, Rules, T)) {
    if (!H.Matched->reports() || !Seen.insert({H.Matched, H.Offset}).second)
      continue;
    Result.Hits.push_back(std::move(H));
  }
  std::stable_sort(Result.Hits.begin(), Result.Hits.end(),
                   [](const RuleHit &A, const RuleHit &B) { return A.Offset < B.Offset; });
  return Result;
}

} // namespace tdp::python
