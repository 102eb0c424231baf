// Where the C++ frontend takes compile commands from (no Clang headers here: the CLI and the
// driver include this).
#pragma once

#include <string>
#include <vector>

namespace tdp::cpp {

struct CompileCommandOptions {
  std::string CompileDbDir;            ///< -p DIR
  std::vector<std::string> ExtraFlags; ///< flags after `--` (used instead of a database)
  /// Parse the LibTorch headers once per group of TUs that include them alike (a precompiled
  /// header, see cpp/HeaderReusePlan.h) instead of once per TU; --no-pch turns it off.
  bool ShareHeaders = true;
};

} // namespace tdp::cpp
