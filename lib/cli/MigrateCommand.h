// The `migrate` subcommand: batch migration of whole repositories (docs/migrate.md).
#pragma once

#include "cli/CommonOptions.h"
#include "cpp/CompileCommandOptions.h"

#include <iosfwd>
#include <string>

namespace CLI {
class App;
}

namespace tdp {

struct MigrateCliOptions {
  CommonOptions Common;
  std::string OutRoot;
  bool InPlace = false;
  std::string Report;
  std::string ReportFormat; ///< "" : from the report file's extension
  std::string State;
  bool Restart = false;
  std::string Shard;
  bool VendorRuntime = false;
  bool AllowDirty = false;
  bool Quiet = false;
  std::string Progress = "auto";
  cpp::CompileCommandOptions Commands; ///< -p DIR; flags after `--` (set by the caller)
};

CLI::App *addMigrateCommand(CLI::App &Parent, MigrateCliOptions &O);
/// Returns the exit code (130 when interrupted by SIGINT or SIGTERM).
int runMigrateCommand(MigrateCliOptions &O, const CLI::App &Command, std::ostream &Out, std::ostream &Err);

} // namespace tdp
