#include "python/PythonPorter.h"

#include "core/Suppressions.h"
#include "core/SourceText.h"
#include "python/Comments.h"
#include "python/ImportInsertion.h"
#include "python/PythonMatcher.h"
#include "python/PythonSyntax.h"
#include "rules/RuleSet.h"

#include <algorithm>
#include <memory>
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
  if (!Rules.mayMatch(Input))
    return Result; // nothing any rule looks for: not even parsed

  auto Current = std::make_unique<ParsedSource>(Input);
  if (Current->hasErrors()) {
    TSNode Err = Current->firstError();
    Result.State = PortResult::Status::SyntaxError;
    Result.ProblemOffset = ts_node_is_null(Err) ? 0 : ts_node_start_byte(Err);
    Result.Problem = "syntax error; the file is left unchanged";
    return Result;
  }
  auto Broken = [&](const std::string &What) {
    Result.State = PortResult::Status::RewriteBroken;
    Result.Problem = What + " would not parse; the file is left unchanged (please report this)";
    Result.Text = std::string(Input);
    Result.Hits.clear();
    return Result;
  };

  std::vector<std::vector<Edit>> AppliedPerPass;
  std::set<std::string> Imports;
  auto MapToOriginal = [&](std::size_t Offset) {
    for (auto It = AppliedPerPass.rbegin(); It != AppliedPerPass.rend(); ++It)
      Offset = mapBack(Offset, *It);
    return Offset;
  };

  // What the user asked to keep: suppression comments (in real comments only) and per-path ignores.
  SuppressionSet Suppressions;
  if (Options.HonourSuppressions && Input.find("torchdevice:") != std::string_view::npos) {
    auto Comments = commentRanges(*Current);
    Suppressions = SuppressionSet::scan(Input, [&](std::size_t Offset) {
      for (const auto &[Start, End] : Comments)
        if (Offset >= Start && Offset < End)
          return true;
      return false;
    });
  }
  LineIndex OriginalLines(Input);
  auto Kept = [&](const RuleHit &H) {
    for (const std::string &Prefix : Options.IgnoredRules)
      if (H.Matched->Id.starts_with(Prefix))
        return true;
    if (Suppressions.all().empty())
      return false;
    return Suppressions.suppresses(H.Matched->Id, OriginalLines.locate(MapToOriginal(H.Offset)).Line);
  };

  for (unsigned Pass = 0;; ++Pass) {
    std::vector<RuleHit> Hits = matchRules(*Current, Rules, Options.TheTarget);
    std::vector<Edit> Edits;
    std::set<std::pair<std::string, std::size_t>> Seen;
    for (RuleHit &H : Hits) {
      if (!Seen.insert({H.Matched->Id, H.Offset}).second)
        continue; // the same string in two device positions
      if (Kept(H)) {
        if (Pass == 0)
          Result.Hits.push_back({H.Matched, H.Offset, H.Length, false, {}, true});
        continue;
      }
      if (H.Fix)
        Edits.push_back(*H.Fix);
      else if (Pass == 0) // later passes see the same uses again
        Result.Hits.push_back({H.Matched, H.Offset, H.Length, false, H.NoFixReason, false});
    }
    Result.Passes = Pass + 1;
    if (Edits.empty())
      break;
    if (Pass == Options.MaxPasses) {
      for (const Edit &E : Edits)
        Result.Conflicts.push_back(describe(E) + " could not be applied after " + std::to_string(Options.MaxPasses) +
                                   " passes (it overlaps another edit, or the rule matches its own output)");
      break;
    }
    EditSelection Sel = selectNonOverlapping(std::move(Edits));
    auto Next = std::make_unique<ParsedSource>(applyEdits(Current->text(), Sel.Accepted));
    if (Next->hasErrors()) {
      std::set<std::string> Ids;
      for (const Edit &E : Sel.Accepted)
        Ids.insert(E.RuleId);
      std::string List;
      for (const std::string &Id : Ids)
        List += (List.empty() ? "" : ", ") + Id;
      return Broken("the rewrite by " + List);
    }
    for (const Edit &E : Sel.Accepted) {
      const Rule *R = Rules.byId(E.RuleId);
      if (R && !R->Import.empty())
        Imports.insert(R->Import);
      std::size_t Start = MapToOriginal(E.Offset);
      Result.Hits.push_back({R, Start, MapToOriginal(E.end()) - Start, true, {}, false});
    }
    AppliedPerPass.push_back(std::move(Sel.Accepted));
    Current = std::move(Next);
  }

  if (Options.InsertImports) {
    for (const std::string &Module : Imports) {
      if (std::optional<Edit> Ins = importInsertion(*Current, Module, Options.TheTarget)) {
        Current = std::make_unique<ParsedSource>(applyEdits(Current->text(), {*Ins}));
        if (Current->hasErrors())
          return Broken("inserting `import " + Module + "`");
        Result.ImportInserted = true;
      }
    }
  }
  std::stable_sort(Result.Hits.begin(), Result.Hits.end(),
                   [](const PortedHit &A, const PortedHit &B) { return A.Offset < B.Offset; });
  Result.Text = std::string(Current->text());
  return Result;
}

} // namespace tdp::python
