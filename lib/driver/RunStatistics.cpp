#include "driver/RunStatistics.h"

#include "core/Version.h"

#include <nlohmann/json.hpp>
#include <ostream>

namespace tdp {

RunStatistics RunStatistics::collect(const PortRunResult &Result) {
  RunStatistics S;
  for (const FileOutcome &F : Result.Files) {
    if (F.CopyOnly)
      continue;
    ++S.FilesScanned;
    if (F.changed())
      ++S.FilesChanged;
    if (!F.Problem.empty()) {
      ++S.FilesSkipped;
      S.SkippedFiles[F.File.Path.string()] = F.Problem;
    }
    S.Conflicts += F.Result.Conflicts.size();
    for (const python::PortedHit &H : F.Result.Hits) {
      if (H.Fixed) {
        ++S.Edits;
        if (H.LowConfidence)
          ++S.LowConfidenceEdits;
        ++S.EditsByRule[H.Matched->Id];
        ++S.EditsByCategory[H.Matched->Category];
      } else if (H.Suppressed) {
        ++S.Suppressed;
      } else if (H.Matched->reports()) {
        if (H.NoFixReason.empty())
          ++S.Unsupported;
        else
          ++S.NotRewritten;
        ++S.UnsupportedByRule[H.Matched->Id];
      }
    }
  }
  return S;
}

void RunStatistics::printText(std::ostream &Out) const {
  Out << "Files scanned:   " << FilesScanned << "\n"
      << "Files changed:   " << FilesChanged << "\n"
      << "Files skipped:   " << FilesSkipped << "\n"
      << "Edits:           " << Edits << " (" << LowConfidenceEdits << " at token level, lower confidence)\n";
  for (const auto &[Cat, N] : EditsByCategory)
    Out << "  " << Cat << ": " << N << "\n";
  Out << "Edits by rule:\n";
  for (const auto &[Id, N] : EditsByRule)
    Out << "  " << Id << ": " << N << "\n";
  Out << "Left for manual work: " << (Unsupported + NotRewritten) << " (" << Unsupported << " unsupported, "
      << NotRewritten << " not rewritable here)\n";
  for (const auto &[Id, N] : UnsupportedByRule)
    Out << "  " << Id << ": " << N << "\n";
  if (Suppressed)
    Out << "Suppressed:      " << Suppressed << "\n";
  if (Conflicts)
    Out << "Conflicts:       " << Conflicts << "\n";
  for (const auto &[Path, Why] : SkippedFiles)
    Out << "Skipped " << Path << ": " << Why << "\n";
}

void RunStatistics::printJson(std::ostream &Out, Target T) const {
  nlohmann::ordered_json J;
  J["schema_version"] = 1;
  J["tool_version"] = toolVersion();
  J["target"] = std::string(targetName(T));
  J["files"] = {{"scanned", FilesScanned}, {"changed", FilesChanged}, {"skipped", FilesSkipped}};
  J["edits"] = {{"total", Edits},
                {"low_confidence", LowConfidenceEdits},
                {"by_category", EditsByCategory},
                {"by_rule", EditsByRule}};
  J["left"] = {{"unsupported", Unsupported}, {"not_rewritten", NotRewritten}, {"by_rule", UnsupportedByRule}};
  J["suppressed"] = Suppressed;
  J["conflicts"] = Conflicts;
  nlohmann::ordered_json Skipped = nlohmann::ordered_json::array();
  for (const auto &[Path, Why] : SkippedFiles)
    Skipped.push_back({{"path", Path}, {"reason", Why}});
  J["skipped_files"] = Skipped;
  Out << J.dump(2) << "\n";
}

} // namespace tdp
