// The port command: discover files, port them in parallel, then write, mirror or diff them.
#pragma once

#include "cpp/CompileCommandOptions.h"
#include "driver/FileDiscovery.h"
#include "driver/GitGuard.h"
#include "driver/ProjectConfig.h"
#include "python/PythonPorter.h"
#include "rules/Rule.h"

#include <filesystem>
#include <optional>
#include <iosfwd>
#include <string>
#include <vector>

namespace tdp {

class RuleSet;
enum class ExitCode : int;

enum class OutputMode { InPlace, Diff, OutRoot };

struct PortRunOptions {
  std::vector<std::string> Paths;
  Target TheTarget = Target::Auto;
  DiscoveryOptions Discovery;
  OutputMode Mode = OutputMode::InPlace;
  std::filesystem::path OutRoot;
  bool AllowDirty = false;
  GuardLevel Guard = GuardLevel::Committed;
  unsigned Jobs = 1;
  bool Quiet = false;
  bool ReportLeftovers = true;          ///< print uses left for manual work (stderr)
  std::optional<ProjectConfig> Config;  ///< per-path ignores
  bool Cpp = true;                      ///< port C++ sources and headers too
  cpp::CompileCommandOptions Commands;  ///< -p DIR, flags after --
};

/// What happened to one source file.
struct FileOutcome {
  SourceFile File;
  std::string Problem; ///< could not be read or decoded, or the port failed (see Result.State)
  std::size_t ProblemOffset = 0;
  std::string Original;
  python::PortResult Result;
  bool CopyOnly = false; ///< not a source file: mirrored as it is into --out-root
  bool changed() const { return !CopyOnly && Problem.empty() && Result.Text != Original; }
};

struct PortRunResult {
  std::vector<FileOutcome> Files;
  std::vector<std::string> Problems; ///< not tied to a ported file (discovery, writing)
  std::vector<std::string> Refusals; ///< files the dirty-tree guard protected
  std::vector<std::string> Notes;    ///< C++: where compile commands came from, parse errors
  std::size_t Written = 0;
};

/// Ports every file (in parallel with Options.Jobs threads); no output is written yet.
PortRunResult portFiles(const PortRunOptions &Options, const RuleSet &Rules);

/// Ports one Python file whose bytes are already in F.Original (F.File names it): checks the
/// encoding, applies the configuration's per-path ignores and sets F.Result, or F.Problem when
/// the file cannot be ported (F.Result.Text is then the input). Thread-safe; used by portFiles
/// and by `migrate`.
void portSourceText(FileOutcome &F, const RuleSet &Rules, Target TheTarget,
                    const std::optional<ProjectConfig> &Config);

/// Applies the result: prints diffs, writes files in place (behind the dirty-tree guard) or
/// mirrors into the out-root. Diagnostics go to Err, diffs to Out.
void emitPortResult(const PortRunOptions &Options, PortRunResult &Result, std::ostream &Out, std::ostream &Err);

/// The exit code for a finished run.
ExitCode exitCodeFor(const PortRunResult &Result);

} // namespace tdp
