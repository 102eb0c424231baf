#include "cli/Cli.h"

#include "cli/RuleCommands.h"
#include "core/Error.h"
#include "core/Version.h"
#include "driver/PortRun.h"
#include "driver/RuleExampleCheck.h"
#include "driver/RunStatistics.h"
#include "rules/RuleLoader.h"
#include "rules/RuleSet.h"

#include <CLI/CLI.hpp>
#include <ostream>
#include <thread>

namespace tdp {
namespace {

constexpr const char *Description =
    "torchdevice-port: port CUDA-only PyTorch code so that it runs on Apple MPS, on the CPU or on\n"
    "whatever accelerator is present. Rewrites device strings, .cuda(), torch.cuda.* calls, streams,\n"
    "events and amp to the torchdevice runtime, and reports what needs manual work.";

constexpr const char *Footer = R"(Examples:
  torchdevice-port src/ --target mps            rewrite src/ in place (git-clean files only)
  torchdevice-port train.py --diff              show what would change, write nothing
  torchdevice-port repo/ --target cpu --out-root ported/   write a complete ported copy
  torchdevice-port src/ --select DEV,MOV --stats           only device strings and moves
  torchdevice-port --list-rules --format json   every rule, machine-readable
  torchdevice-port --explain SYN001             what a rule does

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

struct CliOptions {
  std::vector<std::string> Paths;
  std::string TargetName = "auto";
  bool Diff = false;
  std::string OutRoot;
  bool AllowDirty = false;
  std::vector<std::string> Excludes;
  std::vector<std::string> RuleFiles;
  std::vector<std::string> Select, Ignore;
  bool ListRules = false;
  std::string Explain;
  bool VerifyRules = false;
  std::string Format = "text";
  unsigned Jobs = 0;
  bool Stats = false;
  bool Quiet = false;
};

RuleSet loadRules(const CliOptions &O) {
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

ExitCode run(const CliOptions &O, std::ostream &Out, std::ostream &Err) {
  RuleSet Rules = loadRules(O);
  if (O.ListRules) {
    listRules(Rules, O.Format == "json", Out);
    return ExitCode::Success;
  }
  if (!O.Explain.empty())
    return explainRule(Rules, O.Explain, Out, Err);
  if (O.VerifyRules)
    return verifyRules(Rules, Out, Err);
  if (O.Paths.empty())
    throw UsageError("no PATH given (try --help)");

  PortRunOptions PO;
  PO.Paths = O.Paths;
  PO.TheTarget = *parseTarget(O.TargetName);
  PO.Discovery.Excludes = O.Excludes;
  PO.Mode = O.Diff ? OutputMode::Diff : !O.OutRoot.empty() ? OutputMode::OutRoot : OutputMode::InPlace;
  PO.OutRoot = O.OutRoot;
  PO.AllowDirty = O.AllowDirty;
  PO.Jobs = O.Jobs ? O.Jobs : std::max(1u, std::thread::hardware_concurrency());
  PO.Quiet = O.Quiet;

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

int runCli(const std::vector<std::string> &Args, std::ostream &Out, std::ostream &Err) {
  CLI::App App(Description, "torchdevice-port");
  App.footer(Footer);
  App.set_version_flag("--version", "torchdevice-port " + std::string(toolVersion()));
  CliOptions O;
  App.add_option("PATH", O.Paths, "Python files or directories to port (directories recursively; hidden, "
                                  "build and virtualenv folders are skipped)");
  App.add_option("-t,--target", O.TargetName,
                 "Device the ported code prefers: auto (best available at run time), mps, cpu, or cuda "
                 "(reverse port of MPS-only code); it falls back with one warning")
      ->check(CLI::IsMember({"auto", "mps", "cpu", "cuda"}))
      ->capture_default_str();
  auto *DiffOpt = App.add_flag("--diff", O.Diff, "Print a unified diff and write nothing");
  auto *OutOpt = App.add_option("-o,--out-root", O.OutRoot,
                                "Write a complete ported copy under DIR and leave the originals alone");
  DiffOpt->excludes(OutOpt);
  App.add_flag("--allow-dirty", O.AllowDirty,
               "Rewrite in place even files with uncommitted changes or outside git");
  App.add_option("--exclude", O.Excludes, "Skip paths matching GLOB (repeatable)")->type_name("GLOB");
  App.add_option("--rules", O.RuleFiles, "Load more rules from a JSON rule file (repeatable)")->type_name("FILE");
  App.add_option("--select", O.Select, "Only rules whose id starts with one of these (comma-separated)")
      ->delimiter(',')
      ->type_name("ID");
  App.add_option("--ignore", O.Ignore, "Skip rules whose id starts with one of these (comma-separated)")
      ->delimiter(',')
      ->type_name("ID");
  App.add_flag("--list-rules", O.ListRules, "List the rules (after --select/--ignore) and exit");
  App.add_option("--explain", O.Explain, "Describe one rule and exit")->type_name("ID");
  App.add_flag("--verify-rules", O.VerifyRules, "Run every loaded rule's examples and exit");
  App.add_option("--format", O.Format, "Output format of --list-rules and --stats")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  App.add_option("-j,--jobs", O.Jobs, "Files ported in parallel (default: all cores)")->type_name("N");
  App.add_flag("--stats", O.Stats, "Print a summary: files scanned/changed, edits by rule and category, "
                                   "unsupported uses left");
  App.add_flag("-q,--quiet", O.Quiet, "Print no summary line");

  std::vector<const char *> Argv{"torchdevice-port"};
  for (const std::string &A : Args)
    Argv.push_back(A.c_str());
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
    return static_cast<int>(run(O, Out, Err));
  } catch (const ToolError &E) {
    Err << "torchdevice-port: error: " << E.what() << "\n";
    return static_cast<int>(E.code());
  } catch (const std::exception &E) {
    Err << "torchdevice-port: internal error: " << E.what() << " (please report this)\n";
    return static_cast<int>(ExitCode::InternalError);
  }
}

} // namespace tdp
