#include "python/PythonPorter.h"

#include "python/ImportInsertion.h"
#include "python/PythonMatcher.h"
#include "python/PythonSyntax.h"
#include "rules/RuleSet.h"

#include <algorithm>
#include <set>

namespace tdp::python {
namespace {

/// Maps an offset in the text after Edits were applied back to the text before.
std::size_t mapBack(std::size_t Offset, const std::vector<Edit> &Edits) {
  long long Delta = 0;
  for (const Edit &E : Edits) { // sorted by offset
    auto NewStart = static_cast<std::size_t>(static_cast<long long>(E.Offset) + Delta);
    std::size_t NewEnd = NewStart + E.Replacement.size();
    if (Offset < NewStart)
      break;
    if (Offset < NewEnd)
      return E.Offset;
    Delta += static_cast<long long>(E.Replacement.size()) - static_cast<long long>(E.Length);
  }
  return static_cast<std::size_t>(static_cast<long long>(Offset) - Delta);
}

std::string describe(const Edit &E) { return "rule " + E.RuleId + " at offset " + std::to_string(E.Offset); }

} // namespace

PortResult portPythonSource(std::string_view Input, const RuleSet &Rules, const PortOptions &Options) {
  PortResult Result;
  Result.Text = std::string(Input);
  {
    ParsedSource Original(Input);
    if (Original.hasErrors()) {
      TSNode Err = Original.firstError();
      Result.State = PortResult::Status::SyntaxError;
      Result.ProblemOffset = ts_node_is_null(Err) ? 0 : ts_node_start_byte(Err);
      Result.Problem = "syntax error; the file is left unchanged";
      return Result;
    }
  }

  std::string Text(Input);
  std::vector<std::vector<Edit>> AppliedPerPass;
  std::set<std::string> Imports;
  std::vector<Edit> Deferred;
  auto MapToOriginal = [&](std::size_t Offset) {
    for (auto It = AppliedPerPass.rbegin(); It != AppliedPerPass.rend(); ++It)
      Offset = mapBack(Offset, *It);
    return Offset;
  };

  for (unsigned Pass = 0; Pass < Options.MaxPasses; ++Pass) {
    ParsedSource Source(Text);
    std::vector<RuleHit> Hits = matchRules(Source, Rules, Options.TheTarget);
    std::vector<Edit> Edits;
    std::set<std::pair<std::string, std::size_t>> Seen;
    for (RuleHit &H : Hits) {
      if (!Seen.insert({H.Matched->Id, H.Offset}).second)
        continue; // the same string in two device positions
      if (H.Fix) {
        Edits.push_back(*H.Fix);
      } else if (Pass == 0) {
        Result.Hits.push_back({H.Matched, H.Offset, H.Length, false, H.NoFixReason});
      }
    }
    Result.Passes = Pass + 1;
    if (Edits.empty()) {
      Deferred.clear();
      break;
    }
    EditSelection Sel = selectNonOverlapping(std::move(Edits));
    std::string Next = applyEdits(Text, Sel.Accepted);
    {
      ParsedSource Check(Next);
      if (Check.hasErrors()) {
        std::set<std::string> Ids;
        for (const Edit &E : Sel.Accepted)
          Ids.insert(E.RuleId);
        std::string List;
        for (const std::string &Id : Ids)
          List += (List.empty() ? "" : ", ") + Id;
        Result.State = PortResult::Status::RewriteBroken;
        Result.Problem = "the rewrite by " + List + " would not parse; the file is left unchanged (please report this)";
        Result.Text = std::string(Input);
        Result.Hits.clear();
        return Result;
      }
    }
    for (const Edit &E : Sel.Accepted) {
      const Rule *R = Rules.byId(E.RuleId);
      if (R && !R->Import.empty())
        Imports.insert(R->Import);
      Result.Hits.push_back({R, MapToOriginal(E.Offset), MapToOriginal(E.end()) - MapToOriginal(E.Offset), true, {}});
    }
    AppliedPerPass.push_back(Sel.Accepted);
    Deferred = std::move(Sel.Deferred);
    Text = std::move(Next);
    if (Pass + 1 == Options.MaxPasses)
      for (const Edit &E : Deferred)
        Result.Conflicts.push_back(describe(E) + " overlaps another edit after " +
                                   std::to_string(Options.MaxPasses) + " passes");
  }
  if (Result.Passes == Options.MaxPasses && Result.Conflicts.empty()) {
    // Still finding edits on the last pass: a rule whose output matches again.
    ParsedSource Source(Text);
    for (RuleHit &H : matchRules(Source, Rules, Options.TheTarget))
      if (H.Fix)
        Result.Conflicts.push_back("rule " + H.Matched->Id + " still matches its own output after " +
                                   std::to_string(Options.MaxPasses) + " passes");
  }

  if (Options.InsertImports) {
    for (const std::string &Module : Imports) {
      ParsedSource Source(Text);
      if (std::optional<Edit> Ins = importInsertion(Source, Module, Options.TheTarget)) {
        Text = applyEdits(Text, {*Ins});
        Result.ImportInserted = true;
      }
    }
    ParsedSource Final(Text);
    if (Final.hasErrors()) {
      Result.State = PortResult::Status::RewriteBroken;
      Result.Problem = "inserting the runtime import would not parse; the file is left unchanged (please report this)";
      Result.Text = std::string(Input);
      Result.Hits.clear();
      return Result;
    }
  }
  std::stable_sort(Result.Hits.begin(), Result.Hits.end(),
                   [](const PortedHit &A, const PortedHit &B) { return A.Offset < B.Offset; });
  Result.Text = std::move(Text);
  return Result;
}

} // namespace tdp::python
