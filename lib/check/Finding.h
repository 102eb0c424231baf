// What `check` reports: one finding per hard-coded device use, and the run's input errors.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace tdp {

struct Rule;

struct Finding {
  std::string Path;
  unsigned Line = 0, Column = 0, EndLine = 0, EndColumn = 0; ///< 1-based; columns in characters
  const Rule *Matched = nullptr;
  bool Fixable = false; ///< `--fix` (the port) rewrites it
  std::string NoFixReason;
  bool LowConfidence = false; ///< C++: matched by name at token level (the code did not resolve)
};

struct InputError {
  std::string Path;
  unsigned Line = 0, Column = 0; ///< 0 when the error is about the whole file
  std::string Message;
};

struct CheckReport {
  std::vector<Finding> Findings; ///< sorted by path, line, column
  std::vector<InputError> Errors;
  std::size_t FilesChecked = 0;
  std::size_t Suppressed = 0;
  std::size_t UnusedSuppressions = 0; ///< reported as TDP100 findings when asked for
};

/// The pseudo-rule that reports a suppression comment that suppresses nothing.
const Rule &unusedSuppressionRule();

} // namespace tdp
