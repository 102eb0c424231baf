// The `check` subcommand: report hard-coded device code (pre-commit / CI gate).
#pragma once

#include "cli/CommonOptions.h"

#include <iosfwd>
#include <string>

namespace CLI {
class App;
}

namespace tdp {

enum class ExitCode : int;

struct CheckCliOptions {
  CommonOptions Common;
  std::string Format = "text";
  std::string OutputFile;
  std::string Color = "auto";
  bool Statistics = false;
  bool Fix = false;
  bool AllowDirty = false;
  bool ReportUnusedSuppressions = false;
  bool ExitZero = false;
  cpp::CompileCommandOptions Commands; ///< -p DIR, flags after `--`
};

CLI::App *addCheckCommand(CLI::App &Parent, CheckCliOptions &O);
ExitCode runCheckCommand(CheckCliOptions &O, const CLI::App &Command, std::ostream &Out, std::ostream &Err,
                         bool OutIsTerminal);

} // namespace tdp
