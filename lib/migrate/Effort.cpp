#include "migrate/Effort.h"

#include <map>

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

/// Unsupported rules whose uses cost more or less than the default (medium). The table is by
/// rule id; a rule it does not name (a user's rule, say) costs medium. See docs/migrate.md.
const std::map<std::string, EffortLevel, std::less<>> &ruleEffort() {
  static const std::map<std::string, EffortLevel, std::less<>> Table = {
      // Work that touches the design: kernels, extensions, graphs, collectives, allocators.
      {"UNS001", EffortLevel::High}, // CUDA graphs
      {"UNS003", EffortLevel::High}, // jiterator kernels
      {"UNS004", EffortLevel::High}, // CUDA C++ extensions
      {"UNS005", EffortLevel::High}, // inline CUDA extension sources
      {"UNS006", EffortLevel::High}, // JIT-built CUDA extensions
      {"UNS007", EffortLevel::High}, // JIT-built CUDA extensions
      {"UNS008", EffortLevel::High}, // torch.cuda.nccl collectives
      {"UNS009", EffortLevel::High}, // torch.cuda.comm multi-GPU helpers
      {"UNS010", EffortLevel::High}, // Triton kernels
      {"UNS011", EffortLevel::High}, // CuPy, PyCUDA, Numba CUDA
      {"UNS013", EffortLevel::High}, // GPUDirect Storage
      {"UNS016", EffortLevel::High}, // Metal shaders
      {"MEM016", EffortLevel::High}, // custom allocators and memory pools
      {"STR009", EffortLevel::High}, // external CUDA streams
      {"STR010", EffortLevel::High}, // green contexts
      // Local, optional instrumentation and diagnostics: delete or guard a line.
      {"UNS002", EffortLevel::Low}, // NVTX markers
      {"UNS012", EffortLevel::Low}, // TunableOp
      {"UNS014", EffortLevel::Low}, // CUDA profiler start/stop
      {"UNS015", EffortLevel::Low}, // MPS profiler
      {"QRY011", EffortLevel::Low}, // hardware telemetry
      {"QRY016", EffortLevel::Low}, // macOS version checks
      {"SYN002", EffortLevel::Low}, // sync debug mode
      {"MEM017", EffortLevel::Low}, // allocator statistics
      {"MEM020", EffortLevel::Low}, // recommended_max_memory
      {"BKN006", EffortLevel::Low}, // cuFFT plan cache
  };
  return Table;
}

EffortLevel raised(EffortLevel L) {
  return L == EffortLevel::Low ? EffortLevel::Medium : EffortLevel::High;
}

} // namespace

EffortLevel effortOfUse(const LeftUse &Use) {
  if (Use.Kind == "not-rewritten")
    return EffortLevel::Low; // a rewritable use in an unusual spelling: one local edit
  auto It = ruleEffort().find(Use.Rule);
  return It == ruleEffort().end() ? EffortLevel::Medium : It->second;
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
