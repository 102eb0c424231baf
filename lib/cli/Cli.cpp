#include "cli/Cli.h"

#include "cli/CheckCommand.h"
#include "cli/CommonOptions.h"
#include "cli/MigrateCommand.h"
#include "cli/ReportCommand.h"
#include "cli/RuleCommands.h"
#include "core/Error.h"
#include "core/Version.h"
#include "driver/PortRun.h"
#include "driver/RunStatistics.h"
#include "rules/RuleSet.h"

#include <CLI/CLI.hpp>
#include <ostream>

namespace tdp {
namespace {

constexpr const char *Description =
    "torchdevice-port: port CUDA-only PyTorch code so that it runs on Apple MPS, on the CPU or on\n"
    "whatever accelerator is present. Rewrites device strings, .cuda(), torch.cuda.* calls, streams,\n"
    "events and amp to the torchdevice runtime, and reports what needs manual work.";

constexpr const char *Footer = R"(Commands:
  (none)   port PATH... (this page)
  check    report hard-coded device code without writing: torchdevice-port check --help
  migrate  port whole repositories (mirror, state, shards, report): torchdevice-port migrate --help
  report   merge shard reports of migrate, render them: torchdevice-port report --help

Examples:
  torchdevice-port src/ --target mps            rewrite src/ in place (git-clean files only)
  torchdevice-port train.py --diff              show what would change, write nothing
  torchdevice-port repo/ --target cpu --out-root ported/   write a complete ported copy
  torchdevice-port src/ --select DEV,MOV --stats           only device strings and moves
  torchdevice-port --list-rules --format json   every rule, machine-readable
  torchdevice-port --explain SYN001             what a rule does
  torchdevice-port check src/ --format sarif -o findings.sarif   CI gate with SARIF output
  torchdevice-port cpp/ -p build/ --target cpu   LibTorch C++ sources with a compilation database
  torchdevice-port main.cpp -- -std=c++17 -I/opt/libtorch/include   C++ with explicit flags

Exit codes:
  0  success
  1  done, but some input needs attention (files skipped: unreadable, not UTF-8, syntax
     errors; edit conflicts)
  2  usage error (bad option, path that does not exist)
  3  rule error (invalid rule file, duplicate id, a rule failing its own examples)
  4  refused: files with uncommitted changes (use --allow-dirty, --diff or --out-root)
  5  internal error

Environment of the ported program: TORCHDEVICE_DEVICE=auto|cuda|mps|cpu overrides the target.
Docs: docs/user-guide.md, docs/rules-reference.md)";

struct PortCliOptions {
  CommonOptions Common;
  bool Diff = false;
  std::string OutRoot;
  bool AllowDirty = false;
  bool ListRules = false;
  std::string Explain;
  bool VerifyRules = false;
  std::string Format = "text";
  bool Stats = false;
  bool Quiet = false;
  cpp::CompileCommandOptions Commands;
  bool NoPch = false;
};

ExitCode runPort(PortCliOptions &O, const CLI::App &App, std::ostream &Out, std::ostream &Err) {
  std::optional<ProjectConfig> Config = effectiveConfig(O.Common);
  mergeConfig(O.Common, Config, App);
  RuleSet Rules = loadRules(O.Common);
  if (O.ListRules) {
    listRules(Rules, O.Format == "json", Out);
    return ExitCode::Success;
  }
  if (!O.Explain.empty())
    return explainRule(Rules, O.Explain, Out, Err);
  if (O.VerifyRules)
    return verifyRules(Rules, Out, Err);
  if (O.Common.Paths.empty())
    throw UsageError("no PATH given (try --help)");

  PortRunOptions PO;
  PO.Paths = O.Common.Paths;
  PO.TheTarget = targetOf(O.Common);
  PO.Discovery = discoveryOf(O.Common, Config);
  PO.Config = Config;
  PO.Mode = O.Diff ? OutputMode::Diff : !O.OutRoot.empty() ? OutputMode::OutRoot : OutputMode::InPlace;
  PO.OutRoot = O.OutRoot;
  PO.AllowDirty = O.AllowDirty;
  PO.Jobs = jobsOf(O.Common);
  PO.Quiet = O.Quiet;
  PO.Commands = O.Commands;
  PO.Commands.ShareHeaders = !O.NoPch;

  PortRunResult Result = portFiles(PO, Rules);
  emitPortResult(PO, Result, Out, Err);
  if (O.Stats) {
    RunStatistics S = RunStatistics::collect(Result);
    if (O.Format == "json")
      S.printJson(Out, PO.TheTarget);
    else
      S.printText(Out);
  }
  return exitCodeFor(Result);
}

} // namespace

int runCli(const std::vector<std::string> &Args, std::ostream &Out, std::ostream &Err, bool OutIsTerminal) {
  CLI::App App(Description, "torchdevice-port");
  App.footer(Footer);
  App.set_version_flag("--version", "torchdevice-port " + std::string(toolVersion()));
  App.require_subcommand(0, 1);
  PortCliOptions O;
  addCommonOptions(App, O.Common);
  auto *DiffOpt = App.add_flag("--diff", O.Diff, "Print a unified diff and write nothing");
  auto *OutOpt = App.add_option("-o,--out-root", O.OutRoot,
                                "Write a complete ported copy under DIR and leave the originals alone");
  DiffOpt->excludes(OutOpt);
  App.add_flag("--allow-dirty", O.AllowDirty,
               "Rewrite in place even files with uncommitted changes or outside git");
  App.add_flag("--list-rules", O.ListRules, "List the rules (after --select/--ignore) and exit");
  App.add_option("--explain", O.Explain, "Describe one rule and exit")->type_name("ID");
  App.add_flag("--verify-rules", O.VerifyRules, "Run every loaded rule's examples and exit");
  App.add_option("--format", O.Format, "Output format of --list-rules and --stats")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  App.add_flag("--stats", O.Stats, "Print a summary: files scanned/changed, edits by rule and category, "
                                   "unsupported uses left");
  App.add_flag("-q,--quiet", O.Quiet, "Print no summary line");
  App.add_option("-p", O.Commands.CompileDbDir,
                 "C++: directory holding compile_commands.json (default: found in a parent folder or its "
                 "build/; without one, C++17 with LibTorch's include directories). Compiler flags may also "
                 "follow `--` at the end of the command line")
      ->type_name("DIR");
  App.add_flag("--no-pch", O.NoPch,
               "C++: parse every translation unit in full instead of sharing one precompiled header of the "
               "LibTorch headers among TUs that include them alike (same output, slower)");
  CheckCliOptions CheckOptions;
  CLI::App *Check = addCheckCommand(App, CheckOptions);
  MigrateCliOptions MigrateOptions;
  CLI::App *Migrate = addMigrateCommand(App, MigrateOptions);
  ReportCliOptions ReportOptions;
  CLI::App *Report = addReportCommand(App, ReportOptions);

  // Everything after `--` is compiler flags for C++ files (the LibTooling convention).
  std::vector<const char *> Argv{"torchdevice-port"};
  bool Flags = false;
  for (const std::string &A : Args) {
    if (Flags)
      O.Commands.ExtraFlags.push_back(A);
    else if (A == "--")
      Flags = true;
    else
      Argv.push_back(A.c_str());
  }
  try {
    App.parse(static_cast<int>(Argv.size()), Argv.data());
  } catch (const CLI::CallForHelp &E) {
    return App.exit(E, Out, Err);
  } catch (const CLI::CallForAllHelp &E) {
    return App.exit(E, Out, Err);
  } catch (const CLI::CallForVersion &E) {
    return App.exit(E, Out, Err);
  } catch (const CLI::ParseError &E) {
    Err << "torchdevice-port: error: " << E.what() << " (try --help)\n";
    return static_cast<int>(ExitCode::UsageError);
  }

  try {
    if (Check->parsed())
      return static_cast<int>(runCheckCommand(CheckOptions, *Check, Out, Err, OutIsTerminal));
    if (Migrate->parsed())
      return runMigrateCommand(MigrateOptions, *Migrate, Out, Err);
    if (Report->parsed())
      return static_cast<int>(runReportCommand(ReportOptions, Out, Err));
    return static_cast<int>(runPort(O, App, Out, Err));
  } catch (const ToolError &E) {
    Err << "torchdevice-port: error: " << E.what() << "\n";
    return static_cast<int>(E.code());
  } catch (const std::exception &E) {
    Err << "torchdevice-port: internal error: " << E.what() << " (please report this)\n";
    return static_cast<int>(ExitCode::InternalError);
  }
}

} // namespace tdp
