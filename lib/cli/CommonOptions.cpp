#include "cli/CommonOptions.h"

#include "core/Error.h"
#include "driver/RuleExampleCheck.h"
#include "rules/RuleLoader.h"

#include <CLI/CLI.hpp>
#include <thread>

namespace tdp {

void addCommonOptions(CLI::App &App, CommonOptions &O) {
  App.add_option("PATH", O.Paths, "Files or directories: Python and C++ sources and headers (directories recursively; hidden, "
                                  "build and virtualenv folders are skipped)");
  App.add_option("-t,--target", O.TargetName,
                 "Device the ported code prefers: auto (best available at run time), mps, cpu, or cuda "
                 "(reverse port of MPS-only code); it falls back with one warning")
      ->check(CLI::IsMember({"auto", "mps", "cpu", "cuda"}))
      ->capture_default_str();
  // Each of these takes one value per use (repeat the option for more), so that PATHs after it
  // stay PATHs: pre-commit appends file names after the hook's arguments.
  App.add_option("--exclude", O.Excludes, "Skip paths matching GLOB (repeatable)")
      ->type_name("GLOB")
      ->allow_extra_args(false);
  App.add_option("--rules", O.RuleFiles, "Load more rules from a JSON rule file (repeatable)")
      ->type_name("FILE")
      ->allow_extra_args(false);
  App.add_option("--select", O.Select, "Only rules whose id starts with one of these (comma-separated, repeatable)")
      ->delimiter(',')
      ->type_name("ID")
      ->allow_extra_args(false);
  App.add_option("--ignore", O.Ignore, "Skip rules whose id starts with one of these (comma-separated, repeatable)")
      ->delimiter(',')
      ->type_name("ID")
      ->allow_extra_args(false);
  App.add_option("--config", O.ConfigFile,
                 "Project configuration file (default: the nearest .torchdevice-port.json in the current "
                 "directory or a parent)")
      ->type_name("FILE");
  App.add_flag("--no-config", O.NoConfig, "Ignore any .torchdevice-port.json");
  App.add_option("-j,--jobs", O.Jobs, "Files processed in parallel (default: all cores)")->type_name("N");
}

void addCompileCommandOptions(CLI::App &App, cpp::CompileCommandOptions &O) {
  App.add_option("-p", O.CompileDbDir,
                 "C++: directory holding compile_commands.json (default: found in a parent folder or its "
                 "build/; without one, C++17 with LibTorch's include directories). Compiler flags may also "
                 "follow `--` at the end of the command line")
      ->type_name("DIR");
  App.add_flag_callback("--no-pch", [&O] { O.ShareHeaders = false; },
               "C++: parse every translation unit in full instead of sharing one precompiled header of the "
               "LibTorch headers among TUs that include them alike (same output, slower)");
}

std::optional<ProjectConfig> effectiveConfig(const CommonOptions &O) {
  if (!O.ConfigFile.empty())
    return readProjectConfig(O.ConfigFile);
  if (O.NoConfig)
    return std::nullopt;
  return findProjectConfig(std::filesystem::current_path());
}

void mergeConfig(CommonOptions &O, const std::optional<ProjectConfig> &Config, const CLI::App &App) {
  if (!Config)
    return;
  if (App.count("--select") == 0)
    O.Select = Config->Select;
  if (App.count("--ignore") == 0)
    O.Ignore = Config->Ignore;
  if (App.count("--target") == 0 && Config->TheTarget)
    O.TargetName = std::string(targetName(*Config->TheTarget));
}

RuleSet loadRules(const CommonOptions &O) {
  std::vector<Rule> All = loadBuiltinRules();
  for (const std::string &File : O.RuleFiles) {
    std::vector<Rule> User = loadRuleFile(File);
    // A user rule must pass its own examples before it touches anybody's code.
    ExampleReport Report = checkRuleExamples(User);
    if (!Report.Failures.empty()) {
      const ExampleFailure &F = Report.Failures.front();
      throw RuleError(F.Where + ": rule " + F.RuleId + " does not match its own example " +
                      std::to_string(F.ExampleIndex) + " (" + F.Verdict + "): " + F.Detail);
    }
    for (Rule &R : User)
      All.push_back(std::move(R));
  }
  RuleSet Loaded(std::move(All));
  return Loaded.filtered(O.Select, O.Ignore);
}

DiscoveryOptions discoveryOf(const CommonOptions &O, const std::optional<ProjectConfig> &Config) {
  DiscoveryOptions D;
  D.Excludes = O.Excludes;
  if (Config && !Config->Exclude.empty())
    D.IsExcluded = [Config](const std::filesystem::path &P) { return Config->excludes(P); };
  return D;
}

Target targetOf(const CommonOptions &O) { return parseTarget(O.TargetName).value_or(Target::Auto); }

unsigned jobsOf(const CommonOptions &O) { return O.Jobs ? O.Jobs : std::max(1u, std::thread::hardware_concurrency()); }

} // namespace tdp
