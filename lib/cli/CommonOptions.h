// Options shared by the port and check commands, and how they combine with the project
// configuration file (command line wins).
#pragma once

#include "cpp/CompileCommandOptions.h"
#include "driver/FileDiscovery.h"
#include "driver/ProjectConfig.h"
#include "rules/RuleSet.h"

#include <optional>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace tdp {

struct CommonOptions {
  std::vector<std::string> Paths;
  std::string TargetName = "auto";
  std::vector<std::string> Excludes;
  std::vector<std::string> RuleFiles;
  std::vector<std::string> Select, Ignore;
  std::string ConfigFile;
  bool NoConfig = false;
  unsigned Jobs = 0;
};

/// Adds the shared options to a command.
void addCommonOptions(CLI::App &App, CommonOptions &O);

/// Adds `-p DIR` (where compile_commands.json is) for the commands that read C++. Compiler flags
/// after `--` are split off the command line before parsing (see runCli) and go to ExtraFlags.
void addCompileCommandOptions(CLI::App &App, cpp::CompileCommandOptions &O);

/// The configuration in effect: --config FILE, or the nearest .torchdevice-port.json, or none.
std::optional<ProjectConfig> effectiveConfig(const CommonOptions &O);

/// Applies the configuration under the command line: values given on the command line win.
/// (The configuration's excludes and per-path ignores are applied by the commands themselves.)
void mergeConfig(CommonOptions &O, const std::optional<ProjectConfig> &Config, const CLI::App &App);

/// Built-in rules, plus --rules files (each must pass its own examples), then --select/--ignore.
RuleSet loadRules(const CommonOptions &O);

Target targetOf(const CommonOptions &O);
/// Discovery options: --exclude globs plus the configuration's excludes.
DiscoveryOptions discoveryOf(const CommonOptions &O, const std::optional<ProjectConfig> &Config);
unsigned jobsOf(const CommonOptions &O);

} // namespace tdp
