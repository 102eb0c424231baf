// Ports a set of C++ files: runs every translation unit through the matcher (in parallel), merges
// the edits of all TUs per file (a header included by many TUs is ported once; identical edits
// merge, different ones are conflicts), replaces the CUDA includes by <torchdevice/torchdevice.h>
// once per file, and records the target with TORCHDEVICE_PREFER in each changed source file.
#pragma once

#include "cpp/CompileCommandOptions.h"
#include "python/PythonPorter.h"
#include "rules/Rule.h"

#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace tdp {
class RuleSet;
}

namespace tdp::cpp {

struct CppPortOptions {
  Target TheTarget = Target::Auto;
  CompileCommandOptions Commands;
  unsigned Jobs = 1;
  std::vector<std::filesystem::path> Roots; ///< the project: edits outside are dropped
  bool InsertRuntimeInclude = true; ///< add <torchdevice/torchdevice.h> and TORCHDEVICE_PREFER where needed
  bool ExampleHeaders = false;      ///< parse against the lite LibTorch headers (rule examples)
  /// Asked before each translation unit; true stops the run early (`migrate` on Ctrl-C): the
  /// results are then incomplete and must be discarded.
  std::function<bool()> Cancelled;
  /// `// torchdevice: ignore[...]` comments keep their line as it is (as in Python); `check`
  /// turns this off and applies the suppressions itself, to count them.
  bool HonourSuppressions = true;
};

struct CppFileInput {
  std::filesystem::path Path;
  std::string Text; ///< the original content (already read and checked)
  std::vector<std::string> IgnoredRules; ///< id prefixes ignored for this file (config per_path_ignores)
};

struct CppPortResult {
  std::map<std::filesystem::path, python::PortResult> Files; ///< by the input path
  std::vector<std::string> Notes; ///< per TU: where compile commands came from, parse errors
  /// By input path: the parse errors of the file's own translation unit (a source, or a header
  /// parsed on its own), in the words of the matching note.
  std::map<std::filesystem::path, std::string> ParseErrors;
  std::string CommandSource;
};

CppPortResult portCppFiles(const std::vector<CppFileInput> &Files, const RuleSet &Rules, const CppPortOptions &Options);

} // namespace tdp::cpp
