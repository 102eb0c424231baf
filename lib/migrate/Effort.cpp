#include "migrate/Effort.h"

namespace tdp::migrate {

std::string_view effortName(EffortLevel L) {
  switch (L) {
  case EffortLevel::None:
    return "none";
  case EffortLevel::Low:
    return "low";
  case EffortLevel::Medium:
    return "medium";
  case EffortLevel::High:
    return "high";
  }
  return "none";
}

namespace {

EffortLevel raised(EffortLevel L) {
  return L == EffortLevel::Low ? EffortLevel::Medium : EffortLevel::High;
}

} // namespace

EffortLevel effortOfUse(const LeftUse &Use) {
  if (Use.Kind == "not-rewritten")
    return EffortLevel::Low; // a rewritable use in an unusual spelling: one local edit
  // The rule's own estimate (its "effort" in the rule file); medium when it names none.
  if (Use.Effort == "low")
    return EffortLevel::Low;
  if (Use.Effort == "high")
    return EffortLevel::High;
  return EffortLevel::Medium;
}

Effort estimateEffort(const FilePort &Port) {
  Effort E;
  if (!Port.Problems.empty()) {
    E.Level = EffortLevel::Medium;
    E.Reason = "the file could not be ported (" + Port.Problems.front().Kind + "): fix it and run again";
    return E;
  }
  const LeftUse *Worst = nullptr;
  EffortLevel WorstLevel = EffortLevel::None;
  for (const LeftUse &U : Port.Left) {
    EffortLevel L = effortOfUse(U);
    if (L > WorstLevel) {
      WorstLevel = L;
      Worst = &U;
    }
  }
  std::size_t Uses = Port.Left.size();
  if (Worst) {
    E.Level = WorstLevel;
    E.Rule = Worst->Rule;
    E.Reason = std::to_string(Uses) + " use" + (Uses == 1 ? "" : "s") + " left; the costliest: " + Worst->Rule +
               " (" + Worst->Message + ")";
    if ((WorstLevel == EffortLevel::Low && Uses >= 5) || (WorstLevel == EffortLevel::Medium && Uses >= 10)) {
      E.Level = raised(WorstLevel);
      E.Reason = std::to_string(Uses) + " uses left (raised from " + std::string(effortName(WorstLevel)) +
                 "); the costliest: " + Worst->Rule + " (" + Worst->Message + ")";
    }
  }
  if (!Port.Conflicts.empty() && E.Level < EffortLevel::Medium) {
    E.Level = EffortLevel::Medium;
    E.Rule.clear();
    E.Reason = std::to_string(Port.Conflicts.size()) + " conflicting edit" + (Port.Conflicts.size() == 1 ? "" : "s") +
               " left unapplied";
  }
  if (!Port.LowConfidence.empty() && E.Level == EffortLevel::None) {
    E.Level = EffortLevel::Low;
    E.Rule = Port.LowConfidence.front().Rule;
    E.Reason = std::to_string(Port.LowConfidence.size()) + " token-level edit" +
               (Port.LowConfidence.size() == 1 ? "" : "s") + " to review";
  }
  if (E.Level == EffortLevel::None)
    E.Reason = "nothing left";
  return E;
}

} // namespace tdp::migrate
