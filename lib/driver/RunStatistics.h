// `--stats`: files scanned/changed, edits by rule and category, unsupported uses left.
#pragma once

#include "driver/PortRun.h"

#include <iosfwd>
#include <map>
#include <string>

namespace tdp {

struct RunStatistics {
  std::size_t FilesScanned = 0, FilesChanged = 0, FilesSkipped = 0;
  std::size_t Edits = 0, LowConfidenceEdits = 0, Unsupported = 0, NotRewritten = 0, Suppressed = 0, Conflicts = 0;
  std::map<std::string, std::size_t> EditsByRule, EditsByCategory, UnsupportedByRule;
  std::map<std::string, std::string> SkippedFiles; ///< path -> reason

  static RunStatistics collect(const PortRunResult &Result);
  void printText(std::ostream &Out) const;
  void printJson(std::ostream &Out, Target T) const;
};

} // namespace tdp
